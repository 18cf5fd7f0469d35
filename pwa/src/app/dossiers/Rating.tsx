/** The rating of a returned dossier on its page (Art 29-34): asked once — the card (its own chunk) until the
 * citizen sends it, puts it off ("Để sau": until the page is opened again) or declines ("Không đánh giá") —
 * then where the rating stands: waiting for a connection, sent, or given at the counter. */

import { useState } from "preact/hooks";
import type { StoredDossier } from "../../data/db";
import type { Lang } from "../i18n";
import { lazyComponent } from "../lazy";
import { RATING_STATE_TEXT } from "./ratingText";

const RatingCard = lazyComponent(() => import("./RatingCard").then((module) => module.RatingCard), "…");

export function Rating({ dossier, lang }: { dossier: StoredDossier; lang: Lang }) {
  const [later, setLater] = useState(false);
  const t = RATING_STATE_TEXT[lang];
  const rating = dossier.rating;
  if (dossier.status !== "returned") return null;
  if (!rating) {
    if (later || dossier.ratingDeclined) return null;
    return <RatingCard code={dossier.code} lang={lang} onLater={() => setLater(true)} />;
  }
  let body;
  if (rating.state === "attention") {
    body = (
      <>
        <p role="alert">
          {t.refused} {rating.lastError?.[lang]}
        </p>
        <p class="dossier-actions">
          <button type="button" class="button button-secondary" onClick={() => void import("../../data/ratings").then((m) => m.dropRating(dossier.code))}>
            {t.again}
          </button>
        </p>
      </>
    );
  } else if (rating.state === "waiting") body = <p>{t.waiting}</p>;
  else if (rating.state === "sent") body = <p>{t.sent}</p>;
  else body = <p>{rating.channel === "kiosk" ? t.atCounter : t.already}</p>;
  return (
    <section class="rating-state" aria-labelledby="rating-state-title" data-testid="rating-state" data-state={rating.state} data-channel={rating.channel ?? ""}>
      <h3 id="rating-state-title">{t.title}</h3>
      {body}
    </section>
  );
}

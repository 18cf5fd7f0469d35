/** "Nhận thông báo khi có kết quả?": offered once the phone holds a dossier the server confirmed (never on a
 * first visit), and on the inbox page whatever was answered; where the phone cannot be notified, how to
 * get notices instead (the inbox). The browser's own permission prompt comes only after a "yes". */

import { useEffect, useState } from "preact/hooks";
import { noticeChoice, rememberNoticeChoice } from "../../data/push";
import { pushSupport, subscribed, turnOnNotices } from "../../sync/push";
import type { Lang } from "../i18n";
import { NOTICE_TEXT } from "./text";
import "./notices.css";

type Outcome = "working" | "on" | "denied" | "failed";

interface Props {
  lang: Lang;
  /** "submitted": after a submission, asked until answered; "inbox": how notices reach this phone. */
  where: "submitted" | "inbox";
}

export function NoticeOffer({ lang, where }: Props) {
  const t = NOTICE_TEXT[lang];
  const support = pushSupport();
  const [choice, setChoice] = useState(noticeChoice);
  const [on, setOn] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => void subscribed().then(setOn, () => setOn(false)), []);

  const yes = async (): Promise<void> => {
    setOutcome("working");
    try {
      setOutcome(await turnOnNotices(lang));
    } catch (error) {
      console.warn("notices not turned on", error);
      setOutcome("failed");
    }
  };
  const no = (): void => {
    rememberNoticeChoice("no");
    setChoice("no");
  };

  if (on === null) return null;
  if (outcome && outcome !== "working") {
    const said = { on: t.turnedOn, denied: t.denied, failed: t.failed }[outcome];
    return <p class="notice-offer" role="status" data-testid="notice-offer">{said}</p>;
  }
  if (support !== "ready") {
    if (where === "submitted" && choice !== null) return null;
    return (
      <div class="notice-offer" data-testid="notice-offer">
        <p>{t[support]}</p>
        {where === "submitted" && (
          <button type="button" class="button button-secondary" onClick={no}>
            {t.understood}
          </button>
        )}
      </div>
    );
  }
  if (on) return where === "inbox" ? <p class="notice-offer" data-testid="notice-offer">{t.isOn}</p> : null;
  if (where === "submitted" && choice !== null) return null;
  const declined = choice === "no";
  return (
    <section class="notice-offer" aria-labelledby="notice-offer-title" data-testid="notice-offer">
      <h3 id="notice-offer-title">{t.offerTitle}</h3>
      <p>{declined ? t.offerDeclined : t.offerBody}</p>
      <div class="dossier-actions">
        <button type="button" class="button" disabled={outcome === "working"} onClick={() => void yes()}>
          {outcome === "working" ? t.offerWorking : declined ? t.turnOn : t.offerYes}
        </button>
        {!declined && (
          <button type="button" class="button button-secondary" onClick={no}>
            {t.offerNo}
          </button>
        )}
      </div>
    </section>
  );
}

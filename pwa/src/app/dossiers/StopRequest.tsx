/** The citizen's request to stop handling (Art 21) on the dossier's page: where it stands (waiting to be sent,
 * sent and waiting for the counter, done), and the button that opens the request's form (loaded on first use). */

import { useState } from "preact/hooks";
import type { StoredDossier } from "../../data/db";
import type { Lang } from "../i18n";
import { lazyComponent } from "../lazy";
import { retryStop } from "../outboxRunner";
import { formatVietnamTime } from "./format";
import { STOP_TEXT, STOPPABLE } from "./stopText";

const StopDialog = lazyComponent(() => import("./StopDialog").then((module) => module.StopDialog), "…");

export function StopRequest({ dossier, lang }: { dossier: StoredDossier; lang: Lang }) {
  const [asking, setAsking] = useState(false);
  const s = STOP_TEXT[lang];
  const local = dossier.stopAsked;
  const kept = dossier.view?.stopRequest;
  const stoppable = STOPPABLE.includes(dossier.status);
  let body;
  if (dossier.status === "stopped") body = <p>{s.stopped}</p>;
  else if (local?.state === "attention") {
    body = (
      <>
        <p role="alert">
          {s.refused} {local.lastError?.[lang]}
        </p>
        <p class="dossier-actions">
          <button type="button" class="button" onClick={() => void retryStop(dossier.code)}>
            {s.retry}
          </button>
          <button type="button" class="button button-secondary" onClick={() => void import("../../data/stops").then((m) => m.dropStopRequest(dossier.code))}>
            {s.drop}
          </button>
        </p>
      </>
    );
  } else if (local) body = <p>{s.pending}</p>;
  else if (kept && stoppable) body = <p>{s.sent(formatVietnamTime(kept.requestedAt))}</p>;
  else if (kept) body = <p>{s.tooLate}</p>;
  else if (!stoppable) return null;
  else if (asking) return <StopDialog code={dossier.code} lang={lang} onDone={() => setAsking(false)} />;
  else {
    return (
      <p class="dossier-actions">
        <button type="button" class="button button-secondary" data-testid="ask-stop" onClick={() => setAsking(true)}>
          {s.ask}
        </button>
      </p>
    );
  }
  const reason = local?.body.reason ?? kept?.reason;
  return (
    <section class="dossier-notice" aria-labelledby="stop-title" data-testid="stop-request" data-state={local ? `local-${local.state}` : dossier.status}>
      <h3 id="stop-title">{s.title}</h3>
      {body}
      {reason && (
        <p>
          {s.yourReason} <span lang="vi">{reason}</span>
        </p>
      )}
    </section>
  );
}

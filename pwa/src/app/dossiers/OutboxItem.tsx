/** One submission waiting in the outbox: its state, how much has gone, when it is tried again, the
 * server's reason when it refused it, "Gửi ngay", and the way back to the draft when it needs fixing. */

import { useState } from "preact/hooks";
import type { OutboxEntry } from "../../data/db";
import { formatBytes } from "../drafts/text";
import type { Lang } from "../i18n";
import { editAgain, sendOutbox } from "../outboxRunner";
import { go, href } from "../route";
import { formatClock } from "./format";
import type { DossierText } from "./text";

interface Props {
  entry: OutboxEntry;
  name: string;
  sent: number;
  online: boolean;
  lang: Lang;
  t: DossierText;
}

export function OutboxItem({ entry, name, sent, online, lang, t }: Props) {
  const [busy, setBusy] = useState(false);
  const id = `outbox-${entry.submissionId}`;
  const attention = entry.state === "attention";
  const later = entry.state === "waiting" && entry.nextAttemptAt > Date.now();
  const sendNow = async (): Promise<void> => {
    setBusy(true);
    try {
      await sendOutbox("force", attention ? entry.submissionId : undefined);
    } finally {
      setBusy(false);
    }
  };
  const edit = async (): Promise<void> => {
    const draftId = await editAgain(entry.submissionId);
    if (draftId) go(entry.kind === "correction" && entry.code ? href.correction(entry.code) : href.draft(draftId));
  };
  return (
    <li class={`outbox-entry outbox-${entry.state}`} data-testid="outbox-entry" data-state={entry.state}>
      <p class="outbox-name">
        {name}
      </p>
      <p class="outbox-state">
        <span class={`state-tag state-${entry.state}`}>{t.states[entry.state]}</span>
      </p>
      <label class="upload-label" for={`${id}-progress`}>
        {t.progressLabel}: {t.progress(sent === 0 ? "0 KB" : formatBytes(sent, lang), formatBytes(entry.bytesTotal, lang))}
      </label>
      <progress id={`${id}-progress`} class="upload-progress" data-testid="upload-progress" max={entry.bytesTotal} value={sent}>
        {Math.floor((100 * sent) / entry.bytesTotal)}%
      </progress>
      {entry.lastError && (
        <p class={attention ? "outbox-error" : "outbox-note"} role={attention ? "alert" : undefined}>
          {entry.lastError[lang]}
        </p>
      )}
      {attention && entry.problem && entry.problem.errors.length > 0 && (
        <ul class="outbox-errors">
          {entry.problem.errors.map((error) => (
            <li key={error.path}>{error.message[lang]}</li>
          ))}
        </ul>
      )}
      {!attention && !online && <p class="outbox-note">{t.offlineWait}</p>}
      {later && online && <p class="outbox-note">{t.nextTry(formatClock(entry.nextAttemptAt))}</p>}
      <p class="outbox-meta">
        {t.submittedOn(formatClock(Date.parse(entry.createdAt)))}
        {entry.attempts > 0 && ` · ${t.attempts(entry.attempts)}`}
      </p>
      {attention && <p class="outbox-note">{t.editHint}</p>}
      <div class="dossier-actions">
        <button
          type="button"
          class="button"
          data-testid="send-now"
          disabled={busy || entry.state === "sending"}
          onClick={() => void sendNow()}
        >
          {t.sendNow}
        </button>
        {attention && (
          <button type="button" class="button button-secondary" onClick={() => void edit()}>
            {t.editAgain}
          </button>
        )}
      </div>
    </li>
  );
}

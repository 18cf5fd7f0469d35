/** The paper dossier between the receiving centre and the deciding agency (Decree 118/2025 Art 18(2)): the
 * counter logs when it handed the paper over and to whom, the agency confirms it arrived; both lines of the
 * control slip with their times, deadline and verdict. Received after 15:00: due the next working morning. */

import { useEffect, useState } from "preact/hooks";
import type { StaffMe } from "../api";
import type { Dossier } from "../counter/api";
import { useSending } from "../counter/useSending";
import type { Lang } from "../i18n";
import { acknowledgePaper, handOverPaper, readControlLines, type SlipEntry } from "./api";
import { LIAISON_TEXT, type LiaisonText } from "./text";

const PAPER_CHANNELS = ["in_person", "postal"];
const PAPER_STEPS = ["paper_pending", "paper_transfer", "paper_received"];
const CUTOFF_MINUTES = 15 * 60;
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000; // UTC+7 all year

/** Whether the dossier was received after 15:00, Vietnam time (15:00 itself is not "after"). */
export function receivedAfterCutoff(receivedAt: string): boolean {
  const local = new Date(Date.parse(receivedAt) + VIETNAM_OFFSET_MS);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return minutes > CUTOFF_MINUTES || (minutes === CUTOFF_MINUTES && local.getUTCSeconds() > 0);
}

interface Props {
  me: StaffMe;
  dossier: Dossier;
  lang: Lang;
  onDone: () => void;
  onStale: () => void;
}

export function PaperHandover({ me, dossier, lang, onDone, onStale }: Props) {
  const t = LIAISON_TEXT[lang];
  const [lines, setLines] = useState<SlipEntry[] | null>(null);
  const carried = Boolean(dossier.receivedAt) && PAPER_CHANNELS.includes(dossier.channel) && dossier.receivingUnitCode !== dossier.competentAgencyCode;
  useEffect(() => {
    if (carried) readControlLines(dossier.code).then((all) => setLines(all.filter((l) => PAPER_STEPS.includes(l.step))), () => setLines([]));
  }, [dossier.code, dossier.version, carried]);
  const { busy, error, run } = useSending(lang, t.failed, onStale);
  if (!carried || lines === null || !dossier.receivedAt) return null;
  const handed = lines.some((l) => l.step === "paper_transfer");
  const arrived = lines.some((l) => l.step === "paper_received");
  const counter = me.role === "officer" && me.agencyCode === dossier.receivingUnitCode;
  const agency = (me.role === "leader" || me.role === "specialist") && me.agencyCode === dossier.competentAgencyCode;
  return (
    <div class="card" data-testid="paper-handover">
      <h2>{t.paperTitle}</h2>
      <p class="hint">{t.paperExplain}</p>
      {receivedAfterCutoff(dossier.receivedAt) && (
        <p class="warning" data-testid="after-cutoff">
          {t.afterCutoff}
        </p>
      )}
      <ol class="trail">
        {lines.map((line) => (
          <Line key={line.step} line={line} t={t} />
        ))}
      </ol>
      {counter && !handed && <HandoverForm t={t} busy={busy} onSend={(at, who) => run(() => handOverPaper(dossier.code, dossier.version, at, who), onDone)} />}
      {agency && handed && !arrived && (
        <button type="button" class="button" disabled={busy} onClick={() => run(() => acknowledgePaper(dossier.code, dossier.version), onDone)}>
          {t.confirmReceipt}
        </button>
      )}
      {error && (
        <p role="alert" class="error-box">
          {error}
        </p>
      )}
    </div>
  );
}

function Line({ line, t }: { line: SlipEntry; t: LiaisonText }) {
  const who = line.step === "paper_received" ? line.to.userName : line.to.user;
  return (
    <li data-testid="paper-line" data-step={line.step}>
      <strong>{line.label}</strong>
      {who && ` — ${who}`}
      <p>{line.atText || t.notYet}</p>
      <p class="hint">
        {t.due(line.dueText)}
        {line.verdictLabel && ` · ${line.verdictLabel}`}
        {line.lateBy && ` (${line.lateBy})`}
      </p>
    </li>
  );
}

function HandoverForm({ t, busy, onSend }: { t: LiaisonText; busy: boolean; onSend: (handedAt: string, recipient: string) => void }) {
  const [handedAt, setHandedAt] = useState("");
  const [recipient, setRecipient] = useState("");
  return (
    <form
      class="form"
      aria-label={t.logHandover}
      onSubmit={(event) => {
        event.preventDefault();
        onSend(handedAt, recipient.trim());
      }}
    >
      <label for="paper-handed-at">{t.handedAt}</label>
      <input id="paper-handed-at" type="datetime-local" value={handedAt} aria-describedby="paper-handed-at-hint" onInput={(e) => setHandedAt(e.currentTarget.value)} />
      <p id="paper-handed-at-hint" class="hint">
        {t.handedAtHint}
      </p>
      <label for="paper-recipient">{t.recipient}</label>
      <input id="paper-recipient" type="text" maxLength={120} value={recipient} onInput={(e) => setRecipient(e.currentTarget.value)} />
      <button type="submit" class="button" disabled={busy}>
        {t.logHandover}
      </button>
    </form>
  );
}

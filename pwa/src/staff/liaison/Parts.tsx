/** Liên thông on a dossier's page (Decree 118/2025 Art 20): every part sent to another agency with its task,
 * deadline and state (open, late, returned), a link to print each Phiếu chuyển xử lý; the lead agency's
 * handler sends parts, an agency holding one returns it. */

import { useEffect, useState } from "preact/hooks";
import type { StaffMe } from "../api";
import type { Dossier } from "../counter/api";
import { dateTime } from "../counter/text";
import { useSending } from "../counter/useSending";
import type { Lang } from "../i18n";
import { followLink } from "../route";
import { readParts, returnPart, type Part } from "./api";
import { ReferralForm } from "./ReferralForm";
import { slipHref } from "./routes";
import { LIAISON_TEXT, type LiaisonText } from "./text";
import "./liaison.css";

interface Props {
  me: StaffMe;
  dossier: Dossier;
  /** The handler the head assigned: a specialist sends parts only of a dossier they hold (a leader may too). */
  assignee: string;
  lang: Lang;
  onDone: () => void;
  onStale: () => void;
}

/** The referrals' sending instants, oldest first: slip n is the n-th (as the server numbers them). */
export const sendings = (parts: Part[]): string[] => [...new Set(parts.map((p) => p.sentAt))].sort((a, b) => Date.parse(a) - Date.parse(b));

export function Parts({ me, dossier, assignee, lang, onDone, onStale }: Props) {
  const t = LIAISON_TEXT[lang];
  const [parts, setParts] = useState<Part[] | null>(null);
  const [form, setForm] = useState(false);
  useEffect(() => {
    readParts(dossier.code).then(setParts, () => setParts([]));
  }, [dossier.code, dossier.version]);
  const agencyStaff = me.role === "leader" || me.role === "specialist";
  const handler = me.role === "leader" || (me.role === "specialist" && assignee === me.username);
  const lead = handler && dossier.competentAgencyCode === me.agencyCode && dossier.status === "in_progress";
  const held = parts?.find((p) => p.agency === me.agencyCode && !p.returnedAt);
  if (!parts || (parts.length === 0 && !lead)) return null;
  const slips = sendings(parts);
  return (
    <div class="card" data-testid="parts">
      <h2>{t.partsTitle}</h2>
      {parts.length === 0 && <p>{t.noParts}</p>}
      <ol class="parts">
        {parts.map((p) => (
          <PartItem key={p.agency + p.sentAt} part={p} t={t} />
        ))}
      </ol>
      {slips.length > 0 && (
        <ul onClick={followLink}>
          {slips.map((_, index) => (
            <li key={index}>
              <a href={slipHref(dossier.code, index + 1)}>{t.printSlip(index + 1)}</a>
            </li>
          ))}
        </ul>
      )}
      {lead && !form && (
        <button type="button" class="button" onClick={() => setForm(true)}>
          {t.refer}
        </button>
      )}
      {lead && form && <ReferralForm me={me} dossier={dossier} lang={lang} onCancel={() => setForm(false)} onDone={onDone} onStale={onStale} />}
      {agencyStaff && held && <ReturnForm dossier={dossier} lang={lang} onDone={onDone} onStale={onStale} />}
    </div>
  );
}

export function partState(p: Part): "open" | "late" | "returned" {
  if (p.returnedAt) return "returned";
  return p.verdict === "late" ? "late" : "open";
}

function PartItem({ part: p, t }: { part: Part; t: LiaisonText }) {
  const state = partState(p);
  const verdict = state === "returned" && p.verdict ? ` (${t.verdicts[p.verdict]})` : "";
  return (
    <li data-testid="part" data-state={state}>
      <strong>{p.agencyName}</strong> — <span class={`part-state part-${state}`}>{t.states[state] + verdict}</span>
      <p class="pre">{p.task}</p>
      <p class="hint">
        {t.sentAt(dateTime(p.sentAt), p.sentBy)} · {t.due(dateTime(p.dueAt))}
      </p>
      {p.returnedAt && (
        <>
          <p class="hint">{t.returnedAt(dateTime(p.returnedAt), p.returnedBy)}</p>
          <p class="pre">{p.result}</p>
        </>
      )}
    </li>
  );
}

function ReturnForm({ dossier, lang, onDone, onStale }: Omit<Props, "me" | "assignee">) {
  const t = LIAISON_TEXT[lang];
  const [result, setResult] = useState("");
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useSending(lang, t.failed, onStale);
  const send = (event: Event): void => {
    event.preventDefault();
    setMissing(!result.trim());
    if (result.trim()) run(() => returnPart(dossier.code, dossier.version, result.trim()), onDone);
  };
  return (
    <form class="form" aria-label={t.returnPart} noValidate onSubmit={send}>
      <h3>{t.returnPart}</h3>
      <label for="part-result">{t.partResult}</label>
      <textarea id="part-result" value={result} maxLength={2000} aria-describedby="part-result-hint" aria-invalid={missing || undefined} onInput={(e) => setResult(e.currentTarget.value)} />
      <p id="part-result-hint" class="hint">
        {t.partResultHint}
      </p>
      {missing && <p class="field-error">{t.required}</p>}
      {error && (
        <p role="alert" class="error-box">
          {error}
        </p>
      )}
      <button type="submit" class="button" disabled={busy}>
        {busy ? t.sending : t.returnPart}
      </button>
    </form>
  );
}

/** The lead agency's Phiếu chuyển xử lý as a form: one or more other agencies (from the organisation's list),
 * each with its task and its deadline in working days; sent once, with the version the page showed. */

import { useEffect, useState } from "preact/hooks";
import { listAgencies, type Agency, type StaffMe } from "../api";
import type { Dossier } from "../counter/api";
import { useSending } from "../counter/useSending";
import type { Lang } from "../i18n";
import { refer, type PartWanted } from "./api";
import { LIAISON_TEXT } from "./text";

// Centres and reception points receive dossiers; the agencies that take a part are the deciding ones.
const RECEIVING_KINDS = ["centre", "reception_point"];
type Row = { agency: string; task: string; days: string };
const EMPTY: Row = { agency: "", task: "", days: "" };

interface Props {
  me: StaffMe;
  dossier: Dossier;
  lang: Lang;
  onCancel: () => void;
  onDone: () => void;
  onStale: () => void;
}

export function ReferralForm({ me, dossier, lang, onCancel, onDone, onStale }: Props) {
  const t = LIAISON_TEXT[lang];
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [rows, setRows] = useState<Row[]>([EMPTY]);
  const [incomplete, setIncomplete] = useState(false);
  const { busy, error, run } = useSending(lang, t.failed, onStale);
  useEffect(() => {
    listAgencies().then((all) => setAgencies(all.filter((a) => a.code !== me.agencyCode && !RECEIVING_KINDS.includes(a.kind))), () => undefined);
  }, [me.agencyCode]);
  const set = (index: number, change: Partial<Row>): void => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const wanted = (): PartWanted[] | null => {
    const parts = rows.map((r) => ({ agency: r.agency, task: r.task.trim(), workingDays: Number(r.days) }));
    const ok = parts.every((p) => p.agency && p.task && Number.isInteger(p.workingDays) && p.workingDays >= 1 && p.workingDays <= 60);
    return ok ? parts : null;
  };
  const send = (event: Event): void => {
    event.preventDefault();
    const parts = wanted();
    setIncomplete(parts === null);
    if (parts) run(() => refer(dossier.code, dossier.version, parts, ""), onDone);
  };
  return (
    <form class="form" aria-label={t.referTitle} noValidate onSubmit={send}>
      <h3>{t.referTitle}</h3>
      {rows.map((row, index) => (
        <fieldset key={index} class="part-row">
          <legend>{t.partLegend(index + 1)}</legend>
          <label for={`part-agency-${index}`}>{t.agency}</label>
          <select id={`part-agency-${index}`} value={row.agency} onChange={(e) => set(index, { agency: e.currentTarget.value })}>
            <option value="">{t.pickAgency}</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code} disabled={rows.some((r, i) => i !== index && r.agency === a.code)}>
                {a.name[lang]}
              </option>
            ))}
          </select>
          <label for={`part-task-${index}`}>{t.task}</label>
          <textarea id={`part-task-${index}`} value={row.task} maxLength={2000} onInput={(e) => set(index, { task: e.currentTarget.value })} />
          <label for={`part-days-${index}`}>{t.workingDays}</label>
          <input id={`part-days-${index}`} type="number" inputMode="numeric" min={1} max={60} value={row.days} aria-describedby="part-days-hint" onInput={(e) => set(index, { days: e.currentTarget.value })} />
          {rows.length > 1 && (
            <button type="button" class="link-button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
              {t.removeAgency(index + 1)}
            </button>
          )}
        </fieldset>
      ))}
      <p id="part-days-hint" class="hint">
        {t.workingDaysHint}
      </p>
      <button type="button" class="button-secondary" onClick={() => setRows([...rows, EMPTY])} disabled={rows.length >= 10}>
        {t.addAgency}
      </button>
      {incomplete && (
        <p role="alert" class="field-error">
          {t.incomplete}
        </p>
      )}
      {error && (
        <p role="alert" class="error-box">
          {error}
        </p>
      )}
      <div class="action-buttons">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t.sending : t.send}
        </button>
        <button type="button" class="button-secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

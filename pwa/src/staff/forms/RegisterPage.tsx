/** Mẫu 07, Sổ theo dõi hồ sơ (/staff/so-theo-doi): the period to pick (the current week unless the address
 * says otherwise), then the register of the unit's dossiers received in it on a landscape A4 sheet, "In", and
 * the same register as a CSV file for Excel. */

import { useEffect, useState } from "preact/hooks";
import { StaffApiError } from "../api";
import type { Lang } from "../i18n";
import { readRegister, registerCsvUrl, type Register } from "./api";
import { periodOf, periodQuery, type Period } from "./period";
import { SheetFoot, SheetHead, SheetTools } from "./SheetParts";
import { FORMS_TEXT, type FormsText } from "./text";
import "../counter/paper.css";
import "./forms.css";

type Loaded = { state: "loading" } | { state: "failed"; message: string } | { state: "ready"; register: Register };

export function RegisterPage({ lang }: { lang: Lang }) {
  const t = FORMS_TEXT[lang];
  const [period, setPeriod] = useState<Period>(() => periodOf(location.search, new Date()));
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    setLoaded({ state: "loading" });
    history.replaceState(null, "", location.pathname + periodQuery(period));
    readRegister(period.from, period.to).then(
      (live) => setLoaded({ state: "ready", register: live.data }),
      (error: unknown) => setLoaded({ state: "failed", message: error instanceof StaffApiError && error.messages ? error.messages[lang] : t.failed }),
    );
  }, [period.from, period.to]);
  return (
    <section class="paper-page register-page" aria-labelledby="register-heading">
      <PeriodForm period={period} t={t} onPick={setPeriod} />
      <SheetTools back={<h1 id="register-heading" tabIndex={-1}>{t.registerTitle}</h1>} printLabel={t.print}>
        <a class="button-secondary" href={registerCsvUrl(period.from, period.to)} download>
          {t.csv}
        </a>
      </SheetTools>
      {loaded.state === "loading" && <p role="status">{t.loading}</p>}
      {loaded.state === "failed" && (
        <p role="alert" class="error-box">
          {loaded.message}
        </p>
      )}
      {loaded.state === "ready" && <Sheet register={loaded.register} t={t} />}
    </section>
  );
}

function PeriodForm({ period, t, onPick }: { period: Period; t: FormsText; onPick: (period: Period) => void }) {
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const submit = (event: Event): void => {
    event.preventDefault();
    if (from && to) onPick({ from, to });
  };
  return (
    <form class="no-print card period-form" aria-label={t.registerTitle} onSubmit={submit}>
      <label>
        {t.from}
        <input type="date" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <label>
        {t.to}
        <input type="date" required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button">
        {t.show}
      </button>
    </form>
  );
}

function Sheet({ register, t }: { register: Register; t: FormsText }) {
  return (
    <article class="sheet landscape" lang="vi" data-testid="paper">
      <SheetHead data={register} />
      <h2 id="paper-title" class="sheet-title">
        {register.title}
      </h2>
      <p class="sheet-period">{register.period}</p>
      <table class="sheet-table register-table">
        <thead>
          <tr>
            {register.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {register.rows.map((row) => (
            <tr key={row.code} data-testid="register-row">
              {register.columns.map((column) => (
                <td key={column.key} class={column.key === "n" ? "num" : undefined}>
                  {row[column.key]}
                </td>
              ))}
            </tr>
          ))}
          {register.rows.length === 0 && (
            <tr>
              <td colSpan={register.columns.length}>{t.empty}</td>
            </tr>
          )}
        </tbody>
      </table>
      <SheetFoot sheet={register} />
    </article>
  );
}

/** The statistics page (leaders and administrators; loaded only when opened): a period picker, Biểu 06 of the
 * unit, its CSV and a print view on A4 landscape, and the communes ranked on the Decision 766 indicators. */

import { useEffect, useState } from "preact/hooks";
import { listAgencies, type Agency } from "../api";
import { MESSAGES, type Lang } from "../i18n";
import { errorText } from "../problem";
import {
  bieu06,
  csvHref,
  periodHolding,
  PERIODS_IN_YEAR,
  query,
  ranking,
  type Bieu06,
  type Detail,
  type PeriodChoice,
  type PeriodKind,
  type Ranking,
} from "./api";
import { Bieu06Table } from "./Bieu06Table";
import { RankingTable } from "./RankingTable";
import { STATISTICS_TEXT, type StatisticsText } from "./text";
import "./statistics.css";

const DECIDING = new Set(["province", "department", "vertical", "commune"]);
const KINDS: PeriodKind[] = ["month", "quarter", "half", "nine_months", "year", "range"];

type Shown = { state: "idle" } | { state: "loading" } | { state: "failed"; text: string } | { state: "shown"; report: Bieu06; ranking: Ranking; q: string };

function firstChoice(): PeriodChoice {
  const today = new Date();
  const iso = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return { kind: "quarter", ...periodHolding("quarter", today), from: iso(new Date(today.getFullYear(), today.getMonth(), 1)), to: iso(today) };
}

const dmy = (iso: string): string => iso.split("-").reverse().join("/");

export default function StatisticsPage({ lang }: { lang: Lang }) {
  const t = STATISTICS_TEXT[lang];
  const [choice, setChoice] = useState<PeriodChoice>(firstChoice);
  const [unit, setUnit] = useState("");
  const [detail, setDetail] = useState<Detail>("field");
  const [units, setUnits] = useState<Agency[]>([]);
  const [shown, setShown] = useState<Shown>({ state: "idle" });

  useEffect(() => {
    listAgencies().then((all) => setUnits(all.filter((a) => DECIDING.has(a.kind))), () => setUnits([]));
  }, []);

  const show = (event: Event): void => {
    event.preventDefault();
    const q = query(choice, unit, detail);
    setShown({ state: "loading" });
    Promise.all([bieu06(q), ranking(query(choice, unit))]).then(
      ([report, ranked]) => setShown({ state: "shown", report, ranking: ranked, q }),
      (error: unknown) => setShown({ state: "failed", text: errorText(error, MESSAGES[lang], lang) }),
    );
  };

  return (
    <section aria-labelledby="stats-title" class="stats-page">
      <h1 id="stats-title" tabIndex={-1}>
        {t.title}
      </h1>
      <p class="lead stats-noprint">{t.lead}</p>
      <form class="stats-picker stats-noprint" onSubmit={show}>
        <PeriodPicker choice={choice} onChange={setChoice} t={t} />
        <div class="stats-control">
          <label for="stats-unit">{t.unit}</label>
          <select id="stats-unit" value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
            <option value="">{t.ownUnit}</option>
            {units.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name[lang]}
              </option>
            ))}
          </select>
        </div>
        <div class="stats-control">
          <label for="stats-detail">{t.detail}</label>
          <select id="stats-detail" value={detail} onChange={(e) => setDetail(e.currentTarget.value as Detail)}>
            {(["unit", "field", "procedure"] as const).map((d) => (
              <option key={d} value={d}>
                {t.details[d]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t.show}
        </button>
      </form>
      {shown.state === "loading" && <p role="status">{t.loading}</p>}
      {shown.state === "failed" && (
        <p role="alert" class="error-box">
          {shown.text}
        </p>
      )}
      {shown.state === "shown" && <Report shown={shown} t={t} lang={lang} />}
    </section>
  );
}

function Report({ shown, t, lang }: { shown: Extract<Shown, { state: "shown" }>; t: StatisticsText; lang: Lang }) {
  const { report } = shown;
  return (
    <>
      <p class="stats-actions stats-noprint">
        <a class="button" href={csvHref(shown.q)} download>
          {t.csv}
        </a>
        <button type="button" class="button secondary" onClick={() => print()}>
          {t.print}
        </button>
      </p>
      <header class="stats-heading">
        <p class="stats-form-name">{t.formName}</p>
        <h2>{t.formTitle}</h2>
        <p>{report.unitName}</p>
        <p data-testid="stats-period">{t.period(dmy(report.period.firstDay), dmy(report.period.lastDay))}</p>
        <p class="hint">{t.asOf(new Date(report.asOf).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB"))}</p>
      </header>
      <Bieu06Table report={report} t={t} lang={lang} />
      <p class="hint stats-convention">{t.convention}</p>
      {shown.ranking.communes.length > 1 && <RankingTable ranking={shown.ranking} t={t} lang={lang} />}
    </>
  );
}

function PeriodPicker({ choice, onChange, t }: { choice: PeriodChoice; onChange: (c: PeriodChoice) => void; t: StatisticsText }) {
  const set = (change: Partial<PeriodChoice>): void => onChange({ ...choice, ...change });
  const pickKind = (kind: PeriodKind): void =>
    set(kind === "range" ? { kind } : { kind, ...periodHolding(kind, new Date()) });
  return (
    <>
      <div class="stats-control">
        <label for="stats-kind">{t.kind}</label>
        <select id="stats-kind" value={choice.kind} onChange={(e) => pickKind(e.currentTarget.value as PeriodKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
      </div>
      {choice.kind === "range" ? (
        <>
          <div class="stats-control">
            <label for="stats-from">{t.from}</label>
            <input id="stats-from" type="date" required value={choice.from} onInput={(e) => set({ from: e.currentTarget.value })} />
          </div>
          <div class="stats-control">
            <label for="stats-to">{t.to}</label>
            <input id="stats-to" type="date" required value={choice.to} onInput={(e) => set({ to: e.currentTarget.value })} />
          </div>
        </>
      ) : (
        <>
          {PERIODS_IN_YEAR[choice.kind] > 1 && (
            <div class="stats-control">
              <label for="stats-index">{t.index}</label>
              <select id="stats-index" value={choice.index} onChange={(e) => set({ index: Number(e.currentTarget.value) })}>
                {Array.from({ length: PERIODS_IN_YEAR[choice.kind] }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {t.indexName(choice.kind, n)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="stats-control">
            <label for="stats-year">{t.year}</label>
            <input
              id="stats-year"
              type="number"
              inputMode="numeric"
              min={2000}
              max={2100}
              required
              value={choice.year}
              onInput={(e) => set({ year: Number(e.currentTarget.value) })}
            />
          </div>
        </>
      )}
    </>
  );
}

/** The statistics page (leaders and administrators; loaded only when opened): a period picker, Biểu 06 of the
 * unit, the charts (per week or month) with their figures, the Decision 766 indicators and the communes ranked
 * on them; a CSV of every table and a print view on A4 landscape holding the charts and the tables. */

import { useEffect, useState } from "preact/hooks";
import { listAgencies, type Agency } from "../api";
import { MESSAGES, type Lang } from "../i18n";
import { errorText } from "../problem";
import {
  bieu06,
  csvHref,
  indicators,
  periodHolding,
  PERIODS_IN_YEAR,
  query,
  ranking,
  series,
  type Bieu06,
  type Detail,
  type Indicators,
  type PeriodChoice,
  type PeriodKind,
  type Ranking,
  type Series,
  type Step,
} from "./api";
import { Bieu06Table } from "./Bieu06Table";
import { Charts } from "./Charts";
import { IndicatorsTable } from "./IndicatorsTable";
import { RankingTable } from "./RankingTable";
import { SeriesTable } from "./SeriesTable";
import { STATISTICS_TEXT, type StatisticsText } from "./text";
import "./statistics.css";

const DECIDING = new Set(["province", "department", "vertical", "commune"]);
const KINDS: PeriodKind[] = ["month", "quarter", "half", "nine_months", "year", "range"];

type Loaded = { report: Bieu06; ranking: Ranking; indicators: Indicators; series: Series | string; q: string; plain: string; sq: string };
type Shown = { state: "idle" } | { state: "loading" } | { state: "failed"; text: string } | ({ state: "shown" } & Loaded);

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
  const [step, setStep] = useState<Step>("week");
  const [units, setUnits] = useState<Agency[]>([]);
  const [shown, setShown] = useState<Shown>({ state: "idle" });

  useEffect(() => {
    listAgencies().then((all) => setUnits(all.filter((a) => DECIDING.has(a.kind))), () => setUnits([]));
  }, []);

  const show = (event: Event): void => {
    event.preventDefault();
    const q = query(choice, unit, detail);
    const plain = query(choice, unit);
    const sq = `${plain}&step=${step}`;
    const failure = (error: unknown): string => errorText(error, MESSAGES[lang], lang);
    setShown({ state: "loading" });
    // The series fails alone (a range too long for weeks, say): the tables still show.
    const charted = series(sq).catch(failure);
    Promise.all([bieu06(q), ranking(plain), indicators(plain), charted]).then(
      ([report, ranked, found, counted]) =>
        setShown({ state: "shown", report, ranking: ranked, indicators: found, series: counted, q, plain, sq }),
      (error: unknown) => setShown({ state: "failed", text: failure(error) }),
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
        <div class="stats-control">
          <label for="stats-step">{t.step}</label>
          <select id="stats-step" value={step} onChange={(e) => setStep(e.currentTarget.value as Step)}>
            {(["week", "month"] as const).map((s) => (
              <option key={s} value={s}>
                {t.steps[s]}
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

function Report({ shown, t, lang }: { shown: Loaded; t: StatisticsText; lang: Lang }) {
  const { report, series: counted, plain } = shown;
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
      {typeof counted === "string" ? (
        <p role="alert" class="error-box">
          {counted}
        </p>
      ) : (
        <>
          <Charts series={counted} ranking={shown.ranking} t={t} lang={lang} />
          <SeriesTable series={counted} t={t} lang={lang} csv={csvHref(shown.sq, "series")} />
        </>
      )}
      <IndicatorsTable found={shown.indicators} t={t} lang={lang} csv={csvHref(plain, "indicators")} />
      {shown.ranking.communes.length > 1 && (
        <RankingTable ranking={shown.ranking} t={t} lang={lang} csv={csvHref(plain, "ranking")} />
      )}
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

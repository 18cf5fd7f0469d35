/** Biểu 06/VPCP/KSTT as the form prints it: grouped headings, the total first, then each unit, field or
 * procedure indented beneath; the satisfaction column shows "—" for a row with no rating in the period. */

import type { Lang } from "../i18n";
import type { Bieu06, Figures, Line } from "./api";
import type { StatisticsText } from "./text";

const COUNTS: (keyof Omit<Figures, "satisfactionRate">)[] = [
  "received",
  "receivedOnline",
  "receivedInPerson",
  "carriedOver",
  "resolved",
  "resolvedEarly",
  "resolvedOnTime",
  "resolvedLate",
  "inProgress",
  "inProgressWithin",
  "inProgressOverdue",
  "waitingForCitizen",
  "returnedOrWithdrawn",
  "apologies",
];

const number = (lang: Lang, n: number): string => n.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB");

/** STT: "" for the total, then 1, 2, … and 1.1, 1.2, … beneath. */
function numbers(rows: Line[]): string[] {
  let counters: number[] = [];
  return rows.map((row) => {
    if (row.depth === 0) return "";
    counters = counters.slice(0, row.depth);
    while (counters.length < row.depth) counters.push(0);
    counters[row.depth - 1] = (counters[row.depth - 1] ?? 0) + 1;
    return counters.join(".");
  });
}

export function Bieu06Table({ report, t, lang }: { report: Bieu06; t: StatisticsText; lang: Lang }) {
  const h = t.head;
  const stt = numbers(report.rows);
  return (
    <div class="stats-scroll" tabIndex={0} role="region" aria-label={t.formName}>
      <table class="stats-table" data-testid="bieu-06">
        <thead>
          <tr>
            <th rowSpan={2} scope="col">STT</th>
            <th rowSpan={2} scope="col">{t.unitCol}</th>
            <th colSpan={4} scope="colgroup">{h.received}</th>
            <th colSpan={4} scope="colgroup">{h.resolved}</th>
            <th colSpan={3} scope="colgroup">{h.inProgress}</th>
            <th rowSpan={2} scope="col">{h.waiting}</th>
            <th rowSpan={2} scope="col">{h.returned}</th>
            <th rowSpan={2} scope="col">{h.apologies}</th>
            <th rowSpan={2} scope="col">{h.satisfaction}</th>
          </tr>
          <tr>
            {[h.sum, h.online, h.inPerson, h.carried, h.sum, h.early, h.onTime, h.late, h.sum, h.within, h.overdue].map(
              (label, i) => (
                <th key={i} scope="col">
                  {label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row, i) => (
            <tr key={`${row.depth}-${row.kind}-${row.code}`} class={`stats-depth-${row.depth} stats-${row.kind}`}>
              <td>{stt[i]}</td>
              <th scope="row" style={{ paddingInlineStart: `${0.5 + row.depth}rem` }}>
                {row.depth === 0 ? `${t.total}: ` : ""}
                {lang === "vi" ? row.nameVi : row.nameEn}
              </th>
              {COUNTS.map((key) => (
                <td key={key} class="num" data-col={key}>
                  {number(lang, row.figures[key])}
                </td>
              ))}
              <td class="num" data-col="satisfactionRate">
                {row.figures.satisfactionRate === null ? t.noRating : row.figures.satisfactionRate.toFixed(1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

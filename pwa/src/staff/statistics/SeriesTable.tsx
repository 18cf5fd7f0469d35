/** The series behind the charts as a table (one row a week or reporting month: what series.csv holds). */

import type { Lang } from "../i18n";
import type { Series } from "./api";
import type { StatisticsText } from "./text";

const dmy = (iso: string): string => iso.split("-").reverse().join("/");
const share = (value: number | null): string => (value === null ? "—" : value.toFixed(1));

export function SeriesTable({ series, t, lang, csv }: { series: Series; t: StatisticsText; lang: Lang; csv: string }) {
  const h = t.seriesHead;
  const n = (value: number): string => value.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB");
  return (
    <section aria-labelledby="series-title" class="stats-block">
      <div class="stats-block-head">
        <h2 id="series-title">{t.seriesTitle}</h2>
        <a class="button secondary stats-noprint" href={csv} download aria-label={t.csvOf(t.seriesTitle)}>
          {t.csvShort}
        </a>
      </div>
      <div class="stats-scroll" tabIndex={0} role="region" aria-labelledby="series-title">
        <table class="stats-table stats-series" data-testid="series">
          <thead>
            <tr>
              {[h.bucket, h.online, h.inPerson, h.postal, h.inTime, h.late, h.onTime, h.rated, h.satisfied, h.satisfiedShare].map(
                (label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {series.buckets.map((b) => (
              <tr key={b.firstDay}>
                <th scope="row">{`${dmy(b.firstDay)} – ${dmy(b.lastDay)}`}</th>
                <td class="num">{n(b.receivedOnline)}</td>
                <td class="num">{n(b.receivedInPerson)}</td>
                <td class="num">{n(b.receivedPostal)}</td>
                <td class="num">{n(b.resolvedInTime)}</td>
                <td class="num">{n(b.resolvedLate)}</td>
                <td class="num">{share(b.onTimeShare)}</td>
                <td class="num">{n(b.rated)}</td>
                <td class="num">{n(b.satisfied)}</td>
                <td class="num">{share(b.satisfiedShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

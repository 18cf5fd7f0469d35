/** The series behind the charts as a table (one row a week or reporting month: what series.csv holds). */

import type { Lang } from "../i18n";
import type { Series } from "./api";
import { share, TableBlock } from "./TableBlock";
import type { StatisticsText } from "./text";

const dmy = (iso: string): string => iso.split("-").reverse().join("/");

export function SeriesTable({ series, t, lang, csv }: { series: Series; t: StatisticsText; lang: Lang; csv: string }) {
  const h = t.seriesHead;
  const n = (value: number): string => value.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB");
  const heads = [h.bucket, h.online, h.inPerson, h.postal, h.inTime, h.late, h.onTime, h.rated, h.satisfied, h.satisfiedShare];
  return (
    <TableBlock id="series-title" title={t.seriesTitle} csv={csv} t={t} heads={heads} testId="series" sectionClass="stats-block" tableClass="stats-series" scroll>
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
    </TableBlock>
  );
}

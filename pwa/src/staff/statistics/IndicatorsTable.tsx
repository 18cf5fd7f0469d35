/** The Decision 766 indicators of the unit and each unit beneath it (what indicators.csv holds); a share
 * without figures shows "—". */

import type { Lang } from "../i18n";
import type { Indicators } from "./api";
import { share, TableBlock } from "./TableBlock";
import type { StatisticsText } from "./text";

export function IndicatorsTable({ found, t, lang, csv }: { found: Indicators; t: StatisticsText; lang: Lang; csv: string }) {
  const h = t.indicatorsHead;
  const r = t.rankingHead;
  const heads = [h.unit, h.received, h.resolved, r.onTime, r.online, r.scanned, r.satisfied];
  return (
    <TableBlock id="indicators-title" title={t.indicatorsTitle} csv={csv} t={t} heads={heads} testId="indicators" sectionClass="stats-block" scroll>
      {found.units.map((i, n) => (
        <tr key={i.unit} class={n === 0 ? "stats-depth-0" : ""}>
          <th scope="row">{lang === "vi" ? i.nameVi : i.nameEn}</th>
          <td class="num">{i.received}</td>
          <td class="num">{i.resolved}</td>
          <td class="num">{share(i.onTimeShare)}</td>
          <td class="num">{share(i.onlineShare)}</td>
          <td class="num">{share(i.scannedShare)}</td>
          <td class="num">{share(i.satisfiedShare)}</td>
        </tr>
      ))}
    </TableBlock>
  );
}

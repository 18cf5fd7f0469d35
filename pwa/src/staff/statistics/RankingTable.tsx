/** The communes ranked on the Decision 766 indicators the data supports; a share without figures shows "—". */

import type { Lang } from "../i18n";
import type { Ranking } from "./api";
import { share, TableBlock } from "./TableBlock";
import type { StatisticsText } from "./text";

export function RankingTable({ ranking, t, lang, csv }: { ranking: Ranking; t: StatisticsText; lang: Lang; csv: string }) {
  const h = t.rankingHead;
  const heads = [h.rank, h.commune, h.score, h.onTime, h.online, h.scanned, h.satisfied];
  const note = <p class="hint">{t.rankingNote}</p>;
  return (
    <TableBlock id="ranking-title" title={t.rankingTitle} csv={csv} t={t} heads={heads} testId="ranking" sectionClass="stats-ranking" scroll={false} after={note}>
      {ranking.communes.map(({ rank, score, indicator: i }) => (
        <tr key={i.unit}>
          <td class="num">{rank}</td>
          <th scope="row">{lang === "vi" ? i.nameVi : i.nameEn}</th>
          <td class="num">{share(score)}</td>
          <td class="num">{share(i.onTimeShare)}</td>
          <td class="num">{share(i.onlineShare)}</td>
          <td class="num">{share(i.scannedShare)}</td>
          <td class="num">{share(i.satisfiedShare)}</td>
        </tr>
      ))}
    </TableBlock>
  );
}

/** The communes ranked on the Decision 766 indicators the data supports; a share without figures shows "—". */

import type { Lang } from "../i18n";
import type { Ranking } from "./api";
import type { StatisticsText } from "./text";

const share = (value: number | null): string => (value === null ? "—" : value.toFixed(1));

export function RankingTable({ ranking, t, lang, csv }: { ranking: Ranking; t: StatisticsText; lang: Lang; csv: string }) {
  const h = t.rankingHead;
  return (
    <section aria-labelledby="ranking-title" class="stats-ranking">
      <div class="stats-block-head">
        <h2 id="ranking-title">{t.rankingTitle}</h2>
        <a class="button secondary stats-noprint" href={csv} download aria-label={t.csvOf(t.rankingTitle)}>
          {t.csvShort}
        </a>
      </div>
      <table class="stats-table" data-testid="ranking">
        <thead>
          <tr>
            {[h.rank, h.commune, h.score, h.onTime, h.online, h.scanned, h.satisfied].map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      <p class="hint">{t.rankingNote}</p>
    </section>
  );
}

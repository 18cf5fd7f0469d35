/** The Decision 766 indicators of the unit and each unit beneath it (what indicators.csv holds); a share
 * without figures shows "—". */

import type { Lang } from "../i18n";
import type { Indicators } from "./api";
import type { StatisticsText } from "./text";

const share = (value: number | null): string => (value === null ? "—" : value.toFixed(1));

export function IndicatorsTable({ found, t, lang, csv }: { found: Indicators; t: StatisticsText; lang: Lang; csv: string }) {
  const h = t.indicatorsHead;
  const r = t.rankingHead;
  return (
    <section aria-labelledby="indicators-title" class="stats-block">
      <div class="stats-block-head">
        <h2 id="indicators-title">{t.indicatorsTitle}</h2>
        <a class="button secondary stats-noprint" href={csv} download aria-label={t.csvOf(t.indicatorsTitle)}>
          {t.csvShort}
        </a>
      </div>
      <div class="stats-scroll" tabIndex={0} role="region" aria-labelledby="indicators-title">
        <table class="stats-table" data-testid="indicators">
          <thead>
            <tr>
              {[h.unit, h.received, h.resolved, r.onTime, r.online, r.scanned, r.satisfied].map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
    </section>
  );
}

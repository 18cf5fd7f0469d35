/** One of the statistics page's tables under its title, with its own "Tải CSV" link (what the CSV holds is
 * what the table shows); `scroll` lets a wide table scroll on its own at small widths. */

import type { ComponentChildren } from "preact";
import type { StatisticsText } from "./text";

/** A share in per cent with one decimal; "—" when there was nothing to share. */
export const share = (value: number | null): string => (value === null ? "—" : value.toFixed(1));

interface Props {
  id: string;
  title: string;
  csv: string;
  t: StatisticsText;
  /** The column headings, in order. */
  heads: string[];
  testId: string;
  sectionClass: string;
  tableClass?: string;
  scroll: boolean;
  /** The table's rows. */
  children: ComponentChildren;
  after?: ComponentChildren;
}

export function TableBlock({ id, title, csv, t, heads, testId, sectionClass, tableClass, scroll, children, after }: Props) {
  const table = (
    <table class={`stats-table${tableClass ? ` ${tableClass}` : ""}`} data-testid={testId}>
      <thead>
        <tr>
          {heads.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return (
    <section aria-labelledby={id} class={sectionClass}>
      <div class="stats-block-head">
        <h2 id={id}>{title}</h2>
        <a class="button secondary stats-noprint" href={csv} download aria-label={t.csvOf(title)}>
          {t.csvShort}
        </a>
      </div>
      {scroll ? (
        <div class="stats-scroll" tabIndex={0} role="region" aria-labelledby={id}>
          {table}
        </div>
      ) : (
        table
      )}
      {after}
    </section>
  );
}

/** The statistics page's charts: dossiers received per week (or month) by channel, the on-time share and the
 * satisfied share over time, and the communes' mean scores. Each has a title, its own legend and its numbers
 * in a table beneath (SeriesTable, RankingTable: what the CSVs hold). The drawing library comes with the first
 * chart drawn (`import("./chart")`). */

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Lang } from "../i18n";
import type { Ranking, Series } from "./api";
import type { ChartSpec, Drawn, Line } from "./chart";
import type { StatisticsText } from "./text";

const COLORS = { online: "#0b5394", inPerson: "#b45f06", postal: "#38761d", share: "#0b5394", score: "#5b7fa6" };
const WIDTH = 500; // two side by side on A4 landscape (277 mm, 1,047 px) as on a 1366-px screen
const WIDE = 1000;
const HEIGHT = 240;

const dm = (iso: string): string => iso.slice(8, 10) + "/" + iso.slice(5, 7);
const my = (iso: string): string => iso.slice(5, 7) + "/" + iso.slice(0, 4);
const shortName = (name: string): string => name.replace(/^Ủy ban nhân dân |^People's Committee of /, "");

interface Shown {
  id: string;
  title: string;
  spec: ChartSpec;
  note?: string;
}

function specs(series: Series, ranking: Ranking, t: StatisticsText, lang: Lang): Shown[] {
  const b = series.buckets;
  const labels = b.map((x) => (series.step === "week" ? dm(x.firstDay) : my(x.lastDay)));
  const plain = { labels, percent: false, bars: false, width: WIDTH, height: HEIGHT };
  const received: Line[] = [
    { label: t.channels.online, color: COLORS.online, values: b.map((x) => x.receivedOnline) },
    { label: t.channels.inPerson, color: COLORS.inPerson, dash: [6, 4], values: b.map((x) => x.receivedInPerson) },
    { label: t.channels.postal, color: COLORS.postal, dash: [2, 3], values: b.map((x) => x.receivedPostal) },
  ];
  const out: Shown[] = [
    { id: "chart-received", title: t.charts.received, spec: { ...plain, lines: received } },
    {
      id: "chart-on-time",
      title: t.charts.onTime,
      spec: { ...plain, percent: true, lines: [{ label: t.onTimeLine, color: COLORS.share, values: b.map((x) => x.onTimeShare) }] },
    },
    {
      id: "chart-satisfaction",
      title: t.charts.satisfaction,
      spec: { ...plain, percent: true, lines: [{ label: t.satisfiedLine, color: COLORS.share, values: b.map((x) => x.satisfiedShare) }] },
      ...(b.every((x) => x.rated === 0) ? { note: t.noRatings } : {}),
    },
  ];
  if (ranking.communes.length > 1) {
    const communes = ranking.communes;
    out.push({
      id: "chart-ranking",
      title: t.charts.ranking,
      spec: {
        labels: communes.map((c) => shortName(lang === "vi" ? c.indicator.nameVi : c.indicator.nameEn)),
        lines: [{ label: t.scoreLine, color: COLORS.score, values: communes.map((c) => c.score) }],
        percent: true,
        bars: true,
        width: WIDE,
        height: HEIGHT + 60,
      },
    });
  }
  return out;
}

export function Charts({ series, ranking, t, lang }: { series: Series; ranking: Ranking; t: StatisticsText; lang: Lang }) {
  const shown = useMemo(() => specs(series, ranking, t, lang), [series, ranking, t, lang]);
  return (
    <section aria-labelledby="charts-title" class="stats-charts-section">
      <h2 id="charts-title">{t.chartsTitle}</h2>
      <p class="hint">{t.chartNote}</p>
      <div class="stats-charts">
        {shown.map((s) => (
          <Chart key={s.id} shown={s} t={t} />
        ))}
      </div>
    </section>
  );
}

function Chart({ shown, t }: { shown: Shown; t: StatisticsText }) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const { id, title, spec, note } = shown;
  useEffect(() => {
    let chart: Drawn | null = null;
    let gone = false;
    import("./chart").then(
      ({ draw }) => {
        const into = box.current;
        if (gone || !into) return;
        chart = draw(into, { ...spec, width: Math.min(into.clientWidth || spec.width, spec.width) });
        setDrawn(chart.series);
      },
      () => setFailed(true),
    );
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [spec]);
  return (
    <figure class={`stats-chart${spec.bars ? " stats-chart-wide" : ""}`} aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption id={`${id}-title`} class="stats-chart-title">
        {title}
      </figcaption>
      <ul class="stats-legend">
        {spec.lines.map((line) => (
          <li key={line.label}>
            <span class={`stats-swatch${line.dash ? " stats-swatch-dashed" : ""}`} style={{ borderColor: line.color }} aria-hidden="true" />
            {line.label}
          </li>
        ))}
      </ul>
      {note && <p class="hint">{note}</p>}
      {failed && <p class="hint">{t.chartFailed}</p>}
      <div ref={box} class="stats-chart-box" role="img" aria-label={`${title}. ${t.chartNote}`} data-series={drawn ?? undefined} />
    </figure>
  );
}

/** The charts' drawing, with uPlot (a small canvas chart library): imported only by Charts.tsx, dynamically, so
 * neither the staff app's first download nor the statistics page's own chunk carries it until a chart is drawn
 * (and the citizen app, a build of its own, never does). Each chart's x axis is the bucket's (or commune's)
 * position, labelled by the caller; y is a count or a share in %. */

import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Line {
  label: string;
  color: string;
  dash?: number[];
  values: (number | null)[];
}

export interface ChartSpec {
  labels: string[]; // one per x position
  lines: Line[];
  percent: boolean; // y from 0 to 100
  bars: boolean; // one series drawn as bars (the ranking)
  width: number;
  height: number;
}

export type Drawn = { series: number; destroy: () => void };

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function draw(into: HTMLElement, spec: ChartSpec): Drawn {
  const xs = spec.labels.map((_, i) => i);
  const bars = uPlot.paths.bars?.({ size: [0.6, 48] });
  const opts: uPlot.Options = {
    width: spec.width,
    height: spec.height,
    legend: { show: false }, // the page draws its own legend (and the table holds every number)
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: () => [-0.5, Math.max(spec.labels.length - 0.5, 0.5)] },
      y: spec.percent ? { range: [0, 100] } : { range: (_u, _min, max) => [0, Math.max(max, 4)] },
    },
    axes: [
      {
        font: FONT,
        incrs: [1, 2, 3, 4, 5, 10, 20, 50],
        values: (_u, splits) => splits.map((i) => spec.labels[i] ?? ""),
        ...(spec.bars ? { rotate: -35, size: 96, gap: 4 } : {}),
      },
      { font: FONT, size: 48, values: (_u, splits) => splits.map((v) => (spec.percent ? `${v}%` : String(v))) },
    ],
    series: [
      {},
      ...spec.lines.map(
        (line): uPlot.Series => ({
          label: line.label,
          stroke: line.color,
          width: 2,
          dash: line.dash ?? [],
          ...(spec.bars && bars ? { paths: bars, fill: line.color, points: { show: false } } : { points: { size: 6 } }),
        }),
      ),
    ],
  };
  const chart = new uPlot(opts, [xs, ...spec.lines.map((l) => l.values)] as uPlot.AlignedData, into);
  return { series: chart.series.length - 1, destroy: () => chart.destroy() };
}

/** The statistics requests (backend/statistics/api.py): Biểu 06, the Decision 766 indicators, the ranking of
 * communes and the series behind the charts for a period, and the address of each as CSV (a plain link: the
 * browser downloads it with the session's cookie). */

import { call } from "../api";
import type { PublicFigures } from "../../shared/types";

export type PeriodKind = "month" | "quarter" | "half" | "nine_months" | "year" | "range";
export type Detail = "unit" | "field" | "procedure";
export type Step = "week" | "month";

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  index: number;
  from: string;
  to: string;
}

/** Biểu 06's columns (shared with the public page's, shared/types.ts), and the ratings behind the rate. */
export interface Figures extends PublicFigures {
  rated: number;
  ratedSatisfied: number;
}

export interface Line {
  depth: number;
  kind: "unit" | "field" | "procedure";
  code: string;
  nameVi: string;
  nameEn: string;
  figures: Figures;
}

export interface Period {
  kind: PeriodKind;
  firstDay: string;
  lastDay: string;
}

export interface Bieu06 {
  unit: string;
  unitName: string;
  period: Period;
  asOf: string;
  detail: Detail;
  rows: Line[];
}

export interface Indicator {
  unit: string;
  nameVi: string;
  nameEn: string;
  received: number;
  resolved: number;
  onTimeShare: number | null;
  onlineShare: number | null;
  scannedShare: number | null;
  satisfiedShare: number | null;
}

export interface Indicators {
  units: (Indicator & { kind: string })[];
}

export interface Ranking {
  communes: { rank: number; score: number | null; indicator: Indicator }[];
}

/** One week or reporting month: received per channel, results in time (early or on time) and late, ratings. */
export interface Bucket {
  firstDay: string;
  lastDay: string;
  receivedOnline: number;
  receivedInPerson: number;
  receivedPostal: number;
  resolvedInTime: number;
  resolvedLate: number;
  onTimeShare: number | null;
  rated: number;
  satisfied: number;
  satisfiedShare: number | null;
}

export interface Series {
  unit: string;
  step: Step;
  buckets: Bucket[];
}

export function query(period: PeriodChoice, unit: string, detail?: Detail): string {
  const params = new URLSearchParams();
  if (period.kind === "range") {
    params.set("from", period.from);
    params.set("to", period.to);
  } else {
    params.set("period", period.kind);
    params.set("year", String(period.year));
    params.set("index", String(period.index));
  }
  if (unit) params.set("unit", unit);
  if (detail) params.set("detail", detail);
  return params.toString();
}

export const bieu06 = (q: string): Promise<Bieu06> => call("GET", `/statistics/bieu-06?${q}`);
export const ranking = (q: string): Promise<Ranking> => call("GET", `/statistics/ranking?${q}`);
export const indicators = (q: string): Promise<Indicators> => call("GET", `/statistics/indicators?${q}`);
export const series = (q: string): Promise<Series> => call("GET", `/statistics/series?${q}`);
export type Sheet = "bieu-06" | "indicators" | "ranking" | "series";
export const csvHref = (q: string, sheet: Sheet = "bieu-06"): string => `/api/staff/statistics/${sheet}.csv?${q}`;

/** How many periods of a kind a year holds (months 1-12, quarters 1-4, halves 1-2, one of the others). */
export const PERIODS_IN_YEAR: Record<Exclude<PeriodKind, "range">, number> = {
  month: 12,
  quarter: 4,
  half: 2,
  nine_months: 1,
  year: 1,
};

/** The period of `kind` holding `day` (15th-to-14th): a month or quarter ending on or after it. */
export function periodHolding(kind: Exclude<PeriodKind, "range">, day: Date): { year: number; index: number } {
  // From the 15th a day belongs to the next month's period (and 15/12 on to the next year's).
  let month = day.getMonth() + 1 + (day.getDate() >= 15 ? 1 : 0);
  let year = day.getFullYear();
  if (month === 13) {
    month = 1;
    year += 1;
  }
  if (kind === "month") return { year, index: month };
  if (kind === "quarter") return { year, index: Math.ceil(month / 3) };
  if (kind === "half") return { year, index: month <= 6 ? 1 : 2 };
  return { year, index: 1 };
}

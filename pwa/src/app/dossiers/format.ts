/** Times and dates of dossiers as Vietnamese counters write them; the receipt's in Vietnam's time zone,
 * whatever the phone's setting, since it is what the counter's own copy says. */

import { inVietnam } from "../../shared/vietnamTime";

const pad = (n: number): string => String(n).padStart(2, "0");

/** "14:05:09 23/11": the next try of a submission (seconds matter for the first retries). */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}`;
}

/** "YYYY-MM-DD" as its numbers. */
export function dateParts(isoDate: string): { year: number; month: number; day: number } {
  const [year = 0, month = 0, day = 0] = isoDate.split("-").map(Number);
  return { year, month, day };
}

/** "14:05 23/11/2026" on a clock in Vietnam: when a dossier was submitted or received, as the counter
 * (and every deadline) counts it, whatever time zone the phone is set to. */
export function formatVietnamTime(iso: string): string {
  const t = inVietnam(iso);
  return `${t.hour}:${t.minute} ${pad(t.day)}/${pad(t.month)}/${t.year}`;
}

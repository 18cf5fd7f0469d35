/** Instants as read on a clock in Vietnam, whatever time zone the phone is set to: the counters, their
 * receipts and every deadline go by Vietnam's time. */

export interface VietnamTime {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
}

let clock: Intl.DateTimeFormat | null = null;

/** An instant as read on a clock in Vietnam. */
export function inVietnam(instant: string | Date): VietnamTime {
  clock ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const parts = clock.formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
    hour: part("hour"),
    minute: part("minute"),
  };
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** Today at the counter, "YYYY-MM-DD": a birth date is "in the future" by Vietnam's calendar, not the phone's. */
export function todayInVietnam(now = new Date()): string {
  const t = inVietnam(now);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** "ngày 04 tháng 12 năm 2026", as Decree 30/2020/NĐ-CP (Appendix I) dates a paper: a day below 10 and the
 * months 1 and 2 take a leading zero, no other month does. The server's twin: backend/review/rules.date_words. */
export function dateInWords(year: number, month: number, day: number): string {
  return `ngày ${pad(day)} tháng ${month < 3 ? pad(month) : String(month)} năm ${year}`;
}

/** The register's period: by default the current week, Monday to Sunday, in the browser's own calendar;
 * kept in the address (?tu=YYYY-MM-DD&den=YYYY-MM-DD) so a printed period can be opened again. */

export interface Period {
  from: string;
  to: string;
}

const iso = (day: Date): string =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;

export function currentWeek(today: Date): Period {
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
  return { from: iso(monday), to: iso(sunday) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function periodOf(search: string, today: Date): Period {
  const query = new URLSearchParams(search);
  const from = query.get("tu") ?? "";
  const to = query.get("den") ?? "";
  return DAY.test(from) && DAY.test(to) ? { from, to } : currentWeek(today);
}

export const periodQuery = (period: Period): string => `?${new URLSearchParams({ tu: period.from, den: period.to }).toString()}`;

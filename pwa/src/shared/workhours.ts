/** Working-hours arithmetic (giờ làm việc) for deadlines counted in hours: the 8-hour online check and the
 * queue's colour bands. A port of backend/catalogue/workhours.py; tests/vectors/working_hours.json keeps the
 * two alike. Office time only; instants are cut to whole seconds; see the Python module for the rules. */

import {
  CalendarError,
  isWorkingDay,
  localTime,
  nextWorkingDay,
  toDate,
  toDay,
  type OfficeHours,
  type WorkCalendar,
} from "./workdays";

/** Decree 118/2025 Art 17(2): the online check, and the alert to staff, both in working minutes. */
export const ONLINE_CHECK_MINUTES = 8 * 60;
export const ALERT_MINUTES = 2 * 60;

export type Band = "ok" | "soon" | "today" | "overdue";
/** "soon" is the last fifth of the whole duration, in working time (OpenCPS's "due soon"). */
const SOON_SHARE = 5;
const DAY_SECONDS = 86400;

const wholeSeconds = (instant: Date): number => Math.floor(instant.getTime() / 1000);
const periodsOn = (date: string, calendar: WorkCalendar, office: OfficeHours): [number, number][] =>
  isWorkingDay(date, calendar) ? office.periods : [];

/** The instant at `time` seconds after midnight of `date` on the counter's clock. The offset is read at a
 * first guess and read again there, which is exact for zones without daylight saving, as Vietnam's. */
function instantAt(date: string, time: number, calendar: WorkCalendar): Date {
  const wall = toDay(date) * DAY_SECONDS + time;
  const offset = (at: number): number => {
    const local = localTime(new Date(at * 1000), calendar);
    return toDay(local.date) * DAY_SECONDS + local.time - at;
  };
  const guess = wall - offset(wall);
  return new Date((wall - offset(guess)) * 1000);
}

/** The deadline `minutes` working minutes after `start`: the earliest instant by which that much office time
 * has passed. Zero gives `start` itself; landing on closing time gives closing time, not the next opening. */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkCalendar, office: OfficeHours): Date {
  if (!Number.isInteger(minutes) || minutes < 0) throw new CalendarError("minutes must be a whole number, not negative");
  let { date, time } = localTime(start, calendar);
  let left = minutes * 60;
  if (left === 0) return new Date(wholeSeconds(start) * 1000);
  for (;;) {
    for (const [opens, closes] of periodsOn(date, calendar, office)) {
      const begin = Math.max(time, opens);
      if (begin < closes && left <= closes - begin) return instantAt(date, begin + left, calendar);
      left -= Math.max(0, closes - begin);
    }
    date = toDate(toDay(date) + 1);
    time = 0;
  }
}

/** `addWorkingMinutes` for whole hours: the 8-hour check is `addWorkingHours(arrivedAt, 8, ...)`. */
export function addWorkingHours(start: Date, hours: number, calendar: WorkCalendar, office: OfficeHours): Date {
  return addWorkingMinutes(start, hours * 60, calendar, office);
}

/** Office time from `a` to `b` in whole seconds; negative when `b` is before `a`. */
export function workingSecondsBetween(a: Date, b: Date, calendar: WorkCalendar, office: OfficeHours): number {
  if (wholeSeconds(b) < wholeSeconds(a)) return -workingSecondsBetween(b, a, calendar, office);
  const from = localTime(a, calendar);
  const to = localTime(b, calendar);
  let total = 0;
  for (let day = toDay(from.date); day <= toDay(to.date); day++) {
    const date = toDate(day);
    const low = date === from.date ? from.time : 0;
    const high = date === to.date ? to.time : DAY_SECONDS;
    for (const [begin, end] of periodsOn(date, calendar, office)) {
      total += Math.max(0, Math.min(high, end) - Math.max(low, begin));
    }
  }
  return total;
}

/** Office time from `a` to `b` in whole minutes, rounded down (towards less time left): the time left before
 * a deadline, negative once office time has passed since it. */
export function workingMinutesBetween(a: Date, b: Date, calendar: WorkCalendar, office: OfficeHours): number {
  return Math.floor(workingSecondsBetween(a, b, calendar, office) / 60);
}

/** The one definition of late: the deadline instant has passed (work done at `due` exactly is on time). */
export function isOverdue(now: Date, due: Date): boolean {
  return wholeSeconds(now) > wholeSeconds(due);
}

const secondsPerDay = (office: OfficeHours): number => office.periods.reduce((sum, [a, b]) => sum + b - a, 0);

/** Not overdue, and at most one working day of office time left (the agency's day, lunch excluded). */
export function isDueWithinOneWorkingDay(now: Date, due: Date, calendar: WorkCalendar, office: OfficeHours): boolean {
  return !isOverdue(now, due) && workingSecondsBetween(now, due, calendar, office) <= secondsPerDay(office);
}

/** Closing time of the working day in progress; after closing or on a day off, of the next one. */
export function endOfWorkingDay(now: Date, calendar: WorkCalendar, office: OfficeHours): Date {
  const closes = office.periods[office.periods.length - 1]?.[1] ?? 0;
  let { date, time } = localTime(now, calendar);
  if (!(isWorkingDay(date, calendar) && time < closes)) date = nextWorkingDay(date, calendar);
  return instantAt(date, closes, calendar);
}

/** The queue's colour for a clock running from `start` to `due`, first match wins: "overdue" past `due`;
 * "today" due by the end of the working day in progress (or the next one, out of hours); "soon" in the last
 * fifth of the working time from `start` to `due`; else "ok". */
export function deadlineBand(now: Date, start: Date, due: Date, calendar: WorkCalendar, office: OfficeHours): Band {
  if (isOverdue(now, due)) return "overdue";
  if (wholeSeconds(due) <= wholeSeconds(endOfWorkingDay(now, calendar, office))) return "today";
  const duration = workingSecondsBetween(start, due, calendar, office);
  if (workingSecondsBetween(now, due, calendar, office) * SOON_SHARE <= duration) return "soon";
  return "ok";
}

/** Whether an online dossier was not opened within ALERT_MINUTES working minutes of its arrival (still
 * unopened: judged at `now`). */
export function openedLate(
  arrivedAt: Date,
  openedAt: Date | null,
  now: Date,
  calendar: WorkCalendar,
  office: OfficeHours,
): boolean {
  return isOverdue(openedAt ?? now, addWorkingMinutes(arrivedAt, ALERT_MINUTES, calendar, office));
}

/** Working-day arithmetic for appointment dates (ngày hẹn trả kết quả) offline, from GET /api/calendar.
 * A port of backend/catalogue/workdays.py; tests/vectors/appointments.json keeps the two sides alike. */

/** Office hours as published, HH:MM on the counter's clock; no lunch break when the lunch marks are absent
 * (a calendar cached from an older server has only `opens` and `closes`). */
export interface ApiHours {
  opens: string;
  closes: string;
  lunchStarts?: string | null;
  lunchEnds?: string | null;
}

/** GET /api/calendar: this year and the next; `weekend` holds ISO weekdays (1 = Monday). */
export interface ApiCalendar {
  timezone: string;
  officeHours: ApiHours & { byAgency?: Record<string, ApiHours> };
  firstYear: number;
  lastYear: number;
  weekend: number[];
  daysOff: { date: string; name: string }[];
  workingDays: { date: string; name: string }[];
}

/** When a counter is open on a working day: periods [start, end) in seconds after midnight, lunch excluded. */
export interface OfficeHours {
  periods: [number, number][];
}

/** Which days a one-stop counter works, and when it closes; `workingDays` (make-up days, usually
 * Saturdays) override both the weekend and `daysOff`. Dates are "YYYY-MM-DD". */
export interface WorkCalendar {
  daysOff: Set<string>;
  workingDays: Set<string>;
  firstYear: number;
  lastYear: number;
  weekend: Set<number>;
  /** Closing time in seconds after midnight (of `hours`). */
  closes: number;
  /** Every counter's hours, and those of agencies (by code) keeping other hours. */
  hours: OfficeHours;
  hoursByAgency: Map<string, OfficeHours>;
  /** Gives the local date and time at the counter (Asia/Ho_Chi_Minh). */
  clock: Intl.DateTimeFormat;
}

// Far more than any real stretch of days off (Tết is at most ~9 days); bounds a misconfigured calendar.
const MAX_CONSECUTIVE_DAYS_OFF = 60;
const DAY_MS = 864e5;

/** The calendar cannot answer: the date is outside the years it covers, or it has no working day. */
export class CalendarError extends Error {
  override name = "CalendarError";
}

const seconds = (time: string): number => time.split(":").reduce((total, part, i) => total + +part * 60 ** (2 - i), 0);

function hoursFrom(api: ApiHours): OfficeHours {
  const marks = [api.opens, api.lunchStarts, api.lunchEnds, api.closes].filter((m): m is string => !!m).map(seconds);
  if (marks.some((mark, i) => i > 0 && mark <= (marks[i - 1] ?? 0)) || marks.length % 2) {
    throw new CalendarError(`office hours out of order: ${JSON.stringify(api)}`);
  }
  const periods: [number, number][] = [];
  for (let i = 0; i < marks.length; i += 2) periods.push([marks[i] ?? 0, marks[i + 1] ?? 0]);
  return { periods };
}

/** The agency's own hours when the calendar names them, else the default for every counter. */
export function officeHoursOf(calendar: WorkCalendar, agency?: string | null): OfficeHours {
  return (agency && calendar.hoursByAgency.get(agency)) || calendar.hours;
}

const closingOf = (office: OfficeHours): number => office.periods[office.periods.length - 1]?.[1] ?? 0;

export function calendarFrom(api: ApiCalendar): WorkCalendar {
  const hours = hoursFrom(api.officeHours);
  return {
    hours,
    hoursByAgency: new Map(Object.entries(api.officeHours.byAgency ?? {}).map(([code, own]) => [code, hoursFrom(own)])),
    daysOff: new Set(api.daysOff.map((d) => d.date)),
    workingDays: new Set(api.workingDays.map((d) => d.date)),
    firstYear: api.firstYear,
    lastYear: api.lastYear,
    weekend: new Set(api.weekend),
    closes: closingOf(hours),
    clock: new Intl.DateTimeFormat("en-CA", {
      timeZone: api.timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    }),
  };
}

// Day arithmetic on date-only values, in UTC, so no local time zone or DST can shift a day.
export const toDay = (date: string): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
export const toDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday, 1 = Monday: day 0 (1970-01-01) was a Thursday. */
const weekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const year = +date.slice(0, 4);
  if (year < calendar.firstYear || year > calendar.lastYear) {
    throw new CalendarError(`${date} is outside ${calendar.firstYear}-${calendar.lastYear}`);
  }
  if (calendar.workingDays.has(date)) return true;
  return !calendar.weekend.has(weekday(toDay(date))) && !calendar.daysOff.has(date);
}

export function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  const day = toDay(date);
  for (let offset = 1; offset <= MAX_CONSECUTIVE_DAYS_OFF; offset++) {
    const candidate = toDate(day + offset);
    if (isWorkingDay(candidate, calendar)) return candidate;
  }
  throw new CalendarError(`no working day within ${MAX_CONSECUTIVE_DAYS_OFF} days after ${date}`);
}

/** An instant as read on the counter's clock: the date and whole seconds after midnight. */
export function localTime(instant: Date, calendar: WorkCalendar): { date: string; time: number } {
  if (Number.isNaN(instant.getTime())) throw new CalendarError("not a valid time");
  const part: Record<string, string> = {};
  for (const { type, value } of calendar.clock.formatToParts(instant)) part[type] = value;
  const date = `${part["year"]}-${part["month"]}-${part["day"]}`;
  return { date, time: seconds(`${part["hour"]}:${part["minute"]}:${part["second"]}`) };
}

/** The working day a dossier counts as received: later the same day or after the agency's closing (or the
 * procedure's own `cutoff`, "HH:MM", such as 15:00: 15:00 itself is still the same day), the next. */
export function receiptDay(
  receivedAt: Date,
  calendar: WorkCalendar,
  agency?: string | null,
  cutoff?: string | null,
): string {
  const { date, time } = localTime(receivedAt, calendar);
  const beforeCutoff = !cutoff || time <= seconds(cutoff);
  if (isWorkingDay(date, calendar) && time < closingOf(officeHoursOf(calendar, agency)) && beforeCutoff) return date;
  return nextWorkingDay(date, calendar);
}

/** The date the result is due: `workingDays` working days after the receipt day.
 * Zero means "within the day of receipt" (trong ngày); received after closing time, or after the
 * procedure's `cutoff`, it counts from the next working day. */
export function appointmentDate(
  receivedAt: Date,
  workingDays: number,
  calendar: WorkCalendar,
  agency?: string | null,
  cutoff?: string | null,
): string {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new CalendarError("workingDays must be a whole number, not negative");
  }
  let date = receiptDay(receivedAt, calendar, agency, cutoff);
  for (let i = 0; i < workingDays; i++) date = nextWorkingDay(date, calendar);
  return date;
}

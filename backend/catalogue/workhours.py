"""Working-hours arithmetic (giờ làm việc) for deadlines counted in hours, with no I/O: the 8 working hours to
check an online dossier (Decree 118 Art 17(2)), and the colour band of any deadline in the staff queue.

Only office hours on working days count: no night, lunch break, weekend, holiday or announced day off;
make-up working days count. A dossier arriving outside office hours starts counting at the next opening.
Time is read on the counter's clock (`WorkCalendar.tz`); any aware datetime is accepted. Sub-second parts
are dropped, and durations are whole seconds, so the PWA's twin (pwa/src/shared/workhours.ts) agrees exactly.

One definition of on time everywhere: work done at or before the deadline instant is on time. A deadline
that uses up the last minute before closing (or lunch) is that closing time, not the next opening.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from backend.catalogue.workdays import CalendarError, OfficeHours, WorkCalendar

# Decree 118/2025 Art 17(2): the online check, and the alert to staff this module reads in working hours too:
# no officer is at the counter at night, so a calendar-hour alert would turn every overnight arrival red
# before the office opens and teach staff to ignore the colour.
ONLINE_CHECK_MINUTES = 8 * 60
ALERT_MINUTES = 2 * 60

Band = Literal["ok", "soon", "today", "overdue"]
# OpenCPS's "due soon": the last fifth of the whole duration, in working time, fixed when the clock starts.
SOON_SHARE = 5


def _local(instant: dt.datetime, calendar: WorkCalendar) -> tuple[dt.date, int]:
    if instant.tzinfo is None:
        raise CalendarError("times must carry a time zone")
    local = instant.astimezone(calendar.tz)
    return local.date(), local.hour * 3600 + local.minute * 60 + local.second


def _instant(day: dt.date, seconds: int, calendar: WorkCalendar) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=calendar.tz) + dt.timedelta(seconds=seconds)


def _periods(day: dt.date, calendar: WorkCalendar, office: OfficeHours) -> tuple[tuple[int, int], ...]:
    return office.periods() if calendar.is_working_day(day) else ()


def add_working_minutes(start: dt.datetime, minutes: int, calendar: WorkCalendar, office: OfficeHours) -> dt.datetime:
    """The deadline `minutes` working minutes after `start`: the earliest instant by which that much office
    time has passed. Zero gives `start` itself; landing on closing time gives closing time."""
    if minutes < 0:
        raise CalendarError("minutes must not be negative")
    day, now = _local(start, calendar)
    left = minutes * 60
    if left == 0:
        return _instant(day, now, calendar)
    while True:
        for opens, closes in _periods(day, calendar, office):
            begin = max(now, opens)
            if begin < closes and left <= closes - begin:
                return _instant(day, begin + left, calendar)
            left -= max(0, closes - begin)
        day, now = day + dt.timedelta(days=1), 0


def add_working_hours(start: dt.datetime, hours: int, calendar: WorkCalendar, office: OfficeHours) -> dt.datetime:
    """`add_working_minutes` for whole hours: the 8-hour check is `add_working_hours(arrived_at, 8, ...)`."""
    return add_working_minutes(start, hours * 60, calendar, office)


def working_seconds_between(a: dt.datetime, b: dt.datetime, calendar: WorkCalendar, office: OfficeHours) -> int:
    """Office time from `a` to `b` in whole seconds; negative when `b` is before `a`."""
    (first, since), (last, until) = _local(a, calendar), _local(b, calendar)
    if (last, until) < (first, since):
        return -working_seconds_between(b, a, calendar, office)
    total, day = 0, first
    while day <= last:
        low = since if day == first else 0
        high = until if day == last else 86400
        total += sum(max(0, min(high, end) - max(low, begin)) for begin, end in _periods(day, calendar, office))
        day += dt.timedelta(days=1)
    return total


def working_minutes_between(a: dt.datetime, b: dt.datetime, calendar: WorkCalendar, office: OfficeHours) -> int:
    """Office time from `a` to `b` in whole minutes, rounded down (towards less time left): the time left
    before a deadline, negative once office time has passed since it."""
    return working_seconds_between(a, b, calendar, office) // 60


def is_overdue(now: dt.datetime, due: dt.datetime) -> bool:
    """The one definition of late: the deadline instant has passed (work done at `due` exactly is on time)."""
    if now.tzinfo is None or due.tzinfo is None:
        raise CalendarError("times must carry a time zone")
    return now.replace(microsecond=0) > due.replace(microsecond=0)


def is_due_within_one_working_day(
    now: dt.datetime, due: dt.datetime, calendar: WorkCalendar, office: OfficeHours
) -> bool:
    """Not overdue, and at most one working day of office time left (the agency's day, lunch excluded)."""
    left = working_seconds_between(now, due, calendar, office)
    return not is_overdue(now, due) and left <= office.seconds_per_day


def end_of_working_day(now: dt.datetime, calendar: WorkCalendar, office: OfficeHours) -> dt.datetime:
    """Closing time of the working day in progress; after closing or on a day off, of the next one."""
    day, seconds = _local(now, calendar)
    if not (calendar.is_working_day(day) and seconds < office.periods()[-1][1]):
        day = calendar.next_working_day(day)
    return _instant(day, office.periods()[-1][1], calendar)


def deadline_band(
    now: dt.datetime, start: dt.datetime, due: dt.datetime, calendar: WorkCalendar, office: OfficeHours
) -> Band:
    """The queue's colour for a clock that runs from `start` to `due`, first match wins:
    "overdue" past `due`; "today" due by the end of the working day in progress (or the next one, out of
    hours); "soon" in the last fifth of the working time from `start` to `due`; else "ok"."""
    if is_overdue(now, due):
        return "overdue"
    if due.replace(microsecond=0) <= end_of_working_day(now, calendar, office):
        return "today"
    duration = working_seconds_between(start, due, calendar, office)
    if working_seconds_between(now, due, calendar, office) * SOON_SHARE <= duration:
        return "soon"
    return "ok"


def opened_late(
    arrived_at: dt.datetime,
    opened_at: dt.datetime | None,
    now: dt.datetime,
    calendar: WorkCalendar,
    office: OfficeHours,
) -> bool:
    """Whether an online dossier was not opened within `ALERT_MINUTES` working minutes of its arrival
    (still unopened: judged at `now`)."""
    limit = add_working_minutes(arrived_at, ALERT_MINUTES, calendar, office)
    return is_overdue(opened_at or now, limit)

"""The counter's clocks with no I/O: an online dossier is checked within 8 working hours of its arrival
(or resubmission), by the receiving unit's office hours; the cut-offs the queue's counts compare with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from backend.catalogue import workhours
from backend.catalogue.workdays import OfficeHours, WorkCalendar
from backend.handling.rules import forecast_late

CHECK = workhours.ONLINE_CHECK_MINUTES
SOON_MINUTES = CHECK // workhours.SOON_SHARE  # the last fifth of the clock is "soon"
LOOK_BACK = dt.timedelta(days=60)  # older starts are overdue whatever the calendar
Band = Literal["ok", "soon", "today", "overdue"]


@dataclass(frozen=True)
class CheckClock:
    due_at: dt.datetime
    minutes_left: int
    band: Band
    opened_late: bool


def check_clock(
    start: dt.datetime, opened_at: dt.datetime | None, now: dt.datetime, calendar: WorkCalendar, office: OfficeHours
) -> CheckClock:
    due = workhours.add_working_minutes(start, CHECK, calendar, office)
    return CheckClock(
        due_at=due,
        minutes_left=workhours.working_minutes_between(now, due, calendar, office),
        band=workhours.deadline_band(now, start, due, calendar, office),
        opened_late=workhours.opened_late(start, opened_at, now, calendar, office),
    )


def appointment_band(appointment: dt.date | None, today: dt.date) -> Band:
    if appointment is None or appointment > today:
        return "ok"
    return "today" if appointment == today else "overdue"


def latest_start(limit: dt.datetime, now: dt.datetime, calendar: WorkCalendar, office: OfficeHours) -> dt.datetime:
    """The latest clock start whose 8-hour deadline is not after `limit` (to the second), by bisection:
    the deadline only grows with the start, so the queue can count in SQL on the stored start."""
    low, high = now - LOOK_BACK, now
    if workhours.add_working_minutes(low, CHECK, calendar, office) > limit:
        return low
    while high - low > dt.timedelta(seconds=1):
        middle = low + (high - low) / 2
        if workhours.add_working_minutes(middle, CHECK, calendar, office) <= limit:
            low = middle
        else:
            high = middle
    return low


def cutoffs(now: dt.datetime, calendar: WorkCalendar, office: OfficeHours) -> tuple[dt.datetime, dt.datetime]:
    """(overdue before, due soon up to): a start before the first is past its deadline; up to the second,
    due by the end of this working day or within the last fifth of the clock."""
    overdue = latest_start(now - dt.timedelta(microseconds=1), now, calendar, office)
    end_of_day = workhours.end_of_working_day(now, calendar, office)
    soon_limit = max(end_of_day, workhours.add_working_minutes(now, SOON_MINUTES, calendar, office))
    return overdue, latest_start(soon_limit, now, calendar, office)


def last_late_day(now: dt.datetime, calendar: WorkCalendar, office: OfficeHours) -> dt.date:
    """The latest due date forecast late now (at most one working day of office time left, Art 19(6)): the
    forecast only grows with an earlier date, so the queue compares the stored date with this one."""
    day = now.astimezone(calendar.tz).date()
    if not forecast_late(now, day, calendar, office):
        return day - dt.timedelta(days=1)
    while forecast_late(now, (following := calendar.next_working_day(day)), calendar, office):
        day = following
    return day

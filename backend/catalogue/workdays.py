"""Working-day arithmetic for appointment dates (ngày hẹn trả kết quả), with no I/O; working hours live in
`workhours.py`. The PWA repeats both offline from `/api/calendar` (pwa/src/shared/workdays.ts, workhours.ts).

A deadline counts working days: Monday to Friday, minus public holidays and announced days off, plus
announced make-up working days.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

# Far more than any real stretch of days off (Tết is at most ~9 days); bounds a misconfigured calendar.
MAX_CONSECUTIVE_DAYS_OFF = 60


class CalendarError(ValueError):
    """The calendar cannot answer: the date is outside the years it covers, or it has no working day."""


@dataclass(frozen=True)
class OfficeHours:
    """When a counter is open on a working day (giờ làm việc); no lunch break when `lunch` is None."""

    opens: dt.time = dt.time(7, 30)
    closes: dt.time = dt.time(17, 0)
    lunch: tuple[dt.time, dt.time] | None = None

    def __post_init__(self) -> None:
        marks = [self.opens, *(self.lunch or ()), self.closes]
        if any(a >= b for a, b in itertools.pairwise(marks)):
            raise CalendarError(f"office hours out of order: {marks}")

    def periods(self) -> tuple[tuple[int, int], ...]:
        """The open periods of a day, in seconds after midnight: [opens, lunch) and [lunch end, closes)."""
        if self.lunch is None:
            return ((_seconds(self.opens), _seconds(self.closes)),)
        return (_seconds(self.opens), _seconds(self.lunch[0])), (_seconds(self.lunch[1]), _seconds(self.closes))

    @property
    def seconds_per_day(self) -> int:
        return sum(end - start for start, end in self.periods())


def _seconds(time: dt.time) -> int:
    return time.hour * 3600 + time.minute * 60 + time.second


@dataclass(frozen=True)
class WorkCalendar:
    """Which days a one-stop counter works, and when it closes.

    `days_off` are holidays and announced days off; `working_days` are announced make-up working days
    (usually Saturdays) that override both the weekend and `days_off`.
    """

    days_off: frozenset[dt.date]
    working_days: frozenset[dt.date]
    first_year: int
    last_year: int
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Ho_Chi_Minh"))
    hours: OfficeHours = OfficeHours()
    hours_by_agency: Mapping[str, OfficeHours] = field(default_factory=dict)
    weekend: frozenset[int] = frozenset({5, 6})

    @property
    def closes(self) -> dt.time:
        return self.hours.closes

    def office_hours(self, agency: str | None = None) -> OfficeHours:
        """The agency's own hours when the calendar names them, else the default for every counter."""
        return self.hours_by_agency.get(agency, self.hours) if agency else self.hours

    def covers(self, day: dt.date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def is_working_day(self, day: dt.date) -> bool:
        if not self.covers(day):
            raise CalendarError(f"{day} is outside {self.first_year}-{self.last_year}")
        if day in self.working_days:
            return True
        return day.weekday() not in self.weekend and day not in self.days_off

    def next_working_day(self, day: dt.date) -> dt.date:
        for offset in range(1, MAX_CONSECUTIVE_DAYS_OFF + 1):
            candidate = day + dt.timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise CalendarError(f"no working day within {MAX_CONSECUTIVE_DAYS_OFF} days after {day}")

    def receipt_day(
        self, received_at: dt.datetime, agency: str | None = None, cutoff: dt.time | None = None
    ) -> dt.date:
        """The working day a dossier counts as received: later the same day or after closing (or after the
        procedure's own `cutoff`, such as 15:00, when earlier), the next one."""
        if received_at.tzinfo is None:
            raise CalendarError("received_at must carry a time zone")
        try:
            local = received_at.astimezone(self.tz)
        except OverflowError as exc:  # 9999-12-31T23:59Z is past year 9999 in Vietnam
            raise CalendarError(f"{received_at} has no local date") from exc
        day = local.date()
        # "Received after 15:00": 15:00 itself is still the same day (the literal reading, the citizen's side).
        before_cutoff = cutoff is None or local.time() <= cutoff
        if self.is_working_day(day) and local.time() < self.office_hours(agency).closes and before_cutoff:
            return day
        return self.next_working_day(day)


def appointment_date(
    received_at: dt.datetime,
    working_days: int,
    calendar: WorkCalendar,
    agency: str | None = None,
    cutoff: dt.time | None = None,
) -> dt.date:
    """The date the result is due: `working_days` working days after the receipt day.

    Zero means "within the day of receipt" (trong ngày). A dossier received on Monday with three working
    days is due on Thursday; received after the agency's closing time, or after the procedure's `cutoff`
    ("received after 15:00, counted from the next working day"), it counts from the next working day.
    """
    if working_days < 0:
        raise CalendarError("working_days must not be negative")
    day = calendar.receipt_day(received_at, agency, cutoff)
    for _ in range(working_days):
        day = calendar.next_working_day(day)
    return day


def working_days_between(start: dt.date, end: dt.date, calendar: WorkCalendar) -> int:
    """How many working days lie after `start`, up to and including `end`."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return count


@dataclass(frozen=True)
class DayNote:
    """One dated entry of the published calendar, with its Vietnamese name."""

    date: dt.date
    name: str


def build_calendar(
    *,
    public_holidays: Iterable[DayNote],
    extra_days_off: Iterable[DayNote],
    make_up_days: Iterable[DayNote],
    years: tuple[int, int],
    tz: ZoneInfo,
    closes: dt.time | None = None,
    hours: OfficeHours | None = None,
    hours_by_agency: Mapping[str, OfficeHours] | None = None,
) -> WorkCalendar:
    """`closes` alone (the older form) means the default hours with that closing time and no lunch break."""
    return WorkCalendar(
        days_off=frozenset(n.date for n in [*public_holidays, *extra_days_off]),
        working_days=frozenset(n.date for n in make_up_days),
        first_year=years[0],
        last_year=years[1],
        tz=tz,
        hours=hours or OfficeHours(closes=closes or OfficeHours.closes),
        hours_by_agency=dict(hours_by_agency or {}),
    )

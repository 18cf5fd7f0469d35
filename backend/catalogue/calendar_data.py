"""The working-day calendar as the counters use it: the `holidays` package's days plus the days off and
make-up working days announced in the catalogue data (table `calendar_day`) and its office hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from backend.catalogue.tables import CalendarDay, CatalogueState
from backend.catalogue.workdays import DayNote, WorkCalendar, build_calendar

DEFAULT_HOURS = ("07:30", "17:00")


@dataclass(frozen=True)
class CalendarParts:
    """A calendar and the dated notes it was built from (the PWA gets the notes)."""

    calendar: WorkCalendar
    public_holidays: tuple[DayNote, ...]
    extra_days_off: tuple[DayNote, ...]
    make_up_days: tuple[DayNote, ...]
    opens: str
    closes: str


@lru_cache(maxsize=8)
def _package_calendar(first: int, last: int) -> tuple[tuple[DayNote, ...], tuple[DayNote, ...]]:
    """Public holidays and make-up working days the `holidays` package knows, from one (slow) table."""
    years = range(first, last + 1)
    table = holidays.country_holidays("VN", years=list(years), language="vi")
    days_off = tuple(DayNote(date=day, name=str(name)) for day, name in sorted(table.items()))
    make_up = tuple(DayNote(date=d, name="Ngày làm việc bù") for d in sorted(table.weekend_workdays) if d.year in years)
    return days_off, make_up


async def work_calendar(tz: ZoneInfo, year: int) -> CalendarParts:
    """The calendar covering last year to two years ahead of `year`."""
    rows = await CalendarDay.select().order_by(CalendarDay.day)
    state = await CatalogueState.select(CatalogueState.office_opens, CatalogueState.office_closes).first()
    extra_off = tuple(DayNote(date=r["day"], name=r["name"]) for r in rows if r["kind"] == "day_off")
    extra_work = tuple(DayNote(date=r["day"], name=r["name"]) for r in rows if r["kind"] == "working_day")
    first, last = year - 1, year + 2
    public, package_make_up = _package_calendar(first, last)
    make_up = package_make_up + extra_work
    opens, closes = (state["office_opens"], state["office_closes"]) if state else DEFAULT_HOURS
    calendar = build_calendar(
        public_holidays=public,
        extra_days_off=extra_off,
        make_up_days=make_up,
        years=(first, last),
        tz=tz,
        closes=dt.time.fromisoformat(closes),
    )
    return CalendarParts(calendar, public, extra_off, make_up, opens, closes)

"""The working-day calendar as the counters use it: the `holidays` package's days plus the days off and
make-up working days announced in the catalogue data (table `calendar_day`) and its office hours
(`catalogue_state` for every counter, `agency_office_hours` for agencies keeping other hours)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from backend.catalogue.datafiles import CatalogueData
from backend.catalogue.tables import AgencyOfficeHours, CalendarDay, CatalogueState
from backend.catalogue.workdays import DayNote, OfficeHours, WorkCalendar, build_calendar

DEFAULT_HOURS = ("07:30", "17:00")
_HOURS_KEYS = ("opens", "lunch_starts", "lunch_ends", "closes")
# (opens, lunch_starts, lunch_ends, closes), as HH:MM text; no lunch break when both lunch marks are None.
HoursText = tuple[str, str | None, str | None, str]


@dataclass(frozen=True)
class CalendarParts:
    """A calendar and the dated notes it was built from (the PWA gets the notes)."""

    calendar: WorkCalendar
    public_holidays: tuple[DayNote, ...]
    extra_days_off: tuple[DayNote, ...]
    make_up_days: tuple[DayNote, ...]
    hours: HoursText
    hours_by_agency: dict[str, HoursText]


@lru_cache(maxsize=8)
def _package_calendar(first: int, last: int) -> tuple[tuple[DayNote, ...], tuple[DayNote, ...]]:
    """Public holidays and make-up working days the `holidays` package knows, from one (slow) table."""
    years = range(first, last + 1)
    table = holidays.country_holidays("VN", years=list(years), language="vi")
    days_off = tuple(DayNote(date=day, name=str(name)) for day, name in sorted(table.items()))
    make_up = tuple(DayNote(date=d, name="Ngày làm việc bù") for d in sorted(table.weekend_workdays) if d.year in years)
    return days_off, make_up


def office_hours(text: HoursText) -> OfficeHours:
    opens, lunch_starts, lunch_ends, closes = (dt.time.fromisoformat(t) if t else None for t in text)
    assert opens and closes, "checked when the catalogue files were read"
    lunch = (lunch_starts, lunch_ends) if lunch_starts and lunch_ends else None
    return OfficeHours(opens=opens, closes=closes, lunch=lunch)


async def _stored_hours() -> tuple[HoursText, dict[str, HoursText]]:
    state = await CatalogueState.select(
        CatalogueState.office_opens,
        CatalogueState.office_lunch_starts,
        CatalogueState.office_lunch_ends,
        CatalogueState.office_closes,
    ).first()
    default: HoursText = (DEFAULT_HOURS[0], None, None, DEFAULT_HOURS[1])
    if state:
        default = (
            state["office_opens"],
            state["office_lunch_starts"],
            state["office_lunch_ends"],
            state["office_closes"],
        )
    rows = await AgencyOfficeHours.select().order_by(AgencyOfficeHours.agency_code)
    by_agency: dict[str, HoursText] = {r["agency_code"]: tuple(r[k] for k in _HOURS_KEYS) for r in rows}
    return default, by_agency


def _agency_hours_rows(data: CatalogueData) -> list[tuple[str, HoursText]]:
    own = data.calendar.office_hours.by_agency
    return sorted((code, (h.opens, h.lunch_starts, h.lunch_ends, h.closes)) for code, h in own.items())


async def office_hours_changed(data: CatalogueData) -> bool:
    """Whether the per-agency hours in the files differ from the stored ones (the default is in the state row)."""
    _, stored = await _stored_hours()
    return sorted(stored.items()) != _agency_hours_rows(data)


async def write_office_hours(data: CatalogueData) -> None:
    await AgencyOfficeHours.delete(force=True)
    rows = [
        AgencyOfficeHours(agency_code=code, opens=opens, lunch_starts=starts, lunch_ends=ends, closes=closes)
        for code, (opens, starts, ends, closes) in _agency_hours_rows(data)
    ]
    if rows:
        await AgencyOfficeHours.insert(*rows)


class _Kept:
    """The calendars this process has built, for the catalogue of one stamp (version and token): every
    seed that changes anything, the calendar or the office hours included, writes a new one."""

    def __init__(self) -> None:
        self.stamp: tuple[int, str] | None = None
        self.parts: dict[tuple[ZoneInfo, int], CalendarParts] = {}


_KEPT = _Kept()


async def catalogue_stamp() -> tuple[int, str]:
    row = await CatalogueState.select(CatalogueState.version, CatalogueState.stamp).first()
    return (int(row["version"]), row["stamp"]) if row else (0, "")


async def work_calendar(tz: ZoneInfo, year: int) -> CalendarParts:
    """The calendar covering last year to two years ahead of `year`: built once per catalogue stamp (one
    small query a call), so a seed seen by any process is seen by the next call of every process."""
    stamp = await catalogue_stamp()
    if stamp != _KEPT.stamp:
        _KEPT.stamp, _KEPT.parts = stamp, {}
    kept = _KEPT.parts  # this stamp's: a call that saw a newer stamp meanwhile has replaced it
    parts = kept.get((tz, year))
    if parts is None:
        # Read after the stamp: what a seed committed in between wrote is kept under the older stamp, and
        # the next call, seeing the new stamp, reads again.
        parts = kept[(tz, year)] = await _read_calendar(tz, year)
    return parts


async def _read_calendar(tz: ZoneInfo, year: int) -> CalendarParts:
    rows = await CalendarDay.select().order_by(CalendarDay.day)
    hours, by_agency = await _stored_hours()
    extra_off = tuple(DayNote(date=r["day"], name=r["name"]) for r in rows if r["kind"] == "day_off")
    extra_work = tuple(DayNote(date=r["day"], name=r["name"]) for r in rows if r["kind"] == "working_day")
    first, last = year - 1, year + 2
    public, package_make_up = _package_calendar(first, last)
    make_up = package_make_up + extra_work
    calendar = build_calendar(
        public_holidays=public,
        extra_days_off=extra_off,
        make_up_days=make_up,
        years=(first, last),
        tz=tz,
        hours=office_hours(hours),
        hours_by_agency={code: office_hours(h) for code, h in by_agency.items()},
    )
    return CalendarParts(calendar, public, extra_off, make_up, hours, by_agency)

"""Appointment dates on the published 2026–2027 calendar: the shared vectors the PWA is tested against too.
`tests/vectors/calendar.json` is GET /api/calendar as served; `appointments.json` holds the server's answers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from backend.catalogue.workdays import DayNote, OfficeHours, WorkCalendar, appointment_date, build_calendar

VECTORS_DIR = Path(__file__).parent.parent / "vectors"
CALENDAR = json.loads((VECTORS_DIR / "calendar.json").read_text(encoding="utf-8"))
VECTORS = json.loads((VECTORS_DIR / "appointments.json").read_text(encoding="utf-8"))


def _notes(days: list[dict[str, str]]) -> list[DayNote]:
    return [DayNote(dt.date.fromisoformat(d["date"]), d["name"]) for d in days]


def hours_from(api: dict[str, Any]) -> OfficeHours:
    """Office hours as published; an older calendar without lunch keys has no lunch break."""
    starts, ends = api.get("lunchStarts"), api.get("lunchEnds")
    lunch = (dt.time.fromisoformat(starts), dt.time.fromisoformat(ends)) if starts and ends else None
    return OfficeHours(dt.time.fromisoformat(api["opens"]), dt.time.fromisoformat(api["closes"]), lunch)


def calendar_from(api: dict[str, Any]) -> WorkCalendar:
    """The calendar a phone builds from GET /api/calendar (ISO weekdays there, Python's weekday() here)."""
    hours = api["officeHours"]
    calendar = build_calendar(
        public_holidays=_notes(api["daysOff"]),
        extra_days_off=[],
        make_up_days=_notes(api["workingDays"]),
        years=(api["firstYear"], api["lastYear"]),
        tz=ZoneInfo(api["timezone"]),
        hours=hours_from(hours),
        hours_by_agency={code: hours_from(own) for code, own in hours.get("byAgency", {}).items()},
    )
    return dataclasses.replace(calendar, weekend=frozenset(day - 1 for day in api["weekend"]))


PUBLISHED = calendar_from(CALENDAR)


@pytest.mark.parametrize(
    "vector", VECTORS, ids=[f"{v['receivedAt']} +{v['workingDays']} {v.get('cutoff', '')}" for v in VECTORS]
)
def test_shared_appointment_vectors(vector: dict[str, Any]) -> None:
    received = dt.datetime.fromisoformat(vector["receivedAt"])
    cutoff = dt.time.fromisoformat(vector["cutoff"]) if "cutoff" in vector else None
    due = appointment_date(received, vector["workingDays"], PUBLISHED, cutoff=cutoff)
    assert due == dt.date.fromisoformat(vector["appointment"])


def test_vectors_cover_the_holidays_and_swaps_of_the_calendar() -> None:
    due = {v["appointment"] for v in VECTORS}
    # Tết 2027, 30/4–1/5, 2/9, the make-up Saturday 22/8/2026 and the day after 24/11 all appear.
    assert {"2027-02-11", "2026-05-04", "2026-09-03", "2026-08-22", "2026-11-25"} <= due
    assert {v["workingDays"] for v in VECTORS} >= {0, 1, 5, 20}


def test_the_calendar_is_the_published_one_for_2026_and_2027() -> None:
    assert (CALENDAR["firstYear"], CALENDAR["lastYear"]) == (2026, 2027)
    assert CALENDAR["weekend"] == [6, 7]
    assert PUBLISHED.is_working_day(dt.date(2026, 8, 22)) and not PUBLISHED.is_working_day(dt.date(2026, 8, 31))

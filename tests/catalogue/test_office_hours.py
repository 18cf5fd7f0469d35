"""Office hours as catalogue data: calendar.yaml (default, lunch break, per-agency overrides, the older
two-key form), stored by the seed, and published in GET /api/calendar for phones and the staff app."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from backend.catalogue.datafiles import AgencyHours, InvalidCatalogueData, load_catalogue
from backend.catalogue.service import appointment_date, working_calendar
from backend.settings import DEMO_CATALOGUE_DIR
from tests.factories import demo_catalogue, seeded

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AGENCY = "H12.41.01"  # the centre of xã Can Lộc in the demo catalogue: it keeps the hours of its counter
OLD_FORM = 'office_hours: {opens: "07:30", closes: "17:00"}\nextra_days_off: []\nworking_days: []\n'


def _demo_with_calendar(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(DEMO_CATALOGUE_DIR, folder)
    (folder / "calendar.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_demo_calendar_gives_a_lunch_break_and_no_agency_of_its_own() -> None:
    hours = demo_catalogue().calendar.office_hours
    assert (hours.opens, hours.lunch_starts, hours.lunch_ends, hours.closes) == ("07:30", "12:00", "13:30", "17:00")
    assert hours.by_agency == {}


def test_the_older_two_key_form_still_loads_with_no_lunch_break(tmp_path: Path) -> None:
    hours = load_catalogue(_demo_with_calendar(tmp_path, OLD_FORM)).calendar.office_hours
    assert (hours.opens, hours.lunch_starts, hours.lunch_ends, hours.closes) == ("07:30", None, None, "17:00")


@pytest.mark.parametrize(
    ("hours", "problem"),
    [
        ('{opens: "07:30", lunch_starts: "11:30", closes: "17:00"}', "both lunch_starts and lunch_ends"),
        ('{opens: "07:30", lunch_starts: "13:30", lunch_ends: "11:30", closes: "17:00"}', "must run opens <"),
        ('{opens: "7:30", closes: "17:00"}', "'7:30' is not HH:MM"),
        ('{opens: "07:30", closes: "17:00", by_agency: {"NO.SUCH": {opens: "07:00", closes: "16:00"}}}', "NO.SUCH"),
        (
            f'{{opens: "07:30", closes: "17:00", by_agency: {{"{AGENCY}": {{opens: "17:00", closes: "16:00"}}}}}}',
            AGENCY,
        ),
    ],
)
def test_office_hours_that_cannot_be_right_are_reported(tmp_path: Path, hours: str, problem: str) -> None:
    with pytest.raises(InvalidCatalogueData) as caught:
        load_catalogue(_demo_with_calendar(tmp_path, f"office_hours: {hours}\n"))
    assert problem in caught.value.messages()["en"]


@pytest.mark.usefixtures("db")
async def test_agency_hours_are_stored_published_and_a_change_bumps_the_version(client: httpx.AsyncClient) -> None:
    await seeded()
    data = demo_catalogue()
    data.calendar.office_hours.by_agency[AGENCY] = AgencyHours(
        opens="07:00", closes="16:30", lunch_starts="11:00", lunch_ends="13:00"
    )
    report = await seeded(data)
    assert report.version == 2
    body = (await client.get("/api/calendar")).json()
    assert body["officeHours"] == {
        "opens": "07:30",
        "lunchStarts": "12:00",
        "lunchEnds": "13:30",
        "closes": "17:00",
        "byAgency": {AGENCY: {"opens": "07:00", "lunchStarts": "11:00", "lunchEnds": "13:00", "closes": "16:30"}},
    }
    assert (await seeded(data)).version == 2
    assert (await seeded()).version == 3
    assert (await client.get("/api/calendar")).json()["officeHours"]["byAgency"] == {}


@pytest.mark.usefixtures("db")
async def test_an_appointment_counts_from_the_closing_time_of_the_receiving_agency() -> None:
    data = demo_catalogue()
    data.calendar.office_hours.by_agency[AGENCY] = AgencyHours(opens="07:00", closes="16:30")
    await seeded(data)
    # Monday 16:45: after this agency's 16:30 closing (received Tuesday, one working day: Wednesday), before
    # everyone else's 17:00 (received Monday, due Tuesday).
    received = dt.datetime(2026, 12, 7, 16, 45, tzinfo=VN)
    assert await appointment_date(received, 1, VN, AGENCY) == dt.date(2026, 12, 9)
    assert await appointment_date(received, 1, VN) == dt.date(2026, 12, 8)


@pytest.mark.usefixtures("db")
async def test_the_staff_side_gets_the_calendar_with_each_agencys_hours_from_the_service() -> None:
    data = demo_catalogue()
    data.calendar.office_hours.by_agency[AGENCY] = AgencyHours(opens="07:00", closes="16:30")
    await seeded(data)
    calendar = await working_calendar(VN, dt.datetime(2026, 12, 7, 9, tzinfo=VN))
    own = calendar.office_hours(AGENCY)
    assert (own.opens, own.lunch, own.closes) == (dt.time(7), None, dt.time(16, 30))
    default = calendar.office_hours()
    assert (default.opens, default.lunch, default.closes) == (
        dt.time(7, 30),
        (dt.time(12), dt.time(13, 30)),
        dt.time(17),
    )
    assert calendar.covers(dt.date(2025, 1, 1)) and calendar.covers(dt.date(2028, 12, 31))

"""Working-hours deadlines on the published 2026–2027 calendar: the shared vectors the PWA meets too.
`tests/vectors/working_hours.json` holds hand-derived answers, each with the reason it is right."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from backend.catalogue.workhours import (
    add_working_minutes,
    deadline_band,
    is_due_within_one_working_day,
    opened_late,
    working_minutes_between,
)
from tests.catalogue.test_appointment_vectors import CALENDAR, VECTORS_DIR, calendar_from

FILE = json.loads((VECTORS_DIR / "working_hours.json").read_text(encoding="utf-8"))
VECTORS: list[dict[str, Any]] = FILE["vectors"]


def _with_agencies() -> dict[str, Any]:
    """calendar.json with the vectors' synthetic agencies added, as the browser test builds it too."""
    api = copy.deepcopy(CALENDAR)
    api["officeHours"]["byAgency"] = FILE["byAgency"]
    return api


PUBLISHED = calendar_from(_with_agencies())


def _at(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def answer(v: dict[str, Any]) -> Any:
    """What the server answers for one vector, in the vector's own terms (ISO text compared as instants)."""
    office = PUBLISHED.office_hours(v.get("agency"))
    at = {k: _at(v.get(k)) for k in ("start", "from", "to", "now", "due", "arrived", "opened")}
    match v["op"]:
        case "add":
            return add_working_minutes(at["start"], v["minutes"], PUBLISHED, office)  # type: ignore[arg-type]
        case "between":
            return working_minutes_between(at["from"], at["to"], PUBLISHED, office)  # type: ignore[arg-type]
        case "band":
            return deadline_band(at["now"], at["start"], at["due"], PUBLISHED, office)  # type: ignore[arg-type]
        case "withinDay":
            return is_due_within_one_working_day(at["now"], at["due"], PUBLISHED, office)  # type: ignore[arg-type]
        case "openedLate":
            return opened_late(at["arrived"], at["opened"], at["now"], PUBLISHED, office)  # type: ignore[arg-type]
    raise AssertionError(v["op"])


def expected(v: dict[str, Any]) -> Any:
    return {"add": lambda: _at(v["due"]), "between": lambda: v["minutes"], "band": lambda: v["band"]}.get(
        v["op"], lambda: v["expect"]
    )()


@pytest.mark.parametrize("vector", VECTORS, ids=[f"{v['op']}: {v['why'][:40]}" for v in VECTORS])
def test_shared_working_hours_vectors(vector: dict[str, Any]) -> None:
    assert answer(vector) == expected(vector), vector["why"]


def test_every_vector_says_why_and_the_cases_the_issue_asks_for_are_there() -> None:
    assert all(v["why"].strip() for v in VECTORS)
    days = {v.get(k, "")[:10] for v in VECTORS for k in ("start", "from", "now", "arrived")}
    # Tết 2027, the make-up Saturday 22/8/2026, Quốc khánh 2026, Giỗ Tổ 2027 and a weekend.
    assert {"2027-02-03", "2026-08-21", "2026-08-28", "2027-04-15", "2026-12-12"} <= days
    assert {v.get("agency") for v in VECTORS} >= {"TEST.8GIO", "TEST.LIENTUC"}
    assert {v["op"] for v in VECTORS} == {"add", "between", "band", "withinDay", "openedLate"}
    assert {v["band"] for v in VECTORS if v["op"] == "band"} == {"ok", "soon", "today", "overdue"}


def test_the_published_calendar_has_the_demo_office_hours_with_lunch() -> None:
    hours = CALENDAR["officeHours"]
    assert (hours["opens"], hours["lunchStarts"], hours["lunchEnds"], hours["closes"]) == (
        "07:30",
        "11:30",
        "13:30",
        "17:00",
    )
    assert PUBLISHED.office_hours().seconds_per_day == 450 * 60

"""A dossier's handling as its staff page shows it: who holds it, the draft, every due date with why, the
waits and hand-overs, and the dates the rules give now (apology, supplement window, close, late forecast)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts import service as accounts
from backend.accounts.rules import Principal, Role
from backend.catalogue.workdays import WorkCalendar
from backend.dossiers import results, timeline
from backend.handling import desk, rules
from backend.handling.schemas import DeadlineOut, HandlingOut, HandoverOut, PersonOut, ResultScanOut, WaitOut
from backend.review import service as review

# Without a result yet: the statuses the late forecast and the apology are about (a wait for the citizen
# stops nothing, but its completion restarts the count, so it is not forecast late).
UNRESOLVED = frozenset({"received"}) | (rules.HANDLING - {"appraisal_supplement"})


# The dossier's own columns the page shows as they are.
AS_KEPT = (
    "assignee",
    "draft_result",
    "supplement_proposal",
    "appraisal_supplements",
    "result_kind",
    "result_at",
    "result_note",
    "return_method",
    "tracking_number",
    "late_declared_at",
    "apologies",
    "stop_requested_at",
    "stop_request_reason",
)


def forecast(row: dict[str, Any], now: dt.datetime, calendar: WorkCalendar) -> bool:
    """Whether the dossier is expected late (Art 19(6)) by its receiving unit's office hours."""
    if row["status"] not in UNRESOLVED or row["appointment_date"] is None:
        return False
    office = calendar.office_hours(row["receiving_unit_code"])
    declared = row["late_declared_at"] is not None
    return rules.forecast_late(now, row["appointment_date"], calendar, office, declared=declared)


def _dates(row: dict[str, Any], calendar: WorkCalendar, close_days: int | None) -> dict[str, dt.date | None]:
    due, received = row["appointment_date"], row["received_at"]
    apology = None
    if due is not None and not row["apologies"] and row["status"] in rules.HANDLING | {"received"}:
        apology = rules.apology_last_day(due, calendar)
    window = None
    if received is not None and not row["appraisal_supplements"] and row["status"] in rules.HANDLING:
        window = rules.supplement_window_last_day(received, calendar, row["receiving_unit_code"])
    close = None
    if row["waiting_since"] is not None:
        close = rules.supplement_close_last_day(row["waiting_since"], calendar, close_days)
    return {"apology": apology, "window": window, "close": close}


async def _specialists(row: dict[str, Any], staff: Principal) -> list[PersonOut]:
    """Whom a leader of the deciding agency may give the dossier to; nobody else is shown the list."""
    if staff.role != Role.LEADER or staff.agency_code != row["competent_agency_code"]:
        return []
    people = await accounts.colleagues(row["competent_agency_code"])
    return [PersonOut(u, n) for u, n, role in people if role == Role.SPECIALIST]


async def handling(code: str, staff: Principal, *, now: dt.datetime, tz: ZoneInfo) -> HandlingOut:
    row = await review.visible(code, staff)
    calendar = await desk.calendar(tz, now)
    close_days = (await desk.procedure(row["procedure_code"])).supplement_close_days
    kept = await timeline.kept(row["id"])
    dates = _dates(row, calendar, close_days)
    return HandlingOut(
        **{name: row[name] for name in AS_KEPT},
        forecast_late=forecast(row, now, calendar),
        apology_last_day=dates["apology"],
        supplement_last_day=dates["window"],
        close_last_day=dates["close"],
        deadlines=[
            DeadlineOut(d["kind"], d["due_date"], d["counted_from"], d["set_at"], d["reason"], d["actor"])
            for d in kept["deadlines"]
        ],
        waits=[WaitOut(w["reason"], w["started_at"], w["ended_at"], w["outcome"]) for w in kept["waits"]],
        handovers=[
            HandoverOut(
                h["at"], h["step"], h["from_unit"], h["from_user"], h["to_unit"], h["to_user"], h["medium"], h["note"]
            )
            for h in kept["handovers"]
        ],
        specialists=await _specialists(row, staff),
        result_scan=_scan(row),
    )


def _scan(row: dict[str, Any]) -> ResultScanOut | None:
    held = results.described(row)
    url = f"/api/staff/dossiers/{row['code']}/result-scan"
    return None if held is None else ResultScanOut(**held, url=url)

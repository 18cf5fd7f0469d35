"""What every handling action shares: which side acts (the competent agency or the receiving counter), the
actor, the calendar, and one transaction through the dossiers' moves."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.catalogue.workdays import WorkCalendar
from backend.dossiers import moves, timeline
from backend.dossiers.errors import UnknownProcedure
from backend.dossiers.rules import IllegalTransition, StaleVersion, Status, ensure_transition
from backend.handling import handovers, rules
from backend.review import rules as review_rules
from backend.review import service as review
from backend.review.schemas import PaperOut


def actor(staff: Principal) -> moves.Actor:
    return moves.Actor(staff.username, staff.role.value, staff.agency_code)


def _checked(row: dict[str, Any], version: int, target: Status | None) -> dict[str, Any]:
    """A second click or officer is told first that the dossier moved on, then whether the move is legal."""
    if row["version"] != version:
        raise StaleVersion(current={"status": row["status"], "version": row["version"]})
    if target is not None:
        ensure_transition(row["status"], target)
    return row


async def deciding(code: str, staff: Principal, version: int, target: Status | None) -> dict[str, Any]:
    """The dossier for a step of its competent agency (the receiving counter sees it, but may not act: 403)."""
    row = await review.visible(code, staff)
    if row["competent_agency_code"] != staff.agency_code:
        raise review_rules.NotThisAgencysStep()
    return _checked(row, version, target)


async def handled(code: str, staff: Principal, version: int, target: Status | None) -> dict[str, Any]:
    """`deciding`, for the handler the head assigned (a leader of the agency may act in their place)."""
    row = await deciding(code, staff, version, target)
    if staff.role.value == "specialist" and row["assignee"] != staff.username:
        raise rules.NotTheAssignee()
    return row


async def at_counter(code: str, staff: Principal, version: int, target: Status | None) -> dict[str, Any]:
    """The dossier for a step of its receiving unit's counter (the competent agency may not act: 403)."""
    return _checked(await review.at_counter(code, staff), version, target)


async def taking_part(code: str, staff: Principal, version: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The dossier and the part the staff member's agency still holds (liên thông, Art 20): an agency that was
    sent none may not act (403); one that returned it already is told so (409)."""
    row = _checked(await review.visible(code, staff), version, None)
    mine = [p for p in await timeline.parts(row["id"]) if p["agency_code"] == staff.agency_code]
    if not mine:
        raise review_rules.NotThisAgencysStep()
    unreturned = [p for p in mine if p["returned_at"] is None]
    held = [p for p in unreturned if p["closed_at"] is None]
    if unreturned and not held:  # closed when the dossier was stopped: nothing to return any more
        raise IllegalTransition(current=row["status"], target="return_part")
    if not held:
        raise handovers.PartAlreadyReturned()
    return row, held[0]


async def agency_name(code: str) -> str:
    names = await catalogue.agency_names([code])
    return names[code].vi if code in names else code


async def ensure_parts_back(row: dict[str, Any]) -> None:
    """Nothing is lost between agencies: no result while a part sent to another agency is still out (409)."""
    parts = await timeline.parts(row["id"])
    out = [p["agency_code"] for p in parts if p["returned_at"] is None and p["closed_at"] is None]
    if out:
        names = await catalogue.agency_names(out)
        raise handovers.PartsOutstanding(agencies=", ".join(names[c].vi if c in names else c for c in out))


async def appointment_due(row: dict[str, Any], tz: ZoneInfo, now: dt.datetime) -> dt.datetime | None:
    """The instant the dossier's appointment date ends (the receiving unit's closing time): the deadline the
    result's hand-over to the counter, and its return, are judged by on the control slip."""
    if row["appointment_date"] is None:
        return None
    cal = await calendar(tz, now)
    return rules.deadline_instant(row["appointment_date"], cal, cal.office_hours(row["receiving_unit_code"]))


async def where_to_collect(row: dict[str, Any], tz: ZoneInfo, now: dt.datetime) -> dict[str, str]:
    """Where the citizen collects the result, for their notice: the receiving unit's name and address (both
    languages) and its opening hours."""
    unit = row["receiving_unit_code"]
    place = (await catalogue.agency_places([unit])).get(unit)
    hours = (await calendar(tz, now)).office_hours(unit)
    said = {"hours": rules.hours_text(hours)}
    if place is not None:
        said |= {"place": place.vi, "place_en": place.en}
    return said


async def calendar(tz: ZoneInfo, now: dt.datetime) -> WorkCalendar:
    return await catalogue.working_calendar(tz, now)


async def procedure(code: str) -> catalogue.IntakeProcedure:
    found = (await catalogue.procedures_by_code([code])).get(code)
    if found is None:
        raise UnknownProcedure(code=code)
    return found


async def apply(
    row: dict[str, Any], version: int, move: moves.Move, staff: Principal, now: dt.datetime
) -> dict[str, Any]:
    """The move in one transaction (status guarded by `version`, audit, history, paper, rows); the answer."""
    new = await moves.apply(row["code"], version, move, actor(staff), now)
    paper = None if move.paper is None else PaperOut(kind=move.paper[0], issued_at=now, data=move.paper[1])
    return {"code": new["code"], "status": new["status"], "version": new["version"], "paper": paper}

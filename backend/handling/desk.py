"""What every handling action shares: which side acts (the competent agency or the receiving counter), the
actor, the calendar, and one transaction through the dossiers' moves."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.catalogue.workdays import WorkCalendar
from backend.dossiers import moves
from backend.dossiers.errors import UnknownProcedure
from backend.dossiers.rules import StaleVersion, Status, ensure_transition
from backend.handling import rules
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

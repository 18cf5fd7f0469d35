"""Use cases of liên thông (Decree 118/2025 Art 20): the lead (competent) agency sends parts of a dossier to
other agencies by a Phiếu chuyển xử lý, each with its task and deadline; each returns its part; every
hand-over is a line of the control slip, and the result waits until every part is back."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.dossiers import moves, timeline
from backend.dossiers.rules import IllegalTransition, Status
from backend.handling import desk, handovers
from backend.handling.schemas import PartOut, PartReturnIn, PartsOut, ReferralIn
from backend.review import service as review


async def refer(code: str, body: ReferralIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo) -> dict[str, Any]:
    """Phiếu chuyển xử lý: while the handler works on the dossier, its parts go to other agencies at once
    (electronically), each due after its working days by that agency's calendar."""
    row = await desk.handled(code, staff, body.version, None)
    if row["status"] != Status.IN_PROGRESS.value:
        raise IllegalTransition(current=row["status"], target="referral")
    lead = row["competent_agency_code"]
    wanted = [handovers.PartWanted(p.agency, p.task.strip(), p.working_days) for p in body.parts]
    names = await catalogue.agency_names([p.agency for p in wanted])
    outstanding = [p["agency_code"] for p in await timeline.parts(row["id"]) if p["returned_at"] is None]
    handovers.ensure_parts(wanted, lead, names, outstanding)
    calendar = await desk.calendar(tz, now)
    records: list[Any] = []
    for p in wanted:
        due = handovers.part_due(now, p.working_days, calendar, calendar.office_hours(p.agency), p.agency)
        records.append(timeline.part(p.agency, lead, p.task, p.working_days, by=staff.username, at=now, due=due))
        records.append(timeline.Handover("referral", lead, staff.username, p.agency, due_at=due, note=p.task).row(now))
    move = moves.Move(
        action="refer",
        target=None,
        reason_for_citizen="Hồ sơ được chuyển đến "
        + ", ".join(names[p.agency].vi for p in wanted)
        + " để phối hợp giải quyết.",
        internal_note=body.internal_note,
        records=tuple(records),
    )
    return await desk.apply(row, body.version, move, staff, now)


async def return_part(code: str, body: PartReturnIn, staff: Principal, now: dt.datetime) -> dict[str, Any]:
    """The agency sends its part back to the lead agency's handler, with its answer."""
    row, part = await desk.taking_part(code, staff, body.version)
    result = body.result.strip()
    line = timeline.Handover(
        "part_returned",
        staff.agency_code,
        staff.username,
        part["lead_agency_code"],
        row["assignee"],
        due_at=part["due_at"],
        note=result,
    )
    move = moves.Move(
        action="return_part",
        target=None,
        internal_note=body.internal_note,
        records=(line.row(now),),
        updates=(timeline.part_returned(part["id"], at=now, by=staff.username, result=result),),
    )
    return await desk.apply(row, body.version, move, staff, now)


def _verdict(part: dict[str, Any], now: dt.datetime, tz: ZoneInfo) -> str | None:
    """Judged when returned; still out after its deadline, already late."""
    if part["returned_at"] is not None:
        return handovers.judge(part["returned_at"], part["due_at"], tz)
    if part["closed_at"] is not None:
        return None  # no longer due
    return "late" if handovers.judge(now, part["due_at"], tz) == "late" else None


def _out(code: str, part: dict[str, Any], names: dict[str, str], now: dt.datetime, tz: ZoneInfo) -> PartOut:
    return PartOut(
        code=code,
        agency=part["agency_code"],
        agency_name=names.get(part["agency_code"], part["agency_code"]),
        lead_agency=part["lead_agency_code"],
        task=part["task"],
        working_days=part["working_days"],
        sent_at=part["sent_at"],
        sent_by=part["sent_by"],
        due_at=part["due_at"],
        returned_at=part["returned_at"],
        returned_by=part["returned_by"],
        result=part["result"],
        verdict=_verdict(part, now, tz),
        closed_at=part["closed_at"],
        closed_reason=part["closed_reason"],
    )


async def _names(parts: list[dict[str, Any]]) -> dict[str, str]:
    found = await catalogue.agency_names([p["agency_code"] for p in parts])
    return {code: name.vi for code, name in found.items()}


async def parts_of(code: str, staff: Principal, *, now: dt.datetime, tz: ZoneInfo) -> PartsOut:
    """Every part of a dossier, as the lead, the receiving unit or a participating agency sees them."""
    row = await review.visible(code, staff)
    parts = await timeline.parts(row["id"])
    names = await _names(parts)
    return PartsOut(items=[_out(row["code"], p, names, now, tz) for p in parts])


async def open_parts(staff: Principal, *, now: dt.datetime, tz: ZoneInfo) -> PartsOut:
    """The parts the staff member's agency still has to return, the most urgent first (its to-do list)."""
    parts = await timeline.open_parts(staff.agency_code)
    names = await _names(parts)
    return PartsOut(items=[_out(p["code"], p, names, now, tz) for p in parts])

"""Use cases of the paper transfer at receipt (Decree 118/2025 Art 18): the counter logs when it handed a
paper dossier to the competent agency, which confirms it received it; both lines go on the control slip."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.dossiers import moves, timeline
from backend.dossiers.rules import IllegalTransition
from backend.handling import desk, handovers, rules
from backend.handling.schemas import PaperHandoverIn, StepIn

# From receipt until the result: while the paper still has a reason to travel to the agency.
CARRIED = frozenset({"received"}) | rules.HANDLING


def _step(rows: list[dict[str, Any]], step: str) -> dict[str, Any] | None:
    return next((h for h in rows if h["step"] == step), None)


async def hand_over_paper(
    code: str, body: PaperHandoverIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo
) -> dict[str, Any]:
    """The counter gave the paper dossier to the competent agency at `handed_at` (by default now): one line on
    the control slip, due the same working day, or the next working morning when received after 15:00."""
    row = await desk.at_counter(code, staff, body.version, None)
    receiving, competent = row["receiving_unit_code"], row["competent_agency_code"]
    if row["received_at"] is None or not handovers.needs_paper_transfer(row["channel"], receiving, competent):
        raise handovers.PaperNotExpected()
    if row["status"] not in CARRIED:
        raise IllegalTransition(current=row["status"], target="paper_transfer")
    if _step(await timeline.handovers(row["id"]), "paper_transfer") is not None:
        raise handovers.PaperAlreadyHandedOver()
    handed_at = body.handed_at or now
    if handed_at.tzinfo is None or not row["received_at"] <= handed_at <= now:
        raise handovers.HandedAtInvalid()
    calendar = await desk.calendar(tz, now)
    due = handovers.paper_transfer_due(row["received_at"], calendar, calendar.office_hours(receiving))
    line = timeline.Handover(
        "paper_transfer", receiving, staff.username, competent, body.recipient.strip(), medium="paper", due_at=due
    )
    move = moves.Move(
        action="hand_over_paper", target=None, internal_note=body.internal_note, records=(line.row(handed_at),)
    )
    return await desk.apply(row, body.version, move, staff, now)


async def acknowledge_paper(code: str, body: StepIn, staff: Principal, now: dt.datetime) -> dict[str, Any]:
    """The competent agency confirms the paper reached it: judged against the same deadline as the hand-over."""
    row = await desk.deciding(code, staff, body.version, None)
    lines = await timeline.handovers(row["id"])
    handed = _step(lines, "paper_transfer")
    if handed is None:
        raise handovers.PaperNotHandedOver()
    if _step(lines, "paper_received") is not None:
        raise handovers.PaperAlreadyAcknowledged()
    line = timeline.Handover(
        "paper_received",
        handed["from_unit"],
        handed["from_user"],
        row["competent_agency_code"],
        staff.username,
        medium="paper",
        due_at=handed["due_at"],
    )
    note = body.internal_note
    move = moves.Move(action="acknowledge_paper", target=None, internal_note=note, records=(line.row(now),))
    return await desk.apply(row, body.version, move, staff, now)

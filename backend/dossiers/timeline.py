"""What a dossier keeps besides its status, as rows other domains build and read without knowing the tables:
its due dates (each with why and when), its waits for the citizen, its hand-overs (the control slip) and the
parts other agencies do for it (liên thông)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from piccolo.table import Table

from backend.dossiers.tables import DossierDeadline, DossierHandover, DossierPart, DossierWait


def deadline(
    kind: str, due: dt.date, *, counted_from: dt.datetime, at: dt.datetime, reason: str, actor: str = ""
) -> Table:
    """A due date given to the dossier: "original", "restarted" (Art 19(5)) or "extended" (Art 19(6))."""
    return DossierDeadline(kind=kind, due_date=due, counted_from=counted_from, set_at=at, reason=reason, actor=actor)


def wait(reason: str, started_at: dt.datetime, ended_at: dt.datetime, outcome: str) -> Table:
    """A wait for the citizen that ended: "completed", "closed" or "stopped"."""
    return DossierWait(reason=reason, started_at=started_at, ended_at=ended_at, outcome=outcome)


@dataclass(frozen=True)
class Handover:
    """Who hands the dossier to whom (units are agency codes, users staff usernames; "" for none)."""

    step: str
    from_unit: str = ""
    from_user: str = ""
    to_unit: str = ""
    to_user: str = ""
    medium: str = "electronic"
    due_at: dt.datetime | None = None
    note: str = ""

    def row(self, at: dt.datetime) -> Table:
        return DossierHandover(at=at, **self.__dict__)


TRANSFER_STEPS = ("transfer", "paper_transfer")  # the dossier goes from the receiving unit to the competent agency


def transfer_at_receipt(receiving: str, competent: str, by: str, now: dt.datetime) -> tuple[Table, ...]:
    """The electronic file goes to the competent agency the moment it is received (Decree 118/2025 Art 18):
    one hand-over, due at once; none when the receiving unit decides the dossier itself."""
    if receiving == competent:
        return ()
    return (Handover("transfer", receiving, by, competent, due_at=now).row(now),)


def part(agency: str, lead: str, task: str, working_days: int, *, by: str, at: dt.datetime, due: dt.datetime) -> Table:
    return DossierPart(
        agency_code=agency,
        lead_agency_code=lead,
        task=task,
        working_days=working_days,
        sent_at=at,
        sent_by=by,
        due_at=due,
    )


def part_returned(part_id: int, *, at: dt.datetime, by: str, result: str) -> Any:
    """The update that marks a part returned (run by the move's transaction)."""
    return DossierPart.update(
        {DossierPart.returned_at: at, DossierPart.returned_by: by, DossierPart.result: result}
    ).where(DossierPart._meta.primary_key == part_id, DossierPart.returned_at.is_null())


def parts_closed(dossier_id: int, *, at: dt.datetime, reason: str) -> Any:
    """The update that closes the parts of a dossier still out at other agencies: it ended without a result
    ("stopped", Art 21), so their work is no longer due (run by the move's transaction)."""
    return DossierPart.update({DossierPart.closed_at: at, DossierPart.closed_reason: reason}).where(
        DossierPart.dossier == dossier_id, DossierPart.returned_at.is_null(), DossierPart.closed_at.is_null()
    )


async def parts(dossier_id: int) -> list[dict[str, Any]]:
    """The dossier's parts at other agencies, in the order they were sent."""
    return list(
        await DossierPart.select().where(DossierPart.dossier == dossier_id).order_by(DossierPart._meta.primary_key)
    )


async def takes_part(dossier_id: int, agency: str) -> bool:
    """Whether `agency` was sent a part of the dossier (its staff may then see it)."""
    return bool(await DossierPart.exists().where(DossierPart.dossier == dossier_id, DossierPart.agency_code == agency))


async def open_parts(agency: str) -> list[dict[str, Any]]:
    """The parts `agency` has not returned yet, the most urgent first, with their dossier's code."""
    return list(
        await DossierPart.select(
            *DossierPart.all_columns(exclude=[DossierPart.dossier]), DossierPart.dossier.code.as_alias("code")
        )
        .where(DossierPart.agency_code == agency, DossierPart.returned_at.is_null(), DossierPart.closed_at.is_null())
        .order_by(DossierPart.due_at)
    )


async def transfers(dossier_ids: list[int]) -> dict[int, dt.datetime]:
    """When each dossier first went to its competent agency (electronic or paper), for the register."""
    if not dossier_ids:
        return {}
    rows = (
        await DossierHandover.select(DossierHandover.dossier, DossierHandover.at)
        .where(DossierHandover.dossier.is_in(dossier_ids), DossierHandover.step.is_in(list(TRANSFER_STEPS)))
        .order_by(DossierHandover.at)
    )
    first: dict[int, dt.datetime] = {}
    for row in rows:
        first.setdefault(row["dossier"], row["at"])
    return first


async def handovers(dossier_id: int) -> list[dict[str, Any]]:
    return list(
        await DossierHandover.select()
        .where(DossierHandover.dossier == dossier_id)
        .order_by(DossierHandover._meta.primary_key)
    )


async def kept(dossier_id: int) -> dict[str, list[dict[str, Any]]]:
    """The dossier's due dates, waits and hand-overs, oldest first."""
    return {
        "deadlines": await DossierDeadline.select()
        .where(DossierDeadline.dossier == dossier_id)
        .order_by(DossierDeadline._meta.primary_key),
        "waits": await DossierWait.select()
        .where(DossierWait.dossier == dossier_id)
        .order_by(DossierWait._meta.primary_key),
        "handovers": await handovers(dossier_id),
        "parts": await parts(dossier_id),
    }

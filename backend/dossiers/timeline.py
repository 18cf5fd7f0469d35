"""What a dossier keeps besides its status, as rows other domains build and read without knowing the tables:
its due dates (each with why and when), its waits for the citizen and its hand-overs (the control slip)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from piccolo.table import Table

from backend.dossiers.tables import DossierDeadline, DossierHandover, DossierWait


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


async def kept(dossier_id: int) -> dict[str, list[dict[str, Any]]]:
    """The dossier's due dates, waits and hand-overs, oldest first."""
    return {
        "deadlines": await DossierDeadline.select()
        .where(DossierDeadline.dossier == dossier_id)
        .order_by(DossierDeadline._meta.primary_key),
        "waits": await DossierWait.select()
        .where(DossierWait.dossier == dossier_id)
        .order_by(DossierWait._meta.primary_key),
        "handovers": await DossierHandover.select()
        .where(DossierHandover.dossier == dossier_id)
        .order_by(DossierHandover._meta.primary_key),
    }

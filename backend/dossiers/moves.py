"""A staff or citizen action on a dossier as one transaction: the status change guarded by the version the
actor saw, one audit row, the citizen's history line and, when one is issued, the paper's snapshot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from piccolo.table import Table

from backend.db import writing
from backend.dossiers.errors import DossierNotFound
from backend.dossiers.rules import StaleVersion, Status, ensure_transition
from backend.dossiers.tables import Dossier, DossierAudit, DossierEvent, DossierPaper
from backend.push import outbox


@dataclass(frozen=True)
class Actor:
    username: str
    role: str = ""
    agency: str = ""


@dataclass(frozen=True)
class Move:
    """What an action changes: `target` status (None: the status stays), other columns, the texts."""

    action: str
    target: Status | None
    changes: dict[str, Any] = field(default_factory=dict)
    reason_for_citizen: str = ""  # shown in the citizen's history
    internal_note: str = ""  # staff only
    # What the citizen's notice says besides the dossier's columns (a last day, a reason, where to collect);
    # keys of backend/push/rules.facts, `<key>_en` for an English wording.
    notice_facts: dict[str, str] = field(default_factory=dict)
    paper: tuple[str, dict[str, Any]] | None = None  # (kind, data) of the paper issued
    # Rows of this dossier written in the same transaction (due dates, waits, hand-overs); `apply` sets
    # their `dossier` key.
    records: tuple[Table, ...] = ()
    # Updates of such rows, awaited in the same transaction after the records (a part returned, Art 20).
    updates: tuple[Any, ...] = ()


async def current(code: str) -> dict[str, Any]:
    row = await Dossier.select().where(Dossier.code == code).output(load_json=True).first()
    if row is None:
        raise DossierNotFound(code=code)
    return dict(row)


def _state(row: dict[str, Any]) -> dict[str, Any]:
    return {"status": row["status"], "version": row["version"]}


async def apply(code: str, version: int, move: Move, actor: Actor, now: dt.datetime) -> dict[str, Any]:
    """The dossier after `move`, made only if it is still at `version` (409 stale_version otherwise, with
    the current state: a second officer, or a double click, changes nothing)."""
    row = await current(code)
    if row["version"] != version:
        raise StaleVersion(current=_state(row))
    before = row["status"]
    if move.target is not None:
        ensure_transition(before, move.target)
    after = move.target.value if move.target is not None else before
    columns = {getattr(Dossier, name): value for name, value in move.changes.items()}
    async with writing(Dossier):
        updated = await (
            Dossier.update({**columns, Dossier.status: after, Dossier.version: Dossier.version + 1})
            .where(Dossier._meta.primary_key == row["id"], Dossier.version == version)
            .returning(Dossier._meta.primary_key)
        )
        if not updated:  # another request moved it between our read and this write
            raise StaleVersion(current=_state(await current(code)))
        new = await current(code)
        await _record(row["id"], before, new, move, actor, now=now)
        await outbox.notify(new, move, now)  # the citizen's notices, in this same transaction
    return new


async def mark_rated(dossier_id: int, channel: str) -> None:
    """The dossier was rated (by `channel`): said to its phone in its view. Not a move: no version, no audit
    row; the caller writes it in the rating's own transaction."""
    await Dossier.update({Dossier.rated_via: channel}).where(Dossier._meta.primary_key == dossier_id)


async def _record(
    dossier_id: int, before: str, new: dict[str, Any], move: Move, actor: Actor, *, now: dt.datetime
) -> None:
    await DossierAudit.insert(
        DossierAudit(
            dossier=dossier_id,
            at=now,
            actor_username=actor.username,
            actor_role=actor.role,
            actor_agency=actor.agency,
            action=move.action,
            from_status=before,
            to_status=new["status"],
            reason_for_citizen=move.reason_for_citizen,
            internal_note=move.internal_note,
            version_after=new["version"],
        )
    )
    if move.target is not None or move.reason_for_citizen:
        # The citizen's history: status, time and the citizen text only (never the internal note); a move
        # that keeps the status still tells the citizen what it says to them (a new appointment date).
        await DossierEvent.insert(
            DossierEvent(
                dossier=dossier_id, at=now, status=new["status"], actor=actor.username, note=move.reason_for_citizen
            )
        )
    if move.paper is not None:
        kind, data = move.paper
        await DossierPaper.insert(DossierPaper(dossier=dossier_id, kind=kind, issued_at=now, data=data))
    for record in move.records:
        record.dossier = dossier_id  # type: ignore[attr-defined]
        await type(record).insert(record)
    for update in move.updates:
        await update


CITIZEN = "citizen"


async def citizen_trail(
    dossier_id: int, *, at: dt.datetime, action: str, before: str, after: str, note: str, version: int
) -> None:
    """What a citizen's own action from the phone leaves (in its transaction): their history line, the audit row."""
    await DossierEvent.insert(DossierEvent(dossier=dossier_id, at=at, status=after, actor=CITIZEN, note=note))
    await DossierAudit.insert(
        DossierAudit(
            dossier=dossier_id,
            at=at,
            actor_username=CITIZEN,
            actor_role=CITIZEN,
            action=action,
            from_status=before,
            to_status=after,
            reason_for_citizen=note,
            version_after=version,
        )
    )


async def mark_opened(code: str, actor: Actor, now: dt.datetime) -> dict[str, Any]:
    """The dossier, marked opened on its first opening by staff (one 'open' audit row, no version change)."""
    row = await current(code)
    if row["opened_at"] is not None:
        return row
    async with writing(Dossier):
        marked = await (
            Dossier.update({Dossier.opened_at: now})
            .where(Dossier._meta.primary_key == row["id"], Dossier.opened_at.is_null())
            .returning(Dossier._meta.primary_key)
        )
        if marked:
            await DossierAudit.insert(
                DossierAudit(
                    dossier=row["id"],
                    at=now,
                    actor_username=actor.username,
                    actor_role=actor.role,
                    actor_agency=actor.agency,
                    action="open",
                    from_status=row["status"],
                    to_status=row["status"],
                    version_after=row["version"],
                )
            )
    return await current(code)


async def trail(dossier_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The dossier's citizen history, audit rows and issued papers, oldest first."""
    events = (
        await DossierEvent.select().where(DossierEvent.dossier == dossier_id).order_by(DossierEvent._meta.primary_key)
    )
    audit = (
        await DossierAudit.select().where(DossierAudit.dossier == dossier_id).order_by(DossierAudit._meta.primary_key)
    )
    papers = (
        await DossierPaper.select()
        .where(DossierPaper.dossier == dossier_id)
        .order_by(DossierPaper._meta.primary_key)
        .output(load_json=True)
    )
    return events, audit, papers

"""The outbox: the notices of a status change, written inside the change's own transaction (so there is no
change without its notices and no notice without its change), one delivery queued per following phone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from backend.catalogue import service as catalogue
from backend.push import rules
from backend.push.tables import PushDelivery, PushFollow, PushNotice


class Move(Protocol):
    """What the outbox reads of a dossier's move (backend/dossiers/moves.py)."""

    @property
    def action(self) -> str: ...
    @property
    def target(self) -> str | None: ...
    @property
    def reason_for_citizen(self) -> str: ...
    @property
    def notice_facts(self) -> Mapping[str, str]: ...


class Bilingual(Protocol):
    @property
    def vi(self) -> str: ...
    @property
    def en(self) -> str: ...


@dataclass(frozen=True)
class Told:
    """A move made outside the dossiers' moves (a citizen's resubmission) that still tells the citizen."""

    action: str
    target: str | None
    reason_for_citizen: str = ""
    notice_facts: Mapping[str, str] = field(default_factory=dict)


async def _facts(dossier: Mapping[str, Any], move: Move) -> dict[str, rules.Text]:
    """What the notice may say: the dossier's name (procedure and person), its English labels, the originals."""
    code = dossier["procedure_code"]
    procedure = (await catalogue.procedures_by_code([code])).get(code)
    if procedure is None:
        return rules.facts(rules.Text(code, code), dossier, move.reason_for_citizen, move.notice_facts)
    person = rules.subject_name(procedure.form, dossier["answers"])
    name = rules.dossier_name(rules.Text(procedure.name.vi, procedure.name.en), person)
    attached = {a["slot"] for a in dossier.get("attachments") or []}
    documents = [(d.key, d.name, d.kind) for d in procedure.documents]
    return rules.facts(
        name,
        dossier,
        move.reason_for_citizen,
        move.notice_facts,
        labels_en=rules.field_labels_en(procedure.form),
        originals=rules.originals_to_bring(documents, attached),
    )


async def notify(dossier: Mapping[str, Any], move: Move, now: dt.datetime) -> int | None:
    """Writes the notice `move` makes of `dossier` (the row after it) and its deliveries; the notice's id,
    or None when the move tells the citizen nothing. Call it inside the move's transaction."""
    kind = rules.kind_for(move.action, move.target)
    if kind is None:
        return None
    title, body = rules.compose(kind, await _facts(dossier, move))
    told = Notice(
        code=dossier["code"],
        token_hash=dossier["access_token_hash"],
        kind=kind.name,
        title=title,
        body=body,
        url=rules.tap_url(kind, dossier["code"]),
        urgency=kind.urgency,
    )
    return await tell(told, now)


@dataclass(frozen=True)
class Notice:
    """A notice composed elsewhere (feedback's answer): to the inbox of whoever holds the token hashed
    `token_hash`, and to the phones following it."""

    code: str
    token_hash: str
    kind: str
    title: Bilingual
    body: Bilingual
    url: str
    urgency: str = "normal"


async def tell(notice: Notice, now: dt.datetime) -> int:
    """Writes `notice` and one queued delivery per following phone; its id. Call it inside the transaction
    of the change it tells about."""
    inserted = await PushNotice.insert(
        PushNotice(
            dossier_code=notice.code,
            token_hash=notice.token_hash,
            kind=notice.kind,
            urgency=notice.urgency,
            title_vi=notice.title.vi,
            title_en=notice.title.en,
            body_vi=notice.body.vi,
            body_en=notice.body.en,
            url=notice.url,
            created_at=now,
        )
    ).returning(PushNotice._meta.primary_key)
    made = inserted[0]["id"]
    follows = await PushFollow.select(PushFollow.subscription).where(PushFollow.token_hash == notice.token_hash)
    subscriptions = sorted({f["subscription"] for f in follows})
    if subscriptions:
        queued = rules.State.QUEUED.value
        await PushDelivery.insert(
            *(
                PushDelivery(notice=made, subscription=s, status=queued, next_attempt_at=now, created_at=now)
                for s in subscriptions
            )
        )
    return int(made)

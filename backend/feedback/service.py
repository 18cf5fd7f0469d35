"""Use cases of feedback: a citizen sends it from the phone and reads its answer; the unit's staff list their
items, answer one (the answer notice written in the same transaction) and record feedback given at the counter."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.db import writing
from backend.dossiers import corrections
from backend.dossiers import rules as dossier_rules
from backend.dossiers.schemas import TextOut
from backend.feedback import rules
from backend.feedback.schemas import (
    CounterFeedbackIn,
    FeedbackIn,
    FeedbackOut,
    StaffFeedbackListOut,
    StaffFeedbackOut,
)
from backend.feedback.tables import Feedback
from backend.push import outbox
from backend.review import service as review

log = logging.getLogger(__name__)
ANSWERED_SHOWN = 50  # the unit's latest answered items on the staff page
NOTICE_KIND = "feedback_answered"
NOTICE_URL = "/#/phan-anh"


async def _names(units: set[str]) -> dict[str, TextOut]:
    names = await catalogue.agency_names(sorted(units))
    return {code: TextOut(vi=n.vi, en=n.en) for code, n in names.items()}


def _common(row: dict[str, Any], names: dict[str, TextOut], today: dt.date) -> dict[str, Any]:
    unit = row["unit_code"]
    return {
        "id": row["feedback_id"],
        "code": row["code"],
        "kind": row["kind"],
        "channel": row["channel"],
        "procedure_code": row["procedure_code"],
        "dossier_code": row["dossier_code"],
        "unit_code": unit,
        "unit_name": names.get(unit, TextOut(vi=unit, en=unit)),
        "text": row["text"],
        "received_at": row["received_at"],
        "due_date": row["due_date"],
        "state": rules.state(row["due_date"], row["answered_at"], today).value,
        "answer": row["answer"] if row["answered_at"] is not None else None,
        "answered_at": row["answered_at"],
    }


async def _citizen_view(rows: list[dict[str, Any]], today: dt.date) -> list[FeedbackOut]:
    names = await _names({r["unit_code"] for r in rows})
    return [FeedbackOut(**_common(r, names, today)) for r in rows]


async def _staff_view(rows: list[dict[str, Any]], today: dt.date) -> list[StaffFeedbackOut]:
    names = await _names({r["unit_code"] for r in rows})
    return [
        StaffFeedbackOut(
            **_common(r, names, today),
            contact_name=r["contact_name"],
            contact_phone=r["contact_phone"],
            recorded_by=r["recorded_by"],
            answered_by=r["answered_by_name"],
        )
        for r in rows
    ]


async def _by_id(feedback_id: uuid.UUID) -> dict[str, Any] | None:
    row = await Feedback.select().where(Feedback.feedback_id == feedback_id).first()
    return None if row is None else dict(row)


async def _procedure_unit(procedure_code: str, unit_code: str | None) -> str:
    """The unit that answers feedback about a procedure: the one the citizen picked (an agency the catalogue
    knows), else the procedure's competent agency; a commune-level procedure needs the pick."""
    procedure = (await catalogue.procedures_by_code([procedure_code])).get(procedure_code)
    if procedure is None:
        raise rules.UnknownProcedure(procedure=procedure_code)
    unit = unit_code or procedure.competent_agency
    if unit is None:
        raise rules.UnitRequired()
    if not await catalogue.agency_names([unit]):
        raise rules.UnknownUnit(unit=unit)
    return unit


async def _due(received_at: dt.datetime, unit: str, days: int, tz: ZoneInfo) -> dt.date:
    return await catalogue.appointment_date(received_at, days, tz, agency=unit)


async def _keep(
    data: FeedbackIn | CounterFeedbackIn,
    channel: rules.Channel,
    unit: str,
    about: dict[str, Any],
    *,
    now: dt.datetime,
    days: int,
    tz: ZoneInfo,
) -> tuple[dict[str, Any], bool]:
    """Keeps a new item as sent (its text checked, its contact tidied, due `days` working days on), once under
    its id: the item as kept, and False when its id was kept first (by a retry running alongside)."""
    columns = {
        "feedback_id": data.id,
        "code": rules.code_of(data.id),
        "kind": data.kind,
        "channel": channel.value,
        "unit_code": unit,
        "text": rules.written(data.text, rules.TEXT_MIN_CHARS),
        "contact_name": " ".join(data.contact_name.split()),
        "contact_phone": catalogue.tidy_phone(data.contact_phone) if data.contact_phone.strip() else "",
        "received_at": now,
        "due_date": await _due(now, unit, days, tz),
        **about,
    }
    pk = Feedback._meta.primary_key
    created = bool(await Feedback.insert(Feedback(**columns)).on_conflict(action="DO NOTHING").returning(pk))
    kept = await _by_id(data.id)
    assert kept is not None, "kept by this call or the one it raced"
    return kept, created


async def _about(data: FeedbackIn, own: str) -> tuple[str, dict[str, Any]]:
    """The unit that answers an item from the phone, and what it is about (so where its answer notice goes:
    the dossier's phones, else `own`, the item's token hash)."""
    if (data.procedure_code is None) == (data.dossier is None):
        raise rules.AboutNothing()
    if data.dossier is not None:
        dossier = await corrections.owned(data.dossier.submission_id, data.dossier.access_token)
        return dossier["receiving_unit_code"], {
            "procedure_code": dossier["procedure_code"],
            "dossier_code": dossier["code"],
            "notice_hash": dossier["access_token_hash"],
        }
    assert data.procedure_code is not None
    unit = await _procedure_unit(data.procedure_code, data.unit_code)
    return unit, {"procedure_code": data.procedure_code, "dossier_code": None, "notice_hash": own}


async def submit(data: FeedbackIn, now: dt.datetime, days: int, tz: ZoneInfo) -> tuple[FeedbackOut, bool]:
    """The item sent from the phone, kept once (a retry with the same id and token is answered with the item
    kept); True when this call kept it."""
    own = dossier_rules.token_hash(data.token)
    kept = await _by_id(data.id)
    created = False
    if kept is None:
        unit, about = await _about(data, own)
        kept, created = await _keep(
            data, rules.Channel.APP, unit, {**about, "token_hash": own}, now=now, days=days, tz=tz
        )
        if created:
            log.info("feedback received", extra={"code": kept["code"], "unit": kept["unit_code"]})
    if kept["token_hash"] != own:
        raise rules.FeedbackIdTaken()
    return (await _citizen_view([kept], now.astimezone(tz).date()))[0], created


async def opened_by(tokens: list[str]) -> set[str]:
    """The hashes of those `tokens` that open an item: what a phone's push subscription may follow."""
    hashes = sorted({dossier_rules.token_hash(t) for t in tokens})
    rows = await Feedback.select(Feedback.token_hash).where(Feedback.token_hash.is_in(hashes))
    return {r["token_hash"] for r in rows}


async def mine(tokens: list[str], today: dt.date) -> list[FeedbackOut]:
    """The items these tokens open, newest first."""
    hashes = sorted({dossier_rules.token_hash(t) for t in tokens})
    rows = await (
        Feedback.select().where(Feedback.token_hash.is_in(hashes)).order_by(Feedback.received_at, ascending=False)
    )
    return await _citizen_view(rows, today)


async def unit_items(staff: Principal, today: dt.date) -> StaffFeedbackListOut:
    """The staff member's unit's open items, overdue first (the earliest due first), and its latest answers."""
    mine_ = Feedback.unit_code == staff.agency_code
    waiting = await (
        Feedback.select()
        .where(mine_, Feedback.answered_at.is_null())
        .order_by(Feedback.due_date)
        .order_by(Feedback.received_at)
    )
    answered = await (
        Feedback.select()
        .where(mine_, Feedback.answered_at.is_not_null())
        .order_by(Feedback.answered_at, ascending=False)
        .limit(ANSWERED_SHOWN)
    )
    return StaffFeedbackListOut(open=await _staff_view(waiting, today), answered=await _staff_view(answered, today))


async def _unit_item(code: str, staff: Principal) -> dict[str, Any]:
    """The item of the staff member's unit by code; another unit's answers as a missing one."""
    row = await (
        Feedback.select().where(Feedback.code == code.strip().upper(), Feedback.unit_code == staff.agency_code).first()
    )
    if row is None:
        raise rules.FeedbackNotFound()
    return dict(row)


async def answer(code: str, text: str, staff: Principal, now: dt.datetime, tz: ZoneInfo) -> StaffFeedbackOut:
    """The unit's answer kept with who gave it and when, and its notice (inbox and Web Push) written in the
    same transaction; an item is answered once."""
    row = await _unit_item(code, staff)
    reply = rules.written(text, rules.ANSWER_MIN_CHARS)
    unit = (await _names({row["unit_code"]})).get(row["unit_code"], TextOut(vi=row["unit_code"], en=row["unit_code"]))
    async with writing(Feedback):
        done = await (
            Feedback.update(
                {
                    Feedback.answer: reply,
                    Feedback.answered_by: staff.username,
                    Feedback.answered_by_name: staff.full_name,
                    Feedback.answered_at: now,
                }
            )
            .where(Feedback._meta.primary_key == row["id"], Feedback.answered_at.is_null())
            .returning(Feedback._meta.primary_key)
        )
        if not done:
            raise rules.AlreadyAnswered()
        if row["notice_hash"]:
            title, body = rules.answer_notice(rules.Kind(row["kind"]), row["code"], rules.Text(unit.vi, unit.en), reply)
            told = outbox.Notice(
                code=row["dossier_code"] or row["code"],
                token_hash=row["notice_hash"],
                kind=NOTICE_KIND,
                title=title,
                body=body,
                url=NOTICE_URL,
            )
            await outbox.tell(told, now)
    log.info("feedback answered", extra={"code": row["code"], "by": staff.username})
    answered = await _unit_item(code, staff)
    return (await _staff_view([answered], now.astimezone(tz).date()))[0]


async def record(
    data: CounterFeedbackIn, staff: Principal, now: dt.datetime, days: int, tz: ZoneInfo
) -> tuple[StaffFeedbackOut, bool]:
    """Feedback given at the counter, for the officer's own unit: tied to a dossier the unit can see (its answer
    then reaches that dossier's phone) or to a procedure; kept once by its id."""
    kept = await _by_id(data.id)
    created = False
    if kept is None:
        about: dict[str, Any] = {"procedure_code": data.procedure_code, "dossier_code": None, "notice_hash": None}
        if data.dossier_code:
            dossier = await review.visible(data.dossier_code, staff)
            about = {
                "procedure_code": dossier["procedure_code"],
                "dossier_code": dossier["code"],
                "notice_hash": dossier["access_token_hash"],
            }
        elif data.procedure_code and not await catalogue.procedures_by_code([data.procedure_code]):
            raise rules.UnknownProcedure(procedure=data.procedure_code)
        about["recorded_by"] = staff.username
        kept, created = await _keep(data, rules.Channel.COUNTER, staff.agency_code, about, now=now, days=days, tz=tz)
    if kept["unit_code"] != staff.agency_code:
        raise rules.FeedbackIdTaken()
    return (await _staff_view([kept], now.astimezone(tz).date()))[0], created

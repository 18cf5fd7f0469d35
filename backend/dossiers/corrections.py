"""Use case of a citizen's corrections (bổ sung, hoàn thiện hồ sơ, Decree 118/2025 Art 17): the dossier the
officer sent back is fixed on the phone and resubmitted into the same dossier, exactly once."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from piccolo.columns import Column
from piccolo.table import Table

from backend.catalogue import service as catalogue
from backend.db import UNIQUE_VIOLATIONS, hold, writing
from backend.dossiers import files, moves, rules, search, service, timeline
from backend.dossiers.errors import (
    CorrectedDossierNotFound,
    CorrectionConflict,
    InvalidAttachments,
    NotRequested,
    StaleEdit,
    UnknownProcedure,
)
from backend.dossiers.rules import Channel, Status
from backend.dossiers.schemas import CorrectedOut, CorrectionIn, CorrectionOut
from backend.dossiers.tables import Dossier, DossierCorrection
from backend.push import outbox

log = logging.getLogger(__name__)
HISTORY_NOTE = "Công dân đã sửa, bổ sung hồ sơ và gửi lại."
# Where a completed request sends the dossier: at receipt, back to the check (Art 17); during appraisal, back
# to its handler with the count restarted from zero (Art 19(5)).
AFTER = {Status.SUPPLEMENT_REQUESTED: Status.SUBMITTED, Status.APPRAISAL_SUPPLEMENT: Status.IN_PROGRESS}


@dataclass(frozen=True)
class After:
    """What completing the request does besides the answers and files: the status, columns and rows."""

    before: Status
    target: Status
    note: str = HISTORY_NOTE
    changes: dict[Column | str, Any] = field(default_factory=dict)
    records: tuple[Table, ...] = ()
    notice: str = ""  # the notice the citizen gets (backend/push/rules KINDS), none when empty


async def _after(row: dict[str, Any], now: dt.datetime, tz: ZoneInfo) -> After:
    before = Status(row["status"])
    if before != Status.APPRAISAL_SUPPLEMENT:
        # Back to "to check", with a fresh 8-hour clock from the resubmission (Art 17).
        return After(before, Status.SUBMITTED, changes={Dossier.checking_since: now})
    due = await service.appointment(row["procedure_code"], row["receiving_unit_code"], now, tz)
    note = f"Công dân đã bổ sung hồ sơ. Thời hạn giải quyết được tính lại từ đầu: hẹn trả kết quả ngày {due:%d/%m/%Y}."
    return After(
        before,
        Status.IN_PROGRESS,
        note,
        {Dossier.appointment_date: due, Dossier.clock_started_at: now, Dossier.waiting_since: None},
        (
            timeline.deadline("restarted", due, counted_from=now, at=now, reason="Công dân đã bổ sung đủ hồ sơ"),
            timeline.wait("appraisal_supplement", row["waiting_since"] or now, now, "completed"),
        ),
        notice="restarted",  # the new appointment date, on the phone too
    )


def _out(row: dict[str, Any]) -> CorrectionOut:
    plain = service.dossier_out(row)
    return CorrectionOut(
        dossier=CorrectedOut(**{f: getattr(plain, f) for f in plain.__struct_fields__}, version=row["version"])
    )


async def owned(submission_id: uuid.UUID, token: str) -> dict[str, Any]:
    """The dossier of this submission that this token opens (404 for a wrong token as for none: no oracle)."""
    row = await (
        Dossier.select()
        .where(Dossier.submission_id == submission_id, Dossier.access_token_hash == rules.token_hash(token))
        .output(load_json=True)
        .first()
    )
    if row is None:
        raise CorrectedDossierNotFound()
    return dict(row)


async def _dossier(data: CorrectionIn) -> dict[str, Any]:
    return await owned(data.submission_id, data.access_token)


async def _replay(correction_id: uuid.UUID, dossier_id: Any, print_: str) -> CorrectionOut | None:
    """The answer to a correction already made (a retry); None when this id is new."""
    done = await DossierCorrection.select().where(DossierCorrection.correction_id == correction_id).first()
    if done is None:
        return None
    if done["dossier"] != dossier_id or done["fingerprint"] != print_:
        raise CorrectionConflict()
    row = await Dossier.select().where(Dossier._meta.primary_key == dossier_id).output(load_json=True).first()
    assert row is not None, "a correction's dossier is deleted with it"
    return _out(row)


def _ensure_open(row: dict[str, Any], edits_version: int) -> dict[str, Any]:
    """The open request for corrections, once sure the phone edited the current version of it."""
    if row["version"] != edits_version:
        raise StaleEdit(currentVersion=row["version"])
    target = AFTER.get(Status(row["status"]), Status.SUBMITTED)
    rules.ensure_transition(row["status"], target)
    if row["status"] not in AFTER or not row["correction_request"]:
        raise rules.IllegalTransition(current=row["status"], target=target.value)
    request: dict[str, Any] = row["correction_request"]
    return request


async def _checked(
    data: CorrectionIn, row: dict[str, Any], today: dt.date, intake: catalogue.IntakeCatalogue
) -> tuple[catalogue.IntakeProcedure, dict[str, Any]]:
    """The procedure and the corrected answers as kept, once sure only the requested items change."""
    request = _ensure_open(row, data.edits_version)
    procedure = await intake.procedure(row["procedure_code"])
    if procedure is None:
        raise UnknownProcedure(code=row["procedure_code"])
    answers = service.checked_answers(procedure, data.answers, today)
    unasked = rules.unrequested_changes(
        row["answers"],
        answers,
        {a["slot"]: a["sha256"] for a in row["attachments"]},
        {a.slot: a.sha256 for a in data.attachments},
        request.get("items", []),
    )
    if unasked:
        raise NotRequested(unasked)
    errors = rules.attachment_errors([a.slot for a in data.attachments], procedure.documents)
    if errors:
        raise InvalidAttachments(errors=errors)
    return procedure, answers


def _content(data: CorrectionIn) -> dict[str, Any]:
    return {
        "editsVersion": data.edits_version,
        "answers": data.answers,
        "attachments": [{"slot": a.slot, "sha256": a.sha256} for a in data.attachments],
    }


async def _apply(
    data: CorrectionIn,
    row: dict[str, Any],
    checked: tuple[catalogue.IntakeProcedure, dict[str, Any]],
    print_: str,
    now: dt.datetime,
    *,
    then: After,
) -> CorrectionOut:
    procedure, answers = checked
    async with writing(Dossier):
        for sha256 in sorted({a.sha256 for a in data.attachments}):
            await hold(Dossier, files.lock_key(sha256))  # as a first submission does: the purge decides under it
        attachments = await service.held_attachments(data, procedure)
        version = row["version"] + 1
        phone = service.contact_phone(answers, procedure)
        # Online, the ID number is the applicant's as answered, corrected with the answers; at the counter,
        # the one the officer checked.
        online = row["channel"] == Channel.ONLINE.value
        id_number = service.applicant_id_number(answers, procedure) if online else row["id_number"]
        changes: dict[Column | str, Any] = {
            Dossier.answers: answers,
            Dossier.attachments: attachments,
            Dossier.status: then.target.value,
            Dossier.version: version,
            Dossier.correction_request: None,
            **then.changes,
            Dossier.contact_phone: phone,
            Dossier.id_number: id_number,
            Dossier.search_text: search.search_text(row["code"], phone, id_number, answers),
        }
        moved = await (
            Dossier.update(changes)
            .where(
                Dossier._meta.primary_key == row["id"],
                Dossier.version == data.edits_version,
                Dossier.status == then.before.value,
            )
            .returning(Dossier._meta.primary_key)
        )
        if not moved:  # another request changed it first: the same correction (a retry racing), or staff
            done = await _replay(data.correction_id, row["id"], print_)
            if done is not None:
                return done
            raise StaleEdit(currentVersion=(await _dossier(data))["version"])
        await _record(data, row, print_, now=now, version=version, then=then)
        for record in then.records:
            record.dossier = row["id"]  # type: ignore[attr-defined]
            await type(record).insert(record)
        after = await Dossier.select().where(Dossier._meta.primary_key == row["id"]).output(load_json=True).first()
        assert after is not None, "updated just now, in this transaction"
        if then.notice:
            await outbox.notify(after, outbox.Told(then.notice, then.target.value, then.note), now)
    log.info("dossier corrected", extra={"code": row["code"], "version": version})
    return _out(after)


async def _record(
    data: CorrectionIn, row: dict[str, Any], print_: str, *, now: dt.datetime, version: int, then: After
) -> None:
    """What the correction leaves behind: its id (exactly once), the citizen's history and the audit row."""
    await DossierCorrection.insert(
        DossierCorrection(correction_id=data.correction_id, dossier=row["id"], fingerprint=print_, at=now)
    )
    await moves.citizen_trail(
        row["id"],
        at=now,
        action="resubmit",
        before=then.before.value,
        after=then.target.value,
        note=then.note,
        version=version,
    )


async def resubmit(
    data: CorrectionIn, now: dt.datetime, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> CorrectionOut:
    """The dossier corrected as `data` says, at the next version: back to `submitted` (a request at receipt),
    or to its handler with a new appointment (during appraisal); the same correction again is answered as
    the first time."""
    print_ = rules.fingerprint(_content(data))
    row = await _dossier(data)
    done = await _replay(data.correction_id, row["id"], print_)
    if done is not None:
        return done
    checked = await _checked(data, row, now.astimezone(tz).date(), intake)
    then = await _after(row, now, tz)  # before the write transaction: the calendar may be slow to build
    try:
        return await _apply(data, row, checked, print_, now, then=then)
    except UNIQUE_VIOLATIONS:
        # The same correction id raced in from another request that committed first.
        done = await _replay(data.correction_id, row["id"], print_)
        if done is None:
            raise
        return done

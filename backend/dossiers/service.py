"""Use cases of dossiers: a submission from a phone becomes a dossier exactly once."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from backend.catalogue import service as catalogue
from backend.db import UNIQUE_VIOLATIONS, writing
from backend.dossiers import rules
from backend.dossiers.rules import Channel, Status
from backend.dossiers.schemas import SubmissionIn, SubmissionOut
from backend.dossiers.tables import DailySequence, Dossier, DossierEvent
from backend.errors import DomainError

log = logging.getLogger(__name__)
ATTEMPTS = 3


class SubmissionConflict(DomainError):
    status = 409
    code = "submission_conflict"
    message_vi = "Mã gửi này đã được dùng cho một hồ sơ có nội dung khác; hồ sơ đã nhận không bị thay đổi."
    message_en = "This submission id was already used for a dossier with other content; the one received is unchanged."


class UnknownProcedure(DomainError):
    status = 422
    code = "unknown_procedure"
    message_vi = "Thủ tục «{code}» không còn trong danh mục; vui lòng cập nhật danh mục rồi khai lại."
    message_en = "The procedure “{code}” is no longer in the catalogue; refresh the catalogue and fill it in again."


class AgencyNotAccepted(DomainError):
    status = 422
    code = "agency_not_accepted"
    message_vi = "Cơ quan «{agency}» không tiếp nhận thủ tục này; vui lòng chọn lại nơi nộp hồ sơ."
    message_en = "The agency “{agency}” does not handle this procedure; choose where to submit again."


class InvalidAnswers(DomainError):
    status = 422
    code = "invalid_answers"
    message_vi = "Một số câu trả lời chưa hợp lệ; vui lòng sửa rồi gửi lại."
    message_en = "Some answers are not valid; correct them and send again."


def _content(sub: SubmissionIn) -> dict[str, Any]:
    return {
        "procedureCode": sub.procedure_code,
        "procedureVersion": sub.procedure_version,
        "agencyCode": sub.agency_code,
        "answers": sub.answers,
        "tokenHash": rules.token_hash(sub.access_token),
    }


def _out(row: dict[str, Any]) -> SubmissionOut:
    return SubmissionOut(
        code=row["code"],
        submission_id=row["submission_id"],
        status=row["status"],
        procedure_code=row["procedure_code"],
        agency_code=row["agency_code"],
        submitted_at=row["submitted_at"],
    )


async def _by_submission(sub: SubmissionIn) -> dict[str, Any] | None:
    return await Dossier.select().where(Dossier.submission_id == sub.submission_id).first()


def _replay(row: dict[str, Any], print_: str) -> SubmissionOut:
    """The same submission again is answered as before; another content under the same id is refused."""
    if row["fingerprint"] != print_:
        raise SubmissionConflict()
    return _out(row)


async def _check(sub: SubmissionIn, today: dt.date) -> catalogue.IntakeProcedure:
    procedure = await catalogue.procedure_for_intake(sub.procedure_code)
    if procedure is None:
        raise UnknownProcedure(code=sub.procedure_code)
    if await catalogue.agency_level(sub.agency_code) != procedure.level:
        raise AgencyNotAccepted(agency=sub.agency_code)
    errors = catalogue.check_answers(procedure.form, sub.answers, today)
    if errors:
        raise InvalidAnswers(
            errors=[
                {"path": e.path, "code": e.code, "message": {"vi": e.message_vi, "en": e.message_en}} for e in errors
            ]
        )
    return procedure


async def _next_sequence(agency_code: str, day: dt.date) -> int:
    key = f"{agency_code}|{day.isoformat()}"
    bumped = await (
        DailySequence.update({DailySequence.last: DailySequence.last + 1})
        .where(DailySequence.key == key)
        .returning(DailySequence.last)
    )
    if bumped:
        return int(bumped[0]["last"])
    await DailySequence.insert(DailySequence(key=key, last=1))
    return 1


async def _create(
    sub: SubmissionIn, print_: str, procedure: catalogue.IntakeProcedure, now: dt.datetime, day: dt.date
) -> tuple[SubmissionOut, bool]:
    async with writing(Dossier):
        row = await _by_submission(sub)
        if row is not None:
            return _replay(row, print_), False
        code = rules.dossier_code(sub.agency_code, day, await _next_sequence(sub.agency_code, day))
        inserted = await Dossier.insert(
            Dossier(
                code=code,
                submission_id=sub.submission_id,
                fingerprint=print_,
                procedure_code=procedure.code,
                procedure_version=procedure.version,
                agency_code=sub.agency_code,
                channel=Channel.ONLINE.value,
                answers=sub.answers,
                status=Status.SUBMITTED.value,
                submitted_at=now,
                access_token_hash=rules.token_hash(sub.access_token),
            )
        ).returning(*Dossier.all_columns())
        await DossierEvent.insert(
            DossierEvent(dossier=inserted[0]["id"], at=now, status=Status.SUBMITTED.value, actor="citizen", note="")
        )
    log.info("dossier submitted", extra={"code": code, "procedure": procedure.code})
    return _out(inserted[0]), True


async def submit(sub: SubmissionIn, now: dt.datetime, tz: ZoneInfo) -> tuple[SubmissionOut, bool]:
    """The dossier for `sub`, and whether this call created it (False: a retry of one already received)."""
    print_ = rules.fingerprint(_content(sub))
    existing = await _by_submission(sub)
    if existing is not None:
        return _replay(existing, print_), False
    day = now.astimezone(tz).date()
    procedure = await _check(sub, day)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await _create(sub, print_, procedure, now, day)
        except UNIQUE_VIOLATIONS:
            # Two requests raced (a retry of the same submission, or two first dossiers of the day).
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")

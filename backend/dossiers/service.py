"""Use cases of dossiers: files uploaded for a submission, a submission becoming a dossier exactly once,
and the counter receiving it (tiếp nhận) with an appointment date."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from anyio import CapacityLimiter, to_thread

from backend.catalogue import organisation
from backend.catalogue import service as catalogue
from backend.db import UNIQUE_VIOLATIONS, hold, writing
from backend.dossiers import files, moves, pdfs, rules, search, timeline
from backend.dossiers.errors import (
    AgencyNotAccepted,
    AgencyNotCompetent,
    AttachmentsMissing,
    FileNotFound,
    FileTooLarge,
    HashMismatch,
    InvalidAnswers,
    InvalidAttachments,
    OutsideProvince,
    PdfRefused,
    SubmissionClosed,
    SubmissionConflict,
    TooManyFiles,
    UnknownProcedure,
    UnsupportedFile,
)
from backend.dossiers.rules import Channel, Status
from backend.dossiers.schemas import AttachmentOut, CorrectionIn, FileOut, FilesOut, SubmissionIn, SubmissionOut
from backend.dossiers.tables import DailySequence, Dossier, DossierDeadline, DossierEvent, Upload

log = logging.getLogger(__name__)
ATTEMPTS = 3
# Checking a file's content is the costly part of an upload (memory and CPU): at most this many at once
# in a process, whoever sends them; the others wait their turn.
CONTENT_CHECKS = CapacityLimiter(2)


def _content(sub: SubmissionIn) -> dict[str, Any]:
    content: dict[str, Any] = {
        "procedureCode": sub.procedure_code,
        "procedureVersion": sub.procedure_version,
        "answers": sub.answers,
        "tokenHash": rules.token_hash(sub.access_token),
    }
    # Each only when sent, so dossiers sent with `agencyCode` alone (before the 2025 model) keep their fingerprint.
    places = {
        "agencyCode": sub.agency_code,
        "receivingUnitCode": sub.receiving_unit_code,
        "competentAgencyCode": sub.competent_agency_code,
    }
    content.update({key: code for key, code in places.items() if code is not None})
    if sub.attachments:
        # Only when present, so dossiers received before attachments existed keep their fingerprint.
        content["attachments"] = [{"slot": a.slot, "sha256": a.sha256} for a in sub.attachments]
    return content


def _attachment(item: dict[str, Any]) -> AttachmentOut:
    return AttachmentOut(slot=item["slot"], sha256=item["sha256"], size=item["size"], content_type=item["content_type"])


def dossier_out(row: dict[str, Any]) -> SubmissionOut:
    return SubmissionOut(
        code=row["code"],
        submission_id=row["submission_id"],
        status=row["status"],
        procedure_code=row["procedure_code"],
        agency_code=row["agency_code"],
        receiving_unit_code=row["receiving_unit_code"],
        competent_agency_code=row["competent_agency_code"],
        submitted_at=row["submitted_at"],
        attachments=[_attachment(a) for a in row["attachments"]],
    )


async def _by_submission(submission_id: uuid.UUID) -> dict[str, Any] | None:
    return await Dossier.select().where(Dossier.submission_id == submission_id).output(load_json=True).first()


def _replay(row: dict[str, Any], print_: str) -> SubmissionOut:
    """The same submission again is answered as before; another content under the same id is refused."""
    if row["fingerprint"] != print_:
        raise SubmissionConflict()
    return dossier_out(row)


_REFUSALS = {"not_receiving": AgencyNotAccepted, "not_competent": AgencyNotCompetent, "other_province": OutsideProvince}


async def _route(
    sub: SubmissionIn, procedure: catalogue.IntakeProcedure, intake: catalogue.IntakeCatalogue
) -> organisation.Route:
    """Who receives the dossier and who decides it: any centre of the province receives (Decree 118/2025
    Art 14(2)); a submission naming only `agency_code` (an app before this model) is read by `legacy`."""
    units = await intake.units()
    receiving, competent = sub.receiving_unit_code, sub.competent_agency_code
    if receiving is None and competent is None and sub.agency_code is not None:
        receiving, competent = organisation.legacy(units, sub.agency_code)
    found = organisation.route(units, procedure.level, procedure.competent_agency, receiving, competent)
    if isinstance(found, organisation.Refusal):
        raise _REFUSALS[found.reason](agency=found.agency)
    return found


Checked = tuple[catalogue.IntakeProcedure, dict[str, Any], organisation.Route]


async def _check(sub: SubmissionIn, today: dt.date, intake: catalogue.IntakeCatalogue) -> Checked:
    """The procedure, the answers as the dossier keeps them (tidied for the papers they will be printed on)
    and where the dossier goes."""
    procedure = await intake.procedure(sub.procedure_code)
    if procedure is None:
        raise UnknownProcedure(code=sub.procedure_code)
    route = await _route(sub, procedure, intake)
    return procedure, checked_answers(procedure, sub.answers, today), route


def checked_answers(procedure: catalogue.IntakeProcedure, answers: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The answers as the dossier keeps them (tidied), or InvalidAnswers naming every problem."""
    checked = catalogue.check_answers(procedure.form, answers, today)
    errors = checked.errors
    if errors:
        raise InvalidAnswers(
            errors=[
                {"path": e.path, "code": e.code, "message": {"vi": e.message_vi, "en": e.message_en}} for e in errors
            ]
        )
    assert isinstance(checked.answers, dict), "answers without errors are an object"
    return checked.answers


async def held_attachments(
    sub: SubmissionIn | CorrectionIn, procedure: catalogue.IntakeProcedure, uploads: uuid.UUID | None = None
) -> list[dict[str, Any]]:
    """The attachments as the dossier keeps them; every slot fits the procedure and every file is here
    (among the uploads of `uploads`: by default the submission's own; the counter's: its session's scans)."""
    errors = rules.attachment_errors([a.slot for a in sub.attachments], procedure.documents)
    if errors:
        raise InvalidAttachments(errors=errors)
    owner = sub.submission_id if uploads is None else uploads
    held = {
        r["sha256"]: r
        for r in await Upload.select().where(
            Upload.submission_id == owner, Upload.token_hash == rules.token_hash(sub.access_token)
        )
    }
    names = {d.key: d.name for d in procedure.documents}
    missing = [rules.slot_error(a.slot, "not_uploaded", names[a.slot]) for a in sub.attachments if a.sha256 not in held]
    if missing:
        raise AttachmentsMissing(errors=missing)
    return [
        {
            "slot": a.slot,
            "sha256": a.sha256,
            "size": held[a.sha256]["size"],
            "content_type": held[a.sha256]["content_type"],
        }
        for a in sub.attachments
    ]


def contact_phone(answers: dict[str, Any], procedure: catalogue.IntakeProcedure) -> str:
    path = procedure.contact.phone if procedure.contact else None
    return catalogue.tidy_phone(rules.answer_at(answers, path) or "")


def applicant_id_number(answers: dict[str, Any], procedure: catalogue.IntakeProcedure) -> str:
    """The applicant's ID number as answered (kept without separators): the counter finds a dossier by it."""
    return rules.answer_at(answers, procedure.contact.id_number if procedure.contact else None) or ""


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
    sub: SubmissionIn,
    print_: str,
    checked: Checked,
    now: dt.datetime,
    day: dt.date,
    *,
    counter: rules.Counter | None = None,
) -> tuple[SubmissionOut, bool]:
    procedure, answers, route = checked
    # The ID number the officer checked at the counter, else the applicant's as answered.
    id_number = (counter.id_number if counter else "") or applicant_id_number(answers, procedure)
    async with writing(Dossier):
        # The purge decides on each file under its lock: it either sees this dossier, or removed the uploads
        # first and this submission waits for them again. Sorted, so two submissions sharing files cannot deadlock.
        for sha256 in sorted({a.sha256 for a in sub.attachments}):
            await hold(Dossier, files.lock_key(sha256))
        row = await _by_submission(sub.submission_id)
        if row is not None:  # before the files: the counter lets go of its scans once the dossier holds them
            return _replay(row, print_), False
        attachments = await held_attachments(sub, procedure, counter.scans if counter else None)
        # Art 28: the code is the receiving unit's, with its own sequence of the day.
        code = rules.dossier_code(route.receiving, day, await _next_sequence(route.receiving, day))
        dossier = Dossier(
            code=code,
            submission_id=sub.submission_id,
            fingerprint=print_,
            procedure_code=procedure.code,
            procedure_version=procedure.version,
            agency_code=route.receiving,
            receiving_unit_code=route.receiving,
            competent_agency_code=route.competent,
            channel=counter.channel.value if counter else Channel.ONLINE.value,
            identity_checked=counter.identity_checked if counter else False,
            id_number=id_number,
            answers=answers,
            status=Status.SUBMITTED.value,
            submitted_at=now,
            access_token_hash=rules.token_hash(sub.access_token),
            contact_phone=contact_phone(answers, procedure),
            attachments=attachments,
            checking_since=now,
            search_text=search.search_text(code, contact_phone(answers, procedure), id_number, answers),
        )
        inserted = await Dossier.insert(dossier).returning(*Dossier.all_columns())
        await DossierEvent.insert(
            DossierEvent(dossier=inserted[0]["id"], at=now, status=Status.SUBMITTED.value, actor="citizen", note="")
        )
    log.info("dossier submitted", extra={"code": code, "procedure": procedure.code})
    # The database's own values, so that this answer and every replay of it are byte for byte the same.
    return dossier_out({**inserted[0], "attachments": attachments}), True


async def submit(
    sub: SubmissionIn,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: catalogue.IntakeCatalogue,
    counter: rules.Counter | None = None,
) -> tuple[SubmissionOut, bool]:
    """The dossier for `sub`, checked against the catalogue as `intake` holds it, and whether this call
    created it (False: a retry of one already received). `counter`: brought to the counter, not sent online."""
    # The fingerprint is of the answers as sent, not as kept: a replay is recognised before (and without)
    # the catalogue, which may have changed since, and the bytes a phone resends are the bytes it sent.
    print_ = rules.fingerprint(_content(sub) | (counter.content() if counter else {}))
    existing = await _by_submission(sub.submission_id)
    if existing is not None:
        return _replay(existing, print_), False
    day = now.astimezone(tz).date()
    checked = await _check(sub, day, intake)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await _create(sub, print_, checked, now, day, counter=counter)
        except UNIQUE_VIOLATIONS:
            # Two requests raced (a retry of the same submission, or two first dossiers of the day).
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


async def let_go(uploads: uuid.UUID, used: list[str]) -> None:
    """The uploads of `uploads` now in a dossier leave the waiting list (the dossier keeps their files)."""
    if used:
        async with writing(Upload):
            await Upload.delete().where(Upload.submission_id == uploads, Upload.sha256.is_in(used))


def _file(row: dict[str, Any]) -> FileOut:
    return FileOut(sha256=row["sha256"], size=row["size"], content_type=row["content_type"])


async def held_files(submission_id: uuid.UUID, token: str) -> FilesOut:
    """Files held for this submission and this token; another token sees none (no oracle)."""
    rows = await (
        Upload.select()
        .where(Upload.submission_id == submission_id, Upload.token_hash == rules.token_hash(token))
        .order_by(Upload.uploaded_at)
    )
    return FilesOut(files=[_file(r) for r in rows])


async def _uploads_so_far(submission_id: uuid.UUID, sha256: str, token_hash: str) -> list[dict[str, Any]]:
    """The submission's uploads, once sure this token may add `sha256` to them."""
    dossier = await _by_submission(submission_id)
    if dossier is not None:
        if dossier["access_token_hash"] != token_hash:
            raise SubmissionConflict()
        if sha256 not in {a["sha256"] for a in dossier["attachments"]} and not rules.takes_new_files(dossier):
            raise SubmissionClosed()
    rows: list[dict[str, Any]] = await Upload.select().where(Upload.submission_id == submission_id)
    if any(r["token_hash"] != token_hash for r in rows):
        raise SubmissionConflict()
    return rows


async def upload_file(
    submission_id: uuid.UUID, sha256: str, body: bytes, *, token: str, root: Path, now: dt.datetime
) -> tuple[FileOut, bool]:
    """Keep one file of a submission; False when it was already held (a retry)."""
    if len(body) > files.MAX_FILE_BYTES:
        raise FileTooLarge()
    token_hash = rules.token_hash(token)
    rows = await _uploads_so_far(submission_id, sha256, token_hash)
    if await to_thread.run_sync(files.sha256_of, body) != sha256:
        raise HashMismatch()
    held = next((r for r in rows if r["sha256"] == sha256), None)
    if held is not None:
        return _file(held), False
    if len(rows) >= files.MAX_FILES_PER_SUBMISSION:
        raise TooManyFiles()
    kind = await _content_type(body)
    await to_thread.run_sync(files.store, root, sha256, body)
    row = {"sha256": sha256, "size": len(body), "content_type": kind}
    upload = Upload(
        key=f"{submission_id}:{sha256}",
        submission_id=submission_id,
        sha256=sha256,
        size=len(body),
        content_type=kind,
        token_hash=token_hash,
        uploaded_at=now,
    )
    try:
        async with writing(Upload):
            await hold(Upload, files.lock_key(sha256))  # the purge holds it while deciding on this file
            await Upload.insert(upload)
    except UNIQUE_VIOLATIONS:
        return _file(row), False  # the same file sent twice at once: the other request stored it
    # A purge may have removed the same content between our store and our row (the row now keeps it).
    await to_thread.run_sync(files.store, root, sha256, body)
    log.info("file uploaded", extra={"submission": str(submission_id), "size": len(body), "type": kind})
    return _file(row), True


async def _content_type(body: bytes) -> str:
    try:
        kind = await to_thread.run_sync(files.content_type, body, limiter=CONTENT_CHECKS)
    except pdfs.RefusedPdf as refused:
        raise PdfRefused(refused.reason) from refused
    if kind is None:
        raise UnsupportedFile()
    return kind


async def read_file(submission_id: uuid.UUID, sha256: str, token: str, root: Path) -> tuple[bytes, str]:
    """The bytes and content type of a file held for this submission and token."""
    row = (
        await Upload.select(Upload.content_type)
        .where(Upload.key == f"{submission_id}:{sha256}", Upload.token_hash == rules.token_hash(token))
        .first()
    )
    if row is None:
        raise FileNotFound()
    return await to_thread.run_sync(files.read, root, sha256), str(row["content_type"])


async def appointment(procedure_code: str, receiving_unit: str, now: dt.datetime, tz: ZoneInfo) -> dt.date:
    """The appointment date of a dossier received now, in working days from the receipt."""
    procedure = (await catalogue.procedures_by_code([procedure_code])).get(procedure_code)
    if procedure is None:
        raise UnknownProcedure(code=procedure_code)
    # The receiving centre's own office hours decide whether it was received today or the next working day.
    return await catalogue.appointment_date(now, procedure.working_days, tz, receiving_unit, procedure.cutoff)


def received(due: dt.date, now: dt.datetime, row: dict[str, Any], by: str, **more: Any) -> moves.Move:
    """The move of accepting a dossier (tiếp nhận) `row` by staff member `by`: received now, due on `due` (its
    original due date), its electronic file handed to the competent agency at once (Art 18)."""
    original = DossierDeadline(
        kind="original", due_date=due, counted_from=now, set_at=now, reason="Ngày hẹn trên giấy tiếp nhận"
    )
    transfer = timeline.transfer_at_receipt(row["receiving_unit_code"], row["competent_agency_code"], by, now)
    return moves.Move(
        action=more.pop("action", "accept"),
        target=Status.RECEIVED,
        changes={"received_at": now, "appointment_date": due, "clock_started_at": now},
        reason_for_citizen=f"Hẹn trả kết quả ngày {due:%d/%m/%Y}.",
        records=(original, *transfer),
        **more,
    )


async def receive(
    code: str, actor: str | moves.Actor, now: dt.datetime, tz: ZoneInfo, version: int | None = None
) -> dt.date:
    """The counter accepts a submitted dossier (tiếp nhận): it is received now and due on the returned date,
    counted in working days from the receipt. `version`: the one the officer saw (None: the current one)."""
    row = await moves.current(code)
    rules.ensure_transition(row["status"], Status.RECEIVED)
    # Computed before the write transaction: the calendar may be slow to build, and SQLite would wait.
    due = await appointment(row["procedure_code"], row["receiving_unit_code"], now, tz)
    who = actor if isinstance(actor, moves.Actor) else moves.Actor(actor)
    try:
        await moves.apply(
            code, row["version"] if version is None else version, received(due, now, row, who.username), who, now
        )
    except rules.StaleVersion:
        if version is not None:
            raise
        # Without a version (the older callers): another officer acted first, as an illegal move.
        raise rules.IllegalTransition(current=(await moves.current(code))["status"], target="received") from None
    log.info("dossier received", extra={"code": code, "appointment": due.isoformat()})
    return due


async def read_attachment(attachments: list[dict[str, Any]], sha256: str, root: Path) -> tuple[bytes, str]:
    """The bytes and content type of one of a dossier's attachments (staff reading a dossier)."""
    held = next((a for a in attachments if a["sha256"] == sha256), None)
    if held is None:
        raise FileNotFound()
    return await to_thread.run_sync(files.read, root, sha256), str(held["content_type"])

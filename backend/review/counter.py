"""Counter intake (in person and by post): scans kept for the officer's session, then one dossier made by
the submission's own checks and received at once by the check step's accept (Mẫu 01 unless same-day)."""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.dossiers import moves, results
from backend.dossiers import service as dossiers
from backend.dossiers.errors import UnknownProcedure
from backend.dossiers.rules import Channel, Counter, StaleVersion, Status
from backend.dossiers.schemas import FileOut, SubmissionIn
from backend.review import service
from backend.review.schemas import AcceptIn, CounterIntakeIn, PaperOut

# The scans of a staff session are uploads of a submission of its own, under this namespace: no phone can
# name it (the id comes from the session's secret hash) and no other session sees them.
SCANS = uuid.UUID("6d2f6a43-61b8-4c5e-9d0e-3a52b7e1c0aa")


def _token(staff: Principal) -> str:
    return f"staff-scans_{staff.session_hash}"


def scans_of(staff: Principal) -> uuid.UUID:
    return uuid.uuid5(SCANS, _token(staff))


async def upload_scan(
    staff: Principal, sha256: str, body: bytes, *, root: Path, now: dt.datetime
) -> tuple[FileOut, bool]:
    """Keeps one scan for the staff session (counter intake, a result's scan), with the phone's checks (size,
    content, at most 20 waiting)."""
    return await dossiers.upload_file(scans_of(staff), sha256, body, token=_token(staff), root=root, now=now)


async def held_scan(staff: Principal, sha256: str) -> dict[str, Any]:
    """A scan this session uploaded, as a dossier keeps its result's scan (handling's result step)."""
    return await results.held_scan(scans_of(staff), _token(staff), sha256)


async def let_go_of_scan(staff: Principal, sha256: str) -> None:
    """The scan is now the dossier's: it leaves the session's waiting uploads."""
    await dossiers.let_go(scans_of(staff), [sha256])


async def _submission(
    body: CounterIntakeIn, staff: Principal, intake: catalogue.IntakeCatalogue
) -> tuple[SubmissionIn, catalogue.IntakeProcedure]:
    procedure = await intake.procedure(body.procedure_code)
    if procedure is None:
        raise UnknownProcedure(code=body.procedure_code)
    sub = SubmissionIn(
        submission_id=body.intake_id,
        procedure_code=body.procedure_code,
        procedure_version=procedure.version,
        answers=body.answers,
        access_token=_token(staff),
        attachments=body.attachments,
        receiving_unit_code=staff.agency_code,  # the officer's own centre receives what is brought to it
        competent_agency_code=body.competent_agency_code,
    )
    return sub, procedure


async def _receipt(code: str) -> PaperOut | None:
    row = await moves.current(code)
    _, _, papers = await moves.trail(row["id"])
    issued = [p for p in papers if p["kind"] == "01"]
    return PaperOut(kind="01", issued_at=issued[-1]["issued_at"], data=issued[-1]["data"]) if issued else None


async def take(
    body: CounterIntakeIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> tuple[dict[str, Any], bool]:
    """The dossier received at the counter, and whether this call made it (False: the same intake again)."""
    sub, procedure = await _submission(body, staff, intake)
    counter = Counter(Channel(body.channel), body.identity_checked, body.id_number.strip(), scans_of(staff))
    made, created = await dossiers.submit(sub, now, tz, intake, counter)
    row = await moves.current(made.code)
    if row["status"] == Status.SUBMITTED.value:  # not yet received: this call, or a retry after a failure
        # A same-day procedure's result is handed over at once: Mẫu 01 only when the citizen asks for it.
        receipt = body.receipt or procedure.working_days > 0
        with contextlib.suppress(StaleVersion):  # the same intake sent twice at once: the other one received it
            await service.accept(
                made.code,
                AcceptIn(version=row["version"]),
                staff,
                now=now,
                tz=tz,
                intake=intake,
                action="counter_intake",
                receipt=receipt,
            )
        await dossiers.let_go(scans_of(staff), [a.sha256 for a in body.attachments])
    row = await moves.current(made.code)
    return {
        "code": row["code"],
        "status": row["status"],
        "version": row["version"],
        "paper": await _receipt(row["code"]),
    }, created

"""Use cases of the counter: a dossier as staff see it (opening it starts nothing but the 'open' mark), the
check step's three actions, each one transaction with its paper, and reading an issued paper again."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.dossiers import moves, timeline
from backend.dossiers import rules as dossier_rules
from backend.dossiers import service as dossiers
from backend.dossiers.errors import DossierNotFound, UnknownProcedure
from backend.dossiers.rules import Status
from backend.review import forms, rules
from backend.review.schemas import (
    AcceptIn,
    AuditOut,
    CorrectionsIn,
    EventOut,
    PaperOut,
    RefuseIn,
    StaffAttachmentOut,
    StaffDossierOut,
)


def _actor(staff: Principal) -> moves.Actor:
    return moves.Actor(staff.username, staff.role.value, staff.agency_code)


def _taken(move: moves.Move, staff: Principal) -> moves.Move:
    """The officer who acts at the counter holds the dossier from then on (the queue's assignee), until it is
    handed to a specialist of the competent agency."""
    return dataclasses.replace(move, changes={**move.changes, "assignee": staff.username})


async def visible(code: str, staff: Principal) -> dict[str, Any]:
    """The dossier if the staff member's agency received it, decides it, or was sent a part of it (liên thông,
    Art 20); any other agency's answers as a missing one."""
    try:
        row = await moves.current(dossier_rules.normalise_code(code))
    except DossierNotFound:
        raise DossierNotFound(code=code) from None
    if staff.agency_code in (row["receiving_unit_code"], row["competent_agency_code"]):
        return row
    if not await timeline.takes_part(row["id"], staff.agency_code):
        raise DossierNotFound(code=code)
    return row


async def at_counter(code: str, staff: Principal) -> dict[str, Any]:
    """The dossier for an action of its receiving unit's counter: the competent agency sees it but may not
    act for the counter (403); any other agency gets a 404."""
    row = await visible(code, staff)
    if row["receiving_unit_code"] != staff.agency_code:
        raise rules.NotThisAgencysStep()
    return row


def _same_version(row: dict[str, Any], version: int) -> None:
    """A second click or a second officer is told first that the dossier moved on (before any other rule)."""
    if row["version"] != version:
        raise dossier_rules.StaleVersion(current={"status": row["status"], "version": row["version"]})


async def _procedure(code: str) -> catalogue.IntakeProcedure:
    procedure = (await catalogue.procedures_by_code([code])).get(code)
    if procedure is None:
        raise UnknownProcedure(code=code)
    return procedure


def applicant_name(row: dict[str, Any], procedure: catalogue.IntakeProcedure) -> str:
    path = procedure.contact.name if procedure.contact else None
    return dossier_rules.answer_at(row["answers"], path) or ""


async def _header(receiving: str, intake: catalogue.IntakeCatalogue) -> dict[str, str]:
    """The agency header and the place of the date line: the People's Committee the unit belongs to (its
    commune's, else the province's), above the unit's own name."""
    units = await intake.units()
    committee = units.commune(receiving) or units.province(receiving) or receiving
    names = await catalogue.agency_names([receiving, committee])
    committee_name = names[committee].vi if committee in names else committee
    return {
        "committee": committee_name,
        "unit": names[receiving].vi if receiving in names else receiving,
        "place": rules.place_name(committee_name),
    }


async def letterhead(unit: str, day: dt.date, intake: catalogue.IntakeCatalogue) -> dict[str, Any]:
    """The header and date line of a paper a unit prints about itself, not about one dossier (the register)."""
    header = await _header(unit, intake)
    return {
        "agencyHeader": {"committee": header["committee"], "unit": header["unit"]},
        "placeDate": rules.date_line(header["place"], day),
    }


async def paper_facts(
    kind: str,
    row: dict[str, Any],
    staff: Principal,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: catalogue.IntakeCatalogue,
    texts: tuple[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """The facts a paper prints, copied now: the catalogue may change later, the paper must not. `texts`:
    the title and both signature blocks of a paper other than the check step's."""
    procedure = await _procedure(row["procedure_code"])
    header = await _header(row["receiving_unit_code"], intake)
    attached = {a["slot"] for a in row["attachments"]}
    title, (applicant, officer) = texts or (rules.PAPER_TITLES[kind], rules.SIGNATURES[kind])
    return {
        "kind": kind,
        "title": title,
        "agencyHeader": {"committee": header["committee"], "unit": header["unit"]},
        "placeDate": rules.date_line(header["place"], now.astimezone(tz).date()),
        "code": row["code"],
        "applicant": applicant_name(row, procedure),
        "procedure": {"code": procedure.code, "name": procedure.name.vi},
        "documents": [
            {"name": d.name, "kind": d.kind, "count": d.count}
            for d in dossier_rules.listed_documents(procedure.documents, attached)
        ],
        "officer": staff.full_name,
        "signatures": [{"title": applicant}, {"title": officer}],
        **(forms.basis(kind) if texts is None else {}),  # handling's papers bring their own
    }


def _out(row: dict[str, Any], kind: str, data: dict[str, Any] | None, now: dt.datetime) -> dict[str, Any]:
    return {
        "code": row["code"],
        "status": row["status"],
        "version": row["version"],
        "paper": None if data is None else PaperOut(kind=kind, issued_at=now, data=data),
    }


async def accept(
    code: str,
    body: AcceptIn,
    staff: Principal,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: catalogue.IntakeCatalogue,
    action: str = "accept",
    receipt: bool = True,
) -> dict[str, Any]:
    """Tiếp nhận: received now, with its appointment date by the receiving unit's calendar and Mẫu 01
    (without it when not `receipt`: a same-day procedure at the counter, result handed over at once)."""
    row = await at_counter(code, staff)
    _same_version(row, body.version)
    dossier_rules.ensure_transition(row["status"], Status.RECEIVED)
    due = await dossiers.appointment(row["procedure_code"], row["receiving_unit_code"], now, tz)
    data = None
    if receipt:
        data = {
            **await paper_facts("01", row, staff, now=now, tz=tz, intake=intake),
            "appointmentDate": due.isoformat(),
        }
    paper = None if data is None else ("01", data)
    move = dossiers.received(due, now, row, staff.username, internal_note=body.note, paper=paper, action=action)
    return _out(await moves.apply(row["code"], body.version, _taken(move, staff), _actor(staff), now), "01", data, now)


async def request_corrections(
    code: str,
    body: CorrectionsIn,
    staff: Principal,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: catalogue.IntakeCatalogue,
) -> dict[str, Any]:
    """Yêu cầu bổ sung, hoàn thiện (Mẫu 02): once per dossier; items name the form's fields or the
    procedure's documents, with their own labels."""
    row = await at_counter(code, staff)
    _same_version(row, body.version)
    dossier_rules.ensure_transition(row["status"], Status.SUPPLEMENT_REQUESTED)
    if row["corrections_requested"]:
        raise rules.CorrectionAlreadyRequested()
    procedure = await _procedure(row["procedure_code"])
    documents = {d.key: d.name for d in procedure.documents}
    wanted = [{"kind": i.kind, "path": i.path, "slot": i.slot, "note": i.note} for i in body.items]
    items = rules.correction_items(wanted, rules.field_labels(procedure.form), documents)
    request: dict[str, Any] = {"requestedAt": now.isoformat(), "version": row["version"], "items": items}
    if body.message is not None:
        request["message"] = {"vi": body.message.vi, "en": body.message.en}
    data = {
        **await paper_facts("02", row, staff, now=now, tz=tz, intake=intake),
        "items": items,
        "message": request.get("message"),
    }
    move = moves.Move(
        action="request_corrections",
        target=Status.SUPPLEMENT_REQUESTED,
        changes={"correction_request": request, "corrections_requested": 1},
        reason_for_citizen=rules.citizen_text_for_items(items),
        internal_note=body.internal_note,
        paper=("02", data),
    )
    return _out(await moves.apply(row["code"], body.version, _taken(move, staff), _actor(staff), now), "02", data, now)


async def refuse(
    code: str, body: RefuseIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> dict[str, Any]:
    """Từ chối tiếp nhận (Mẫu 03), with the reasons the citizen reads."""
    row = await at_counter(code, staff)
    _same_version(row, body.version)
    dossier_rules.ensure_transition(row["status"], Status.REFUSED)
    reasons = [r.strip() for r in body.reasons if r.strip()]
    if not reasons:
        raise rules.ReasonsRequired()
    data = {**await paper_facts("03", row, staff, now=now, tz=tz, intake=intake), "reasons": reasons}
    move = moves.Move(
        action="refuse",
        target=Status.REFUSED,
        # One reason a line: the phone lists them (refusalReasons) and the history shows them line by line.
        reason_for_citizen="\n".join(reasons),
        internal_note=body.internal_note,
        paper=("03", data),
    )
    return _out(await moves.apply(row["code"], body.version, _taken(move, staff), _actor(staff), now), "03", data, now)


async def opened(code: str, staff: Principal, now: dt.datetime) -> dict[str, Any]:
    """The dossier, marked opened at its first opening by staff of its receiving unit."""
    row = await visible(code, staff)
    return await moves.mark_opened(row["code"], _actor(staff), now)


async def paper(code: str, kind: str, staff: Principal) -> PaperOut:
    """The last paper of `kind` issued for the dossier, exactly as issued."""
    row = await visible(code, staff)
    _, _, papers = await moves.trail(row["id"])
    issued = [p for p in papers if p["kind"] == kind]
    if not issued:
        raise rules.PaperNotFound()
    return PaperOut(kind=kind, issued_at=issued[-1]["issued_at"], data=issued[-1]["data"])


def _event(row: dict[str, Any]) -> EventOut:
    return EventOut(at=row["at"], status=row["status"], note=row["note"])


def _audit(row: dict[str, Any]) -> AuditOut:
    fields = ("actor_username", "actor_role", "action", "from_status", "to_status", "reason_for_citizen")
    return AuditOut(
        at=row["at"],
        internal_note=row["internal_note"],
        version_after=row["version_after"],
        **{name: row[name] for name in fields},
    )


async def detail(code: str, staff: Principal, now: dt.datetime) -> StaffDossierOut:
    """The whole dossier for its receiving unit's staff; the first opening is marked (the 2-hour alert)."""
    row = await opened(code, staff, now)
    procedure = await _procedure(row["procedure_code"])
    events, audit, papers = await moves.trail(row["id"])
    files = f"/api/staff/dossiers/{row['code']}/files/"
    return StaffDossierOut(
        code=row["code"],
        status=row["status"],
        version=row["version"],
        procedure_code=row["procedure_code"],
        procedure_name=procedure.name.vi,
        applicant_name=applicant_name(row, procedure),
        channel=row["channel"],
        receiving_unit_code=row["receiving_unit_code"],
        competent_agency_code=row["competent_agency_code"],
        submitted_at=row["submitted_at"],
        opened_at=row["opened_at"],
        received_at=row["received_at"],
        appointment_date=row["appointment_date"],
        answers=row["answers"],
        attachments=[
            StaffAttachmentOut(a["slot"], a["sha256"], a["size"], a["content_type"], files + a["sha256"])
            for a in row["attachments"]
        ],
        correction_request=row["correction_request"],
        corrections_requested=row["corrections_requested"],
        identity_checked=row["identity_checked"],
        id_number=row["id_number"],
        history=[_event(e) for e in events],
        audit=[_audit(a) for a in audit],
        papers=[PaperOut(kind=p["kind"], issued_at=p["issued_at"], data=p["data"]) for p in papers],
    )


async def attachment(code: str, sha256: str, staff: Principal, root: Path) -> tuple[bytes, str]:
    row = await visible(code, staff)
    return await dossiers.read_attachment(row["attachments"], sha256, root)

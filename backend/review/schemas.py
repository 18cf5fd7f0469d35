"""Wire formats of the counter (camelCase JSON): the check step's requests, the queue, a dossier as staff
see it and the papers' snapshots."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

import msgspec

from backend.dossiers.schemas import AttachmentIn, Code

Note = Annotated[str, msgspec.Meta(max_length=2000)]
Version = Annotated[int, msgspec.Meta(ge=1)]


class AcceptIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    note: Note = ""


class CorrectionItemIn(msgspec.Struct, forbid_unknown_fields=True):
    kind: Literal["field", "document"]
    path: Annotated[str, msgspec.Meta(max_length=120)] = ""
    slot: Annotated[str, msgspec.Meta(max_length=60)] = ""
    note: Note = ""


class MessageIn(msgspec.Struct, forbid_unknown_fields=True):
    vi: Note
    en: Note = ""


class CorrectionsIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    items: Annotated[list[CorrectionItemIn], msgspec.Meta(min_length=1, max_length=50)]
    message: MessageIn | None = None
    internal_note: Note = ""


class RefuseIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    reasons: Annotated[list[Note], msgspec.Meta(min_length=1, max_length=20)]
    internal_note: Note = ""


class PaperOut(msgspec.Struct, rename="camel"):
    """A paper as issued: its facts were copied when it was issued (a later catalogue edit changes nothing)."""

    kind: str
    issued_at: dt.datetime
    data: dict[str, Any]


class ActionOut(msgspec.Struct, rename="camel"):
    code: str
    status: str
    version: int
    paper: PaperOut | None


class EventOut(msgspec.Struct, rename="camel"):
    at: dt.datetime
    status: str
    note: str


class AuditOut(msgspec.Struct, rename="camel"):
    at: dt.datetime
    actor_username: str
    actor_role: str
    action: str
    from_status: str
    to_status: str
    reason_for_citizen: str
    internal_note: str
    version_after: int


class StaffAttachmentOut(msgspec.Struct, rename="camel"):
    slot: str
    sha256: str
    size: int
    content_type: str
    url: str


class StaffDossierOut(msgspec.Struct, rename="camel"):
    code: str
    status: str
    version: int
    procedure_code: str
    procedure_name: str
    applicant_name: str
    channel: str
    receiving_unit_code: str
    competent_agency_code: str
    submitted_at: dt.datetime
    opened_at: dt.datetime | None
    received_at: dt.datetime | None
    appointment_date: dt.date | None
    answers: dict[str, Any]
    attachments: list[StaffAttachmentOut]
    correction_request: dict[str, Any] | None
    corrections_requested: int
    identity_checked: bool
    id_number: str
    history: list[EventOut]
    audit: list[AuditOut]
    papers: list[PaperOut]


class ProcedureRef(msgspec.Struct):
    code: str
    name: str


class QueueItemOut(msgspec.Struct, rename="camel"):
    """One dossier in a list, with its clock: the 8-hour check for dossiers to check, else the appointment."""

    code: str
    procedure: ProcedureRef
    applicant_name: str
    channel: str
    status: str
    submitted_at: dt.datetime
    opened_at: dt.datetime | None
    version: int
    band: str  # ok | soon | today | overdue
    check_due_at: dt.datetime | None = None
    minutes_left: int | None = None
    opened_late: bool | None = None
    appointment_date: dt.date | None = None
    assignee: str = ""
    late_without_apology: bool = False  # forecast late (Art 19(6)) and no Mẫu 04 yet
    stop_requested: bool = False  # the citizen asked to stop from the app (Art 21), not confirmed yet


class QueueOut(msgspec.Struct):
    counts: dict[str, int]
    items: list[QueueItemOut]
    next: str | None


class NameOut(msgspec.Struct, frozen=True):
    vi: str
    en: str


class ProcedureChoice(msgspec.Struct, frozen=True):
    code: str
    name: NameOut


class FieldChoice(msgspec.Struct, frozen=True):
    code: str
    name: NameOut
    procedures: list[ProcedureChoice]


class ColleagueOut(msgspec.Struct, frozen=True, rename="camel"):
    username: str
    full_name: str
    role: str


class QueueChoicesOut(msgspec.Struct, frozen=True):
    """What the queue's filters offer: the fields with their procedures, and the unit's staff."""

    fields: list[FieldChoice]
    staff: list[ColleagueOut]


class CounterIntakeIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """A dossier brought to the counter: the procedure's own form, the scans uploaded first by this session
    (PUT /api/staff/scans/{sha256}), and an id made by the browser so that a double submit makes one dossier."""

    procedure_code: Code
    channel: Literal["in_person", "postal"]
    answers: dict[str, Any]
    identity_checked: bool
    intake_id: uuid.UUID
    competent_agency_code: Code | None = None
    id_number: Annotated[str, msgspec.Meta(max_length=20)] = ""
    attachments: Annotated[list[AttachmentIn], msgspec.Meta(max_length=20)] = msgspec.field(default_factory=list)
    receipt: bool = False

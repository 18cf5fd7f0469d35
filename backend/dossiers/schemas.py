"""Wire formats of dossiers (camelCase JSON): intake, attachments, "my dossiers", receipts and tracking."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import msgspec

Token = Annotated[str, msgspec.Meta(min_length=32, max_length=128, pattern=r"^[A-Za-z0-9_-]+$")]
Code = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
Sha256 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
SlotKey = Annotated[str, msgspec.Meta(min_length=1, max_length=60, pattern=r"^[a-z0-9_]+$")]


class AttachmentIn(msgspec.Struct, forbid_unknown_fields=True):
    slot: SlotKey
    sha256: Sha256


class SubmissionIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """A draft sent from a phone. `submission_id` is made by the phone, so a retry is recognised; the
    access token is the phone's secret for following the dossier (the server keeps only its hash).

    Where it goes: the receiving unit and the competent agency, each optional (the default is taken,
    backend/catalogue/organisation.py). `agency_code` alone is what apps before the 2025 model send.
    """

    submission_id: uuid.UUID
    procedure_code: Code
    procedure_version: int
    answers: dict[str, Any]
    access_token: Token
    attachments: Annotated[list[AttachmentIn], msgspec.Meta(max_length=20)] = msgspec.field(default_factory=list)
    agency_code: Code | None = None
    receiving_unit_code: Code | None = None
    competent_agency_code: Code | None = None


class CorrectionIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """A dossier corrected on the phone (bổ sung, hoàn thiện): the full answers and attachments again, the
    version the phone saw (`edits_version`) and an id the phone made (`correction_id`), so a retry is recognised."""

    submission_id: uuid.UUID
    access_token: Token
    edits_version: int
    correction_id: uuid.UUID
    answers: dict[str, Any]
    attachments: Annotated[list[AttachmentIn], msgspec.Meta(max_length=20)] = msgspec.field(default_factory=list)


class StopRequestIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """The citizen asks, from the app, to stop handling their dossier (Decree 118/2025 Art 21): the dossier's
    submission id and token, an id the phone made (`request_id`, so a retry is recognised) and why."""

    submission_id: uuid.UUID
    access_token: Token
    request_id: uuid.UUID
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=1000, pattern=r"\S")]  # not blank


class StopRequestView(msgspec.Struct, rename="camel"):
    """The citizen's request to stop, as kept: when and why (the counter then confirms it with Mẫu 05)."""

    requested_at: dt.datetime
    reason: str


class StopRequestOut(msgspec.Struct, rename="camel"):
    code: str
    status: str
    version: int
    stop_request: StopRequestView


class FileOut(msgspec.Struct, rename="camel"):
    """A file held for a submission."""

    sha256: str
    size: int
    content_type: str


class FilesOut(msgspec.Struct):
    files: list[FileOut]


class AttachmentOut(msgspec.Struct, rename="camel"):
    slot: str
    sha256: str
    size: int
    content_type: str


class SubmissionOut(msgspec.Struct, rename="camel"):
    code: str
    submission_id: uuid.UUID
    status: str
    procedure_code: str
    agency_code: str  # the receiving unit, whose code prefixes the dossier's
    receiving_unit_code: str
    competent_agency_code: str
    submitted_at: dt.datetime
    attachments: list[AttachmentOut]


class TextOut(msgspec.Struct):
    vi: str
    en: str


class CorrectedOut(SubmissionOut):
    """The dossier once corrected: checked again (`submitted`), at its new version."""

    version: int


class CorrectionOut(msgspec.Struct):
    dossier: CorrectedOut


class RequestItemOut(msgspec.Struct, rename="camel"):
    """One item the officer asked to correct: a field (`path` "section.field") or a document (`slot`)."""

    kind: str
    label: str = ""
    note: str = ""
    path: str | None = None
    slot: str | None = None


class CorrectionRequestOut(msgspec.Struct, rename="camel"):
    """The open request for corrections (Mẫu 02): exactly what the citizen is asked to fix."""

    requested_at: dt.datetime
    version: int
    items: list[RequestItemOut]
    message: TextOut | None = None
    stage: str = "receipt"  # or "appraisal" (Art 19(5)): completing it restarts the count of days


class HistoryOut(msgspec.Struct):
    at: dt.datetime
    status: str
    note: str


class PaperOut(msgspec.Struct):
    name: str
    kind: str
    count: int


class QrOut(msgspec.Struct):
    size: int
    path: str


class ReceiptOut(msgspec.Struct, rename="camel"):
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, Circular 03/2025/TT-VPCP), issued by the receiving unit."""

    agency_name: TextOut
    code: str
    applicant_name: str
    address: str | None
    phone: str
    email: str | None
    procedure_name: TextOut
    documents: list[PaperOut]
    sets: int
    processing_text: str
    working_days: int
    received_at: dt.datetime
    appointment_date: dt.date
    tracking_url: str
    qr: QrOut


class AppointmentChangeOut(msgspec.Struct, rename="camel"):
    """Why the appointment is not the receipt's: restarted after a supplement (Art 19(5)) or moved by the
    apology (Mẫu 04, Art 19(6)); `previous` is the date it replaced."""

    kind: str
    previous: dt.date
    reason: str


class ResultScanView(msgspec.Struct, rename="camel"):
    """The scan of the result, a copy to keep: GET /api/dossiers/{code}/result-scan with the dossier's token."""

    content_type: str
    size: int


class DossierView(msgspec.Struct, rename="camel"):
    """A dossier as its own phone sees it."""

    code: str
    submission_id: uuid.UUID
    procedure_code: str
    procedure_name: TextOut
    agency_code: str  # the receiving unit: where the citizen brings papers and collects the result
    agency_name: TextOut
    competent_agency_code: str
    competent_agency_name: TextOut
    channel: str
    status: str
    submitted_at: dt.datetime
    received_at: dt.datetime | None
    appointment_date: dt.date | None
    attachments: list[AttachmentOut]
    history: list[HistoryOut]
    receipt: ReceiptOut | None
    version: int = 1
    correction_request: CorrectionRequestOut | None = None
    refusal_reasons: list[str] = msgspec.field(default_factory=list)
    # The answers as kept, only while a correction is asked for: the phone resends them corrected.
    answers: dict[str, Any] | None = None
    appointment_change: AppointmentChangeOut | None = None
    stop_request: StopRequestView | None = None  # the citizen asked to stop (Art 21), confirmed or not yet
    result_scan: ResultScanView | None = None
    rated_via: str | None = None  # "app" or "kiosk" once the dossier is rated (Art 29-34): the phone stops asking


class MineIn(msgspec.Struct, forbid_unknown_fields=True):
    tokens: Annotated[list[Token], msgspec.Meta(min_length=1, max_length=100)]


class MineOut(msgspec.Struct):
    dossiers: list[DossierView]


class TrackingIn(msgspec.Struct, forbid_unknown_fields=True):
    code: Code
    phone: Annotated[str, msgspec.Meta(min_length=1, max_length=30)]


class StepOut(msgspec.Struct):
    at: dt.datetime
    status: str


class TrackingOut(msgspec.Struct, rename="camel"):
    """What anyone holding the code and the phone may see: status and dates, nothing personal."""

    code: str
    procedure_name: TextOut
    agency_name: TextOut  # the receiving unit
    competent_agency_name: TextOut
    status: str
    submitted_at: dt.datetime
    received_at: dt.datetime | None
    appointment_date: dt.date | None
    history: list[StepOut]

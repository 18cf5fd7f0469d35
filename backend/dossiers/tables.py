"""Piccolo tables of dossiers: the only place that knows their column names."""

from piccolo.columns import JSON, UUID, Boolean, Date, ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.table import Table


class Dossier(Table):
    """A dossier (hồ sơ) for one procedure, submitted exactly once: received by one unit (any centre of the
    province, Decree 118/2025 Art 14(2)) and decided by the competent agency."""

    code = Varchar(length=60, unique=True, index=True)
    submission_id = UUID(unique=True, index=True)
    fingerprint = Varchar(length=64)
    procedure_code = Varchar(length=40, index=True)
    procedure_version = Integer()
    agency_code = Varchar(length=40, index=True)  # the code's prefix: the receiving unit, as below
    receiving_unit_code = Varchar(length=40, index=True, default="")  # the centre or point that received it
    competent_agency_code = Varchar(length=40, index=True, default="")  # the agency that decides it
    channel = Varchar(length=12)
    answers = JSON(default={})
    status = Varchar(length=24, index=True)
    submitted_at = Timestamptz()
    received_at = Timestamptz(null=True, default=None)
    appointment_date = Date(null=True, default=None)
    access_token_hash = Varchar(length=64, index=True)
    contact_phone = Varchar(length=20, default="")  # digits only, checked by public tracking
    attachments = JSON(default=[])  # [{slot, sha256, size, contentType}], as submitted
    # The check step (issue 14): optimistic concurrency, the 2-hour highlight, counter intake, corrections.
    version = Integer(default=1)  # +1 on every change of status or content; staff actions name the one they saw
    opened_at = Timestamptz(null=True, default=None)  # when a staff member first opened it
    identity_checked = Boolean(default=False)  # counter intake: the officer looked at the ID (VNeID, no integration)
    id_number = Varchar(length=20, default="")
    correction_request = JSON(null=True, default=None)  # the open Mẫu 02 request, cleared on resubmission
    corrections_requested = Integer(default=0)  # 0 or 1: Art 17 allows one request for corrections
    search_text = Text(default="")  # lowercased, unaccented code, name, phone, ID number: the queue's search
    checking_since = Timestamptz(null=True, default=None)  # start of the 8-hour check clock (resubmission resets)
    # Who handles it now (a staff username; "" nobody yet): the officer who acted at the counter, later the
    # specialist the competent agency's head assigns (Decree 118/2025 Art 18).
    assignee = Varchar(length=80, default="")


class DossierEvent(Table, tablename="dossier_event"):
    """One status change of a dossier: who, when, what, and why (the audit trail)."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade)
    at = Timestamptz()
    status = Varchar(length=24)
    actor = Varchar(length=80)
    note = Text(default="")


class DossierAudit(Table, tablename="dossier_audit"):
    """One staff or citizen action on a dossier, append-only, written in the transaction of the change.

    `reason_for_citizen` is what the citizen's history may show; `internal_note` stays with staff.
    """

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    at = Timestamptz()
    actor_username = Varchar(length=80)
    actor_role = Varchar(length=40, default="")
    actor_agency = Varchar(length=40, default="")
    action = Varchar(length=40)
    from_status = Varchar(length=24, default="")
    to_status = Varchar(length=24, default="")
    reason_for_citizen = Text(default="")
    internal_note = Text(default="")
    version_after = Integer(default=1)


class DossierPaper(Table, tablename="dossier_paper"):
    """A paper issued for a dossier (Mẫu 01, 02, 03): the facts as they were when it was issued."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    kind = Varchar(length=4)  # "01" receipt, "02" request for corrections, "03" refusal
    issued_at = Timestamptz()
    data = JSON(default={})


class DossierCorrection(Table, tablename="dossier_correction"):
    """A citizen's correction applied to a dossier, under the id the phone made: a retry finds it here
    (exactly once) and is answered as the first time; other content under the same id is refused."""

    correction_id = UUID(unique=True, index=True)
    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    fingerprint = Varchar(length=64)
    at = Timestamptz()


class DailySequence(Table, tablename="dossier_sequence"):
    """The last sequence number given out per agency and receipt day (`key` is "agency|YYYY-MM-DD")."""

    key = Varchar(length=60, unique=True)
    last = Integer(default=0)


class Upload(Table, tablename="dossier_upload"):
    """A file a phone uploaded for a submission, before or after the dossier exists.

    `key` is "<submission id>:<sha256>"; the first upload binds the submission id to the phone's token.
    The bytes are kept once per hash on disk, shared by every upload of the same content.
    """

    key = Varchar(length=110, unique=True)
    submission_id = UUID(index=True)
    sha256 = Varchar(length=64, index=True)  # the purge asks whether any upload still holds a file
    size = Integer()
    content_type = Varchar(length=40)
    token_hash = Varchar(length=64)
    uploaded_at = Timestamptz(index=True)  # the purge looks for old ones


TABLES = (Dossier, DossierEvent, DossierAudit, DossierPaper, DossierCorrection, DailySequence, Upload)

"""Piccolo tables of dossiers: the only place that knows their column names."""

from piccolo.columns import JSON, UUID, Date, ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
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


class DossierEvent(Table, tablename="dossier_event"):
    """One status change of a dossier: who, when, what, and why (the audit trail)."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade)
    at = Timestamptz()
    status = Varchar(length=24)
    actor = Varchar(length=80)
    note = Text(default="")


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


TABLES = (Dossier, DossierEvent, DailySequence, Upload)

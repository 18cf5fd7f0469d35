"""Piccolo tables of dossiers: the only place that knows their column names."""

from piccolo.columns import JSON, UUID, Date, ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.table import Table


class Dossier(Table):
    """A dossier (hồ sơ) for one procedure at one agency, submitted exactly once."""

    code = Varchar(length=60, unique=True, index=True)
    submission_id = UUID(unique=True, index=True)
    fingerprint = Varchar(length=64)
    procedure_code = Varchar(length=40, index=True)
    procedure_version = Integer()
    agency_code = Varchar(length=40, index=True)
    channel = Varchar(length=12)
    answers = JSON(default={})
    status = Varchar(length=24, index=True)
    submitted_at = Timestamptz()
    received_at = Timestamptz(null=True, default=None)
    appointment_date = Date(null=True, default=None)
    access_token_hash = Varchar(length=64, index=True)


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


TABLES = (Dossier, DossierEvent, DailySequence)

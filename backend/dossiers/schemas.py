"""Wire formats of dossier intake (camelCase JSON)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import msgspec

Token = Annotated[str, msgspec.Meta(min_length=32, max_length=128, pattern=r"^[A-Za-z0-9_-]+$")]
Code = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class SubmissionIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """A draft sent from a phone. `submission_id` is made by the phone, so a retry is recognised; the
    access token is the phone's secret for following the dossier (the server keeps only its hash)."""

    submission_id: uuid.UUID
    procedure_code: Code
    procedure_version: int
    agency_code: Code
    answers: dict[str, Any]
    access_token: Token


class SubmissionOut(msgspec.Struct, rename="camel"):
    code: str
    submission_id: uuid.UUID
    status: str
    procedure_code: str
    agency_code: str
    submitted_at: dt.datetime

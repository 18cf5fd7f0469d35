"""Wire formats of feedback (camelCase JSON): what the phone sends and reads back, and what staff read, answer
and record at the counter."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

import msgspec

from backend.dossiers.schemas import Code, TextOut, Token

KindIn = Literal["report", "proposal"]  # phản ánh, kiến nghị
FeedbackText = Annotated[str, msgspec.Meta(max_length=2000)]  # checked further by rules.written()
AnswerText = Annotated[str, msgspec.Meta(max_length=4000)]  # checked further by rules.written()
Name = Annotated[str, msgspec.Meta(max_length=100)]
Phone = Annotated[str, msgspec.Meta(max_length=20, pattern=r"^[0-9+() .-]*$")]
UnitCode = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
Tokens = Annotated[list[Token], msgspec.Meta(min_length=1, max_length=100)]


class DossierRef(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """One of the citizen's own dossiers, proved as everywhere: its submission id and access token."""

    submission_id: uuid.UUID
    access_token: Token


class FeedbackIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """Feedback sent from the phone. `id` is made on the phone (a retry is the same item) and `token` is the
    phone's secret to read the answer. About a procedure (`procedureCode`, with `unitCode` when the procedure
    has no single competent agency) or a dossier (`dossier`). Name and phone are optional."""

    id: uuid.UUID
    token: Token
    kind: KindIn
    text: FeedbackText
    procedure_code: Code | None = None
    dossier: DossierRef | None = None
    unit_code: UnitCode | None = None
    contact_name: Name = ""
    contact_phone: Phone = ""


class CounterFeedbackIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """Feedback given at the counter and written down by an officer, for the officer's own unit; tied to a
    dossier by its code (then the answer reaches that dossier's phone) or to a procedure."""

    id: uuid.UUID
    kind: KindIn
    text: FeedbackText
    procedure_code: Code | None = None
    dossier_code: Code | None = None
    contact_name: Name = ""
    contact_phone: Phone = ""


class AnswerIn(msgspec.Struct, forbid_unknown_fields=True):
    answer: AnswerText


class MineIn(msgspec.Struct, forbid_unknown_fields=True):
    tokens: Tokens


class FeedbackOut(msgspec.Struct, rename="camel"):
    """An item as the citizen reads it: `state` open, overdue or answered; the answer once there is one."""

    id: uuid.UUID
    code: str
    kind: str
    channel: str
    procedure_code: str | None
    dossier_code: str | None
    unit_code: str
    unit_name: TextOut
    text: str
    received_at: dt.datetime
    due_date: dt.date
    state: str
    answer: str | None
    answered_at: dt.datetime | None


class MineOut(msgspec.Struct):
    items: list[FeedbackOut]


class StaffFeedbackOut(FeedbackOut, rename="camel"):
    """An item as its unit's staff read it: the contact the citizen left, who recorded and who answered it."""

    contact_name: str
    contact_phone: str
    recorded_by: str
    answered_by: str


class StaffFeedbackListOut(msgspec.Struct):
    """The unit's open items (overdue first, then by due date) and its latest answered ones."""

    open: list[StaffFeedbackOut]
    answered: list[StaffFeedbackOut]

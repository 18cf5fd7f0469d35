"""Wire shapes of ratings (msgspec Structs): what the phone sends and what it is answered."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from backend.dossiers.schemas import Token


class AnswersIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True, kw_only=True):
    """A rating's answers as sent, from the phone or the counter's tablet, under the sender's `rating_id` (a retry
    is recognised). The values are checked by the rules (service.answers_of, 422 when wrong)."""

    rating_id: uuid.UUID
    level: str
    timeliness: str | None = None
    visits: int | None = None
    attitude: str | None = None
    extra_cost: bool | None = None
    comment: str = ""


class RatingIn(AnswersIn, kw_only=True):
    """A citizen's rating from the app, proved like a stop request by the dossier's submission id and token."""

    submission_id: uuid.UUID
    access_token: Token


class RatingOut(msgspec.Struct, rename="camel"):
    """A rating as kept (the officer stays with staff)."""

    rating_id: uuid.UUID
    code: str  # the dossier's
    channel: str
    level: str
    timeliness: str | None
    visits: int | None
    attitude: str | None
    extra_cost: bool | None
    comment: str
    rated_at: dt.datetime

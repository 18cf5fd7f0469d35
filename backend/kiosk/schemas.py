"""Wire shapes of the rating tablet (msgspec Structs): the invitation it shows and the rating it sends."""

from __future__ import annotations

import datetime as dt

import msgspec

from backend.satisfaction.schemas import AnswersIn


class Names(msgspec.Struct, frozen=True):
    vi: str
    en: str


class InvitationOut(msgspec.Struct, rename="camel"):
    """What the tablet may show the citizen: the dossier's code and procedure, no personal data. `rated_via` is
    where the dossier was rated already ("app" or "kiosk"; None: not yet)."""

    code: str
    procedure_name: Names
    invited_at: dt.datetime
    expires_at: dt.datetime
    rated_via: str | None = None


class WaitingOut(msgspec.Struct, rename="camel"):
    """The tablet's poll: the open invitation of its officer (None: keep waiting), and when to ask again."""

    invitation: InvitationOut | None
    poll_seconds: int


class KioskRatingIn(AnswersIn, kw_only=True):
    """A rating given on the tablet for the invited dossier, under the tablet's `rating_id`."""

    code: str

"""Rating-tablet use cases: the officer invites the citizen to rate the dossier just returned (`invite`), the
tablet signed in as that officer asks for it (`waiting`), records the rating (`rate`) or lets it go (`dismiss`)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.kiosk import rules
from backend.kiosk.errors import NoInvitation
from backend.kiosk.schemas import InvitationOut, KioskRatingIn, Names
from backend.kiosk.tables import RatingInvitation
from backend.review import service as review
from backend.satisfaction import rules as satisfaction_rules
from backend.satisfaction import service as satisfaction
from backend.satisfaction.errors import AlreadyRated, NotRateable
from backend.satisfaction.rules import Channel
from backend.satisfaction.schemas import RatingOut

log = logging.getLogger(__name__)


async def _shown(row: dict[str, Any], invited_at: dt.datetime) -> InvitationOut:
    """The invited dossier as the tablet shows it; `rated_via`, where it was rated, is kept on the dossier."""
    procedure_code = row["procedure_code"]
    procedure = (await catalogue.procedures_by_code([procedure_code])).get(procedure_code)
    name = Names(procedure.name.vi, procedure.name.en) if procedure else Names(procedure_code, procedure_code)
    return InvitationOut(
        code=row["code"],
        procedure_name=name,
        invited_at=invited_at,
        expires_at=rules.expires_at(invited_at),
        rated_via=row["rated_via"] or None,
    )


async def invite(code: str, staff: Principal, now: dt.datetime) -> InvitationOut:
    """Mời công dân đánh giá: the receiving unit's officer invites the citizen to rate a returned dossier on the
    tablet signed in as them (their earlier invitation is replaced). One rated already (on the phone) is refused
    naming where (409 already_rated)."""
    row = await review.at_counter(code, staff)
    if not satisfaction_rules.rateable(row["status"]):
        raise NotRateable(current=row["status"])
    if row["rated_via"]:
        raise AlreadyRated(channel=row["rated_via"])
    values = {"dossier": row["id"], "code": row["code"], "invited_at": now}
    await RatingInvitation.insert(RatingInvitation(officer=staff.staff_id, **values)).on_conflict(
        target=RatingInvitation.officer,
        action="DO UPDATE",
        values=[RatingInvitation.dossier, RatingInvitation.code, RatingInvitation.invited_at],
    )
    log.info("rating invited", extra={"code": row["code"], "officer": staff.username})
    return await _shown(row, now)


async def _open(staff: Principal, now: dt.datetime) -> dict[str, Any] | None:
    found = await RatingInvitation.select().where(RatingInvitation.officer == staff.staff_id).first()
    return found if found is not None and rules.open_at(found["invited_at"], now) else None


async def waiting(staff: Principal, now: dt.datetime) -> InvitationOut | None:
    """The officer's open invitation, as the tablet shows it (None: keep waiting)."""
    found = await _open(staff, now)
    if found is None:
        return None
    return await _shown(await review.at_counter(found["code"], staff), found["invited_at"])


async def _close(staff: Principal) -> None:
    await RatingInvitation.delete().where(RatingInvitation.officer == staff.staff_id)


async def rate(data: KioskRatingIn, staff: Principal, now: dt.datetime) -> tuple[RatingOut, bool]:
    """The citizen's rating on the tablet, for the dossier its officer invited them to rate (channel kiosk, tied to
    the officer who returned the dossier), and whether this call kept it; the invitation then ends. A retry of a
    rating kept is answered with it; a dossier rated meanwhile on the phone is refused (409 already_rated)."""
    row = await review.at_counter(data.code, staff)  # of the officer's unit only (403, or 404 for another's)
    found = await _open(staff, now)
    if found is None or found["code"] != row["code"]:
        kept = await satisfaction.rating_of(row["code"]) if found is None else None
        if kept is not None and kept.rating_id == data.rating_id:
            return kept, False  # the tablet's retry of a rating kept (the invitation ended with it)
        raise NoInvitation()
    answers = satisfaction.answers_of(data)
    officer = await satisfaction.officer_who_returned(row["id"]) or staff.staff_id
    try:
        kept, created = await satisfaction.record(
            row["code"], data.rating_id, answers, channel=Channel.KIOSK, officer=officer, now=now
        )
    except (AlreadyRated, NotRateable):
        await _close(staff)  # nothing left to rate: the tablet says so and goes back to waiting
        raise
    await _close(staff)
    return kept, created


async def dismiss(staff: Principal) -> None:
    """The citizen does not want to rate (or left): the tablet goes back to waiting."""
    await _close(staff)

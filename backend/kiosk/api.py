"""Rating-tablet endpoints: the officer's invitation from the dossier page, and the tablet's poll, rating and
dismissal; all for officers (the tablet is signed in as the officer), the dossier of their unit only."""

from __future__ import annotations

from litestar import Controller, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.guard import staff_required
from backend.accounts.rules import Principal, Role
from backend.kiosk import rules, service
from backend.kiosk.schemas import InvitationOut, KioskRatingIn, WaitingOut
from backend.review.api import NO_STORE
from backend.satisfaction.api import MAX_RATING_BYTES
from backend.satisfaction.schemas import RatingOut
from backend.settings import Settings

COUNTER = staff_required(Role.OFFICER)
Staff = NamedDependency[Principal]
Clock = NamedDependency[Settings]


class RatingInvitationController(Controller):
    path = "/api/staff/dossiers"
    tags = ("staff",)
    cache_control = NO_STORE

    @post(
        "/{code:str}/rating-invitation",
        status_code=201,
        guards=[COUNTER],
        summary="Invite the citizen to rate the returned dossier on the counter's tablet",
    )
    async def invite(self, code: FromPath[str], staff: Staff, settings: Clock) -> InvitationOut:
        return await service.invite(code, staff, settings.now())


class KioskController(Controller):
    """The counter's rating tablet (Art 31's device), signed in as the officer."""

    path = "/api/staff/kiosk"
    tags = ("staff",)
    cache_control = NO_STORE

    @get("/invitation", guards=[COUNTER], summary="The officer's open invitation to rate (null: keep waiting)")
    async def waiting(self, staff: Staff, settings: Clock) -> WaitingOut:
        return WaitingOut(invitation=await service.waiting(staff, settings.now()), poll_seconds=rules.POLL_SECONDS)

    @delete("/invitation", guards=[COUNTER], summary="The citizen does not rate: the tablet goes back to waiting")
    async def dismiss(self, staff: Staff) -> None:
        await service.dismiss(staff)

    @post(
        "/ratings",
        guards=[COUNTER],
        summary="Record the invited dossier's rating (201), or repeat one kept (200)",
        request_max_body_size=MAX_RATING_BYTES,
    )
    async def rate(self, data: JSONBody[KioskRatingIn], staff: Staff, settings: Clock) -> Response[RatingOut]:
        kept, created = await service.rate(data, staff, settings.now())
        return Response(kept, status_code=201 if created else 200)


KIOSK_CONTROLLERS = (RatingInvitationController, KioskController)

"""Web Push endpoints: the server's public key, a phone's subscription (tied to its dossiers by their
access tokens), the citizen's inbox, and the delivery status of a dossier's notices for its unit's staff."""

from __future__ import annotations

from litestar import Controller, Response, get, post, put
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.guard import staff_required
from backend.accounts.rules import Principal, Role
from backend.push import service
from backend.push.keys import VapidKey
from backend.push.schemas import (
    EndpointIn,
    InboxIn,
    InboxOut,
    KeyOut,
    StaffNoticesOut,
    SubscriptionIn,
    SubscriptionOut,
)
from backend.settings import Settings

NO_STORE = CacheControlHeader(no_store=True)
MAX_BODY_BYTES = 32 * 1024  # a hundred tokens and a subscription
READERS = (Role.OFFICER, Role.SPECIALIST, Role.LEADER)  # as the dossier page: its handler sees the notices too


class PushController(Controller):
    path = "/api/push"
    tags = ("push",)
    cache_control = NO_STORE

    @get("/key", summary="The VAPID public key (applicationServerKey) phones subscribe with")
    async def key(self, vapid: NamedDependency[VapidKey]) -> KeyOut:
        return KeyOut(public_key=vapid.public)

    @post(
        "/subscriptions",
        summary="Subscribe this phone to notices of the dossiers its tokens open (201), or refresh it (200)",
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def subscribe(
        self, data: JSONBody[SubscriptionIn], vapid: NamedDependency[VapidKey], settings: NamedDependency[Settings]
    ) -> Response[SubscriptionOut]:
        out, created = await service.subscribe(data, vapid, settings.push_service_list, settings.now())
        return Response(out, status_code=201 if created else 200)

    @put(
        "/subscriptions",
        summary="Update this phone's subscription (every app open; previousEndpoint: the browser made a new one)",
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def update(
        self, data: JSONBody[SubscriptionIn], vapid: NamedDependency[VapidKey], settings: NamedDependency[Settings]
    ) -> SubscriptionOut:
        return await service.update(data, vapid, settings.push_service_list, settings.now())

    @post(
        "/subscriptions/unsubscribe",
        status_code=204,
        summary="Stop notices to this subscription (again: no error)",
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def unsubscribe(self, data: JSONBody[EndpointIn]) -> None:
        await service.unsubscribe(data.endpoint)

    @post(
        "/inbox",
        status_code=200,
        summary="The notices of the dossiers these tokens open, newest first",
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def inbox(self, data: JSONBody[InboxIn]) -> InboxOut:
        return InboxOut(notices=await service.inbox(data.tokens))


class StaffNoticeController(Controller):
    path = "/api/staff/dossiers"
    tags = ("staff",)
    cache_control = NO_STORE

    @get(
        "/{code:str}/notices",
        guards=[staff_required(*READERS)],
        summary="The citizen's notices of a dossier and how each was delivered (queued, sent, failed, expired)",
    )
    async def notices(self, code: FromPath[str], staff: NamedDependency[Principal]) -> StaffNoticesOut:
        return StaffNoticesOut(notices=await service.staff_notices(code, staff))

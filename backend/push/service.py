"""Use cases of Web Push: a phone subscribes, keeps its subscription up to date or ends it, reads its
inbox; staff read how each notice of a dossier was delivered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from backend.accounts.rules import Principal
from backend.db import writing
from backend.dossiers import rules as dossier_rules
from backend.dossiers import tracking
from backend.dossiers.schemas import TextOut
from backend.errors import DomainError
from backend.feedback import service as feedback
from backend.push import rules
from backend.push.keys import VapidKey
from backend.push.schemas import (
    DeliveryOut,
    InboxNoticeOut,
    StaffNoticeOut,
    SubscriptionIn,
    SubscriptionOut,
)
from backend.push.tables import PushDelivery, PushFollow, PushNotice, PushSubscription
from backend.review import service as review

INBOX_SIZE = 200


class NoDossierToFollow(DomainError):
    status = 422
    code = "no_dossier_to_follow"
    message_vi = "Không có hồ sơ nào để nhận thông báo; hãy nộp hồ sơ trước."
    message_en = "None of these tokens opens a dossier to be notified about; send a dossier first."


class SubscriptionNotFound(DomainError):
    status = 404
    code = "subscription_not_found"
    message_vi = "Máy này chưa đăng ký nhận thông báo; vui lòng đăng ký lại."
    message_en = "This phone is not subscribed to notices; subscribe again."


def _check(body: SubscriptionIn, services: list[str]) -> None:
    for endpoint in (body.endpoint, body.previous_endpoint):
        if endpoint is not None and not rules.endpoint_allowed(endpoint, services):
            raise rules.PushServiceNotAllowed()
    rules.check_keys(body.keys.p256dh, body.keys.auth)


def _columns(body: SubscriptionIn, now: dt.datetime) -> dict[Any, Any]:
    return {
        PushSubscription.endpoint: body.endpoint,
        PushSubscription.p256dh: body.keys.p256dh,
        PushSubscription.auth: body.keys.auth,
        PushSubscription.vapid_key: body.vapid_key,
        PushSubscription.lang: body.lang,
        PushSubscription.updated_at: now,
    }


async def _subscription_id(endpoint: str) -> int | None:
    row = (
        await PushSubscription.select(PushSubscription._meta.primary_key)
        .where(PushSubscription.endpoint == endpoint)
        .first()
    )
    return None if row is None else int(row["id"])


async def _follow(subscription: int, hashes: set[str]) -> None:
    """The subscription follows exactly these dossiers: the phone sends all its tokens every time."""
    await PushFollow.delete().where(PushFollow.subscription == subscription)
    await PushFollow.insert(*(PushFollow(subscription=subscription, token_hash=h) for h in sorted(hashes)))


def _answer(body: SubscriptionIn, key: VapidKey, followed: set[str]) -> SubscriptionOut:
    return SubscriptionOut(public_key=key.public, resubscribe=body.vapid_key != key.public, dossiers=len(followed))


async def _followed(body: SubscriptionIn, services: list[str]) -> set[str]:
    """The dossiers (and feedback items) a checked subscription will follow: those its tokens open (422 when
    none does)."""
    _check(body, services)
    followed = await tracking.opened_by(body.tokens) | await feedback.opened_by(body.tokens)
    if not followed:
        raise NoDossierToFollow()
    return followed


async def subscribe(
    body: SubscriptionIn, key: VapidKey, services: list[str], now: dt.datetime
) -> tuple[SubscriptionOut, bool]:
    """The phone's subscription kept (or refreshed), following the dossiers its tokens open; True when new."""
    followed = await _followed(body, services)
    async with writing(PushSubscription):
        existing = await _subscription_id(body.endpoint)
        if existing is None:
            made = await PushSubscription.insert(
                PushSubscription(**{c._meta.name: v for c, v in _columns(body, now).items()}, created_at=now)
            ).returning(PushSubscription._meta.primary_key)
            subscription = int(made[0]["id"])
        else:
            subscription = existing
            await PushSubscription.update(_columns(body, now)).where(PushSubscription._meta.primary_key == existing)
        await _follow(subscription, followed)
    return _answer(body, key, followed), existing is None


async def update(body: SubscriptionIn, key: VapidKey, services: list[str], now: dt.datetime) -> SubscriptionOut:
    """The subscription as the phone has it now, replacing the one at `previousEndpoint` when the browser
    made a new one (queued notices follow it); 404 when the server holds neither."""
    followed = await _followed(body, services)
    async with writing(PushSubscription):
        current = await _subscription_id(body.endpoint)
        previous = await _subscription_id(body.previous_endpoint) if body.previous_endpoint else None
        kept = previous or current
        if kept is None:
            raise SubscriptionNotFound()
        if previous is not None and current is not None and current != previous:
            await PushSubscription.delete().where(PushSubscription._meta.primary_key == current)
        await PushSubscription.update(_columns(body, now)).where(PushSubscription._meta.primary_key == kept)
        await _follow(kept, followed)
    return _answer(body, key, followed)


async def unsubscribe(endpoint: str) -> None:
    """The subscription forgotten (nothing to forget is no error: the phone may ask twice)."""
    async with writing(PushSubscription):
        await PushSubscription.delete().where(PushSubscription.endpoint == endpoint)


async def inbox(tokens: list[str]) -> list[InboxNoticeOut]:
    """The notices of the dossiers these tokens open, newest first."""
    hashes = sorted({dossier_rules.token_hash(t) for t in tokens})
    rows = await (
        PushNotice.select()
        .where(PushNotice.token_hash.is_in(hashes))
        .order_by(PushNotice._meta.primary_key, ascending=False)
        .limit(INBOX_SIZE)
    )
    return [
        InboxNoticeOut(
            id=r["id"],
            code=r["dossier_code"],
            kind=r["kind"],
            title=TextOut(vi=r["title_vi"], en=r["title_en"]),
            body=TextOut(vi=r["body_vi"], en=r["body_en"]),
            url=r["url"],
            created_at=r["created_at"],
        )
        for r in rows
    ]


def _delivery(row: dict[str, Any]) -> DeliveryOut:
    return DeliveryOut(
        status=row["status"],
        attempts=row["attempts"],
        last_status=row["last_status"],
        last_error=row["last_error"],
        ttl_granted=row["ttl_granted"],
        sent_at=row["sent_at"],
        next_attempt_at=row["next_attempt_at"] if row["status"] == rules.State.QUEUED else None,
        phone_still_subscribed=row["subscription"] is not None,
    )


async def staff_notices(code: str, staff: Principal) -> list[StaffNoticeOut]:
    """The notices of a dossier of the staff member's unit, oldest first, each with its deliveries."""
    dossier = await review.visible(code, staff)
    notices = await (
        PushNotice.select().where(PushNotice.dossier_code == dossier["code"]).order_by(PushNotice._meta.primary_key)
    )
    deliveries = await (
        PushDelivery.select()
        .where(PushDelivery.notice.is_in([n["id"] for n in notices] or [-1]))
        .order_by(PushDelivery._meta.primary_key)
    )
    by_notice: dict[int, list[DeliveryOut]] = {}
    for d in deliveries:
        by_notice.setdefault(d["notice"], []).append(_delivery(d))
    return [
        StaffNoticeOut(
            id=n["id"],
            kind=n["kind"],
            created_at=n["created_at"],
            title=n["title_vi"],
            body=n["body_vi"],
            deliveries=by_notice.get(n["id"], []),
        )
        for n in notices
    ]

"""Wire formats of Web Push (camelCase JSON): the server's key, a phone's subscription, the citizen's inbox
and the delivery status staff read."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from backend.dossiers.schemas import TextOut, Token

Endpoint = Annotated[str, msgspec.Meta(min_length=10, max_length=1024)]
Base64Url = Annotated[str, msgspec.Meta(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_-]+=*$")]
Tokens = Annotated[list[Token], msgspec.Meta(min_length=1, max_length=100)]


class KeyOut(msgspec.Struct, rename="camel"):
    """The applicationServerKey to subscribe with (base64url)."""

    public_key: str


class KeysIn(msgspec.Struct, forbid_unknown_fields=True):
    p256dh: Base64Url
    auth: Base64Url


class SubscriptionIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """PushSubscription.toJSON() and what it is for: the access tokens of this phone's dossiers, the key the
    phone subscribed with and the language it shows notices in. `expirationTime` is accepted and ignored.

    On an update, `previousEndpoint` names the subscription this one replaces (the browser made a new one)."""

    endpoint: Endpoint
    keys: KeysIn
    vapid_key: Base64Url
    tokens: Tokens
    lang: Literal["vi", "en"] = "vi"
    expiration_time: float | None = None
    previous_endpoint: Endpoint | None = None


class SubscriptionOut(msgspec.Struct, rename="camel"):
    """`resubscribe`: the phone subscribed with another key than the server's; it must unsubscribe, subscribe
    again with `publicKey` and send an update naming the old endpoint as `previousEndpoint`."""

    public_key: str
    resubscribe: bool
    dossiers: int  # how many of the tokens open a dossier (or a feedback item) this subscription now follows


class EndpointIn(msgspec.Struct, forbid_unknown_fields=True):
    endpoint: Endpoint


class InboxIn(msgspec.Struct, forbid_unknown_fields=True):
    tokens: Tokens


class InboxNoticeOut(msgspec.Struct, rename="camel"):
    id: int
    code: str
    kind: str
    title: TextOut
    body: TextOut
    url: str
    created_at: dt.datetime


class InboxOut(msgspec.Struct):
    notices: list[InboxNoticeOut]


class DeliveryOut(msgspec.Struct, rename="camel"):
    """One notice's delivery to one phone: queued, sent, failed or expired, with its attempts."""

    status: str
    attempts: int
    last_status: int | None
    last_error: str
    ttl_granted: int | None
    sent_at: dt.datetime | None
    next_attempt_at: dt.datetime | None
    phone_still_subscribed: bool


class StaffNoticeOut(msgspec.Struct, rename="camel"):
    id: int
    kind: str
    created_at: dt.datetime
    title: str
    body: str
    deliveries: list[DeliveryOut]  # none: no phone follows the dossier (the citizen reads it in the app's inbox)


class StaffNoticesOut(msgspec.Struct):
    notices: list[StaffNoticeOut]

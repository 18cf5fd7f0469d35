"""Piccolo tables of Web Push: phones' subscriptions and the dossiers they follow, the notices written with
each status change (the outbox, and the citizen's inbox), and each notice's delivery to each subscription."""

from piccolo.columns import UUID, ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.table import Table


class PushSubscription(Table, tablename="push_subscription"):
    """A phone's push subscription (PushSubscription.toJSON()), the VAPID key it was made with, its language."""

    endpoint = Varchar(length=1024, unique=True, index=True)
    p256dh = Varchar(length=100)
    auth = Varchar(length=40)
    vapid_key = Varchar(length=100)  # the public key the phone subscribed with: another one means resubscribe
    lang = Varchar(length=2, default="vi")
    created_at = Timestamptz()
    updated_at = Timestamptz()


class PushFollow(Table, tablename="push_follow"):
    """A dossier a subscription follows, by the hash of the dossier's access token (never a person's data)."""

    subscription = ForeignKey(references=PushSubscription, on_delete=OnDelete.cascade, index=True)
    token_hash = Varchar(length=64, index=True)


class PushNotice(Table, tablename="push_notice"):
    """A notice for the citizen, written in the transaction of the status change it tells about."""

    dossier_code = Varchar(length=60, index=True)
    token_hash = Varchar(length=64, index=True)  # the dossier's: the inbox of whoever holds its token
    kind = Varchar(length=24)
    urgency = Varchar(length=8, default="normal")
    title_vi = Text()
    title_en = Text()
    body_vi = Text()
    body_en = Text()
    url = Varchar(length=200)  # the page of the citizen app a tap opens
    created_at = Timestamptz()


class PushDelivery(Table, tablename="push_delivery"):
    """One notice to one subscription: queued until a worker claims it (a lease), then sent, failed or
    expired; a claim a killed worker left is taken again once its lease has run out."""

    notice = ForeignKey(references=PushNotice, on_delete=OnDelete.cascade, index=True)
    subscription = ForeignKey(references=PushSubscription, on_delete=OnDelete.set_null, null=True, index=True)
    status = Varchar(length=8, default="queued", index=True)
    attempts = Integer(default=0)
    next_attempt_at = Timestamptz(index=True)
    lease = UUID(null=True, default=None)  # the claim of the worker sending it now
    lease_until = Timestamptz(null=True, default=None)
    last_status = Integer(null=True, default=None)  # the push service's last HTTP status (None: no answer)
    last_error = Text(default="")
    ttl_granted = Integer(null=True, default=None)  # the TTL the push service answered it keeps the notice for
    sent_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz()


TABLES = (PushSubscription, PushFollow, PushNotice, PushDelivery)

"""Retention of the notices' tables: a delivery record done with (sent, failed, expired) is deleted once its
notice is older than the days kept, by the worker on start and hourly; a queued one never, and the notices
themselves stay (they are the citizen's inbox while the dossier is kept)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from backend.push import keys, worker
from backend.push.tables import PushDelivery, PushNotice, PushSubscription
from backend.settings import Settings
from tests.factories import NOW
from tests.push.phone import deliveries

pytestmark = pytest.mark.usefixtures("db")
DAYS_30 = dt.timedelta(days=30)


async def _aged(statuses: list[str], written: dt.datetime) -> None:
    """One notice per status, written at `written`, each with one delivery to a phone in that status."""
    phone = await PushSubscription.insert(
        PushSubscription(
            endpoint=f"http://127.0.0.1/push/{written.timestamp()}",
            p256dh="k",
            auth="a",
            vapid_key="v",
            created_at=written,
            updated_at=written,
        )
    ).returning(PushSubscription._meta.primary_key)
    for status in statuses:
        [notice] = await PushNotice.insert(
            PushNotice(
                dossier_code="C-1",
                token_hash="t" * 64,
                kind="accepted",
                title_vi="x",
                title_en="x",
                body_vi="x",
                body_en="x",
                url="/#/da-nop/C-1",
                created_at=written,
            )
        ).returning(PushNotice._meta.primary_key)
        await PushDelivery.insert(
            PushDelivery(
                notice=notice["id"],
                subscription=phone[0]["id"],
                status=status,
                next_attempt_at=written,
                created_at=written,
            )
        )


async def test_deliveries_done_with_are_deleted_after_the_days_kept_queued_ones_and_notices_stay() -> None:
    await _aged(["sent", "failed", "expired", "queued"], NOW - DAYS_30 - dt.timedelta(minutes=1))
    await _aged(["sent", "failed"], NOW - DAYS_30 + dt.timedelta(minutes=1))  # not quite 30 days old
    assert await worker.forget_old_deliveries(NOW, DAYS_30) == 3
    assert sorted((d["status"], d["created_at"] > NOW - DAYS_30) for d in await deliveries()) == [
        ("failed", True),
        ("queued", False),
        ("sent", True),
    ]
    assert await PushNotice.count() == 6  # the inbox keeps every notice
    assert await worker.forget_old_deliveries(NOW, DAYS_30) == 0  # again: nothing more


@pytest.mark.usefixtures("clock")  # the app's clock at NOW
async def test_the_worker_forgets_old_deliveries_when_it_starts(settings: Settings) -> None:
    await _aged(["sent"], NOW - dt.timedelta(days=8))
    await _aged(["expired"], NOW - dt.timedelta(days=6))
    kept = settings.model_copy(update={"push_delivery_keep_days": 7, "push_poll_seconds": 0.05})
    stopping = asyncio.Event()
    running = asyncio.create_task(worker.keep_delivering(kept, keys.load_or_create(kept), stopping))
    for _ in range(200):
        if await PushDelivery.count() == 1:
            break
        await asyncio.sleep(0.02)
    stopping.set()
    await running
    assert [d["status"] for d in await deliveries()] == ["expired"]

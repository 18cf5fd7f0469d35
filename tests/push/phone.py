"""Helpers of the Web Push tests: a phone subscribing with the emulator's subscription, notices queued as
a move would queue them, and delivery rounds on a given clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from backend.db import writing
from backend.dossiers import moves
from backend.dossiers.rules import Status, token_hash
from backend.push import keys, outbox, worker
from backend.push.tables import PushDelivery
from tests.push_emulator import PushEmulator


def body(subscription: dict[str, Any], vapid: keys.VapidKey, tokens: list[str], **more: Any) -> dict[str, Any]:
    return {**subscription, "vapidKey": vapid.public, "tokens": tokens, **more}


async def subscribe(
    client: httpx.AsyncClient, push: PushEmulator, vapid: keys.VapidKey, tokens: list[str], **more: Any
) -> dict[str, Any]:
    """A new subscription of the emulator, sent to the server for these tokens; the subscription."""
    subscription = push.subscription()
    answer = await client.post("/api/push/subscriptions", json=body(subscription, vapid, tokens, **more))
    assert answer.status_code == 201, answer.text
    return subscription


async def deliver(sender: worker.Sender, options: worker.Options, at: dt.datetime) -> int:
    """Delivery rounds at `at` until nothing is due; how many deliveries were claimed."""
    total = 0
    while claimed := await worker.deliver_due(sender, lambda: at, options):
        total += claimed
    return total


async def deliveries() -> list[dict[str, Any]]:
    return list(await PushDelivery.select().order_by(PushDelivery._meta.primary_key))


def fake_dossier(code: str, token: str, **more: Any) -> dict[str, Any]:
    """The columns the outbox reads of a dossier, for a procedure the catalogue does not hold."""
    row = {"code": code, "procedure_code": "9.999999", "answers": {}, "access_token_hash": token_hash(token)}
    return {"appointment_date": None, "correction_request": None, **row, **more}


async def queue_notices(token: str, count: int, now: dt.datetime, target: Status = Status.RECEIVED) -> None:
    """`count` notices of as many dossiers behind `token`, written by the outbox as a move writes them."""
    move = moves.Move(action="test", target=target)
    async with writing(PushDelivery):
        for n in range(count):
            await outbox.notify(fake_dossier(f"T-{n:04d}", token, appointment_date=now.date()), move, now)

"""`motcua serve` delivers notices by itself unless told not to (MOTCUA_PUSH_WORKER=false)."""

from __future__ import annotations

import asyncio

import pytest

from backend.push import keys
from backend.settings import Settings
from tests.conftest import app_client
from tests.factories import seeded, submitted
from tests.push.phone import deliveries, subscribe
from tests.push_emulator import PushEmulator
from tests.review.desk import officer, url

pytestmark = pytest.mark.usefixtures("db", "clock")


@pytest.mark.parametrize("in_serve", [True, False])
async def test_the_app_delivers_queued_notices_itself_unless_turned_off(
    push_settings: Settings, emulator: PushEmulator, vapid: keys.VapidKey, in_serve: bool
) -> None:
    settings = push_settings.model_copy(update={"push_worker": in_serve, "push_poll_seconds": 0.05})
    async with app_client(settings) as client:
        await seeded()
        made = await submitted(client, "1.004873")
        await subscribe(client, emulator, vapid, [made["sent"]["accessToken"]])
        me = await officer(client)
        answer = await client.post(url(made, "accept"), json={"version": 1}, headers=me.headers())
        assert answer.status_code == 200
        if in_serve:
            await asyncio.to_thread(emulator.wait_for, 1)
        else:
            await asyncio.sleep(0.5)  # ten rounds of a worker that would be running
    [delivery] = await deliveries()
    assert delivery["status"] == ("sent" if in_serve else "queued")
    assert len(emulator.delivered()) == (1 if in_serve else 0)

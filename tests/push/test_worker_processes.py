"""Delivery workers as real `motcua worker` processes on one database: one killed between sending and
recording sends its notice once more (same Topic, same tag) and no more; two at once send each notice once."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from collections import Counter

import httpx
import pytest

from backend.push import keys, worker
from tests.conftest import ROOT
from tests.factories import seeded, submitted
from tests.push.conftest import CONTACT
from tests.push.phone import deliver, deliveries, queue_notices, subscribe
from tests.push_emulator import PushEmulator

pytestmark = pytest.mark.usefixtures("db")


def _start(settings_env: dict[str, str], **more: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_") and k != "DATABASE_URL"}
    env.update(settings_env)
    env.update({"MOTCUA_PUSH_SERVICES": "http://127.0.0.1", "MOTCUA_PUSH_CONTACT": CONTACT})
    env.update({"MOTCUA_PUSH_POLL_SECONDS": "0.05", **more})
    return subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "worker"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def _followed(client: httpx.AsyncClient, push: PushEmulator, vapid: keys.VapidKey) -> str:
    await seeded()
    token = str((await submitted(client, "1.004873"))["sent"]["accessToken"])
    await subscribe(client, push, vapid, [token])
    return token


async def test_a_worker_killed_after_sending_and_before_recording_sends_once_more_with_the_same_topic_and_tag(
    push_client: httpx.AsyncClient,
    emulator: PushEmulator,
    vapid: keys.VapidKey,
    sender: worker.Sender,
    options: worker.Options,
    settings_env: dict[str, str],
) -> None:
    token = await _followed(push_client, emulator, vapid)
    await queue_notices(token, 1, dt.datetime.now(dt.UTC))
    emulator.hold()  # the push service takes the notice; the worker waits for the answer ...
    process = _start(settings_env)
    try:
        await asyncio.to_thread(emulator.wait_for, 1, 60)
    finally:
        process.kill()  # ... and is killed before it could record anything
        process.wait(30)
    emulator.release()
    [claimed] = await deliveries()
    assert (claimed["status"], claimed["attempts"], claimed["sent_at"]) == ("queued", 1, None)
    # While its lease lasts, nobody sends it again; once it has run out, the next worker does, once.
    assert await deliver(sender, options, dt.datetime.now(dt.UTC)) == 0
    later = dt.datetime.now(dt.UTC) + options.lease + dt.timedelta(seconds=5)
    assert await deliver(sender, options, later) == 1
    assert await deliver(sender, options, later + dt.timedelta(hours=1)) == 0
    first, second = emulator.received
    assert first.headers["topic"] == second.headers["topic"]
    assert first.payload == second.payload and first.payload is not None  # the same notice id and tag
    assert first.payload["tag"] == second.payload["tag"] == "motcua:T-0000"
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["attempts"]) == ("sent", 2)


async def test_two_workers_on_one_database_send_each_notice_once(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey, settings_env: dict[str, str]
) -> None:
    token = await _followed(push_client, emulator, vapid)
    count = 60
    await queue_notices(token, count, dt.datetime.now(dt.UTC))
    emulator.meet(2)  # the first two requests wait for each other: both workers must be sending at once
    workers = [_start(settings_env, MOTCUA_PUSH_BATCH_SIZE="5") for _ in range(2)]
    try:
        await asyncio.to_thread(emulator.wait_for, count, 120)
    finally:
        for process in workers:
            process.terminate()
        outputs = [process.communicate(timeout=30) for process in workers]
    assert all(process.returncode == 0 for process in workers), outputs
    sent = Counter((r.payload or {}).get("id") for r in emulator.received)
    assert len(sent) == count and set(sent.values()) == {1}, sent
    rows = await deliveries()
    assert {(d["status"], d["attempts"]) for d in rows} == {("sent", 1)}
    claimed = [int(out.strip().rsplit("after ", 1)[1].split()[0]) for out, _ in outputs]
    assert sum(claimed) == count and min(claimed) > 0, claimed

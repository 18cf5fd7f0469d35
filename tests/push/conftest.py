"""Fixtures of the Web Push tests: settings that accept the local push service, the server's VAPID key, the
emulator, and a sender as the delivery worker has one."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest

from backend.push import keys, worker
from backend.settings import Settings
from tests.accounts.conftest import clock
from tests.conftest import app_client
from tests.push.phone import deliver
from tests.push_emulator import PushEmulator

__all__ = ["clock"]
CONTACT = "mailto:ops@motcua.example"


@pytest.fixture(scope="session")
def push_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"push_services": "http://127.0.0.1", "push_contact": CONTACT})


@pytest.fixture
async def push_client(push_settings: Settings, db: object) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(push_settings) as http:
        yield http


@pytest.fixture(scope="session")
def vapid(push_settings: Settings) -> keys.VapidKey:
    return keys.load_or_create(push_settings)


@pytest.fixture
def emulator(vapid: keys.VapidKey) -> Iterator[PushEmulator]:
    with PushEmulator(vapid.public) as push:
        yield push


@pytest.fixture
def options(push_settings: Settings, vapid: keys.VapidKey) -> worker.Options:
    return worker.Options.of(push_settings, vapid)


@pytest.fixture
def sender(vapid: keys.VapidKey, options: worker.Options) -> Iterator[worker.Sender]:
    made = worker.Sender(vapid, CONTACT, options)
    yield made
    made.close()


@dataclass
class Rig:
    """What a delivery test works with: the app, the push service, the server's key and a worker's sender."""

    client: httpx.AsyncClient
    push: PushEmulator
    vapid: keys.VapidKey
    sender: worker.Sender
    options: worker.Options

    async def deliver(self, at: dt.datetime) -> int:
        return await deliver(self.sender, self.options, at)


@pytest.fixture
def rig(
    push_client: httpx.AsyncClient,
    emulator: PushEmulator,
    vapid: keys.VapidKey,
    sender: worker.Sender,
    options: worker.Options,
) -> Rig:
    return Rig(push_client, emulator, vapid, sender, options)

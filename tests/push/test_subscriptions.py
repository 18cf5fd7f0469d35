"""A phone's subscription through the API: the server's key, subscribing for the dossiers its tokens open
(never anything else), refreshing, replacing and ending it, and the rotated key that asks it to subscribe
again."""

from __future__ import annotations

import secrets
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from backend.push import keys
from backend.push.tables import PushFollow, PushSubscription
from backend.settings import Settings
from tests.conftest import app_client
from tests.factories import seeded, submitted
from tests.push.phone import body, subscribe
from tests.push_emulator import PushEmulator, b64, unb64

pytestmark = pytest.mark.usefixtures("db")
MARITAL = "1.004873"  # no photo required: the quickest dossier to make


async def _token(client: httpx.AsyncClient) -> str:
    await seeded()
    made = await submitted(client, MARITAL)
    return str(made["sent"]["accessToken"])


async def _follows(endpoint: str) -> int:
    row = (
        await PushSubscription.select(PushSubscription._meta.primary_key)
        .where(PushSubscription.endpoint == endpoint)
        .first()
    )
    assert row is not None
    return await PushFollow.count().where(PushFollow.subscription == row["id"])


async def test_the_public_key_is_a_p256_point_and_stays_the_same_across_restarts(
    push_client: httpx.AsyncClient, push_settings: Settings
) -> None:
    first = (await push_client.get("/api/push/key")).json()["publicKey"]
    async with app_client(push_settings) as again:
        second = (await again.get("/api/push/key")).json()["publicKey"]
    raw = unb64(first)
    assert len(raw) == 65 and raw[0] == 4  # an uncompressed P-256 point
    assert first == second


def test_the_key_file_is_private_and_made_once(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    made = keys.load_or_create(settings)
    assert settings.vapid_key_file.stat().st_mode & 0o777 == 0o600
    assert settings.vapid_key_file.parent.stat().st_mode & 0o777 == 0o700
    assert keys.load_or_create(settings).public == made.public


def test_a_key_given_by_the_environment_wins_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = secrets.token_bytes(32)
    monkeypatch.setenv("MOTCUA_PUSH_VAPID_PRIVATE_KEY", b64(raw))
    given = keys.load_or_create(Settings(data_dir=tmp_path))
    expected = ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())
    assert given.private.private_numbers().private_value == expected.private_numbers().private_value
    assert not Settings(data_dir=tmp_path).vapid_key_file.exists()


async def test_a_phone_subscribes_for_the_dossiers_its_tokens_open(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey
) -> None:
    token = await _token(push_client)
    subscription = emulator.subscription()
    stranger = secrets.token_urlsafe(32)  # opens no dossier: left out, as "my dossiers" leaves it out
    first = await push_client.post("/api/push/subscriptions", json=body(subscription, vapid, [token, stranger]))
    again = await push_client.post("/api/push/subscriptions", json=body(subscription, vapid, [token]))
    assert first.status_code == 201 and again.status_code == 200
    assert first.json() == {"publicKey": vapid.public, "resubscribe": False, "dossiers": 1}
    assert await _follows(subscription["endpoint"]) == 1
    assert await PushSubscription.count() == 1


async def test_tokens_that_open_no_dossier_are_refused(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey
) -> None:
    answer = await push_client.post(
        "/api/push/subscriptions", json=body(emulator.subscription(), vapid, [secrets.token_urlsafe(32)])
    )
    assert answer.status_code == 422 and answer.json()["code"] == "no_dossier_to_follow"
    assert await PushSubscription.count() == 0


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"endpoint": "https://evil.example/push/1"}, "push_service_not_allowed"),
        ({"endpoint": "http://fcm.googleapis.com/fcm/send/x"}, "push_service_not_allowed"),
        ({"keys": {"p256dh": b64(b"\x04" + bytes(63)), "auth": b64(bytes(16))}}, "invalid_subscription"),
        ({"keys": {"p256dh": b64(b"\x04" + bytes(64)), "auth": b64(bytes(8))}}, "invalid_subscription"),
    ],
)
async def test_a_subscription_elsewhere_than_a_push_service_or_with_bad_keys_is_refused(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey, change: dict[str, object], code: str
) -> None:
    token = await _token(push_client)
    answer = await push_client.post(
        "/api/push/subscriptions", json={**body(emulator.subscription(), vapid, [token]), **change}
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == code and answer.json()["message"]["vi"]


async def test_malformed_bodies_are_refused_with_400(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey
) -> None:
    subscription = emulator.subscription()
    for wrong in ({**body(subscription, vapid, [])}, {**body(subscription, vapid, ["short"])}, {"endpoint": 1}):
        answer = await push_client.post("/api/push/subscriptions", json=wrong)
        assert answer.status_code == 400, wrong


async def test_a_subscription_made_with_an_earlier_key_is_told_to_subscribe_again(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey
) -> None:
    token = await _token(push_client)
    earlier = b64(b"\x04" + secrets.token_bytes(64))
    answer = await push_client.post(
        "/api/push/subscriptions", json={**body(emulator.subscription(), vapid, [token]), "vapidKey": earlier}
    )
    assert answer.status_code == 201
    assert answer.json()["resubscribe"] is True and answer.json()["publicKey"] == vapid.public
    assert (await PushSubscription.select(PushSubscription.vapid_key).first())["vapid_key"] == earlier


async def test_an_update_replaces_the_previous_endpoint_and_keeps_following(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey
) -> None:
    token = await _token(push_client)
    old = await subscribe(push_client, emulator, vapid, [token])
    new = emulator.subscription()
    answer = await push_client.put(
        "/api/push/subscriptions", json=body(new, vapid, [token], previousEndpoint=old["endpoint"], lang="en")
    )
    assert answer.status_code == 200, answer.text
    rows = await PushSubscription.select(PushSubscription.endpoint, PushSubscription.lang)
    assert rows == [{"endpoint": new["endpoint"], "lang": "en"}]
    assert await _follows(new["endpoint"]) == 1


async def test_an_update_of_a_subscription_the_server_does_not_hold_is_404(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey
) -> None:
    token = await _token(push_client)
    answer = await push_client.put("/api/push/subscriptions", json=body(emulator.subscription(), vapid, [token]))
    assert answer.status_code == 404 and answer.json()["code"] == "subscription_not_found"


async def test_unsubscribing_forgets_the_subscription_and_may_be_repeated(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey
) -> None:
    token = await _token(push_client)
    made = await subscribe(push_client, emulator, vapid, [token])
    for _ in range(2):
        answer = await push_client.post("/api/push/subscriptions/unsubscribe", json={"endpoint": made["endpoint"]})
        assert answer.status_code == 204
    assert await PushSubscription.count() == 0 and await PushFollow.count() == 0

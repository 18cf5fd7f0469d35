"""The delivery worker against the push-service emulator: what the phone receives (decrypted) and the headers
it comes with, the TTL granted, retries with back-off and Retry-After up to 72 hours, 404/410/413, a rotated
key, the payload's size, and the delivery status staff read."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import secrets
from typing import Any

import httpx
import pytest

from backend.dossiers.rules import Status
from backend.push.tables import PushSubscription
from tests.accounts.staffing import Session
from tests.factories import NOW, seeded, submitted
from tests.push.conftest import CONTACT, Rig
from tests.push.phone import body, deliveries, queue_notices, subscribe
from tests.push_emulator import PushEmulator, b64
from tests.review.desk import officer, url

pytestmark = pytest.mark.usefixtures("db", "clock")
MARITAL = "1.004873"
CODE = "H12.41.01-261123-0001"
HOURS_8 = 8 * 3600


async def _followed(
    rig: Rig, push: PushEmulator | None = None, **more: Any
) -> tuple[dict[str, Any], str, dict[str, Any], Session]:
    """A dossier, a phone subscribed to it (at `push`, by default the rig's), an officer of its centre."""
    await seeded()
    made = await submitted(rig.client, MARITAL)
    token = str(made["sent"]["accessToken"])
    subscription = await subscribe(rig.client, push or rig.push, rig.vapid, [token], **more)
    return made, token, subscription, await officer(rig.client)


async def _refuse(client: httpx.AsyncClient, made: dict[str, Any], me: Session, *reasons: str) -> None:
    answer = await client.post(url(made, "refuse"), json={"version": 1, "reasons": list(reasons)}, headers=me.headers())
    assert answer.status_code == 200, answer.text


async def test_the_phone_receives_the_notice_decrypted_with_ttl_topic_urgency_and_vapid(rig: Rig) -> None:
    made, _, subscription, me = await _followed(rig)
    answer = await rig.client.post(url(made, "accept"), json={"version": 1}, headers=me.headers())
    assert answer.status_code == 200
    assert await rig.deliver(NOW) == 1
    [received] = rig.push.received
    assert received.status == 201, received.problem  # the JWT (aud, exp ≤ 24 h, signature) and body checked
    assert received.path == subscription["endpoint"].removeprefix(rig.push.origin)
    assert received.claims["aud"] == rig.push.origin and received.claims["sub"] == CONTACT
    assert int(received.headers["ttl"]) >= HOURS_8
    assert received.headers["urgency"] == "normal" and received.headers["content-encoding"] == "aes128gcm"
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,32}", received.headers["topic"])
    payload = received.payload
    assert payload is not None
    assert (payload["code"], payload["kind"], payload["url"]) == (CODE, "accepted", f"/#/da-nop/{CODE}")
    assert payload["title"] == "Hồ sơ đã được tiếp nhận" and "27/11/2026" in payload["body"]
    assert payload["tag"] == f"motcua:{CODE}"
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["attempts"], delivery["last_status"]) == ("sent", 1, 201)
    assert delivery["sent_at"] == NOW and delivery["ttl_granted"] == int(received.headers["ttl"])
    assert await rig.deliver(NOW + dt.timedelta(hours=1)) == 0  # sent once, never again


async def test_a_phone_in_english_gets_the_english_text_and_the_granted_ttl_is_kept(rig: Rig) -> None:
    rig.push.state.max_ttl = 3600  # this push service keeps notices an hour at most
    made, _, _, me = await _followed(rig, lang="en")
    await _refuse(rig.client, made, me, "Sai nơi nộp")
    await rig.deliver(NOW)
    [payload] = rig.push.delivered()
    assert payload["title"] == "Your dossier was refused"
    [delivery] = await deliveries()
    assert delivery["ttl_granted"] == 3600


async def test_result_ready_is_urgent_and_every_notice_of_a_dossier_shares_its_topic(rig: Rig) -> None:
    _, token, _, _ = await _followed(rig)
    await queue_notices(token, 2, NOW, Status.READY)  # dossiers T-0000 and T-0001
    await queue_notices(token, 1, NOW, Status.RECEIVED)  # T-0000 again
    await rig.deliver(NOW)
    received = {(r.payload or {})["kind"] + ":" + (r.payload or {})["code"]: r.headers for r in rig.push.received}
    assert received["ready:T-0000"]["urgency"] == received["ready:T-0001"]["urgency"] == "high"
    assert received["accepted:T-0000"]["urgency"] == "normal"
    assert received["ready:T-0000"]["topic"] == received["accepted:T-0000"]["topic"]
    assert received["ready:T-0000"]["topic"] != received["ready:T-0001"]["topic"]


async def test_429_waits_as_long_as_retry_after_says_then_sends(rig: Rig) -> None:
    made, _, _, me = await _followed(rig)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    rig.push.answer(429, retry_after="120", times=1)
    await rig.deliver(NOW)
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["attempts"], delivery["last_status"]) == ("queued", 1, 429)
    assert delivery["next_attempt_at"] == NOW + dt.timedelta(seconds=120)  # longer than the first back-off (30 s)
    assert await rig.deliver(NOW + dt.timedelta(seconds=119)) == 0
    assert await rig.deliver(NOW + dt.timedelta(seconds=120)) == 1
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["attempts"]) == ("sent", 2)
    assert [r.status for r in rig.push.received] == [429, 201]


async def test_retry_after_as_a_date_is_honoured(rig: Rig) -> None:
    made, _, _, me = await _followed(rig)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    rig.push.answer(503, retry_after="Mon, 23 Nov 2026 02:10:00 GMT")  # NOW (09:00 at UTC+7) and ten minutes
    await rig.deliver(NOW)
    [delivery] = await deliveries()
    assert delivery["next_attempt_at"] == NOW + dt.timedelta(minutes=10)


async def test_5xx_backs_off_doubling_and_gives_up_after_72_hours(rig: Rig) -> None:
    made, _, _, me = await _followed(rig)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    rig.push.answer(500)
    at = NOW
    for wait in (30, 60, 120, 240):  # seconds: 30 s, doubled each time
        await rig.deliver(at)
        [delivery] = await deliveries()
        assert delivery["next_attempt_at"] == at + dt.timedelta(seconds=wait)
        at += dt.timedelta(seconds=wait)
    # Five minutes before 72 hours are over, the fifth failure would wait 8 min (30 s × 2⁴): given up.
    late = NOW + dt.timedelta(hours=72) - dt.timedelta(minutes=5)
    await rig.deliver(late)
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["attempts"]) == ("expired", 5)
    assert await rig.deliver(late + dt.timedelta(hours=1)) == 0


async def test_a_notice_found_after_72_hours_is_expired_without_being_sent(rig: Rig) -> None:
    made, _, _, me = await _followed(rig)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    await rig.deliver(NOW + dt.timedelta(hours=72, seconds=1))
    [delivery] = await deliveries()
    assert delivery["status"] == "expired" and rig.push.received == []


async def test_no_answer_from_the_push_service_is_retried(rig: Rig) -> None:
    with PushEmulator(rig.vapid.public) as gone:
        made, _, _, me = await _followed(rig, gone)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")  # the push service is down now
    await rig.deliver(NOW)
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["last_status"]) == ("queued", None)
    assert delivery["next_attempt_at"] == NOW + dt.timedelta(seconds=30)


@pytest.mark.parametrize("status", [404, 410])
async def test_a_gone_subscription_is_deleted(rig: Rig, status: int) -> None:
    made, _, _, me = await _followed(rig)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    rig.push.answer(status)
    await rig.deliver(NOW)
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["last_status"], delivery["subscription"]) == ("failed", status, None)
    assert await PushSubscription.count() == 0


async def test_413_fails_the_notice_but_keeps_the_subscription(rig: Rig) -> None:
    made, _, _, me = await _followed(rig)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    rig.push.answer(413)
    await rig.deliver(NOW)
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["last_status"]) == ("failed", 413)
    assert await PushSubscription.count() == 1
    assert await rig.deliver(NOW + dt.timedelta(hours=1)) == 0


async def test_410_for_an_old_endpoint_spares_the_subscription_the_phone_just_renewed(rig: Rig) -> None:
    made, token, old, me = await _followed(rig)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    rig.push.answer(410, endpoint=old["endpoint"])
    rig.push.hold()  # the push service has the request; its 410 is on the way
    sending = asyncio.create_task(rig.deliver(NOW))
    await asyncio.to_thread(rig.push.wait_for, 1)
    new = rig.push.subscription()  # meanwhile the phone resubscribed and told the server
    renewed = await rig.client.put(
        "/api/push/subscriptions", json=body(new, rig.vapid, [token], previousEndpoint=old["endpoint"])
    )
    assert renewed.status_code == 200
    rig.push.release()
    await sending
    [delivery] = await deliveries()
    assert (delivery["status"], delivery["last_status"]) == ("failed", 410)
    rows = await PushSubscription.select(PushSubscription.endpoint)
    assert rows == [{"endpoint": new["endpoint"]}]  # the 410 named the old endpoint: the renewed one stays
    # The next notice of the dossier goes to the renewed endpoint.
    await queue_notices(token, 1, NOW)
    await rig.deliver(NOW)
    last = rig.push.received[-1]
    assert last.path == new["endpoint"].removeprefix(rig.push.origin) and last.status == 201


async def test_a_subscription_made_with_an_earlier_key_is_not_sent_to(rig: Rig) -> None:
    earlier = b64(b"\x04" + secrets.token_bytes(64))  # a key this server no longer has
    made, _, _, me = await _followed(rig, vapidKey=earlier)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    await rig.deliver(NOW)
    [delivery] = await deliveries()
    assert delivery["status"] == "failed" and "key" in delivery["last_error"]
    assert rig.push.received == []


async def test_a_long_notice_is_cut_to_fit_3_kb_and_the_inbox_keeps_it_whole(rig: Rig) -> None:
    made, token, _, me = await _followed(rig)
    reasons = [
        f"Lý do thứ {n}: giấy tờ không hợp lệ, đề nghị công dân kiểm tra và bổ sung đầy đủ." * 3 for n in range(20)
    ]
    await _refuse(rig.client, made, me, *reasons)
    await rig.deliver(NOW)
    [received] = rig.push.received
    assert received.status == 201 and received.payload is not None
    assert len(json.dumps(received.payload, ensure_ascii=False, separators=(",", ":")).encode()) <= 3000
    assert received.payload["body"].endswith("…") and received.payload["code"] == CODE
    inbox = (await rig.client.post("/api/push/inbox", json={"tokens": [token]})).json()["notices"]
    assert reasons[-1].strip() in inbox[0]["body"]["vi"]


async def test_staff_of_the_unit_read_each_notice_with_its_delivery_status(rig: Rig) -> None:
    made, _, _, me = await _followed(rig)
    await _refuse(rig.client, made, me, "Thiếu chữ ký")
    rig.push.answer(500, times=1)
    await rig.deliver(NOW)
    page = await rig.client.get(f"/api/staff/dossiers/{CODE}/notices", headers=me.headers())
    assert page.status_code == 200, page.text
    [notice] = page.json()["notices"]
    assert notice["kind"] == "refused" and notice["title"] == "Hồ sơ bị từ chối tiếp nhận"
    [delivery] = notice["deliveries"]
    assert (delivery["status"], delivery["attempts"], delivery["lastStatus"]) == ("queued", 1, 500)
    assert delivery["phoneStillSubscribed"] is True
    await rig.deliver(NOW + dt.timedelta(seconds=30))
    page = await rig.client.get(f"/api/staff/dossiers/{CODE}/notices", headers=me.headers())
    [delivery] = page.json()["notices"][0]["deliveries"]
    assert (delivery["status"], delivery["attempts"], delivery["lastStatus"]) == ("sent", 2, 201)

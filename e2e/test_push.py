"""Web Push end to end, without the internet: the server sends a notice of a status change to the local
push-service emulator, which checks and decrypts it; the decrypted notice is delivered into the app's real
service worker over the DevTools protocol, and the worker shows it (title, body, icon, badge, one tag per
dossier, the dossier's address for a tap)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, AppServer
from pages import open_app
from playwright.sync_api import BrowserContext, Page

sys.path.insert(0, str(ROOT))  # the push-service emulator lives with the unit tests
from tests.factories import submission
from tests.push_emulator import PushEmulator

SHOWN = """async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
    title: n.title, body: n.body, tag: n.tag, icon: n.icon, badge: n.badge, data: n.data}))"""


@pytest.fixture
def push_server(tmp_path: Path) -> Iterator[AppServer]:
    """A server whose own delivery worker may send to the emulator on this machine."""
    server = AppServer(ROOT / "pwa" / "dist", tmp_path / "data")
    server.env.update({"MOTCUA_PUSH_SERVICES": "http://127.0.0.1", "MOTCUA_PUSH_POLL_SECONDS": "0.1"})
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _followed_dossier(api: httpx.Client, push: PushEmulator, public_key: str) -> str:
    """A marriage-status dossier sent from a phone that subscribed to its notices; its code."""
    body = submission("1.004873")
    sent = api.post("/api/submissions", json=body)
    assert sent.status_code == 201, sent.text
    subscription = {**push.subscription(), "vapidKey": public_key, "tokens": [body["accessToken"]]}
    assert api.post("/api/push/subscriptions", json=subscription).status_code == 201
    return str(sent.json()["code"])


def test_a_notice_sent_by_the_server_is_shown_by_the_service_worker(
    page: Page, context: BrowserContext, push_server: AppServer
) -> None:
    url = push_server.url
    with httpx.Client(base_url=url) as api:
        key = api.get("/api/push/key").json()["publicKey"]
        with PushEmulator(key) as push:
            code = _followed_dossier(api, push, key)
            push_server.counter("receive", code)  # the counter accepts it: the server's worker sends the notice
            [received] = push.wait_for(1)
    assert received.status == 201, received.problem  # VAPID checked, payload decrypted
    assert received.payload is not None and received.payload["code"] == code
    open_app(page, url)
    context.grant_permissions(["notifications"], origin=url)
    cdp = context.new_cdp_session(page)
    registrations: list[str] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda e: registrations.extend(r["registrationId"] for r in e["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    for _ in range(200):  # CDP events arrive while Playwright waits for something
        if registrations:
            break
        page.wait_for_timeout(25)
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": url, "registrationId": registrations[-1], "data": json.dumps(received.payload)},
    )
    page.wait_for_function(f"async () => (await ({SHOWN})()).length === 1")
    [shown] = page.evaluate(SHOWN)
    assert shown["title"] == "Hồ sơ đã được tiếp nhận"
    assert shown["body"].startswith(
        "Cấp Giấy xác nhận tình trạng hôn nhân cho Bùi Thị Phương Thảo: hẹn trả kết quả ngày "
    )
    assert shown["tag"] == f"motcua:{code}"
    assert shown["icon"] == f"{url}/icons/icon-192.png" and shown["badge"] == f"{url}/icons/badge-96.png"
    assert shown["data"] == {"url": f"/#/da-nop/{code}", "code": code}

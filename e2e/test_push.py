"""Web Push end to end, without the internet: the citizen says yes after sending a dossier, the app subscribes
with the server's key (PushManager stubbed to hand out the local push-service emulator's subscriptions), the
server sends the notice of a status change to the emulator, which checks and decrypts it; the decrypted notice
is delivered into the app's real service worker over the DevTools protocol, the worker shows it, and its tap
routing opens the dossier at the items asked for."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import ROOT, AppServer
from pages import BIRTH_CERTIFICATE, keep_dossier, open_app, records, send_birth_registration, wait_until
from playwright.sync_api import Browser, BrowserContext, Page, expect
from staff import DESKTOP, accepted_from_a_phone, sign_in, staff_api

sys.path.insert(0, str(ROOT))  # the push-service emulator lives with the unit tests
from tests.factories import submission
from tests.push_emulator import PushEmulator

SHOWN = """async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
    title: n.title, body: n.body, tag: n.tag, icon: n.icon, badge: n.badge, data: n.data}))"""

# PushManager as in a browser whose push service is the emulator: `subscribe` hands out the emulator's
# subscriptions in turn (keys the emulator decrypts with) and records the applicationServerKey it was given;
# the browser keeps the subscription across reloads (here in localStorage) until `unsubscribe`.
STUB_PUSH = """(made) => {
  // As a browser, a new subscription after a reload is a new endpoint: the count outlives the page.
  const KEY = "e2e.pushSubscription";
  const COUNT = KEY + ".made";
  const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  const unb64 = (text) => Uint8Array.from(
    atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4)), (c) => c.charCodeAt(0));
  const build = (kept) => kept && {
    endpoint: kept.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: unb64(kept.key).buffer },
    toJSON: () => ({ endpoint: kept.endpoint, expirationTime: null, keys: kept.keys }),
    unsubscribe: async () => { localStorage.removeItem(KEY); return true; },
  };
  PushManager.prototype.getSubscription = async function () {
    return build(JSON.parse(localStorage.getItem(KEY) || "null"));
  };
  PushManager.prototype.subscribe = async function (options) {
    const next = Number(localStorage.getItem(COUNT) || 0);
    localStorage.setItem(COUNT, String(next + 1));
    const kept = { ...made[Math.min(next, made.length - 1)], key: b64(options.applicationServerKey) };
    localStorage.setItem(KEY, JSON.stringify(kept));
    return build(kept);
  };
}"""

# Mẫu 02 as an officer fills it: the child's name and the birth certificate's photo, a note each.
ASKED = [
    {"kind": "field", "path": "child.full_name", "note": "Tên viết sai dấu"},
    {"kind": "document", "slot": BIRTH_CERTIFICATE, "note": "Ảnh bị mờ, chụp lại"},
]


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
    body = submission("1.004873", "H12.42")  # xã Thiên Lộc, whose centre the officer of staff.py works at
    sent = api.post("/api/submissions", json=body)
    assert sent.status_code == 201, sent.text
    subscription = {**push.subscription(), "vapidKey": public_key, "tokens": [body["accessToken"]]}
    assert api.post("/api/push/subscriptions", json=subscription).status_code == 201
    return str(sent.json()["code"])


def _deliver(page: Page, context: BrowserContext, url: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The push service's message handed to the app's service worker over the DevTools protocol, as a
    browser does when a push arrives; returns the one notification the worker then shows."""
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
        {"origin": url, "registrationId": registrations[-1], "data": json.dumps(payload)},
    )
    [shown] = wait_until(lambda: page.evaluate(SHOWN), timeout=10)
    return dict(shown)


def test_a_notice_sent_by_the_server_is_shown_by_the_service_worker_and_its_delivery_to_staff(
    page: Page, context: BrowserContext, browser: Browser, push_server: AppServer
) -> None:
    url = push_server.url
    with httpx.Client(base_url=url) as api:
        key = api.get("/api/push/key").json()["publicKey"]
        with PushEmulator(key) as push:
            code = _followed_dossier(api, push, key)
            with staff_api(push_server) as officer:
                officer.accept(code)  # the server's worker sends the notice
                [received] = push.wait_for(1)
                assert wait_until(lambda: officer.delivery_states(code) == [["sent"]])  # recorded after sending
    assert received.status == 201, received.problem  # VAPID checked, payload decrypted
    assert received.payload is not None and received.payload["code"] == code
    open_app(page, url)
    shown = _deliver(page, context, url, received.payload)
    assert shown["title"] == "Hồ sơ đã được tiếp nhận"
    assert shown["body"].startswith(
        "Cấp Giấy xác nhận tình trạng hôn nhân cho Bùi Thị Phương Thảo: hẹn trả kết quả ngày "
    )
    assert shown["tag"] == f"motcua:{code}"
    assert shown["icon"] == f"{url}/icons/icon-192.png" and shown["badge"] == f"{url}/icons/badge-96.png"
    assert shown["data"] == {"url": f"/#/da-nop/{code}", "code": code}

    # The officer sees on the dossier's page that the notice reached the one phone that follows it.
    desk = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    try:
        staff_page = desk.new_page()
        sign_in(staff_page, url)
        staff_page.goto(f"{url}/staff/ho-so/{code}")
        panel = staff_page.get_by_test_id("notice-deliveries")
        expect(panel.get_by_test_id("staff-notice")).to_have_count(1)
        expect(panel).to_contain_text("Hồ sơ đã được tiếp nhận")
        expect(panel.get_by_test_id("delivery")).to_have_attribute("data-status", "sent")
        expect(panel.get_by_test_id("delivery")).to_contain_text("Điện thoại 1: Đã gửi — 1 lần gửi lúc")
    finally:
        desk.close()


# The worker's own tap routing (self.onnotificationclick, sw/push.ts) called with the notification it showed,
# as the browser calls it on a tap. A script cannot make a trusted tap, so the browser's part is not covered:
# the permission to focus a window a real tap grants (here focus() is refused, and the page navigates anyway).
TAP = """async () => {
  const [shown] = await self.registration.getNotifications();
  const waits = [];
  self.onnotificationclick({ notification: shown, waitUntil: (work) => waits.push(work) });
  await Promise.all(waits);
}"""


def test_a_citizen_who_says_yes_is_told_of_a_supplement_and_the_tap_opens_the_items_asked_for(
    page: Page, context: BrowserContext, push_server: AppServer
) -> None:
    url = push_server.url
    key = httpx.get(f"{url}/api/push/key").json()["publicKey"]
    with PushEmulator(key) as push:
        page.add_init_script(f"({STUB_PUSH})({json.dumps([push.subscription()])})")
        context.grant_permissions(["notifications"], origin=url)
        open_app(page, url, "/#/da-nop")
        expect(page.get_by_role("heading", name="Hồ sơ của bạn")).to_be_visible()
        expect(page.get_by_test_id("notice-offer")).to_have_count(0)  # nothing sent yet: nothing offered
        code = send_birth_registration(page, url, push_server.data_dir)

        offer = page.get_by_test_id("notice-offer")
        expect(offer.get_by_role("heading")).to_have_text("Nhận thông báo khi có kết quả?")
        offer.get_by_role("button", name="Có, nhận thông báo").click()
        expect(offer).to_contain_text("Đã bật thông báo")
        assert page.evaluate("JSON.parse(localStorage.getItem('e2e.pushSubscription')).key") == key
        [dossier] = records(page, "dossiers")
        # Every app open: the browser's subscription and the phone's tokens go to the server again.
        with page.expect_request(lambda r: r.method == "PUT" and r.url.endswith("/api/push/subscriptions")) as put:
            page.reload()
        sent = put.value.post_data_json
        assert sent["endpoint"].startswith(push.origin) and sent["tokens"] == [dossier["accessToken"]]
        assert sent["vapidKey"] == key and sent["lang"] == "vi"

        with staff_api(push_server) as officer:
            officer.ask_for_corrections(code, ASKED)
        [received] = push.wait_for(1)
    assert received.status == 201, received.problem  # VAPID checked, payload decrypted
    assert received.payload is not None
    assert received.payload["url"] == f"/#/da-nop/{code}/sua"

    shown = _deliver(page, context, url, received.payload)
    assert shown["title"] == "Hồ sơ cần bổ sung"
    # The paper is named as the catalogue names it (a long sentence), then the officer's note.
    assert shown["body"].startswith(
        "Đăng ký khai sinh cho Nguyễn Minh Khang: cần bổ sung, sửa lại: Họ, chữ đệm và tên (Tên viết sai dấu); "
        "Bản chính Giấy chứng sinh"
    )
    assert shown["body"].endswith("(Ảnh bị mờ, chụp lại). Mở hồ sơ để sửa và gửi lại.")
    assert shown["tag"] == f"motcua:{code}"
    # The open page heard of it from the worker: the inbox and the phone's copy of the dossier are fetched.
    expect(page.get_by_test_id("nav-inbox")).to_contain_text("1 thông báo chưa đọc")
    assert wait_until(lambda: records(page, "dossiers")[0]["status"] == "supplement_requested")

    page.goto(f"{url}/#/")  # the citizen is elsewhere in the app when the notice is tapped
    context.service_workers[0].evaluate(TAP)
    expect(page).to_have_url(f"{url}/#/da-nop/{code}/sua")
    items = page.get_by_test_id("correction-item")
    expect(items).to_have_count(2)  # exactly the two items asked for
    expect(items.nth(0)).to_contain_text("Tên viết sai dấu")
    expect(items.nth(1)).to_contain_text("Ảnh bị mờ, chụp lại")
    assert page.evaluate(SHOWN) == []  # the tapped notice is gone from the tray


def _server_subscriptions(server: AppServer) -> list[tuple[str, str]]:
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        return [(str(e), str(k)) for e, k in db.execute("SELECT endpoint, vapid_key FROM push_subscription")]


def test_a_rotated_key_makes_the_phone_subscribe_again_on_its_next_open(
    page: Page, context: BrowserContext, push_server: AppServer
) -> None:
    url = push_server.url
    dossier = accepted_from_a_phone(push_server)
    old_key = httpx.get(f"{url}/api/push/key").json()["publicKey"]
    with PushEmulator(old_key) as push:
        first, second = push.subscription(), push.subscription()
        page.add_init_script(f"({STUB_PUSH})({json.dumps([first, second])})")
        context.grant_permissions(["notifications"], origin=url)
        open_app(page, url)
        keep_dossier(page, dossier)
        page.goto(f"{url}/#/da-nop")
        page.reload()
        page.get_by_role("button", name="Có, nhận thông báo").click()
        expect(page.get_by_test_id("notice-offer")).to_contain_text("Đã bật thông báo")
        assert _server_subscriptions(push_server) == [(first["endpoint"], old_key)]

        push_server.stop()
        (push_server.data_dir / "push" / "vapid-private.pem").unlink()  # the operator rotates the key
        push_server.start()
        new_key = httpx.get(f"{url}/api/push/key").json()["publicKey"]
        assert new_key != old_key
        new_one = second["endpoint"]
        with page.expect_request(lambda r: r.method == "PUT" and r.post_data_json["endpoint"] == new_one) as put:
            page.reload()  # the app opens: the server answers resubscribe, the phone subscribes with the new key
        assert put.value.post_data_json["previousEndpoint"] == first["endpoint"]
        assert put.value.post_data_json["vapidKey"] == new_key
        assert wait_until(lambda: _server_subscriptions(push_server) == [(second["endpoint"], new_key)])
        kept = page.evaluate("JSON.parse(localStorage.getItem('e2e.pushSubscription'))")
        assert (kept["endpoint"], kept["key"]) == (second["endpoint"], new_key)

"""A citizen sends a birth registration from a phone with a bad connection: drafted and submitted
offline, sent when the network comes back, exactly once and with its photos, whatever fails on the way;
then follows the dossier, receipt and public tracking included."""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from conftest import AppServer
from pages import (
    BIRTH_CERTIFICATE,
    BIRTH_REGISTRATION,
    begin_birth_registration,
    complete_birth_registration,
    open_app,
    photo_with_gps,
    records,
    server_dossiers,
    small_photo,
    submit,
    wait_until,
)
from playwright.sync_api import BrowserContext, Page, Request, expect
from staff import staff_api

MARRIAGE_CERTIFICATE = "giay_chung_nhan_ket_hon"  # An optional paper: a second photo.
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"


def _stored_files(server: AppServer) -> dict[str, bytes]:
    """Every attachment file on the server's disk, by name."""
    folder = server.data_dir / "attachments"
    return {path.name: path.read_bytes() for path in folder.rglob("*") if path.is_file()} if folder.exists() else {}


def _photo_hashes(page: Page) -> dict[str, str]:
    """Slot → SHA-256 of each photo as the phone stores it (compressed, without EXIF)."""
    return {p["slot"]: hashlib.sha256(bytes(p["blob"])).hexdigest() for p in records(page, "photos")}


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_dossier_submitted_offline_is_sent_once_when_the_phone_is_back_online(
    page: Page, context: BrowserContext, server: AppServer
) -> None:
    open_app(page, server.url, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    context.set_offline(True)
    begin_birth_registration(page)
    complete_birth_registration(page, {BIRTH_CERTIFICATE: photo_with_gps()})
    hashes = _photo_hashes(page)
    posts: list[Request] = []
    page.on("request", lambda r: posts.append(r) if r.method == "POST" and r.url.endswith("/api/submissions") else None)

    submit(page)
    entry = page.get_by_test_id("outbox-entry")
    expect(entry).to_have_attribute("data-state", "waiting")
    expect(entry).to_contain_text("Đang chờ gửi")
    # Kept on the phone, through a reload offline, until the server has confirmed it.
    page.reload()
    expect(entry).to_be_visible()
    assert len(records(page, "outbox")) == 1 and len(records(page, "drafts")) == 1
    assert server_dossiers(server.data_dir) == []

    context.set_offline(False)
    item = page.get_by_test_id("dossier-item")
    expect(item).to_have_attribute("data-status", "submitted", timeout=30_000)
    expect(item).to_contain_text("Đã nộp, chờ kiểm tra")
    expect(entry).to_have_count(0)

    [dossier] = server_dossiers(server.data_dir)
    assert dossier["status"] == "submitted" and dossier["channel"] == "online"
    assert item.get_attribute("data-code") == dossier["code"]
    assert {a["slot"]: a["sha256"] for a in dossier["attachments"]} == hashes
    stored = _stored_files(server)
    assert list(stored) == [hashes[BIRTH_CERTIFICATE]]
    assert hashlib.sha256(stored[hashes[BIRTH_CERTIFICATE]]).hexdigest() == hashes[BIRTH_CERTIFICATE]
    # Only now is the local copy gone; the dossier and its secret token stay on the phone.
    assert wait_until(lambda: records(page, "outbox") == [] and records(page, "drafts") == [])
    assert records(page, "photos") == []
    [mine] = records(page, "dossiers")
    assert mine["code"] == dossier["code"]

    # The same POST replayed (a retry whose answer was lost) is answered with the same dossier.
    sent = posts[-1]
    body = sent.post_data_buffer
    assert body is not None
    url, headers = sent.url, {"Content-Type": "application/json"}
    first = _post(url, body, headers)
    again = _post(url, body, headers)
    assert first[0] == again[0] == 200 and first[1]["code"] == again[1]["code"] == dossier["code"]
    changed = json.loads(body)
    changed["answers"]["child"]["full_name"] = "Nguyễn Minh Khác"
    status, problem = _post(url, json.dumps(changed).encode(), headers)
    assert status == 409 and problem["code"] == "submission_conflict"
    assert problem["message"]["vi"] and problem["message"]["en"]
    assert len(server_dossiers(server.data_dir)) == 1


def test_a_server_killed_mid_upload_costs_at_most_the_photo_in_flight(page: Page, server: AppServer) -> None:
    open_app(page, server.url, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    begin_birth_registration(page)
    complete_birth_registration(
        page, {BIRTH_CERTIFICATE: small_photo((200, 190, 170)), MARRIAGE_CERTIFICATE: small_photo((90, 120, 160))}
    )
    hashes = _photo_hashes(page)
    assert len(set(hashes.values())) == 2
    # A slow uplink (about 2G) so that each photo takes seconds on the way.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    slow = {"offline": False, "latency": 300, "downloadThroughput": 30_000, "uploadThroughput": 4_000}
    cdp.send("Network.emulateNetworkConditions", slow)
    uploads: list[str] = []
    page.on("request", lambda r: uploads.append(r.url.rsplit("/", 1)[1]) if r.method == "PUT" else None)

    with page.expect_response(lambda r: r.request.method == "PUT" and r.status == 201, timeout=60_000):
        submit(page)
    for _ in range(1500):
        if len(uploads) == 2:
            break
        page.wait_for_timeout(20)  # Lets Playwright deliver the request events.
    assert len(uploads) == 2, uploads
    server.kill()  # The second photo is on its way.

    entry = page.get_by_test_id("outbox-entry")
    expect(entry).to_have_attribute("data-state", "waiting", timeout=30_000)
    assert server_dossiers(server.data_dir) == []
    held = _stored_files(server)
    assert list(held) == [uploads[0]] and hashlib.sha256(held[uploads[0]]).hexdigest() == uploads[0]
    assert len(records(page, "drafts")) == 1 and len(records(page, "photos")) == 2

    server.start()
    cdp.send("Network.emulateNetworkConditions", {**slow, "uploadThroughput": 200_000})
    uploads.clear()
    entry.get_by_test_id("send-now").click()
    item = page.get_by_test_id("dossier-item")
    expect(item).to_have_attribute("data-status", "submitted", timeout=60_000)

    # Only the photo that had not arrived went up again.
    assert uploads == [h for h in hashes.values() if h not in held]
    [dossier] = server_dossiers(server.data_dir)
    assert {a["slot"]: a["sha256"] for a in dossier["attachments"]} == hashes
    assert sorted(_stored_files(server)) == sorted(hashes.values())
    assert wait_until(lambda: records(page, "outbox") == [] and records(page, "photos") == [])


def test_the_citizen_follows_the_dossier_to_its_receipt_and_tracks_it_by_phone(
    page: Page, context: BrowserContext, server: AppServer
) -> None:
    open_app(page, server.url, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    begin_birth_registration(page)
    complete_birth_registration(page, {BIRTH_CERTIFICATE: small_photo((210, 200, 180))})
    submit(page)
    item = page.get_by_test_id("dossier-item")
    expect(item).to_have_attribute("data-status", "submitted", timeout=30_000)
    code = item.get_attribute("data-code")
    assert code is not None
    item.get_by_role("link").first.click()
    expect(page.get_by_text("Đã nộp, chờ kiểm tra").first).to_be_visible()
    expect(page.get_by_test_id("receipt")).to_have_count(0)  # No receipt before the counter accepts it.

    with staff_api(server) as officer:
        officer.accept(code)
    page.reload()
    receipt = page.get_by_test_id("receipt")
    expect(receipt).to_be_visible(timeout=30_000)
    expect(receipt).to_contain_text(code)
    expect(receipt).to_contain_text("Nguyễn Văn An")
    expect(receipt).to_contain_text("Đăng ký khai sinh")
    expect(receipt).to_contain_text("Bản chính Giấy chứng sinh")
    qr = page.get_by_test_id("receipt-qr")
    assert qr.locator("path").get_attribute("d")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "receipt-360.png"), full_page=True)
    expect(page.get_by_test_id("print-receipt")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("header").first).to_be_hidden()
    expect(receipt).to_be_visible()
    page.emulate_media(media="screen")

    # The dossier, receipt included, can be shown offline.
    context.set_offline(True)
    page.reload()
    expect(page.get_by_test_id("receipt")).to_be_visible()
    expect(page.get_by_test_id("receipt")).to_contain_text(code)
    context.set_offline(False)

    # Public tracking, as the receipt's QR code opens it: status and dates, no personal data.
    page.goto(f"{server.url}/#/tra-cuu/{code}")
    expect(page.get_by_label("Mã hồ sơ")).to_have_value(code)
    # Opened on its own (from the QR code), the form is styled: touch-sized fields.
    for label in ("Mã hồ sơ", "Số điện thoại"):
        box = page.get_by_label(label).bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 300, (label, box)
    page.get_by_label("Số điện thoại").fill("0912 000 000")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_test_id("tracking-result")).to_have_count(0)
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    page.get_by_role("button", name="Tra cứu").click()
    result = page.get_by_test_id("tracking-result")
    expect(result).to_have_attribute("data-status", "received")
    expect(result).not_to_contain_text("Nguyễn")
    expect(result).not_to_contain_text("0912")

    # Typed by hand, in lower case and with spaces around: the phone sends the code as printed.
    page.get_by_label("Mã hồ sơ").fill(f"  {code.lower()} ")
    with page.expect_request(lambda r: r.url.endswith("/api/tracking")) as sent:
        page.get_by_role("button", name="Tra cứu").click()
    assert sent.value.post_data_json["code"] == code
    expect(result).to_have_attribute("data-status", "received")
    expect(result).to_contain_text(code)


def test_background_sync_sends_the_outbox_after_the_app_is_closed(
    page: Page, context: BrowserContext, server: AppServer
) -> None:
    open_app(page, server.url, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    cdp = context.new_cdp_session(page)
    registrations: dict[str, str] = {}
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.update({r["scopeURL"]: r["registrationId"] for r in event["registrations"]}),
    )
    cdp.send("ServiceWorker.enable")
    context.set_offline(True)
    begin_birth_registration(page)
    complete_birth_registration(page, {BIRTH_CERTIFICATE: small_photo((180, 170, 150))})
    submit(page)
    expect(page.get_by_test_id("outbox-entry")).to_have_attribute("data-state", "waiting")
    registration = registrations[f"{server.url}/"]

    # The citizen leaves the app; the connection comes back; the browser fires the sync event.
    page.goto("about:blank")
    context.set_offline(False)
    cdp.send(
        "ServiceWorker.dispatchSyncEvent",
        {"origin": server.url, "registrationId": registration, "tag": "motcua-outbox", "lastChance": False},
    )
    for _ in range(300):
        if server_dossiers(server.data_dir):
            break
        page.wait_for_timeout(50)
    [dossier] = server_dossiers(server.data_dir)
    assert len(dossier["attachments"]) == 1

    page.goto(f"{server.url}/#/da-nop")
    expect(page.get_by_test_id("dossier-item")).to_have_attribute("data-code", dossier["code"])
    expect(page.get_by_test_id("outbox-entry")).to_have_count(0)
    assert records(page, "outbox") == [] and records(page, "drafts") == []

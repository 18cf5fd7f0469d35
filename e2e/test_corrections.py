"""A dossier sent back for corrections: the phone shows exactly the items asked for, the citizen fixes
them offline (kept through a reload), and back online the correction goes once into the same dossier."""

from __future__ import annotations

import hashlib

from conftest import AppServer
from pages import (
    BIRTH_CERTIFICATE,
    BIRTH_REGISTRATION,
    add_photo,
    open_app,
    records,
    send_birth_registration,
    server_dossier,
    server_dossiers,
    small_photo,
    wait_until,
)
from playwright.sync_api import BrowserContext, Page, Request, expect
from staff import staff_api

NEW_NAME = "Nguyễn Minh Khanh"
# Mẫu 02 as an officer fills it: the child's name and the birth certificate's photo, a note each.
ASKED = [
    {"kind": "field", "path": "child.full_name", "note": "Tên viết sai dấu"},
    {"kind": "document", "slot": BIRTH_CERTIFICATE, "note": "Ảnh bị mờ, chụp lại"},
]


def _submitted(page: Page, server: AppServer) -> str:
    open_app(page, server.url, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    return send_birth_registration(page, server.url, server.data_dir)


def test_a_dossier_sent_back_is_corrected_offline_and_resubmitted_once(
    page: Page, context: BrowserContext, server: AppServer
) -> None:
    code = _submitted(page, server)
    with staff_api(server) as officer:
        officer.ask_for_corrections(code, ASKED)
    page.goto(f"{server.url}/#/da-nop/{code}")
    request = page.get_by_test_id("correction-request")
    expect(request).to_contain_text("Cần bổ sung", timeout=15_000)
    expect(request).to_contain_text("Cán bộ yêu cầu sửa/bổ sung những mục sau")
    items = request.get_by_test_id("requested-item")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("Tên viết sai dấu")
    expect(items.nth(1)).to_contain_text("Ảnh bị mờ, chụp lại")

    context.set_offline(True)
    request.get_by_test_id("edit-correction").click()
    expect(page.get_by_test_id("correction-item")).to_have_count(2)  # exactly the two items, nothing else
    name = page.get_by_label("Họ, chữ đệm và tên", exact=True)
    expect(name).to_have_value("Nguyễn Minh Khang")
    name.fill(NEW_NAME)
    new_photo = small_photo((40, 90, 200))
    add_photo(page, BIRTH_CERTIFICATE, new_photo)
    page.reload()  # offline: the service worker serves the app, IndexedDB holds the correction
    expect(page.get_by_label("Họ, chữ đệm và tên", exact=True)).to_have_value(NEW_NAME)
    expect(page.locator(".photo-slot").get_by_role("img")).to_be_visible()

    [photo] = records(page, "photos")
    retaken = hashlib.sha256(bytes(photo["blob"])).hexdigest()  # as the phone keeps it (compressed)
    original = server_dossier(server.data_dir, code)["attachments"][0]["sha256"]
    assert retaken != original
    posts: list[Request] = []
    page.on("request", lambda r: posts.append(r) if r.url.endswith("/api/dossiers/corrections") else None)
    page.get_by_test_id("send-correction").click()
    expect(page.get_by_test_id("correction-request")).to_be_visible()  # back on the dossier, still to send
    assert wait_until(lambda: [e.get("kind") for e in records(page, "outbox")] == ["correction"])
    page.reload()
    assert [e.get("kind") for e in records(page, "outbox")] == ["correction"]
    assert server_dossier(server.data_dir, code)["status"] == "supplement_requested"

    context.set_offline(False)
    row = wait_until(lambda: (r := server_dossier(server.data_dir, code))["status"] == "submitted" and r, timeout=30)
    assert row, server_dossier(server.data_dir, code)
    assert row["version"] == 3  # 1 submitted, 2 sent back, 3 corrected
    assert row["answers"]["child"]["full_name"] == NEW_NAME
    assert [(a["slot"], a["sha256"]) for a in row["attachments"]] == [(BIRTH_CERTIFICATE, retaken)]
    assert row["correction_request"] is None
    assert wait_until(lambda: records(page, "outbox") == [] and records(page, "drafts") == [])
    assert len(posts) == 1
    assert len(server_dossiers(server.data_dir)) == 1

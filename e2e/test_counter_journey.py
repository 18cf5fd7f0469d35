"""The counter's journey end to end, a citizen's phone and an officer's desktop on one real server: a dossier
sent offline is checked within its 8 working hours, sent back for one field and one photo, fixed offline and
resent once into itself, then accepted; the phone ends with the receipt and its appointment date."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, AppServer, serving
from pages import (
    BIRTH_CERTIFICATE,
    BIRTH_REGISTRATION,
    add_photo,
    begin_birth_registration,
    complete_birth_registration,
    open_app,
    records,
    server_dossier,
    server_dossiers,
    small_photo,
    submit,
    wait_until,
)
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect
from staff import officer_at_the_counter, open_queue, row_of, tick_the_name_and_the_photo

# The server's clock stands still on Friday 4 December 2026 at 10:20 in Vietnam, so every deadline can be
# worked out by hand. The demo counters open 07:30-12:00 and 13:30-17:00, Monday to Friday.
FRIDAY_10_20 = "2026-12-04T10:20:00+07:00"
# 8 working hours (480 min) from Friday 10:20: 100 min to lunch, 210 min in the afternoon (310); Saturday and
# Sunday do not count; Monday from 07:30, the 170 minutes left end at 10:20.
CHECK_DUE = "hạn 07/12/2026 10:20"
# A birth registration is settled within the day of receipt: accepted on Friday at 10:20, due that Friday.
APPOINTMENT = "04/12/2026"
NEW_NAME = "Nguyễn Minh Khanh"  # the child's name as the citizen corrects it


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    """This journey's own server, whose clock stands still on FRIDAY_10_20."""
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=FRIDAY_10_20) as running:
        yield running


def citizen_submits_offline(page: Page, context: BrowserContext, server: AppServer) -> str:
    """With the app installed, the citizen loses the signal, fills a birth registration and taps "Nộp hồ sơ":
    the dossier waits in the outbox and goes, once, as soon as the signal is back. Returns its code."""
    open_app(page, server.url, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    context.set_offline(True)
    begin_birth_registration(page)
    complete_birth_registration(page, {BIRTH_CERTIFICATE: small_photo((200, 180, 160))})
    submit(page)
    expect(page.get_by_test_id("outbox-entry")).to_have_attribute("data-state", "waiting")
    assert server_dossiers(server.data_dir) == []

    context.set_offline(False)
    item = page.get_by_test_id("dossier-item")
    expect(item).to_have_attribute("data-status", "submitted", timeout=30_000)
    [dossier] = server_dossiers(server.data_dir)
    expect(item).to_have_attribute("data-code", dossier["code"])
    return str(dossier["code"])


def officer_sees_it_to_check(staff: Page, code: str) -> None:
    """The queue opens on "Cần kiểm tra": the dossier is there with its whole 8-hour clock and its deadline."""
    open_queue(staff)
    to_check = staff.get_by_role("button", name=re.compile("^Cần kiểm tra"))
    expect(to_check).to_have_attribute("aria-pressed", "true")
    expect(to_check.locator(".count")).to_have_text("1")
    row = row_of(staff, code)
    expect(row).to_contain_text("Nguyễn Văn An")
    expect(row.get_by_test_id("clock")).to_have_text("còn 8 giờ")  # the clock stands still: nothing used yet
    expect(row.get_by_test_id("check-due")).to_have_text(CHECK_DUE)


def officer_asks_for_the_name_and_the_photo(staff: Page, code: str) -> None:
    """Mẫu 02 from the dossier's page: the child's name and the birth certificate's photo, a note each."""
    row_of(staff, code).get_by_role("link", name=code).click()
    expect(staff.get_by_role("heading", level=1)).to_contain_text(code)
    staff.get_by_role("button", name="Yêu cầu bổ sung").click()
    tick_the_name_and_the_photo(staff)
    staff.get_by_role("button", name="Xác nhận").click()
    paper = staff.get_by_test_id("paper")
    expect(paper).to_contain_text("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
    expect(paper).to_contain_text("Họ, chữ đệm và tên: Tên viết sai dấu")
    expect(paper).to_contain_text("Ảnh bị mờ, chụp lại")


def phone_shows_exactly_the_two_items(page: Page, server: AppServer, code: str) -> None:
    """The citizen opens the dossier: the request lists the two items; "Sửa hồ sơ" opens a page that asks for
    the name and the photo alone, no other answer of the form."""
    page.goto(f"{server.url}/#/da-nop/{code}")
    request = page.get_by_test_id("correction-request")
    expect(request).to_contain_text("Cần bổ sung", timeout=15_000)
    items = request.get_by_test_id("requested-item")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("Họ, chữ đệm và tên — Tên viết sai dấu")
    expect(items.nth(1)).to_contain_text("Giấy chứng sinh")
    expect(items.nth(1)).to_contain_text("Ảnh bị mờ, chụp lại")

    request.get_by_test_id("edit-correction").click()
    corrections = page.get_by_test_id("correction-item")
    expect(corrections).to_have_count(2)
    expect(corrections.nth(0).get_by_label("Họ, chữ đệm và tên", exact=True)).to_have_value("Nguyễn Minh Khang")
    expect(corrections.nth(1).locator(".photo-slot")).to_have_count(1)
    correction_page = page.locator("section", has=page.get_by_test_id("send-correction"))
    answers = correction_page.locator("input:not([type=file]), select, textarea")
    expect(answers).to_have_count(1)  # the name; not one other answer of the form


def citizen_fixes_them_offline_and_resends(page: Page, context: BrowserContext, server: AppServer, code: str) -> None:
    """Offline, on that page, the citizen corrects the name and retakes the photo; back online the correction goes once,
    into the same dossier: one dossier on the server, its version moved once, the new answer and photo kept."""
    before = server_dossier(server.data_dir, code)
    assert (before["status"], before["version"]) == ("supplement_requested", 2)  # 1 submitted, 2 sent back
    context.set_offline(True)
    page.get_by_label("Họ, chữ đệm và tên", exact=True).fill(NEW_NAME)
    add_photo(page, BIRTH_CERTIFICATE, small_photo((40, 90, 200)))
    [photo] = records(page, "photos")
    retaken = hashlib.sha256(bytes(photo["blob"])).hexdigest()  # as the phone keeps it (compressed)
    assert retaken != before["attachments"][0]["sha256"]
    sent: list[Request] = []
    page.on("request", lambda r: sent.append(r) if r.url.endswith("/api/dossiers/corrections") else None)
    page.get_by_test_id("send-correction").click()
    expect(page.get_by_test_id("correction-request")).to_be_visible()  # back on the dossier, waiting to go
    assert wait_until(lambda: [e.get("kind") for e in records(page, "outbox")] == ["correction"])

    context.set_offline(False)
    after = wait_until(lambda: (d := server_dossier(server.data_dir, code))["status"] == "submitted" and d, 30)
    assert after, server_dossier(server.data_dir, code)
    assert after["version"] == 3
    assert after["answers"]["child"]["full_name"] == NEW_NAME
    assert [(a["slot"], a["sha256"]) for a in after["attachments"]] == [(BIRTH_CERTIFICATE, retaken)]
    assert wait_until(lambda: records(page, "outbox") == [] and records(page, "drafts") == [])
    assert len(sent) == 1
    assert len(server_dossiers(server.data_dir)) == 1


def officer_accepts(staff: Page, code: str) -> None:
    """Back under "Cần kiểm tra" (its clock started again on resubmission), the officer accepts: Mẫu 01."""
    officer_sees_it_to_check(staff, code)
    row_of(staff, code).get_by_role("link", name=code).click()
    staff.get_by_role("button", name="Tiếp nhận").click()
    staff.get_by_role("button", name="Xác nhận").click()
    paper = staff.get_by_test_id("paper")
    expect(paper).to_contain_text("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    expect(paper).to_contain_text(code)
    expect(paper).to_contain_text(f"Ngày hẹn trả kết quả:{APPOINTMENT}")


def phone_shows_the_receipt(page: Page, code: str) -> None:
    """The citizen opens the app again: the dossier's page holds the receipt, with the code and the date."""
    page.reload()
    receipt = page.get_by_test_id("receipt")
    expect(receipt).to_be_visible(timeout=15_000)
    expect(receipt).to_contain_text(code)
    expect(receipt).to_contain_text("4. Thời gian nhận hồ sơ: 10 giờ 20 phút, ngày 04 tháng 12 năm 2026")
    expect(receipt).to_contain_text("5. Thời gian trả kết quả giải quyết hồ sơ: ngày 04 tháng 12 năm 2026")


def test_a_dossier_sent_offline_is_sent_back_fixed_offline_and_accepted_with_its_receipt(
    page: Page, context: BrowserContext, browser: Browser, server: AppServer
) -> None:
    code = citizen_submits_offline(page, context, server)
    with officer_at_the_counter(browser, server) as staff:
        officer_sees_it_to_check(staff, code)
        officer_asks_for_the_name_and_the_photo(staff, code)
        phone_shows_exactly_the_two_items(page, server, code)
        citizen_fixes_them_offline_and_resends(page, context, server, code)
        officer_accepts(staff, code)
    phone_shows_the_receipt(page, code)

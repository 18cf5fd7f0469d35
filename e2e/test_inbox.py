"""The inbox: on a browser that cannot receive Web Push (no PushManager, as in a chat app's browser), the
app says how notices reach the citizen instead, and every notice arrives in the inbox the next time the app
syncs, readable offline, counted unread in the navigation until opened."""

from __future__ import annotations

from conftest import AppServer
from pages import BIRTH_CERTIFICATE, open_app, records, send_birth_registration, wait_until
from playwright.sync_api import BrowserContext, Page, expect
from staff import staff_api

ASKED = [
    {"kind": "field", "path": "child.full_name", "note": "Tên viết sai dấu"},
    {"kind": "document", "slot": BIRTH_CERTIFICATE, "note": "Ảnh bị mờ, chụp lại"},
]


def test_without_push_a_notice_reaches_the_inbox_reads_offline_and_is_read_once_opened(
    page: Page, context: BrowserContext, server: AppServer
) -> None:
    url = server.url
    page.add_init_script("delete window.PushManager;")
    open_app(page, url)
    code = send_birth_registration(page, url, server.data_dir)
    offer = page.get_by_test_id("notice-offer")
    expect(offer).to_contain_text("Trình duyệt này không nhận được thông báo")
    expect(offer).to_contain_text("mục “Thông báo” mỗi khi bạn mở ứng dụng có mạng")
    expect(offer.get_by_role("button", name="Có, nhận thông báo")).to_have_count(0)

    with staff_api(server) as officer:
        officer.ask_for_corrections(code, ASKED)
    nav = page.get_by_test_id("nav-inbox")
    page.reload()  # the app opens again: it syncs, the notice comes in
    expect(nav).to_contain_text("1 thông báo chưa đọc")

    context.set_offline(True)
    page.reload()
    nav.click()
    expect(page.get_by_text("Không có mạng: đây là các thông báo đã lưu trên máy.")).to_be_visible()
    notice = page.get_by_test_id("notice")
    expect(notice).to_have_count(1)
    expect(notice).to_have_attribute("data-read", "no")
    expect(notice).to_contain_text("Hồ sơ cần bổ sung")
    expect(notice).to_contain_text("Đăng ký khai sinh cho Nguyễn Minh Khang: cần bổ sung, sửa lại: Họ, chữ đệm và tên")
    expect(notice).to_contain_text(code)

    notice.get_by_role("link", name="Hồ sơ cần bổ sung").click()
    expect(page).to_have_url(f"{url}/#/da-nop/{code}/sua")
    expect(page.get_by_test_id("correction-item")).to_have_count(2)  # the items asked for, offline
    expect(nav).not_to_contain_text("chưa đọc")
    assert wait_until(lambda: [n["read"] for n in records(page, "notices")] == [1])

    page.reload()  # still offline: the read notice stays read, and stays
    nav.click()
    expect(page.get_by_test_id("notice")).to_have_attribute("data-read", "yes")
    expect(nav).not_to_contain_text("chưa đọc")


def test_the_inbox_offers_notices_only_on_a_phone_that_sent_a_dossier(page: Page, server: AppServer) -> None:
    url = server.url
    open_app(page, url, "/#/thong-bao")
    # The server answered (the inbox is up to date): the page has had every answer it waits for.
    expect(page.locator(".inbox [role=status]")).to_contain_text("Cập nhật lúc")
    expect(page.get_by_text("Chưa có thông báo nào.")).to_be_visible()
    expect(page.get_by_test_id("notice-offer")).to_have_count(0)

    send_birth_registration(page, url, server.data_dir)
    page.goto(f"{url}/#/thong-bao")
    expect(page.get_by_test_id("notice-offer")).to_be_visible()

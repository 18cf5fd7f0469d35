"""A citizen who visited once with a connection keeps using the app with none: the catalogue, search
and procedure pages work offline, and the network state is always shown."""

from __future__ import annotations

import re

from pages import idb_all, open_app
from playwright.sync_api import BrowserContext, Page, expect


def test_after_one_online_visit_the_app_reloads_offline(page: Page, context: BrowserContext, live_server: str) -> None:
    open_app(page, live_server)
    context.set_offline(True)
    page.reload()
    expect(page.get_by_text("Không có mạng", exact=True)).to_be_visible()
    expect(page.get_by_text("Đăng ký khai sinh", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"Danh mục cập nhật lúc \d\d:\d\d \d\d/\d\d/\d{4}"))).to_be_visible()


def test_the_catalogue_is_kept_in_indexeddb(page: Page, live_server: str) -> None:
    open_app(page, live_server)
    stored = idb_all(page, "catalogue")
    assert len(stored) == 1
    assert stored[0]["etag"].startswith('"1-')
    assert len(stored[0]["snapshot"]["procedures"]) >= 10
    assert idb_all(page, "calendar")[0]["calendar"]["timezone"] == "Asia/Ho_Chi_Minh"


def test_search_without_diacritics_works_offline(page: Page, context: BrowserContext, live_server: str) -> None:
    open_app(page, live_server)
    context.set_offline(True)
    page.reload()
    for query in ("dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "khai sinh"):
        page.get_by_label("Tìm thủ tục").fill(query)
        expect(page.get_by_role("listitem").first).to_contain_text("Đăng ký khai sinh")
        expect(page.get_by_role("listitem").first).not_to_contain_text("Đăng ký lại")


def test_browse_by_field_offline(page: Page, context: BrowserContext, live_server: str) -> None:
    open_app(page, live_server)
    context.set_offline(True)
    page.get_by_label("Lĩnh vực").select_option(label="Chứng thực")
    items = page.get_by_role("listitem")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("Chứng thực")


def test_a_procedure_page_offline_shows_what_to_bring_and_the_expected_date(
    page: Page, context: BrowserContext, live_server: str
) -> None:
    open_app(page, live_server)
    context.set_offline(True)
    page.reload()
    page.get_by_label("Tìm thủ tục").fill("xac nhan tinh trang hon nhan")
    page.get_by_role("listitem").first.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Cấp Giấy xác nhận tình trạng hôn nhân")).to_be_visible()
    expect(page.get_by_text("Hồ sơ cần nộp")).to_be_visible()
    expect(page.get_by_text("Căn cứ pháp lý")).to_be_visible()
    expected = page.locator(".appointment")
    expect(expected).to_contain_text("ngày hẹn trả kết quả dự kiến")
    expect(expected.locator("strong")).to_have_text(
        re.compile(r"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d\d/\d\d/\d{4}$")
    )


def test_the_expected_date_on_the_phone_matches_the_server(page: Page, live_server: str) -> None:
    open_app(page, live_server)
    page.goto(f"{live_server}/#/thu-tuc/1.004873")
    shown = page.locator(".appointment strong").inner_text()
    answer = page.request.get(f"{live_server}/api/calendar/appointment?workingDays=3").json()
    day, month, year = shown.split(", ")[1].split("/")
    assert f"{year}-{month}-{day}" == answer["appointmentDate"]


def test_network_state_follows_the_connection(page: Page, context: BrowserContext, live_server: str) -> None:
    open_app(page, live_server)
    expect(page.get_by_text("Đang có mạng", exact=True)).to_be_visible()
    context.set_offline(True)
    expect(page.get_by_text("Không có mạng", exact=True)).to_be_visible()
    context.set_offline(False)
    expect(page.get_by_text("Đang có mạng", exact=True)).to_be_visible()

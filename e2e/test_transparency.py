"""The public transparency page (#/cong-khai): anyone opens it from the footer, picks a period and reads the
province's results and each unit's at 360 px; once fetched, it reads offline, after a reload too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, AppServer, serving
from pages import idb_all, open_app
from playwright.sync_api import Browser, Page, expect
from staff import accepted_from_a_phone
from test_accessibility import _violations
from test_handling_journey import MONDAY_9_00, PHONE, SCREENSHOTS, the_clock_moves

THE_15TH = "2026-12-15T09:00:00+07:00"  # the month 15/11-14/12 has just ended


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=MONDAY_9_00) as running:
        yield running


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="vi-VN", bypass_csp=True)  # axe's script
    yield context.new_page()
    context.close()


def test_the_results_read_online_then_offline_after_a_reload(server: AppServer, phone: Page) -> None:
    page = phone
    # One dossier sent online to xã Thiên Lộc on Monday 7/12 and accepted; the month ends on the 14th.
    code = accepted_from_a_phone(server)["code"]
    the_clock_moves(server, THE_15TH)
    open_app(page, server.url)
    page.get_by_role("link", name="Kết quả giải quyết thủ tục").click()
    expect(page).to_have_url(f"{server.url}/#/cong-khai")
    expect(page.get_by_role("heading", name="Kết quả giải quyết thủ tục hành chính")).to_be_visible()
    expect(page.get_by_test_id("transparency-period")).to_have_text("Từ 15/11/2026 đến 14/12/2026")
    cards = page.get_by_test_id("transparency-unit")
    # The total, the province's own, then by name: Công an tỉnh, Sở Tư pháp, then the three communes.
    expect(cards.locator("h3")).to_have_text([
        "Toàn tỉnh", "Ủy ban nhân dân tỉnh Hà Tĩnh", "Công an tỉnh Hà Tĩnh", "Sở Tư pháp tỉnh Hà Tĩnh",
        "Ủy ban nhân dân xã Can Lộc", "Ủy ban nhân dân xã Thiên Lộc", "Ủy ban nhân dân xã Tùng Lộc",
    ])  # fmt: skip
    thien_loc = page.locator("[data-unit='H12.42']")
    expect(thien_loc).to_contain_text("Tiếp nhận1")
    expect(thien_loc).to_contain_text("trực tuyến 1 · trực tiếp, bưu chính 0 · kỳ trước chuyển sang 0")
    expect(thien_loc).to_contain_text("Đang giải quyết1")
    expect(thien_loc).to_contain_text("Tỷ lệ nộp trực tuyến100%")
    expect(thien_loc).to_contain_text("Tỷ lệ hài lòng—")
    expect(page.locator("[data-unit='total']")).to_contain_text("Tiếp nhận1")
    assert code not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    assert not _violations(page), _violations(page)
    page.get_by_role("heading", name="Kết quả giải quyết thủ tục hành chính").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "transparency-360.png"))

    page.get_by_label("Quý trước").check()
    expect(page.get_by_test_id("transparency-period")).to_have_text("Từ 15/09/2026 đến 14/12/2026")  # Q4 too
    expect(page.locator("[data-unit='H12.42']")).to_contain_text("Tiếp nhận1")
    assert sorted(s["choice"] for s in idb_all(page, "statistics")) == ["month", "quarter"]

    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="Kết quả giải quyết thủ tục hành chính")).to_be_visible()
    saved = "Không có mạng: đang xem số liệu đã lưu trên máy."
    expect(page.get_by_role("status").filter(has_text=saved)).to_be_visible()
    expect(page.locator(".transparency").get_by_text("Cập nhật lúc")).to_be_visible()
    expect(page.locator("[data-unit='H12.42']")).to_contain_text("Tiếp nhận1")
    page.get_by_label("Năm trước").check()  # never fetched: nothing to show, and why
    expect(page.get_by_role("status").filter(has_text="chưa có số liệu của kỳ này")).to_be_visible()
    page.get_by_label("Quý trước").check()
    expect(page.get_by_test_id("transparency-period")).to_have_text("Từ 15/09/2026 đến 14/12/2026")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="How administrative procedures were resolved")).to_be_visible()
    expect(page.get_by_text("No connection: showing the figures saved on this phone.")).to_be_visible()

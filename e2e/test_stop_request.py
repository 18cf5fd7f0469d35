"""A citizen asks, from the phone and without a connection, to stop handling their dossier (Decree 118/2025
Art 21): the request is kept through a reload, sent once when the connection is back, listed for the counter,
which confirms it with Mẫu 05; the phone then shows the dossier stopped."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, AppServer, serving
from pages import wait_until
from playwright.sync_api import Browser, Page, Request, expect
from staff import row_of
from test_accessibility import _violations
from test_handling_journey import (
    MONDAY_9_00,
    PHONE,
    open_dossier,
    phone_shows,
    sent_accepted_and_assigned,
    staff_page,
    step,
)

REASON = "Tôi đã làm được giấy này ở nơi khác"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=MONDAY_9_00) as running:
        yield running


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="vi-VN", bypass_csp=True)  # axe's script
    yield context.new_page()
    context.close()


def stop_requests_kept(running: AppServer) -> int:
    """The citizen's requests to stop the server holds, counted by their audit rows."""
    with sqlite3.connect(running.data_dir / "motcua.sqlite") as db:
        [(count,)] = db.execute("SELECT COUNT(*) FROM dossier_audit WHERE action = 'stop_request'").fetchall()
    return int(count)


def test_the_citizen_asks_to_stop_offline_and_the_counter_confirms_it(
    server: AppServer, browser: Browser, phone: Page
) -> None:
    page = phone
    code = sent_accepted_and_assigned(server, page)
    phone_shows(page, server, code, "Đang giải quyết")
    posts: list[Request] = []
    page.on("request", lambda r: posts.append(r) if r.url.endswith("/api/dossiers/stop-requests") else None)

    page.context.set_offline(True)
    page.get_by_test_id("ask-stop").click()
    dialog = page.get_by_test_id("stop-dialog")
    dialog.get_by_role("button", name="Tiếp tục").click()
    expect(dialog.get_by_role("alert")).to_have_text("Vui lòng ghi lý do xin dừng.")
    assert not _violations(page), _violations(page)
    dialog.get_by_label("Lý do xin dừng", exact=True).fill(REASON)
    dialog.get_by_role("button", name="Tiếp tục").click()
    expect(dialog).to_contain_text(f"Ông/bà chắc chắn muốn xin dừng giải quyết hồ sơ {code}?")
    dialog.get_by_role("button", name="Xin dừng", exact=True).click()
    state = page.get_by_test_id("stop-request")
    expect(state).to_contain_text("Đề nghị dừng giải quyết đang chờ gửi")
    expect(state).to_contain_text(REASON)
    page.reload()  # offline: the service worker serves the app, IndexedDB holds the request
    expect(page.get_by_test_id("stop-request")).to_contain_text("Đề nghị dừng giải quyết đang chờ gửi")
    assert stop_requests_kept(server) == 0 and posts == []

    page.context.set_offline(False)
    expect(state).to_contain_text("Đang chờ Bộ phận Một cửa xác nhận", timeout=30_000)
    assert stop_requests_kept(server) == 1
    page.reload()  # nothing left to send: no second request
    expect(page.get_by_test_id("stop-request")).to_contain_text("Đang chờ Bộ phận Một cửa xác nhận", timeout=15_000)
    assert wait_until(lambda: len(posts) == 1) and len(posts) == 1, [p.url for p in posts]

    officer = staff_page(browser, server, "lan.nt")
    officer.goto(f"{server.url}/staff/ho-so?list=stop_requested")
    expect(row_of(officer, code).get_by_test_id("stop-flag")).to_have_text("Công dân xin dừng")
    open_dossier(officer, server, code)
    expect(officer.get_by_test_id("stop-requested")).to_contain_text(REASON)
    step(officer, "Dừng giải quyết theo đề nghị (Mẫu 05)")  # the form opens with the citizen's reason, "Qua ứng dụng"
    paper = officer.get_by_test_id("paper")
    expect(paper).to_contain_text("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")
    expect(paper).to_contain_text(f"Lý do: {REASON}.")

    phone_shows(page, server, code, "Đã dừng giải quyết")
    expect(page.get_by_test_id("stop-request")).to_contain_text("Hồ sơ đã dừng giải quyết theo đề nghị của ông/bà")
    assert stop_requests_kept(server) == 1 and len(posts) == 1

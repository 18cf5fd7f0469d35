"""A citizen rates a returned dossier on the phone without a connection (Decree 118/2025 Art 29-34): the rating
is kept through a reload, sent once when the connection is back, and the commune's leader reads the satisfaction
rate it makes in Biểu 06 ("Thống kê"), worked out by hand with two ratings given at the counter before."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, AppServer, serving
from pages import wait_until
from playwright.sync_api import Browser, Locator, Page, Request, expect
from test_accessibility import _violations
from test_handling_journey import (
    MONDAY_9_00,
    PHONE,
    api_step,
    phone_sends,
    phone_shows,
    sent_accepted_and_assigned,
    staff_page,
)

SCREENSHOTS = ROOT / "e2e" / "screenshots"
VN = dt.timezone(dt.timedelta(hours=7))
COMMENT = "Cán bộ hướng dẫn tận tình"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=MONDAY_9_00) as running:
        yield running


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="vi-VN", bypass_csp=True)  # axe's script
    yield context.new_page()
    context.close()


def _db(running: AppServer) -> sqlite3.Connection:
    return sqlite3.connect(running.data_dir / "motcua.sqlite")


def _stored(instant: dt.datetime) -> str:
    """As Piccolo stores a time on SQLite: UTC, as text."""
    return str(instant.astimezone(dt.UTC))


def rated_at_the_counter(running: AppServer, n: int, level: str) -> None:
    """A dossier of xã Can Lộc received on 1/12/2026, resolved and returned on 3/12, rated at the counter's tablet
    on 4/12 (all within the month 15/11-14/12/2026)."""
    code = f"H12.41.01-261201-{n:04d}"
    received, returned = dt.datetime(2026, 12, 1, 9, tzinfo=VN), dt.datetime(2026, 12, 3, 10, tzinfo=VN)
    with _db(running) as db:
        db.execute(
            "INSERT INTO dossier (code, submission_id, fingerprint, procedure_code, procedure_version, agency_code, "
            "receiving_unit_code, competent_agency_code, channel, status, submitted_at, received_at, appointment_date, "
            "access_token_hash, result_at, result_kind, returned_at) VALUES (?, ?, ?, '1.004873', 1, 'H12.41.01', "
            "'H12.41.01', 'H12.41', 'in_person', 'returned', ?, ?, '2026-12-04', ?, ?, 'granted', ?)",
            (code, str(uuid.uuid4()), "0" * 64, _stored(received), _stored(received),
             hashlib.sha256(code.encode()).hexdigest(), _stored(returned), _stored(returned)),
        )  # fmt: skip
        db.execute(
            "INSERT INTO rating (rating_id, dossier, receiving_unit_code, competent_agency_code, procedure_code, "
            "channel, level, comment, rated_at) SELECT ?, id, 'H12.41.01', 'H12.41', '1.004873', 'kiosk', ?, '', ? "
            "FROM dossier WHERE code = ?",
            (str(uuid.uuid4()), level, _stored(dt.datetime(2026, 12, 4, 10, tzinfo=VN)), code),
        )


def ratings_kept(running: AppServer) -> list[tuple[object, ...]]:
    with _db(running) as db:
        return db.execute(
            "SELECT r.channel, r.level, r.timeliness, r.visits, r.attitude, r.extra_cost, r.comment, s.username "
            "FROM rating r JOIN dossier d ON d.id = r.dossier LEFT JOIN staff s ON s.id = r.officer "
            "WHERE r.channel = 'app'"
        ).fetchall()


def choose(card: Locator, question: str, answer: str) -> None:
    card.get_by_test_id(f"rating-{question}").get_by_text(answer, exact=True).click()


def test_a_returned_dossier_is_rated_offline_and_counted_in_the_statistics(
    server: AppServer, browser: Browser, phone: Page
) -> None:
    page = phone
    code = sent_accepted_and_assigned(server, page)
    api_step(server, "minh.pv", code, "submit-for-approval", {"outcome": "granted", "text": "Đủ điều kiện"})
    api_step(server, "hoa.lt", code, "approve", {})
    api_step(server, "minh.pv", code, "result", {"note": "Giấy xác nhận đã ký"})
    api_step(server, "lan.nt", code, "ready", {})
    api_step(server, "lan.nt", code, "return", {"method": "counter"})
    phone_shows(page, server, code, "Đã trả kết quả")
    card = page.get_by_test_id("rating-card")
    expect(card).to_be_visible()
    # "Để sau" puts it off until the page is opened again.
    card.get_by_role("button", name="Để sau").click()
    expect(card).to_be_hidden()
    page.reload()
    expect(card).to_be_visible(timeout=15_000)
    posts: list[Request] = []
    page.on("request", lambda r: posts.append(r) if r.url.endswith("/api/dossiers/ratings") else None)

    page.context.set_offline(True)
    card.get_by_role("button", name="Gửi đánh giá").click()
    expect(card.get_by_role("alert")).to_have_text("Vui lòng chọn mức độ hài lòng.")
    choose(card, "level", "Hài lòng")
    expect(card.get_by_role("alert")).to_have_count(0)
    choose(card, "timeliness", "Sớm hơn")
    choose(card, "visits", "0")
    choose(card, "attitude", "Tận tình")
    choose(card, "extra-cost", "Không")
    card.get_by_label("Góp ý thêm (không bắt buộc)").fill(COMMENT)
    assert not _violations(page), _violations(page)
    box = card.bounding_box()
    assert box is not None and box["height"] <= PHONE["height"], box  # every question on one screen
    card.screenshot(path=str(SCREENSHOTS / "phone-rating-card-360.png"))
    card.get_by_role("button", name="Gửi đánh giá").click()
    state = page.get_by_test_id("rating-state")
    expect(state).to_contain_text("Đánh giá của ông/bà đang chờ gửi")
    page.reload()  # offline: the service worker serves the app, IndexedDB holds the rating
    expect(page.get_by_test_id("rating-state")).to_contain_text("đang chờ gửi")
    expect(page.get_by_test_id("rating-card")).to_have_count(0)
    assert ratings_kept(server) == [] and posts == []

    page.context.set_offline(False)
    expect(state).to_contain_text("Ông/bà đã gửi đánh giá", timeout=30_000)
    # The officer who handed the result back is named (lan.nt, the counter's).
    assert ratings_kept(server) == [("app", "satisfied", "earlier", 0, "good", 0, COMMENT, "lan.nt")]
    page.reload()  # nothing left to send: no second request, and the card does not come back
    expect(page.get_by_test_id("rating-state")).to_contain_text("Ông/bà đã gửi đánh giá", timeout=15_000)
    expect(page.get_by_test_id("rating-card")).to_have_count(0)
    assert wait_until(lambda: len(posts) == 1) and len(posts) == 1, [p.url for p in posts]

    # Two more of the commune's dossiers rated at the counter in the month: very satisfied, not satisfied. With the
    # phone's "satisfied", 2 satisfied of 3 ratings: 66.7 %.
    rated_at_the_counter(server, 1, "very_satisfied")
    rated_at_the_counter(server, 2, "unsatisfied")
    leader = staff_page(browser, server, "hoa.lt")
    leader.get_by_role("navigation", name=re.compile(".")).get_by_role("link", name="Thống kê", exact=True).click()
    leader.get_by_label("Kỳ báo cáo").select_option(label="Tháng")
    leader.get_by_label("Kỳ", exact=True).select_option(label="Tháng 12")
    leader.get_by_label("Năm").fill("2026")
    leader.get_by_role("button", name="Xem báo cáo").click()
    expect(leader.get_by_test_id("stats-period")).to_have_text("Kỳ báo cáo: từ ngày 15/11/2026 đến ngày 14/12/2026")
    total = leader.get_by_test_id("bieu-06").locator("tbody tr").first
    expect(total.locator('[data-col="resolved"]')).to_have_text("3")
    expect(total.locator('[data-col="satisfactionRate"]')).to_have_text("66.7")


def test_a_dossier_rated_at_the_counter_is_not_rated_twice_from_the_phone(server: AppServer, phone: Page) -> None:
    page = phone
    code = phone_sends(server, page)
    # Handed back and rated at the counter's tablet meanwhile (the handling itself is the journey's test).
    with _db(server) as db:
        db.execute("UPDATE dossier SET status = 'returned', received_at = submitted_at WHERE code = ?", (code,))
        db.execute(
            "INSERT INTO rating (rating_id, dossier, receiving_unit_code, competent_agency_code, procedure_code, "
            "channel, level, comment, rated_at) SELECT ?, id, receiving_unit_code, competent_agency_code, "
            "procedure_code, 'kiosk', 'very_satisfied', '', submitted_at FROM dossier WHERE code = ?",
            (str(uuid.uuid4()), code),
        )
    phone_shows(page, server, code, "Đã trả kết quả")
    card = page.get_by_test_id("rating-card")
    choose(card, "level", "Chưa hài lòng")
    card.get_by_role("button", name="Gửi đánh giá").click()
    state = page.get_by_test_id("rating-state")
    expect(state).to_contain_text("Ông/bà đã đánh giá tại quầy", timeout=30_000)
    expect(state).to_have_attribute("data-channel", "kiosk")
    with _db(server) as db:
        assert db.execute("SELECT channel, level FROM rating").fetchall() == [("kiosk", "very_satisfied")]

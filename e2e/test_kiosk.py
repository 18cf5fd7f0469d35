"""The counter's rating tablet (Decree 118/2025 Art 31) against the real server: the officer returns a dossier
at the counter and invites the citizen to rate it; the tablet (a second browser, signed in as the officer, in
kiosk mode) shows the dossier's code and procedure only, the citizen taps a level and sends; the rating is kept
with channel kiosk for that officer and counted in Biểu 06; the tablet thanks them and waits again."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import ROOT, AppServer, serving
from playwright.sync_api import Browser, Page, expect
from staff import DESKTOP, PASSWORD, create_officer, sign_in
from test_accessibility import _violations

sys.path.insert(0, str(ROOT))  # the factories live with the unit tests
from tests.factories import submission

SCREENSHOTS = ROOT / "e2e" / "screenshots"
TABLET = {"width": 1280, "height": 800}
MONDAY_9_00 = "2026-12-07T09:00:00+07:00"
MARITAL = "1.004873"
COMPETENT, CENTRE = "H12.42", "H12.42.01"  # xã Thiên Lộc decides; its centre receives and returns
WAITING = "Mời ông/bà đánh giá sau khi nhận kết quả"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=MONDAY_9_00) as running:
        yield running


def api_step(server: AppServer, username: str, code: str, step: str, body: dict[str, Any]) -> None:
    with httpx.Client(base_url=server.url) as client:
        signed = client.post("/api/staff/session", json={"username": username, "password": PASSWORD})
        assert signed.is_success, signed.text
        headers = {"X-CSRF-Token": signed.json()["csrfToken"]}
        version = client.get(f"/api/staff/dossiers/{code}").json()["version"]
        done = client.post(f"/api/staff/dossiers/{code}/{step}", json={"version": version, **body}, headers=headers)
        assert done.is_success, done.text


def ready_for_pickup(server: AppServer) -> str:
    """A marital-status dossier sent from a phone, received, decided and back at the counter (by the staff API,
    as the staff app does); returns its code."""
    sent = httpx.post(f"{server.url}/api/submissions", json=submission(MARITAL, COMPETENT))
    assert sent.status_code == 201, sent.text
    code = str(sent.json()["code"])
    create_officer(server, CENTRE)
    create_officer(server, COMPETENT, "hoa.lt", "Lê Thị Hòa", "leader")
    create_officer(server, COMPETENT, "minh.pv", "Phạm Văn Minh", "specialist")
    for username, step, body in (
        ("lan.nt", "accept", {}),
        ("hoa.lt", "assign", {"specialist": "minh.pv"}),
        ("minh.pv", "submit-for-approval", {"outcome": "granted", "text": "Đủ điều kiện cấp giấy xác nhận."}),
        ("hoa.lt", "approve", {}),
        ("minh.pv", "result", {"note": "Giấy xác nhận đã ký."}),
        ("lan.nt", "ready", {}),
    ):
        api_step(server, username, code, step, body)
    return code


def applicant_of(server: AppServer, code: str) -> tuple[str, str]:
    """The applicant's name and id number, as the officer's dossier page shows them."""
    with httpx.Client(base_url=server.url) as client:
        signed = client.post("/api/staff/session", json={"username": "lan.nt", "password": PASSWORD})
        assert signed.is_success, signed.text
        dossier = client.get(f"/api/staff/dossiers/{code}").json()
    return str(dossier["applicantName"]), str(dossier["idNumber"])


def staff_page(browser: Browser, server: AppServer, viewport: dict[str, int]) -> Page:
    page = browser.new_context(viewport=viewport, locale="vi-VN", bypass_csp=True).new_page()  # axe's script
    sign_in(page, server.url, "lan.nt")
    return page


def kept_ratings(server: AppServer) -> list[tuple[str, str, str]]:
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        rows = db.execute(
            "SELECT r.channel, r.level, s.username FROM rating r LEFT JOIN staff s ON s.id = r.officer"
        ).fetchall()
    return [tuple(row) for row in rows]


def rated_in_bieu_06(server: AppServer) -> tuple[int, int]:
    """The unit's total line of Biểu 06 for December's first half, as its leader reads it."""
    with httpx.Client(base_url=server.url) as client:
        signed = client.post("/api/staff/session", json={"username": "hoa.lt", "password": PASSWORD})
        assert signed.is_success, signed.text
        report = client.get("/api/staff/statistics/bieu-06?from=2026-12-01&to=2026-12-14")
        assert report.is_success, report.text
    total = report.json()["rows"][0]["figures"]
    return int(total["rated"]), int(total["ratedSatisfied"])


def test_the_citizen_rates_at_the_counter_tablet_right_after_the_return(server: AppServer, browser: Browser) -> None:
    code = ready_for_pickup(server)
    tablet = staff_page(browser, server, TABLET)
    tablet.goto(f"{server.url}/staff/danh-gia")
    expect(tablet.get_by_role("heading", level=1)).to_have_text(WAITING)
    expect(tablet.get_by_role("navigation")).to_have_count(0)  # no staff navigation in kiosk mode
    expect(tablet.get_by_test_id("who")).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tablet.screenshot(path=str(SCREENSHOTS / "kiosk-waiting.png"))

    officer = staff_page(browser, server, DESKTOP)
    officer.goto(f"{server.url}/staff/ho-so/{code}")
    officer.get_by_test_id("steps").get_by_role("button", name="Trả kết quả").click()
    form = officer.get_by_role("form", name="Trả kết quả")
    form.get_by_label("Tại quầy (trả bản chính)", exact=True).check()
    form.get_by_role("button", name="Xác nhận").click()
    expect(officer.get_by_test_id("notice")).to_have_text("Đã ghi nhận.")
    invitation = officer.get_by_test_id("rating-invitation")
    invitation.get_by_role("button", name="Mời công dân đánh giá").click()
    expect(invitation.get_by_role("status")).to_contain_text("Đã mời.")

    rating = tablet.get_by_test_id("kiosk-form")
    expect(rating).to_contain_text(f"Hồ sơ {code}", timeout=10_000)  # picked up by the tablet's poll
    expect(rating).to_contain_text("Cấp Giấy xác nhận tình trạng hôn nhân")
    name, id_number = applicant_of(server, code)
    assert name and id_number
    for personal in (name, id_number):  # nothing personal on the screen the next citizen may see
        expect(tablet.locator("body")).not_to_contain_text(personal)
    tablet.get_by_test_id("kiosk-send").click()
    expect(tablet.get_by_role("alert")).to_have_text("Vui lòng chọn mức độ hài lòng.")
    tablet.get_by_test_id("kiosk-level").get_by_text("Hài lòng", exact=True).click()
    tablet.get_by_test_id("kiosk-timeliness").get_by_text("Đúng hẹn", exact=True).click()
    assert not _violations(tablet), _violations(tablet)
    tablet.screenshot(path=str(SCREENSHOTS / "kiosk-rating.png"))
    tablet.get_by_role("button", name="English").click()  # this citizen's choice, the answers kept
    expect(tablet.get_by_test_id("kiosk-level").locator("legend")).to_have_text("How satisfied are you?")
    tablet.get_by_test_id("kiosk-send").click()
    expect(tablet.get_by_test_id("kiosk-done")).to_contain_text("Thank you for your rating!")
    tablet.screenshot(path=str(SCREENSHOTS / "kiosk-thanks.png"))
    assert kept_ratings(server) == [("kiosk", "satisfied", "lan.nt")]
    assert rated_in_bieu_06(server) == (1, 1)
    # Back to waiting for the next citizen, in the tablet's own language again.
    expect(tablet.get_by_role("heading", level=1)).to_have_text(WAITING, timeout=10_000)

    invitation.get_by_role("button", name="Mời công dân đánh giá").click()  # a second invitation is refused
    expect(invitation.get_by_role("alert")).to_have_text("Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.")

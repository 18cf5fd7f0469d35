"""A commune's leader opens "Thống kê" in the staff app: the page's code arrives only then; Biểu 06 of Q1 2024
shows the figures worked out by hand from three dossiers, downloads as CSV with a BOM and prints on A4
landscape without the app's header and the picker."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import uuid
from pathlib import Path

from conftest import ROOT, AppServer
from playwright.sync_api import Browser, expect
from staff import DESKTOP, create_officer, sign_in
from test_accessibility import _violations

VN = dt.timezone(dt.timedelta(hours=7))
SCREENSHOTS = ROOT / "e2e" / "screenshots"


def _stored(instant: dt.datetime | None) -> str | None:
    """As Piccolo stores a time on SQLite: UTC, as text."""
    return None if instant is None else str(instant.astimezone(dt.UTC))


def _dossier(db: sqlite3.Connection, n: int, channel: str, due: str, result: dt.datetime | None) -> None:
    code = f"H12.41.01-240110-{n:04d}"
    received = dt.datetime(2024, 1, 10, 9, tzinfo=VN)
    db.execute(
        "INSERT INTO dossier (code, submission_id, fingerprint, procedure_code, procedure_version, agency_code, "
        "receiving_unit_code, competent_agency_code, channel, status, submitted_at, received_at, appointment_date, "
        "access_token_hash, result_at, result_kind) VALUES (?, ?, ?, '1.004873', 1, 'H12.41.01', 'H12.41.01', "
        "'H12.41', ?, ?, ?, ?, ?, ?, ?, ?)",
        (code, str(uuid.uuid4()), "0" * 64, channel, "returned" if result else "in_progress", _stored(received),
         _stored(received), due, hashlib.sha256(code.encode()).hexdigest(), _stored(result),
         "granted" if result else ""),
    )  # fmt: skip


def test_a_leader_reads_prints_and_downloads_biu_06(server: AppServer, browser: Browser) -> None:
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        # Two resolved before their date 17/1 (one sent online), one still open on 14/3 past it: overdue.
        _dossier(db, 1, "online", "2024-01-17", dt.datetime(2024, 1, 15, 10, tzinfo=VN))
        _dossier(db, 2, "in_person", "2024-01-17", dt.datetime(2024, 1, 16, 10, tzinfo=VN))
        _dossier(db, 3, "in_person", "2024-01-17", None)
    create_officer(server, "H12.41", "lanh.dao", "Trần Văn Lãnh", role="leader")
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", accept_downloads=True, bypass_csp=True)
    page = context.new_page()
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    sign_in(page, server.url, "lanh.dao")
    assert not [s for s in scripts if "StatisticsPage" in s]  # not part of the staff app's first download
    page.get_by_role("navigation", name=re.compile(".")).get_by_role("link", name="Thống kê", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thống kê giải quyết thủ tục hành chính")
    assert [s for s in scripts if "StatisticsPage" in s]

    page.get_by_label("Kỳ báo cáo").select_option(label="Quý")
    page.get_by_label("Kỳ", exact=True).select_option(label="Quý 1")
    page.get_by_label("Năm").fill("2024")
    page.get_by_role("button", name="Xem báo cáo").click()
    expect(page.get_by_test_id("stats-period")).to_have_text("Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/03/2024")
    total = page.get_by_test_id("bieu-06").locator("tbody tr").first
    expect(total.get_by_role("rowheader")).to_have_text("Tổng cộng: Ủy ban nhân dân xã Can Lộc")
    figures = {
        "received": "3", "receivedOnline": "1", "receivedInPerson": "2", "carriedOver": "0", "resolved": "2",
        "resolvedEarly": "2", "resolvedLate": "0", "inProgress": "1", "inProgressOverdue": "1",
        "satisfactionRate": "—",
    }  # fmt: skip
    for column, value in figures.items():
        expect(total.locator(f'[data-col="{column}"]')).to_have_text(value)
    assert _violations(page) == []
    page.screenshot(path=str(SCREENSHOTS / "staff-statistics-1366.png"), full_page=True)

    with page.expect_download() as caught:
        page.get_by_role("link", name="Tải tệp CSV").click()
    download = caught.value
    assert download.suggested_filename == "bieu-06-H12.41-20231215-20240314.csv"
    body = Path(download.path()).read_bytes()
    assert body.startswith("\ufeff".encode()) and "Tổng cộng: Ủy ban nhân dân xã Can Lộc".encode() in body

    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name=re.compile("."))).to_be_hidden()
    expect(page.get_by_role("button", name="Xem báo cáo")).to_be_hidden()
    expect(page.get_by_test_id("bieu-06")).to_be_visible()
    pages = page.evaluate(
        "[...document.styleSheets].flatMap(s => [...s.cssRules]).filter(r => r.media)"
        ".flatMap(r => [...r.cssRules]).filter(r => r.constructor.name === 'CSSPageRule').map(r => r.style.size)"
    )
    assert "a4 landscape" in pages  # as the browser reads `size: A4 landscape`
    context.close()

"""The province's leader opens "Thống kê" for Q1 2024 by month: the charts draw (the drawing library arriving
only then) with one line per channel, the on-time and satisfied shares and the communes' bars; each chart's
numbers are in a table; every table downloads as CSV with a BOM and its Vietnamese header; the print view holds
the charts and tables within A4 landscape's width."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import uuid
from pathlib import Path

from conftest import AppServer
from playwright.sync_api import Browser, Page, expect
from staff import DESKTOP, create_officer, sign_in
from test_accessibility import AXE
from test_statistics import SCREENSHOTS, VN, _stored

A4_LANDSCAPE_PX = 1047  # 297 mm less the page's 2 x 10 mm margins, at 96 px an inch


def _dossier(db: sqlite3.Connection, unit: str, n: int, channel: str, result: dt.datetime | None) -> None:
    """Received 10/1/2024 at 09:00, due 17/1 (month 1 of the quarter: 15/12-14/1)."""
    code = f"{unit}.01-240110-{n:04d}"
    received = dt.datetime(2024, 1, 10, 9, tzinfo=VN)
    db.execute(
        "INSERT INTO dossier (code, submission_id, fingerprint, procedure_code, procedure_version, agency_code, "
        "receiving_unit_code, competent_agency_code, channel, status, submitted_at, received_at, appointment_date, "
        "access_token_hash, result_at, result_kind) VALUES (?, ?, ?, '1.004873', 1, ?, ?, ?, ?, ?, ?, ?, "
        "'2024-01-17', ?, ?, ?)",
        (code, str(uuid.uuid4()), "0" * 64, f"{unit}.01", f"{unit}.01", unit, channel,
         "returned" if result else "in_progress", _stored(received), _stored(received),
         hashlib.sha256(code.encode()).hexdigest(), _stored(result), "granted" if result else ""),
    )  # fmt: skip


def _violations(page: Page, url: str) -> list[str]:
    """axe's serious and critical findings, axe served from the app's own origin: the page keeps its strict CSP
    (script-src 'self'), under which the charts must draw."""
    page.route("**/axe-for-the-test.js", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page.add_script_tag(url=f"{url}/axe-for-the-test.js")
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']}" for v in results["violations"] if v["impact"] in ("serious", "critical")]


def test_the_charts_tables_csvs_and_print_view(server: AppServer, browser: Browser) -> None:
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        # Can Lộc: one online, one in person, resolved on 16/1 (month 2) before their date 17/1.
        _dossier(db, "H12.41", 1, "online", dt.datetime(2024, 1, 16, 10, tzinfo=VN))
        _dossier(db, "H12.41", 2, "in_person", dt.datetime(2024, 1, 16, 11, tzinfo=VN))
        # Thiên Lộc: by post, resolved late on 20/1; in person, still open.
        _dossier(db, "H12.42", 3, "postal", dt.datetime(2024, 1, 20, 10, tzinfo=VN))
        _dossier(db, "H12.42", 4, "in_person", None)
        # Rated on 25/1 (month 2): Can Lộc's satisfied, Thiên Lộc's not: 1 of 2.
        for n, unit, level in ((1, "H12.41", "satisfied"), (3, "H12.42", "unsatisfied")):
            db.execute(
                "INSERT INTO rating (rating_id, dossier, receiving_unit_code, competent_agency_code, procedure_code, "
                "channel, level, comment, rated_at) SELECT ?, id, ?, ?, '1.004873', 'app', ?, '', ? FROM dossier "
                "WHERE code = ?",
                (str(uuid.uuid4()), f"{unit}.01", unit, level, _stored(dt.datetime(2024, 1, 25, 10, tzinfo=VN)),
                 f"{unit}.01-240110-{n:04d}"),
            )  # fmt: skip
    create_officer(server, "H12", "lanh.dao.tinh", "Trần Văn Tỉnh", role="leader")
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    refused: list[str] = []  # what the strict CSP blocks (an inline style or script of the chart library)
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    sign_in(page, server.url, "lanh.dao.tinh")
    page.get_by_role("navigation", name=re.compile(".")).get_by_role("link", name="Thống kê", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thống kê giải quyết thủ tục hành chính")
    assert not [s for s in scripts if "/chart-" in s]  # the drawing library comes with the first chart only

    page.get_by_label("Kỳ báo cáo").select_option(label="Quý")
    page.get_by_label("Kỳ", exact=True).select_option(label="Quý 1")
    page.get_by_label("Năm").fill("2024")
    page.get_by_label("Biểu đồ theo").select_option("month")
    page.get_by_role("button", name="Xem báo cáo").click()

    lines = {"chart-received": "3", "chart-on-time": "1", "chart-satisfaction": "1", "chart-ranking": "1"}
    for chart, count in lines.items():
        figure = page.get_by_test_id(chart)
        expect(figure.locator(".stats-chart-box")).to_have_attribute("data-series", count)
        expect(figure.locator("canvas")).to_have_count(1)
        expect(figure.locator(".stats-legend li")).to_have_count(int(count))
    assert [s for s in scripts if "/chart-" in s]
    expect(page.get_by_role("figure", name="Hồ sơ tiếp nhận theo cách thức nộp")).to_be_visible()
    expect(page.get_by_test_id("chart-satisfaction")).not_to_contain_text("Chưa có lượt đánh giá")

    # The numbers behind the charts: month 1 received 1 online, 2 in person, 1 by post; month 2 resolved 2 in
    # time (16/1) and 1 late (20/1): 66.7 %, and 1 satisfied of 2 ratings: 50.0 %.
    rows = page.get_by_test_id("series").locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_have_text(re.compile(r"^15/12/2023 – 14/01/2024\s*1\s*2\s*1\s*0\s*0\s*—\s*0\s*0\s*—$"))
    expect(rows.nth(1)).to_have_text(
        re.compile(r"^15/01/2024 – 14/02/2024\s*0\s*0\s*0\s*2\s*1\s*66\.7\s*2\s*1\s*50\.0$")
    )
    ranking = page.get_by_test_id("ranking").locator("tbody tr")
    expect(ranking.first.get_by_role("rowheader")).to_have_text("Ủy ban nhân dân xã Can Lộc")
    assert _violations(page, server.url) == []
    assert refused == []
    page.screenshot(path=str(SCREENSHOTS / "staff-statistics-charts-1366.png"), full_page=True)

    headers = {
        "Số liệu theo thời gian": "Từ ngày,Đến ngày,Nhận mới: trực tuyến,",
        "Chỉ số theo Quyết định 766/QĐ-TTg": "Mã đơn vị,Đơn vị,Số hồ sơ nhận giải quyết,",
        "Xếp hạng các xã theo Quyết định 766/QĐ-TTg": "Hạng,Mã đơn vị,Xã,Điểm trung bình,",
    }
    for table, header in headers.items():
        with page.expect_download() as caught:
            page.get_by_role("link", name=f"Tải CSV: {table}").click()
        body = Path(caught.value.path()).read_bytes()
        assert body.startswith("\ufeff".encode()), table
        assert body.decode("utf-8-sig").startswith(header), table

    page.get_by_role("button", name="English").click()  # the charts' words follow the app's language
    received = page.get_by_role("figure", name="Dossiers received by channel")
    expect(received.locator(".stats-legend li")).to_have_text(["Online", "In person", "By post"])
    expect(received.locator(".stats-chart-box")).to_have_attribute("data-series", "3")
    page.get_by_role("button", name="Tiếng Việt").click()

    page.set_viewport_size({"width": A4_LANDSCAPE_PX, "height": 740})
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Xem báo cáo")).to_be_hidden()
    expect(page.get_by_role("link", name=re.compile("^Tải CSV"))).to_have_count(0)
    for chart in lines:
        expect(page.get_by_test_id(chart).locator("canvas")).to_be_visible()
    for table in ("bieu-06", "series", "indicators", "ranking"):
        expect(page.get_by_test_id(table)).to_be_visible()
    widest = page.evaluate(
        "Math.max(document.documentElement.scrollWidth,"
        " ...[...document.querySelectorAll('canvas, table')].map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= A4_LANDSCAPE_PX, widest
    page.screenshot(path=str(SCREENSHOTS / "staff-statistics-print.png"), full_page=True)
    context.close()

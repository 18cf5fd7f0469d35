"""The seven forms of Circular 03/2025 Annex I, each opened from the staff app and printed on A4 (print media,
794 x 1123 px: 210 x 297 mm at 96 px per inch; the register on landscape A4): its title, the agency's header,
the legal basis and the signature blocks. Screenshots in e2e/screenshots/mau-0N.png. Dossiers made through the
staff API as the app does; dates by hand (Monday 7 December 2026, 09:00)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, AppServer, serving
from playwright.sync_api import Browser, Page, expect
from staff import DESKTOP, sign_in
from test_handling_journey import A4, MARITAL, MONDAY_9_00, SCREENSHOTS, api_step, staff_of

from tests.factories import pdf_bytes, sha256, submission

A4_LANDSCAPE = {"width": A4["height"], "height": A4["width"]}
WEEK = ("2026-12-07", "2026-12-13")  # the week of Monday 7 December, the default period of the register
COMPETENT = "H12.41"
CAN_LOC_COMMITTEE = "ỦY BAN NHÂN DÂN XÃ CAN LỘC"  # the committee over the centre that receives the dossiers
NAME = {"kind": "field", "path": "applicant.full_name", "note": "Họ tên khác với căn cước"}
TITLES = {
    "01": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "02": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "03": "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
    "04": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ",
    "05": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    "06": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    "07": "SỔ THEO DÕI HỒ SƠ",
}
SIGNATURES = {
    "01": ("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"),
    "02": ("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"),
    "03": ("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"),
    "04": ("BỘ PHẬN MỘT CỬA", "THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT HỒ SƠ"),
    "05": ("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"),
    "06": ("BỘ PHẬN MỘT CỬA", "CƠ QUAN GIẢI QUYẾT HỒ SƠ"),
    "07": ("NGƯỜI LẬP SỔ", "THỦ TRƯỞNG ĐƠN VỊ"),
}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=MONDAY_9_00) as running:
        yield running


def sent(server: AppServer) -> str:
    """A marital-status dossier sent online to xã Can Lộc; its code."""
    answer = httpx.post(f"{server.url}/api/submissions", json=submission(MARITAL, COMPETENT))
    assert answer.status_code == 201, answer.text
    return str(answer.json()["code"])


def dossiers(server: AppServer) -> dict[str, str]:
    """One dossier per issued form, taken there through the staff API: the form's number -> the dossier's code."""
    received, asked, refused, stopped = (sent(server) for _ in range(4))
    staff_of(server, received)
    for code in (received, stopped):
        api_step(server, "lan.nt", code, "accept", {})
        api_step(server, "hoa.lt", code, "assign", {"specialist": "minh.pv"})
    api_step(server, "lan.nt", asked, "request-corrections", {"items": [NAME]})
    api_step(server, "lan.nt", refused, "refuse", {"reasons": ["Thủ tục không thuộc thẩm quyền của xã"]})
    api_step(server, "minh.pv", received, "declare-late", {})
    api_step(server, "minh.pv", received, "apology", {"newDate": "2026-12-15", "reason": "Chờ kết quả xác minh"})
    api_step(server, "lan.nt", stopped, "stop", {"reason": "Tôi không cần giấy xác nhận nữa"})
    return {"01": received, "02": asked, "03": refused, "04": received, "05": stopped, "06": received}


def printed(page: Page, kind: str, viewport: dict[str, int] = A4) -> None:
    """The sheet as printed: its title, the agency's header, the legal basis, both signature blocks; then the
    screenshot of the whole page on A4."""
    page.set_viewport_size(viewport)
    page.emulate_media(media="print")
    sheet = page.get_by_test_id("paper")
    expect(sheet.locator(".sheet-title")).to_have_text(TITLES[kind])
    expect(sheet.locator(".sheet-agency")).to_contain_text(CAN_LOC_COMMITTEE)
    expect(sheet.locator(".sheet-nation")).to_contain_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    expect(sheet.locator(".sheet-form")).to_have_text(f"Mẫu số {kind}")
    expect(sheet.locator(".sheet-date")).to_contain_text("ngày 07 tháng 12 năm 2026")
    basis = sheet.get_by_test_id("legal-basis")
    expect(basis).to_contain_text("Nghị định số 118/2025/NĐ-CP")
    expect(basis).to_contain_text("Thông tư số 03/2025/TT-VPCP")
    blocks = sheet.get_by_test_id("signatures").locator(".strong")
    expect(blocks).to_have_text(list(SIGNATURES[kind]))
    expect(page.locator(".paper-tools")).to_be_hidden()  # printing shows the sheet alone
    expect(page.locator(".header")).to_be_hidden()
    # A short paper fits one sheet: nothing runs over onto a second page.
    assert page.evaluate("document.documentElement.scrollHeight") <= viewport["height"] + 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"mau-{kind}.png"), full_page=True)
    page.emulate_media(media="screen")
    page.set_viewport_size(DESKTOP)


def staff_page(browser: Browser, server: AppServer, username: str) -> Page:
    """A staff member's browser in Vietnam's time zone, its clock on the server's frozen Monday."""
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.clock.set_fixed_time(MONDAY_9_00)
    sign_in(page, server.url, username)
    return page


def test_every_form_prints_on_a4_with_its_header_legal_basis_and_signatures(
    server: AppServer, browser: Browser
) -> None:
    codes = dossiers(server)
    officer = staff_page(browser, server, "lan.nt")
    for kind in ("01", "02", "03", "04", "05"):
        officer.goto(f"{server.url}/staff/ho-so/{codes[kind]}/in/{kind}")
        expect(officer.get_by_test_id("paper")).to_contain_text(codes[kind])
        printed(officer, kind)

    # Mẫu 06 from the dossier's page: every hand-over so far, with who and when.
    officer.goto(f"{server.url}/staff/ho-so/{codes['06']}")
    officer.get_by_test_id("slip-link").click()
    expect(officer).to_have_url(re.compile(f"/staff/ho-so/{codes['06']}/in/06$"))
    lines = officer.get_by_test_id("slip-line")
    expect(lines.first).to_contain_text("Chuyển hồ sơ điện tử đến cơ quan giải quyết")
    expect(officer.get_by_test_id("paper")).to_contain_text("Phân công xử lý")
    expect(officer.get_by_test_id("paper")).to_contain_text("Phạm Văn Minh")  # the specialist assigned
    printed(officer, "06")

    # Mẫu 07 from the navigation: this week by default, its dossiers, and the same as CSV with a BOM.
    officer.get_by_role("navigation").get_by_role("link", name="Sổ theo dõi").click()
    expect(officer.get_by_label("Từ ngày")).to_have_value(WEEK[0])
    expect(officer.get_by_label("Đến ngày")).to_have_value(WEEK[1])
    # The dossiers received in it (a dossier sent back for corrections or refused at the counter never was).
    expect(officer.get_by_test_id("register-row")).to_have_count(2)
    expect(officer.get_by_test_id("paper")).to_contain_text("Từ ngày 07/12/2026 đến ngày 13/12/2026")
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Tải về tệp CSV (mở bằng Excel)").click()
    csv = Path(download.value.path()).read_bytes()
    assert csv.startswith(b"\xef\xbb\xbfSTT,M\xc3\xa3 h\xe1\xbb\x93 s\xc6\xa1,")  # BOM, then "STT,Mã hồ sơ,"
    assert csv.count(b"\r\n") == 3 and codes["04"].encode() in csv and codes["05"].encode() in csv
    printed(officer, "07", A4_LANDSCAPE)

    # Another period, kept in the address: the week before has none of them.
    officer.get_by_label("Từ ngày").fill("2026-11-30")
    officer.get_by_label("Đến ngày").fill("2026-12-06")
    officer.get_by_role("button", name="Xem sổ").click()
    expect(officer.get_by_test_id("paper")).to_contain_text("Không có hồ sơ nào được tiếp nhận")
    expect(officer).to_have_url(re.compile(r"/staff/so-theo-doi\?tu=2026-11-30&den=2026-12-06$"))


def test_the_result_is_issued_with_its_scan_from_the_dossiers_page(server: AppServer, browser: Browser) -> None:
    code = sent(server)
    staff_of(server, code)
    api_step(server, "lan.nt", code, "accept", {})
    api_step(server, "hoa.lt", code, "assign", {"specialist": "minh.pv"})
    api_step(server, "minh.pv", code, "submit-for-approval", {"outcome": "granted", "text": "Đủ điều kiện"})
    api_step(server, "hoa.lt", code, "approve", {})
    handler = staff_page(browser, server, "minh.pv")
    handler.goto(f"{server.url}/staff/ho-so/{code}")
    handler.get_by_test_id("steps").get_by_role("button", name="Ban hành kết quả").click()
    form = handler.get_by_role("form", name="Ban hành kết quả")
    form.get_by_label("Kết quả", exact=True).fill("Giấy xác nhận tình trạng hôn nhân đã ký.")
    scan = pdf_bytes(1)
    form.get_by_label("Bản quét kết quả (không bắt buộc)").set_input_files(
        files=[{"name": "ket-qua.pdf", "mimeType": "application/pdf", "buffer": scan}]
    )
    expect(form.locator("#step-scan-state")).to_contain_text("Đã tải lên")
    form.get_by_role("button", name="Xác nhận").click()
    expect(handler.get_by_test_id("notice")).to_have_text("Đã ghi nhận.")
    link = handler.get_by_test_id("result-scan")
    expect(link).to_contain_text("Bản quét kết quả")
    read = handler.request.get(f"{server.url}{link.get_attribute('href')}")
    assert read.ok and read.body() == scan and read.headers["content-type"] == "application/pdf"
    assert sha256(read.body()) == sha256(scan)

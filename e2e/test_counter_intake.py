"""Counter intake in the staff app against the real server, its clock standing still on Thursday 3 December 2026
at 10:00 in Vietnam: an officer registers an in-person dossier with a scanned file and a webcam photo, and prints
its Mẫu 01; a required answer left empty is refused on the page; a double click and a lost answer make one dossier;
a same-day procedure by post is recorded, with Mẫu 01 only when the citizen asks for it."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, AppServer
from PIL import Image
from playwright.sync_api import Browser, BrowserType, Page, Route, expect
from test_accessibility import _violations
from test_staff_queue import DESKTOP, PASSWORD, PHONE, SCREENSHOTS, create_officer

FROZEN = "2026-12-03T10:00:00+07:00"  # a Thursday, before the counter closes at 17:00
CENTRE = "H12.41.01"  # Trung tâm Phục vụ hành chính công xã Can Lộc
MARITAL = "Cấp Giấy xác nhận tình trạng hôn nhân"  # 1.004873: 3 working days, scans optional
FIRST_CODE = "H12.41.01-261203-0001"  # the centre's first dossier of 3 Dec 2026 (Art 28: unit-yymmdd-sequence)
A4 = {"width": 794, "height": 1123}  # 210 x 297 mm at 96 px per inch


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    running = AppServer(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=FROZEN)
    running.start()
    try:
        create_officer(running, CENTRE)
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def camera_browser(browser_type: BrowserType) -> Iterator[Browser]:
    """Chromium with a fake webcam (a moving test pattern) that pages may use without asking."""
    fake = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
    browser = browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *fake])
    yield browser
    browser.close()


def _sign_in(browser: Browser, server: AppServer, *, bypass_csp: bool = False) -> Page:
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", bypass_csp=bypass_csp)
    page = context.new_page()
    page.goto(f"{server.url}/staff/")
    page.get_by_label("Tên đăng nhập").fill("lan.nt")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("who")).to_contain_text("Nguyễn Thị Lan")
    return page


@pytest.fixture
def counter(camera_browser: Browser, server: AppServer) -> Iterator[tuple[Page, AppServer]]:
    page = _sign_in(camera_browser, server)
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    yield page, server
    page.context.close()
    assert refused == []  # nothing of the page (the webcam's view included) was blocked by the strict CSP


def _open_intake(page: Page) -> None:
    page.get_by_role("navigation").get_by_role("link", name="Tiếp nhận hồ sơ trực tiếp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tiếp nhận hồ sơ trực tiếp")
    # Typed without diacritics, as at a counter keyboard in a hurry.
    page.get_by_label("Tìm thủ tục theo tên hoặc mã").fill("xac nhan tinh trang hon nhan")
    page.get_by_role("button", name=re.compile(f"^{MARITAL}")).click()
    expect(page.get_by_role("heading", name="Thủ tục đã chọn")).to_be_focused()


def _fill_answers(page: Page, *, full_name: str = "Trần Thị Bình") -> None:
    if full_name:
        page.get_by_label("Họ, chữ đệm và tên", exact=True).fill(full_name)
    page.get_by_label("Ngày, tháng, năm sinh").fill("1995-04-12")
    page.get_by_role("group", name="Giới tính").get_by_label("Nữ").check()
    page.get_by_label("Dân tộc").fill("Kinh")
    page.get_by_label("Quốc tịch").fill("Việt Nam")
    page.get_by_label("Số định danh cá nhân", exact=True).fill("042195001234")
    page.get_by_label("Nơi cư trú").fill("Thôn Trung Nghĩa, xã Can Lộc, tỉnh Hà Tĩnh")
    page.get_by_label("Chưa đăng ký kết hôn với ai").check()
    page.get_by_label("Mục đích sử dụng Giấy xác nhận").select_option(label="Để vay vốn ngân hàng")
    page.get_by_label("Số điện thoại di động").fill("0912345678")
    page.get_by_label(re.compile("^Tôi cam đoan")).check()


def _identity(page: Page) -> None:
    expect(page.get_by_label("Trực tiếp tại quầy")).to_be_checked()  # the usual channel, chosen already
    page.get_by_label("Đã kiểm tra tài khoản định danh điện tử (VNeID) của người nộp").check()
    page.get_by_label("Số định danh cá nhân của người nộp").fill("042195001234")


def _scan_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 452), (236, 232, 220)).save(out, "JPEG", quality=85)
    return out.getvalue()


def _slot(page: Page, key: str) -> Any:
    return page.locator(f"[data-testid='scan-slot'][data-slot='{key}']")


def _attach_file(page: Page, key: str, name: str, content: bytes, mime: str) -> None:
    with page.expect_file_chooser() as chooser:
        _slot(page, key).get_by_role("button", name="Chọn tệp").click()
    chooser.value.set_files(files=[{"name": name, "mimeType": mime, "buffer": content}])


def _old_certificate_scanned(page: Page) -> bytes:
    """The old certificate's scan chosen from a file and uploaded; its bytes."""
    scan = _scan_jpeg()
    _attach_file(page, "giay_xac_nhan_cu", "giay-xac-nhan-cu.jpg", scan, "image/jpeg")
    expect(_slot(page, "giay_xac_nhan_cu").get_by_role("status")).to_have_text(re.compile("^Đã tải lên"))
    return scan


def _dossiers(server: AppServer) -> list[tuple[Any, ...]]:
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        query = "SELECT code, status, channel, identity_checked, id_number, attachments FROM dossier"
        return db.execute(query).fetchall()


def _filled_in(page: Page, *, full_name: str = "Trần Thị Bình") -> list[str]:
    """The marital status form filled in at the counter; the intake requests the page sends from then on."""
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.method) if r.url.endswith("/api/staff/counter-intake") else None)
    _open_intake(page)
    _identity(page)
    _fill_answers(page, full_name=full_name)
    return sent


def test_an_in_person_dossier_with_a_file_and_a_webcam_photo_is_received_and_its_mau_01_printed(
    counter: tuple[Page, AppServer],
) -> None:
    page, server = counter
    _filled_in(page)
    scan = _old_certificate_scanned(page)
    webcam = _slot(page, "van_ban_uy_quyen")
    webcam.get_by_role("button", name="Chụp bằng webcam").click()
    shutter = webcam.get_by_role("button", name="Chụp ảnh")
    expect(shutter).to_be_focused()  # enabled once the camera shows a frame
    shutter.click()
    expect(webcam.get_by_role("status")).to_have_text(re.compile("^Đã tải lên"))
    expect(webcam.get_by_role("img", name=re.compile("^Bản chụp: Văn bản ủy quyền"))).to_be_visible()
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()

    expect(page).to_have_url(f"{server.url}/staff/ho-so/{FIRST_CODE}")
    expect(page.get_by_test_id("intake-done")).to_contain_text(f"Đã tiếp nhận hồ sơ {FIRST_CODE}.")
    expect(page.get_by_text("Đã tiếp nhận", exact=True)).to_be_visible()
    [(code, status, channel, checked, id_number, attachments)] = _dossiers(server)  # stored once
    assert (code, status, channel, checked, id_number) == (FIRST_CODE, "received", "in_person", 1, "042195001234")
    files = {a["slot"]: a for a in json.loads(attachments)}
    assert set(files) == {"giay_xac_nhan_cu", "van_ban_uy_quyen"}
    assert files["giay_xac_nhan_cu"]["sha256"] == hashlib.sha256(scan).hexdigest()
    assert files["van_ban_uy_quyen"]["content_type"] == "image/jpeg"

    page.get_by_role("link", name="In giấy tiếp nhận (Mẫu 01)").click()
    paper = page.get_by_test_id("paper")
    expect(paper).to_contain_text("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    expect(paper).to_contain_text(f"Mã hồ sơ:{FIRST_CODE}")
    expect(paper).to_contain_text("ngày 03 tháng 12 năm 2026")
    # Received Thursday 3 Dec at 10:00, before closing; 3 working days from the next one: Friday 4 (1), the
    # weekend, Monday 7 (2), Tuesday 8 (3). No public holiday falls in between.
    expect(paper).to_contain_text("Ngày hẹn trả kết quả:08/12/2026")
    expect(paper).to_contain_text("Trần Thị Bình")
    page.set_viewport_size(A4)
    page.emulate_media(media="print")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "staff-intake-paper-01-a4.png"), full_page=True)


def test_a_required_answer_left_empty_is_refused_on_the_page_and_nothing_is_sent(
    counter: tuple[Page, AppServer],
) -> None:
    page, server = counter
    sent = _filled_in(page, full_name="")
    # A file that is no PDF is refused by the server's content check, next to its paper.
    _attach_file(page, "giay_xac_nhan_cu", "giay-xac-nhan-cu.pdf", b"not a pdf at all", "application/pdf")
    refused = "Tệp không phải ảnh JPEG, PNG hoặc tệp PDF hợp lệ; vui lòng chụp lại."
    expect(_slot(page, "giay_xac_nhan_cu")).to_contain_text(refused)
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    summary = page.get_by_role("alert").filter(has_text="Có lỗi cần sửa")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(["Vui lòng nhập Họ, chữ đệm và tên.", refused])
    name = page.locator("#f-applicant-full_name")
    expect(name).to_have_accessible_name("Họ, chữ đệm và tên")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".field", has=name)).to_contain_text("Vui lòng nhập Họ, chữ đệm và tên.")  # as on the phone
    summary.get_by_role("link", name="Vui lòng nhập Họ, chữ đệm và tên.").click()
    expect(name).to_be_focused()
    page.get_by_role("button", name="English").click()
    expect(page.locator(".field", has=name)).to_contain_text("Please fill in Full name.")
    assert sent == [] and _dossiers(server) == []
    expect(page.get_by_label("Ethnicity")).to_have_value("Kinh")  # nothing typed is lost


def test_a_double_click_makes_one_dossier(counter: tuple[Page, AppServer]) -> None:
    page, server = counter
    _filled_in(page)
    page.get_by_role("button", name="Tiếp nhận hồ sơ").dblclick()
    expect(page).to_have_url(f"{server.url}/staff/ho-so/{FIRST_CODE}")
    assert [row[0] for row in _dossiers(server)] == [FIRST_CODE]


def test_an_answer_lost_on_the_way_keeps_the_form_and_the_retry_makes_one_dossier(
    counter: tuple[Page, AppServer],
) -> None:
    page, server = counter
    sent = _filled_in(page)

    def lose_the_answer(route: Route) -> None:
        route.fetch()  # the server receives the dossier ...
        route.abort("connectionreset")  # ... and its answer never reaches the counter

    page.route("**/api/staff/counter-intake", lose_the_answer, times=1)
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    expect(page.get_by_text("Chưa gửi được. Nội dung đã nhập vẫn còn; hãy thử lại.")).to_be_visible()
    expect(page.get_by_label("Họ, chữ đệm và tên", exact=True)).to_have_value("Trần Thị Bình")
    assert [row[0] for row in _dossiers(server)] == [FIRST_CODE]  # made by the lost request
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    expect(page).to_have_url(f"{server.url}/staff/ho-so/{FIRST_CODE}")
    assert len(sent) == 2 and [row[0] for row in _dossiers(server)] == [FIRST_CODE]


def test_a_session_that_ends_while_typing_loses_nothing_and_the_scan_is_sent_again(
    counter: tuple[Page, AppServer],
) -> None:
    page, server = counter
    _filled_in(page)
    scan = _old_certificate_scanned(page)
    page.context.clear_cookies()  # the session is gone (idle too long, or signed out elsewhere)
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    page.get_by_label("Tên đăng nhập").fill("lan.nt")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_label("Họ, chữ đệm và tên", exact=True)).to_have_value("Trần Thị Bình")
    expect(_slot(page, "giay_xac_nhan_cu").get_by_role("img")).to_be_visible()
    assert _dossiers(server) == []
    # The new session holds none of the old one's scans: the page sends it again, then the dossier.
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    expect(page).to_have_url(f"{server.url}/staff/ho-so/{FIRST_CODE}")
    [row] = _dossiers(server)
    assert [a["sha256"] for a in json.loads(row[5])] == [hashlib.sha256(scan).hexdigest()]


def _papers(server: AppServer, code: str) -> list[str]:
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        query = "SELECT p.kind FROM dossier_paper p JOIN dossier d ON d.id = p.dossier WHERE d.code = ?"
        return [row[0] for row in db.execute(query, (code,))]


@pytest.mark.parametrize("asked", [False, True], ids=["no-receipt", "receipt-asked"])
def test_a_same_day_copy_by_post_is_recorded_with_a_receipt_only_when_asked(
    counter: tuple[Page, AppServer], asked: bool
) -> None:
    page, server = counter
    page.get_by_role("navigation").get_by_role("link", name="Tiếp nhận hồ sơ trực tiếp").click()
    page.get_by_label("Tìm thủ tục theo tên hoặc mã").fill("ban sao trich luc")
    page.get_by_role("button", name=re.compile("^Cấp bản sao Trích lục hộ tịch")).click()
    page.get_by_label("Qua dịch vụ bưu chính", exact=True).check()  # no one at the counter: no VNeID check
    page.get_by_label("Họ, chữ đệm và tên", exact=True).fill("Lê Văn Cường")
    page.get_by_label("Số định danh cá nhân", exact=True).fill("042088004321")
    page.get_by_label("Nơi cư trú").fill("Tổ dân phố 3, xã Can Lộc, tỉnh Hà Tĩnh")
    page.get_by_label("Quan hệ với người được cấp bản sao Trích lục").select_option(label="Bản thân")
    page.get_by_label("Loại sự kiện hộ tịch").select_option(label="Khai sinh")
    page.get_by_label("Họ, chữ đệm và tên người được cấp bản sao Trích lục").fill("Lê Văn Cường")
    page.get_by_label("Ngày, tháng, năm sinh của người đó").fill("1988-09-02")
    page.get_by_label("Số bản sao đề nghị cấp").fill("2")
    page.get_by_label("Số điện thoại di động").fill("0987654321")
    page.get_by_label("Nhận qua dịch vụ bưu chính công ích").check()
    page.get_by_label(re.compile("^Tôi cam đoan")).check()
    receipt = page.get_by_label("Công dân yêu cầu giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)")
    expect(receipt).not_to_be_checked()  # a same-day result needs no appointment paper by default
    if asked:
        receipt.check()
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()

    expect(page).to_have_url(f"{server.url}/staff/ho-so/{FIRST_CODE}")
    done = page.get_by_test_id("intake-done")
    expect(done).to_contain_text(f"Đã tiếp nhận hồ sơ {FIRST_CODE}.")
    expect(done.get_by_role("link", name="In giấy tiếp nhận (Mẫu 01)")).to_have_count(1 if asked else 0)
    [(_, status, channel, checked, _, _)] = _dossiers(server)  # recorded either way
    assert (status, channel, checked) == ("received", "postal", 0)
    assert _papers(server, FIRST_CODE) == (["01"] if asked else [])


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "360"])
def test_the_intake_page_has_no_serious_violations(
    browser: Browser, server: AppServer, viewport: dict[str, int]
) -> None:
    page = _sign_in(browser, server, bypass_csp=True)  # axe is an inline script, which the CSP refuses
    page.set_viewport_size(viewport)
    page.get_by_role("navigation").get_by_role("link", name="Hồ sơ", exact=True).click()
    page.get_by_role("main").get_by_role("link", name="Tiếp nhận hồ sơ trực tiếp").click()  # above the queue
    expect(page.get_by_role("button", name=re.compile(f"^{MARITAL}"))).to_be_visible()
    assert _violations(page) == []
    page.get_by_role("button", name=re.compile(f"^{MARITAL}")).focus()  # the keyboard alone from here
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Thủ tục đã chọn")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Chọn thủ tục khác")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Trực tiếp tại quầy")).to_be_focused()
    page.get_by_role("button", name="Tiếp nhận hồ sơ").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert").filter(has_text="Có lỗi cần sửa")).to_be_focused()
    # This computer has no camera: only files are offered.
    expect(page.get_by_role("button", name="Chọn tệp").first).to_be_visible()
    expect(page.get_by_role("button", name="Chụp bằng webcam")).to_have_count(0)
    assert _violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.context.close()

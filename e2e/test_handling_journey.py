"""From receipt to return in the staff app against the real server, a citizen's phone following: the happy
path through every role's page; a dossier that will be late (the queue warns, Mẫu 04 moves the date, the phone
shows it, the result is returned on that date); a stop at the citizen's request with Mẫu 05. Dates by hand."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import ROOT, AppServer, serving
from pages import open_app
from playwright.sync_api import Browser, Page, expect
from staff import DESKTOP, create_officer, row_of, sign_in
from test_accessibility import _violations

SCREENSHOTS = ROOT / "e2e" / "screenshots"
A4 = {"width": 794, "height": 1123}  # 210 x 297 mm at 96 px per inch
PHONE = {"width": 360, "height": 740}
VECTORS = ROOT / "tests" / "vectors" / "form_answers.json"
MARITAL = "1.004873"  # Giấy xác nhận tình trạng hôn nhân: 3 working days, no photo required
COMPETENT = "H12.41"  # the commune's People's Committee decides it; its centre receives it
# Monday 7 December 2026, 09:00: received before closing, the 3 working days count from the next one: Tuesday 8
# (1), Wednesday 9 (2), Thursday 10 (3). No public holiday in December 2026 before the 25th... nor on it.
MONDAY_9_00 = "2026-12-07T09:00:00+07:00"
DUE = "10/12/2026"
# Wednesday 9 at 17:30, the office closed: all that is left is Thursday's 8 working hours, one working day, so
# it is forecast late (Art 19(6)); the apology comes one day before the deadline at the latest: Wednesday 9,
# still today.
WEDNESDAY_17_30 = "2026-12-09T17:30:00+07:00"
NEW_DATE, NEW_DAY = "2026-12-15", "15/12/2026"  # Tuesday 15 December, a working day after the 10th
TUESDAY_10_00 = "2026-12-15T10:00:00+07:00"
PEOPLE = {  # username: (role, full name), the leader and the handler at the deciding agency
    "hoa.lt": ("leader", "Lê Thị Hòa"),
    "minh.pv": ("specialist", "Phạm Văn Minh"),
}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=MONDAY_9_00) as running:
        yield running


def _answers() -> dict[str, Any]:
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    return dict(next(v["answers"] for v in vectors if v["procedure"] == MARITAL and not v["errors"]))


def phone_sends(server: AppServer, phone: Page) -> str:
    """A marital-status dossier sent online; the phone keeps it among its own (as the app does once the server
    confirms a submission), and opens its page. Returns its code."""
    body = {
        "submissionId": str(uuid.uuid4()),
        "procedureCode": MARITAL,
        "procedureVersion": 1,
        "competentAgencyCode": COMPETENT,
        "answers": _answers(),
        "accessToken": uuid.uuid4().hex + uuid.uuid4().hex,
        "attachments": [],
    }
    sent = httpx.post(f"{server.url}/api/submissions", json=body)
    assert sent.is_success, sent.text
    made = sent.json()
    open_app(phone, server.url)
    kept = {
        "code": made["code"],
        "accessToken": body["accessToken"],
        "submissionId": body["submissionId"],
        "procedureCode": MARITAL,
        "agencyCode": made["agencyCode"],
        "status": made["status"],
        "submittedAt": made["submittedAt"],
        "view": None,
        "fetchedAt": None,
    }
    phone.evaluate(
        """(record) => new Promise((done, failed) => {
          const opened = indexedDB.open("motcua");
          opened.onerror = () => failed(opened.error);
          opened.onsuccess = () => {
            const tx = opened.result.transaction("dossiers", "readwrite");
            tx.objectStore("dossiers").put(record);
            tx.oncomplete = () => { opened.result.close(); done(null); };
            tx.onerror = () => failed(tx.error);
          };
        })""",
        kept,
    )
    return str(made["code"])


def phone_shows(phone: Page, server: AppServer, code: str, status: str) -> None:
    phone.goto(f"{server.url}/#/da-nop/{code}")
    phone.reload()  # refreshed from the server
    expect(phone.locator(".status-tag")).to_have_text(status, timeout=15_000)


def staff_page(browser: Browser, server: AppServer, username: str, viewport: dict[str, int] = DESKTOP) -> Page:
    page = browser.new_context(viewport=viewport, locale="vi-VN", bypass_csp=True).new_page()  # axe's script
    sign_in(page, server.url, username)
    return page


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """The citizen's phone (360 px), with the app's content policy relaxed for axe's script only."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", bypass_csp=True)
    yield context.new_page()
    context.close()


def open_dossier(page: Page, server: AppServer, code: str) -> None:
    page.goto(f"{server.url}/staff/ho-so/{code}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(code)
    expect(page.get_by_test_id("handling")).to_be_visible()


def step(page: Page, label: str, fill: dict[str, str] | None = None) -> None:
    """Takes one step from the dossier's page: its button, its form's fields by label, "Xác nhận"."""
    page.get_by_test_id("steps").get_by_role("button", name=label).click()
    form = page.get_by_role("form", name=label)
    for field, value in (fill or {}).items():
        target = form.get_by_label(field, exact=True)
        if target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(value)
        elif target.get_attribute("type") == "radio":
            target.check()
        else:
            target.fill(value)
    form.get_by_role("button", name="Xác nhận").click()


def done(page: Page, status: str) -> None:
    expect(page.get_by_test_id("notice")).to_have_text("Đã ghi nhận.")
    expect(page.locator(".facts").first).to_contain_text(status)


def staff_of(server: AppServer, code: str) -> None:
    """An officer at the centre that received `code`; the leader and the handler of the deciding agency."""
    receiving = code.rsplit("-", 2)[0]  # the code's prefix is the receiving unit
    create_officer(server, receiving)
    for username, (role, name) in PEOPLE.items():
        create_officer(server, COMPETENT, username, name, role)


def print_a4(page: Page, name: str) -> None:
    page.set_viewport_size(A4)
    page.emulate_media(media="print")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
    page.emulate_media(media="screen")
    page.set_viewport_size(DESKTOP)


def test_received_assigned_approved_ready_and_returned_through_the_staff_app(
    server: AppServer, browser: Browser, phone: Page
) -> None:
    page = phone
    code = phone_sends(server, page)
    staff_of(server, code)
    officer = staff_page(browser, server, "lan.nt")
    open_dossier(officer, server, code)
    officer.get_by_role("button", name="Tiếp nhận").click()
    officer.get_by_role("form", name="Tiếp nhận").get_by_role("button", name="Xác nhận").click()
    expect(officer.get_by_test_id("paper")).to_contain_text(f"Ngày hẹn trả kết quả:{DUE}")
    phone_shows(page, server, code, "Đã tiếp nhận")

    leader = staff_page(browser, server, "hoa.lt")
    leader.goto(f"{server.url}/staff/ho-so")
    expect(leader.get_by_role("button", name=re.compile("^Chờ phân công"))).to_have_attribute("aria-pressed", "true")
    row_of(leader, code).get_by_role("link", name=code).click()
    expect(leader.get_by_test_id("handling")).to_contain_text("lan.nt")  # the officer who received it holds it
    assert not _violations(leader), _violations(leader)
    step(leader, "Phân công chuyên viên", {"Chuyên viên xử lý": "minh.pv"})
    done(leader, "Đang giải quyết")
    phone_shows(page, server, code, "Đang giải quyết")

    handler = staff_page(browser, server, "minh.pv")
    handler.goto(f"{server.url}/staff/ho-so")
    row_of(handler, code).get_by_role("link", name=code).click()
    step(
        handler,
        "Trình lãnh đạo phê duyệt",
        {"Giải quyết (cấp kết quả)": "", "Nội dung dự thảo kết quả": "Đủ điều kiện cấp giấy xác nhận."},
    )
    done(handler, "Chờ lãnh đạo phê duyệt")
    phone_shows(page, server, code, "Đang chờ lãnh đạo ký duyệt")

    leader.goto(f"{server.url}/staff/ho-so?list=to_approve")
    row_of(leader, code).get_by_role("link", name=code).click()
    expect(leader.get_by_test_id("handling")).to_contain_text("Đủ điều kiện cấp giấy xác nhận.")
    step(leader, "Phê duyệt")
    done(leader, "Đã phê duyệt, chờ ban hành")
    phone_shows(page, server, code, "Đã duyệt, đang ban hành kết quả")

    open_dossier(handler, server, code)
    step(handler, "Ban hành kết quả", {"Kết quả": "Giấy xác nhận tình trạng hôn nhân đã ký."})
    done(handler, "Đã có kết quả, chuyển về Một cửa")
    phone_shows(page, server, code, "Đã có kết quả, đang chuyển về nơi nộp")

    open_dossier(officer, server, code)
    step(officer, "Kết quả đã về, báo công dân đến nhận")
    done(officer, "Chờ trả kết quả")
    phone_shows(page, server, code, "Có kết quả, chờ nhận")
    expect(page.get_by_test_id("ready")).to_contain_text("Mang theo giấy tiếp nhận hồ sơ")
    assert not _violations(page), _violations(page)

    step(officer, "Trả kết quả", {"Tại quầy (trả bản chính)": ""})
    done(officer, "Đã trả kết quả")
    phone_shows(page, server, code, "Đã trả kết quả")
    expect(page.locator(".history")).to_contain_text("Đã trả kết quả và giấy tờ bản chính tại Bộ phận Một cửa.")


def sent_accepted_and_assigned(server: AppServer, phone: Page) -> str:
    """The phone's dossier, accepted at the counter and assigned by the head through the staff API as the app
    does; returns its code."""
    code = phone_sends(server, phone)
    staff_of(server, code)
    for username, step_, body in (("lan.nt", "accept", {}), ("hoa.lt", "assign", {"specialist": "minh.pv"})):
        api_step(server, username, code, step_, body)
    return code


def api_step(server: AppServer, username: str, code: str, step_: str, body: dict[str, Any]) -> dict[str, Any]:
    with httpx.Client(base_url=server.url) as client:
        signed = client.post("/api/staff/session", json={"username": username, "password": "Quầy-một-cửa-2026"})
        assert signed.is_success, signed.text
        headers = {"X-CSRF-Token": signed.json()["csrfToken"]}
        version = client.get(f"/api/staff/dossiers/{code}").json()["version"]
        done_ = client.post(f"/api/staff/dossiers/{code}/{step_}", json={"version": version, **body}, headers=headers)
        assert done_.is_success, done_.text
        return dict(done_.json())


def the_clock_moves(server: AppServer, instant: str) -> None:
    """The same server (address, data) started again on a later instant: the phone keeps its origin."""
    server.stop()
    server.frozen_at = instant
    server.start()


def test_a_dossier_that_will_be_late_is_warned_apologised_for_and_returned_on_its_new_date(
    server: AppServer, browser: Browser, phone: Page
) -> None:
    page = phone
    code = sent_accepted_and_assigned(server, page)
    phone_shows(page, server, code, "Đang giải quyết")
    expect(page.locator(".facts")).to_contain_text(DUE)

    the_clock_moves(server, WEDNESDAY_17_30)
    leader = staff_page(browser, server, "hoa.lt")
    leader.goto(f"{server.url}/staff/ho-so?list=late_warning")
    late = leader.get_by_role("button", name=re.compile("^Sắp trễ hạn"))
    expect(late.locator(".count")).to_have_text("1")
    expect(row_of(leader, code).get_by_test_id("late-flag")).to_have_text("Sắp trễ hạn, chưa có văn bản xin lỗi")
    assert not _violations(leader), _violations(leader)

    handler = staff_page(browser, server, "minh.pv")
    open_dossier(handler, server, code)
    expect(handler.get_by_test_id("late-warning")).to_contain_text("chậm nhất ngày 09/12/2026")
    step(
        handler,
        "Xin lỗi và hẹn lại ngày trả (Mẫu 04)",
        {"Ngày hẹn trả mới": NEW_DATE, "Lý do chậm": "Chờ kết quả xác minh nơi cư trú trước đây"},
    )
    paper = handler.get_by_test_id("paper")
    expect(paper).to_contain_text("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ")
    expect(paper).to_contain_text(f"hẹn trả kết quả ngày {DUE}, chưa giải quyết được đúng hạn")
    expect(paper).to_contain_text(f"hẹn trả kết quả vào ngày {NEW_DAY}")
    expect(paper).to_contain_text("ngày 09 tháng 12 năm 2026")
    expect(paper).to_contain_text("Mẫu số 04")
    expect(paper).to_contain_text("THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT HỒ SƠ")
    print_a4(handler, "staff-handling-paper-04-a4.png")

    phone_shows(page, server, code, "Đang giải quyết")
    expect(page.locator(".facts")).to_contain_text(NEW_DAY)
    expect(page.get_by_test_id("new-date-why")).to_contain_text(f"chưa kịp trả ngày {DUE}")
    expect(page.get_by_test_id("new-date-why")).to_contain_text("Chờ kết quả xác minh nơi cư trú trước đây.")
    # The new date reaches the phone's inbox too (synced when the app opened), and the officer's page lists the
    # notice, read in the app since no phone of this test subscribed to push.
    page.get_by_test_id("nav-inbox").click()
    apology = page.get_by_test_id("notice").filter(has_text="Hẹn lại ngày trả kết quả")
    expect(apology).to_contain_text(
        f"xin lỗi, hồ sơ chưa giải quyết kịp ngày hẹn {DUE}. Lý do: Chờ kết quả xác minh nơi cư trú trước đây. "
        f"Ngày hẹn trả kết quả mới: {NEW_DAY}. Bạn không cần làm gì thêm."
    )
    apology.get_by_role("link", name="Hẹn lại ngày trả kết quả").click()
    expect(page).to_have_url(f"{server.url}/#/da-nop/{code}")
    open_dossier(handler, server, code)
    sent = handler.get_by_test_id("staff-notice").last
    expect(sent).to_contain_text("Hẹn lại ngày trả kết quả")
    expect(sent).to_contain_text("Không gửi tới điện thoại nào (chưa có điện thoại đăng ký")
    leader.reload()
    expect(late.locator(".count")).to_have_text("0")

    the_clock_moves(server, TUESDAY_10_00)
    api_step(server, "minh.pv", code, "submit-for-approval", {"outcome": "granted", "text": "Đủ điều kiện"})
    api_step(server, "hoa.lt", code, "approve", {})
    api_step(server, "minh.pv", code, "result", {"note": "Giấy xác nhận đã ký"})
    officer = staff_page(browser, server, "lan.nt")
    open_dossier(officer, server, code)
    step(officer, "Kết quả đã về, báo công dân đến nhận")
    step(officer, "Trả kết quả", {"Qua bưu chính": "", "Số hiệu bưu gửi": "EB123456789VN"})
    done(officer, "Đã trả kết quả")
    phone_shows(page, server, code, "Đã trả kết quả")
    last = page.locator(".history li").last
    expect(last).to_contain_text(NEW_DAY)  # returned on the new date
    expect(last).to_contain_text("EB123456789VN")


def test_a_stop_at_the_citizens_request_prints_mau_05(server: AppServer, browser: Browser, phone: Page) -> None:
    page = phone
    code = sent_accepted_and_assigned(server, page)
    officer = staff_page(browser, server, "lan.nt", viewport={"width": 360, "height": 740})
    open_dossier(officer, server, code)
    assert not _violations(officer), _violations(officer)
    officer.set_viewport_size(DESKTOP)
    step(
        officer,
        "Dừng giải quyết theo đề nghị (Mẫu 05)",
        {"Đề nghị của công dân": "Tôi không cần giấy xác nhận nữa", "Qua ứng dụng": ""},
    )
    paper = officer.get_by_test_id("paper")
    expect(paper).to_contain_text("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")
    expect(paper).to_contain_text("tiếp nhận ngày 07/12/2026")
    expect(paper).to_contain_text("Lý do: Tôi không cần giấy xác nhận nữa.")
    expect(paper).to_contain_text("Mẫu số 05")
    expect(paper).to_contain_text("Nguyễn Thị Lan")  # the officer who received the request signs
    print_a4(officer, "staff-handling-paper-05-a4.png")
    phone_shows(page, server, code, "Đã dừng giải quyết")

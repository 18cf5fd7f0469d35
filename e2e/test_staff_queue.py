"""The counter in the staff app against the real server: a citizen's dossier sent through the API appears
under "Cần kiểm tra" with its clock; the officer asks for corrections, accepts another and prints Mẫu 01."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from conftest import ROOT, AppServer
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from staff import PASSWORD, create_officer, open_queue, row_of, sign_in, tick_the_name_and_the_photo
from test_accessibility import _violations

SCREENSHOTS = ROOT / "e2e" / "screenshots"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 360, "height": 740}
VECTORS = ROOT / "tests" / "vectors" / "form_answers.json"
BIRTH = "1.001193"
CLOCK = re.compile(r"^(còn (\d+ giờ ?)?(\d+ phút)?|quá hạn .+)$")


def _answers(procedure: str = BIRTH) -> dict[str, Any]:
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    return next(v["answers"] for v in vectors if v["procedure"] == procedure and not v["errors"])


def _photo(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64 + shade, 48), (shade * 40 % 256, 120, 200)).save(out, "JPEG", quality=85)
    return out.getvalue()


def submit_birth(url: str, shade: int) -> str:
    """A birth registration as the phone sends it (its photo uploaded first); returns the dossier's code."""
    return submit_online(url, shade, BIRTH, "giay_chung_sinh")


def submit_online(url: str, shade: int, procedure: str, slot: str) -> str:
    """A dossier of `procedure` sent from a phone with one photo for `slot`; returns its code."""
    body: dict[str, Any] = {
        "submissionId": str(uuid.uuid4()),
        "procedureCode": procedure,
        "procedureVersion": 1,
        "competentAgencyCode": "H12.41",
        "answers": _answers(procedure),
        "accessToken": uuid.uuid4().hex + uuid.uuid4().hex,
    }
    photo = _photo(shade)
    sha = hashlib.sha256(photo).hexdigest()
    with httpx.Client(base_url=url) as client:
        headers = {"Authorization": f"Bearer {body['accessToken']}", "Content-Type": "image/jpeg"}
        put = client.put(f"/api/submissions/{body['submissionId']}/files/{sha}", content=photo, headers=headers)
        assert put.is_success, put.text
        body["attachments"] = [{"slot": slot, "sha256": sha}]
        sent = client.post("/api/submissions", json=body)
        assert sent.is_success, sent.text
        return str(sent.json()["code"])


def receiving_unit(server: AppServer, code: str) -> str:
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        row = db.execute("SELECT receiving_unit_code FROM dossier WHERE code = ?", (code,)).fetchone()
    return str(row[0])


def signed_in(server: AppServer, browser: Browser, *, bypass_csp: bool) -> Iterator[tuple[Page, AppServer, str]]:
    """An officer signed in at the unit that receives a first dossier (the code is the third value)."""
    code = submit_birth(server.url, 1)
    create_officer(server, receiving_unit(server, code))
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", bypass_csp=bypass_csp)
    page = context.new_page()
    refused: list[str] = []
    blocked = "Content Security Policy"
    page.on("console", lambda message: refused.append(message.text) if blocked in message.text else None)
    sign_in(page, server.url)
    expect(page.get_by_test_id("who")).to_contain_text("Nguyễn Thị Lan")
    yield page, server, code
    context.close()
    assert refused == []  # nothing of the pages was blocked by the strict CSP


@pytest.fixture
def counter(server: AppServer, browser: Browser) -> Iterator[tuple[Page, AppServer, str]]:
    yield from signed_in(server, browser, bypass_csp=False)


@pytest.fixture
def audited(server: AppServer, browser: Browser) -> Iterator[tuple[Page, AppServer, str]]:
    # axe is injected as an inline script, which the app's CSP rightly refuses: bypass it for the audit only.
    yield from signed_in(server, browser, bypass_csp=True)


def test_an_officer_asks_for_one_photo_and_one_field_and_the_dossier_waits_for_the_citizen(
    counter: tuple[Page, AppServer, str],
) -> None:
    page, _, code = counter
    open_queue(page)
    expect(page.get_by_role("button", name=re.compile("^Cần kiểm tra"))).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name=re.compile("^Cần kiểm tra"))).to_contain_text("1")
    row = row_of(page, code)
    expect(row).to_contain_text("Nguyễn Văn An")  # the declarant, who applies for the child
    expect(row).to_contain_text("Trực tuyến")
    expect(row.get_by_test_id("clock")).to_have_text(CLOCK)
    row.get_by_role("link", name=code).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(code)
    expect(page.get_by_text("Nguyễn Minh Khang").first).to_be_visible()
    page.get_by_role("button", name="Yêu cầu bổ sung").click()
    tick_the_name_and_the_photo(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "staff-dossier-corrections-1366.png"), full_page=True)
    page.get_by_role("button", name="Xác nhận").click()
    paper = page.get_by_test_id("paper")
    expect(paper).to_contain_text("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
    expect(paper).to_contain_text("Họ, chữ đệm và tên: Tên viết sai dấu")
    expect(paper).to_contain_text("Ảnh bị mờ, chụp lại")
    open_queue(page)
    expect(row_of(page, code)).to_have_count(0)
    page.get_by_role("button", name=re.compile("^Chờ công dân bổ sung")).click()
    expect(row_of(page, code)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Chờ công dân bổ sung"))).to_contain_text("1")


def test_an_accepted_dossier_prints_its_receipt_with_the_code_and_the_appointment(
    counter: tuple[Page, AppServer, str],
) -> None:
    page, server, _ = counter
    second = submit_birth(server.url, 2)
    open_queue(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    expect(row_of(page, second)).to_be_visible()
    page.mouse.click(1, 760)
    page.screenshot(path=str(SCREENSHOTS / "staff-queue-1366.png"), full_page=True)
    row_of(page, second).get_by_role("link", name=second).click()
    page.get_by_role("button", name="Tiếp nhận").click()
    page.get_by_label("Ghi chú nội bộ (không bắt buộc)").fill("Đủ giấy tờ")
    page.get_by_role("button", name="Xác nhận").click()
    paper = page.get_by_test_id("paper")
    expect(paper).to_contain_text("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    expect(paper).to_contain_text(second)
    expect(paper).to_contain_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        due = db.execute("SELECT appointment_date FROM dossier WHERE code = ?", (second,)).fetchone()[0]
    year, month, day = str(due)[:10].split("-")
    expect(paper).to_contain_text(f"Ngày hẹn trả kết quả:{day}/{month}/{year}")
    page.mouse.click(1, 760)
    page.screenshot(path=str(SCREENSHOTS / "staff-paper-01-1366.png"), full_page=True)
    open_queue(page)
    page.get_by_role("button", name=re.compile("^Đã tiếp nhận")).click()
    expect(row_of(page, second)).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "360"])
def test_queue_and_dossier_have_no_serious_violations(
    audited: tuple[Page, AppServer, str], viewport: dict[str, int]
) -> None:
    page, _, code = audited
    page.set_viewport_size(viewport)
    page.goto(f"{page.url.split('/staff/')[0]}/staff/ho-so")
    expect(row_of(page, code)).to_be_visible()
    assert _violations(page) == []
    row_of(page, code).get_by_role("link", name=code).click()
    expect(page.get_by_test_id("actions")).to_be_visible()
    assert _violations(page) == []
    page.get_by_role("button", name="Yêu cầu bổ sung").click()
    assert _violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_a_dossier_another_officer_just_accepted_is_reloaded_with_a_notice(
    counter: tuple[Page, AppServer, str],
) -> None:
    page, server, code = counter
    page.goto(f"{server.url}/staff/ho-so/{code}")
    expect(page.get_by_test_id("actions")).to_be_visible()
    with httpx.Client(base_url=server.url) as other:  # a second officer's session, at another computer
        token = other.post("/api/staff/session", json={"username": "lan.nt", "password": PASSWORD}).json()["csrfToken"]
        version = other.get(f"/api/staff/dossiers/{code}").json()["version"]
        accepted = other.post(
            f"/api/staff/dossiers/{code}/accept", json={"version": version}, headers={"X-CSRF-Token": token}
        )
        assert accepted.is_success, accepted.text
    page.get_by_role("button", name="Tiếp nhận").click()
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("alert")).to_have_text("Hồ sơ vừa được người khác xử lý. Đã tải lại hồ sơ.")
    expect(page.get_by_text("Đã tiếp nhận", exact=True)).to_be_visible()
    expect(page.get_by_test_id("actions")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("^Mẫu 01"))).to_be_visible()


def test_a_dossier_found_by_its_code_is_refused_with_two_reasons_on_mau_03(
    counter: tuple[Page, AppServer, str],
) -> None:
    page, server, first = counter
    second = submit_birth(server.url, 3)
    open_queue(page)
    page.get_by_label("Tìm hồ sơ").fill(second)
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(row_of(page, first)).to_have_count(0)
    row_of(page, second).get_by_role("link", name=second).click()
    page.get_by_role("button", name="Từ chối").click()
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("alert")).to_have_text("Hãy ghi ít nhất một lý do.")  # nothing sent without one
    page.get_by_label("Lý do từ chối (mỗi lý do một dòng)").fill("Không thuộc thẩm quyền\n\nThiếu giấy tờ")
    page.get_by_role("button", name="Xác nhận").click()
    paper = page.get_by_test_id("paper")
    expect(paper).to_contain_text("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ")
    # The reasons are the paper's numbered list; its legal basis follows as a list of its own.
    expect(paper.locator("ol").get_by_role("listitem")).to_have_text(["Không thuộc thẩm quyền", "Thiếu giấy tờ"])
    expect(paper.get_by_test_id("legal-basis")).to_contain_text("Nghị định số 118/2025/NĐ-CP")


def accept_as(server: AppServer, username: str, code: str) -> None:
    """Another officer accepts `code` from their own computer (they hold it from then on)."""
    with httpx.Client(base_url=server.url) as other:
        token = other.post("/api/staff/session", json={"username": username, "password": PASSWORD}).json()["csrfToken"]
        version = other.get(f"/api/staff/dossiers/{code}").json()["version"]
        accepted = other.post(
            f"/api/staff/dossiers/{code}/accept", json={"version": version}, headers={"X-CSRF-Token": token}
        )
        assert accepted.is_success, accepted.text


def test_the_queue_filters_by_assignee_and_by_field_and_a_reload_keeps_them(
    counter: tuple[Page, AppServer, str],
) -> None:
    page, server, mine = counter
    create_officer(server, receiving_unit(server, mine), "minh.pv", "Phạm Văn Minh")
    theirs, waiting = submit_birth(server.url, 4), submit_birth(server.url, 5)
    copy = submit_online(server.url, 6, "2.000908", "ban_chinh")  # chứng thực: another field
    accept_as(server, "lan.nt", mine)
    accept_as(server, "minh.pv", theirs)
    open_queue(page)
    listed = page.get_by_test_id("queue-row").get_by_role("link")
    expect(listed).to_have_text([waiting, copy])  # to check: nobody holds them yet
    page.get_by_role("button", name=re.compile("^Đã tiếp nhận")).click()
    expect(listed).to_have_text([mine, theirs])
    page.get_by_label("Người xử lý").select_option(label="Của tôi")
    expect(listed).to_have_text([mine])
    expect(page.get_by_role("button", name=re.compile("^Đã tiếp nhận"))).to_contain_text("1")
    assert "assignee=me" in page.url and "list=received" in page.url
    page.reload()  # a reload (or the same link sent to a colleague) shows the same list
    expect(page.get_by_label("Người xử lý")).to_have_value("me")
    expect(listed).to_have_text([mine])
    page.get_by_label("Người xử lý").select_option(label="Phạm Văn Minh")
    expect(listed).to_have_text([theirs])
    page.get_by_role("button", name="Bỏ lọc").click()
    expect(listed).to_have_text([mine, theirs])

    page.get_by_role("button", name=re.compile("^Cần kiểm tra")).click()
    page.get_by_label("Lĩnh vực").select_option(label="Chứng thực")
    expect(listed).to_have_text([copy])
    procedures = page.get_by_label("Thủ tục").locator("option")
    expect(procedures).to_have_count(3)  # all, and the field's two procedures only
    expect(procedures.nth(1)).to_have_text(re.compile("^Chứng thực chữ ký"))
    page.get_by_label("Lĩnh vực").select_option(label="Hộ tịch")
    page.get_by_label("Người xử lý").select_option(label="Chưa giao")
    expect(listed).to_have_text([waiting])
    assert "field=ho-tich" in page.url and "assignee=none" in page.url
    page.mouse.click(1, 760)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "staff-queue-filters-1366.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SCREENSHOTS / "staff-queue-filters-360.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0

"""Journey (1) of issue 15 in the staff app against the real server: a paper dossier received at xã Can Lộc's
centre for a procedure of the province's Department of Justice is transferred (electronically at once, the
paper handed over and confirmed), assigned by the department's head, sent by liên thông to the provincial
Police, which returns its part; approved, issued, ready and returned at Can Lộc's counter. Dates by hand.

The server's clock stands at Monday 7 December 2026, 15:30 (no holiday in December 2026 before the 25th):
- received after 15:00, the paper is due at the start of the next working day: Tuesday 8, 07:30 + 1 hour = 08:30;
  handed over at 15:30 on the 7th, a day before its deadline's day: "Trước hạn";
- LLTP-01 takes 10 working days from the next one: Tue 8, Wed 9, Thu 10, Fri 11, Mon 14, Tue 15, Wed 16,
  Thu 17, Fri 18, Mon 21 → 21/12/2026;
- the Police's part, 5 working days: Tue 8 … Mon 14, due at closing, 17:00 on 14/12/2026."""

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
from playwright.sync_api import Browser, Page, expect
from staff import PASSWORD, create_officer, row_of, sign_in
from test_accessibility import _violations
from test_handling_journey import done, open_dossier, print_a4, staff_page, step

PROCEDURE, DEPARTMENT, POLICE, CENTRE = "LLTP-01", "H12.02", "H12.03", "H12.41.01"
MONDAY_15_30 = "2026-12-07T15:30:00+07:00"
VECTORS = ROOT / "tests" / "vectors" / "form_answers.json"
PEOPLE = {  # username: (role, full name, agency)
    "lan.nt": ("officer", "Nguyễn Thị Lan", CENTRE),
    "hoa.lt": ("leader", "Lê Thị Hòa", DEPARTMENT),
    "minh.pv": ("specialist", "Phạm Văn Minh", DEPARTMENT),
    "binh.ca": ("specialist", "Trần Văn Bình", POLICE),
}
TASK = "Tra cứu, xác minh thông tin án tích của người yêu cầu"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=MONDAY_15_30) as running:
        for username, (role, name, agency) in PEOPLE.items():
            create_officer(running, agency, username, name, role)
        yield running


def received_at_the_counter(server: AppServer) -> str:
    """The citizen brings the paper dossier to Can Lộc's centre; the officer enters it (the counter intake's
    own journey is e2e/test_counter_intake.py). Returns its code."""
    answers = next(v["answers"] for v in json.loads(VECTORS.read_text(encoding="utf-8")) if v["procedure"] == PROCEDURE)
    with httpx.Client(base_url=server.url) as http:
        signed = http.post("/api/staff/session", json={"username": "lan.nt", "password": PASSWORD})
        assert signed.is_success, signed.text
        body: dict[str, Any] = {
            "procedureCode": PROCEDURE,
            "competentAgencyCode": DEPARTMENT,
            "channel": "in_person",
            "answers": answers,
            "identityChecked": True,
            "intakeId": str(uuid.uuid4()),
        }
        made = http.post("/api/staff/counter-intake", json=body, headers={"X-CSRF-Token": signed.json()["csrfToken"]})
        assert made.status_code == 201, made.text
        return str(made.json()["code"])


def paper_line(page: Page, step_name: str) -> Any:
    return page.get_by_test_id("paper-handover").locator(f'[data-step="{step_name}"]')


def counter_hands_the_paper_over(officer: Page, server: AppServer, code: str) -> None:
    open_dossier(officer, server, code)
    card = officer.get_by_test_id("paper-handover")
    expect(card.get_by_test_id("after-cutoff")).to_have_text(
        "Hồ sơ tiếp nhận sau 15 giờ: hạn bàn giao là đầu giờ ngày làm việc tiếp theo."
    )
    pending = paper_line(officer, "paper_pending")
    expect(pending).to_contain_text("Chưa thực hiện")
    expect(pending).to_contain_text("Hạn: 08 giờ 30 phút, ngày 08/12/2026")
    form = officer.get_by_role("form", name="Ghi nhận đã bàn giao hồ sơ giấy")
    form.get_by_label("Người nhận tại cơ quan giải quyết").fill("Văn thư Sở Tư pháp")
    form.get_by_role("button", name="Ghi nhận đã bàn giao hồ sơ giấy").click()
    expect(officer.get_by_test_id("notice")).to_have_text("Đã ghi nhận.")
    handed = paper_line(officer, "paper_transfer")
    expect(handed).to_contain_text("Bàn giao hồ sơ giấy cho cơ quan giải quyết — Văn thư Sở Tư pháp")
    expect(handed).to_contain_text("15 giờ 30 phút, ngày 07/12/2026")
    expect(handed).to_contain_text("Hạn: 08 giờ 30 phút, ngày 08/12/2026 · Trước hạn")
    expect(officer.get_by_role("form", name="Ghi nhận đã bàn giao hồ sơ giấy")).to_have_count(0)


def department_receives_and_assigns(leader: Page, server: AppServer, code: str) -> None:
    leader.goto(f"{server.url}/staff/ho-so")  # the department's queue holds a dossier received at a commune
    expect(leader.get_by_role("button", name=re.compile("^Chờ phân công"))).to_have_attribute("aria-pressed", "true")
    row_of(leader, code).get_by_role("link", name=code).click()
    expect(leader.get_by_role("heading", level=1)).to_contain_text("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam")
    leader.get_by_test_id("paper-handover").get_by_role("button", name="Xác nhận đã nhận hồ sơ giấy").click()
    expect(leader.get_by_test_id("notice")).to_have_text("Đã ghi nhận.")
    expect(paper_line(leader, "paper_received")).to_contain_text("Cơ quan giải quyết nhận hồ sơ giấy — Lê Thị Hòa")
    expect(paper_line(leader, "paper_received")).to_contain_text("Trước hạn")
    step(leader, "Phân công chuyên viên", {"Chuyên viên xử lý": "minh.pv"})
    done(leader, "Đang giải quyết")


def handler_refers_to_the_police(handler: Page, server: AppServer, code: str) -> None:
    open_dossier(handler, server, code)
    parts = handler.get_by_test_id("parts")
    expect(parts).to_contain_text("Chưa chuyển hồ sơ đến cơ quan nào.")
    parts.get_by_role("button", name="Chuyển xử lý liên thông").click()
    form = handler.get_by_role("form", name="Phiếu chuyển xử lý (Điều 20 Nghị định 118/2025)")
    form.get_by_role("button", name="Chuyển hồ sơ").click()  # nothing chosen yet: said, not sent
    expect(form.get_by_role("alert")).to_have_text(
        "Mỗi cơ quan cần được chọn, có nội dung công việc và thời hạn từ 1 đến 60 ngày làm việc."
    )
    agencies = form.get_by_label("Cơ quan phối hợp").locator("option")
    expect(agencies.filter(has_text="Sở Tư pháp")).to_have_count(0)  # the lead does not send to itself
    expect(agencies.filter(has_text="Trung tâm Phục vụ")).to_have_count(0)  # centres receive, they take no part
    form.get_by_label("Cơ quan phối hợp").select_option(label="Công an tỉnh Hà Tĩnh")
    form.get_by_label("Nội dung công việc").fill(TASK)
    form.get_by_label("Thời hạn (ngày làm việc)").fill("5")
    form.get_by_role("button", name="Chuyển hồ sơ").click()
    expect(handler.get_by_test_id("notice")).to_have_text("Đã ghi nhận.")
    part = handler.get_by_test_id("part")
    expect(part).to_have_attribute("data-state", "open")
    expect(part).to_contain_text("Công an tỉnh Hà Tĩnh — Đang xử lý")
    expect(part).to_contain_text("Chuyển lúc 07/12/2026 15:30 (minh.pv) · Hạn: 14/12/2026 17:00")


def the_slip_prints_on_a4(handler: Page) -> None:
    handler.get_by_test_id("parts").get_by_role("link", name="In phiếu chuyển xử lý số 1").click()
    slip = handler.get_by_test_id("referral-slip")
    expect(slip.get_by_role("heading", level=1)).to_have_text("PHIẾU CHUYỂN XỬ LÝ HỒ SƠ")
    expect(slip).to_contain_text("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH")
    expect(slip).to_contain_text("SỞ TƯ PHÁP TỈNH HÀ TĨNH")
    expect(slip).to_contain_text("Hà Tĩnh, ngày 07 tháng 12 năm 2026")
    expect(slip).to_contain_text("Cơ quan chủ trì giải quyết:Sở Tư pháp tỉnh Hà Tĩnh")
    expect(slip).to_contain_text("hẹn trả kết quả ngày 21/12/2026")
    expect(slip.get_by_test_id("slip-line")).to_have_count(1)
    cells = slip.get_by_test_id("slip-line").locator("td")
    expect(cells).to_have_text(["1", "Công an tỉnh Hà Tĩnh", TASK, "5", "17 giờ 00 phút, ngày 14/12/2026"])
    expect(slip).to_contain_text("Điều 20 Nghị định số 118/2025/NĐ-CP")
    expect(slip).to_contain_text("Thông tư số 03/2025/TT-VPCP")
    expect(slip.locator(".sheet-signatures")).to_contain_text("NGƯỜI CHUYỂN")
    expect(slip.locator(".sheet-signatures")).to_contain_text("Phạm Văn Minh")
    expect(slip.locator(".sheet-signatures")).to_contain_text("THỦ TRƯỞNG CƠ QUAN CHỦ TRÌ")
    assert not _violations(handler), _violations(handler)
    print_a4(handler, "phieu-chuyen-xu-ly-a4.png")
    handler.go_back()


def police_return_their_part(police: Page, code: str) -> None:
    police.get_by_role("navigation", name=re.compile(".")).get_by_role("link", name="Liên thông").click()
    expect(police.get_by_role("heading", level=1)).to_have_text("Hồ sơ liên thông cần trả")
    row = police.get_by_test_id("part-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(TASK)
    expect(row).to_contain_text("14/12/2026 17:00")
    expect(row).to_contain_text("Đang xử lý")
    assert not _violations(police), _violations(police)
    row.get_by_role("link", name=code).click()
    form = police.get_by_role("form", name="Trả kết quả phần việc")
    form.get_by_role("button", name="Trả kết quả phần việc").click()  # empty: said, not sent
    expect(form).to_contain_text("Vui lòng nhập kết quả phối hợp.")
    form.get_by_label("Kết quả phối hợp").fill("Không có án tích (Công văn số 123/CA-PV06)")
    form.get_by_role("button", name="Trả kết quả phần việc").click()
    expect(police.get_by_test_id("notice")).to_have_text("Đã ghi nhận.")
    part = police.get_by_test_id("part")
    expect(part).to_have_attribute("data-state", "returned")
    expect(part).to_contain_text("Đã trả (trước hạn)")
    expect(police.get_by_role("form", name="Trả kết quả phần việc")).to_have_count(0)
    police.goto(police.url.split("/staff/")[0] + "/staff/lien-thong")
    expect(police.get_by_text("Không có phần việc nào đang chờ cơ quan trả.")).to_be_visible()


def test_a_province_dossier_received_at_a_commune_goes_to_the_police_and_back(
    server: AppServer, browser: Browser
) -> None:
    code = received_at_the_counter(server)
    assert re.fullmatch(r"H12\.41\.01-261207-\d{4}", code), code  # the receiving centre's code, the day
    officer = staff_page(browser, server, "lan.nt")
    counter_hands_the_paper_over(officer, server, code)

    leader = staff_page(browser, server, "hoa.lt")
    department_receives_and_assigns(leader, server, code)
    expect(leader.get_by_test_id("handling")).to_contain_text("minh.pv")

    handler = staff_page(browser, server, "minh.pv")
    handler_refers_to_the_police(handler, server, code)
    the_slip_prints_on_a4(handler)

    police = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN", bypass_csp=True).new_page()
    sign_in(police, server.url, "binh.ca")
    police_return_their_part(police, code)

    open_dossier(handler, server, code)
    expect(handler.get_by_test_id("part")).to_contain_text("Không có án tích (Công văn số 123/CA-PV06)")
    step(
        handler,
        "Trình lãnh đạo phê duyệt",
        {
            "Giải quyết (cấp kết quả)": "",
            "Nội dung dự thảo kết quả": "Cấp Phiếu lý lịch tư pháp số 1, không có án tích.",
        },
    )
    done(handler, "Chờ lãnh đạo phê duyệt")
    open_dossier(leader, server, code)
    step(leader, "Phê duyệt")
    done(leader, "Đã phê duyệt, chờ ban hành")
    open_dossier(handler, server, code)
    issued = "Phiếu lý lịch tư pháp số 1 đã ký, chuyển về Bộ phận Một cửa xã Can Lộc."
    step(handler, "Ban hành kết quả", {"Kết quả": issued})
    done(handler, "Đã có kết quả, chuyển về Một cửa")

    open_dossier(officer, server, code)
    step(officer, "Kết quả đã về, báo công dân đến nhận")
    done(officer, "Chờ trả kết quả")
    step(officer, "Trả kết quả", {"Tại quầy (trả bản chính)": ""})
    done(officer, "Đã trả kết quả")
    expect(officer.get_by_test_id("parts")).to_contain_text("Công an tỉnh Hà Tĩnh — Đã trả (trước hạn)")

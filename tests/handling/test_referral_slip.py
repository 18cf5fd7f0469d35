"""The Phiếu chuyển xử lý (Decree 118/2025 Art 20) through the staff API: xã Can Lộc's People's Committee (H12.41,
the lead) sends parts of a dossier received Monday 23 November 2026 09:00 to the Department of Justice and the
Police. Tuesday 24th is a holiday: 2 working days end Thursday 26th 17:00, 3 end Friday 27th 17:00; the
dossier's 3 working days (Wednesday 25, Thursday 26, Friday 27) give the appointment on the 27th."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.accounts.staffing import Clock
from tests.handling.journey import Desk, desk, url

pytestmark = pytest.mark.usefixtures("db")
PARTS = [
    {"agency": "H12.02", "task": "Xác minh tình trạng hôn nhân tại nơi cư trú trước", "workingDays": 2},
    {"agency": "H12.03", "task": "Xác minh nhân thân", "workingDays": 3},
]


async def _slip(d: Desk, made: dict[str, Any], who: str, query: str = "") -> httpx.Response:
    return await d.client.get(url(made, "referral-slip") + query, headers=d.sessions[who].headers())


async def test_the_slip_names_the_lead_and_each_agency_with_its_task_and_deadline(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    await d.ok("specialist", made, "referral", parts=PARTS)
    answer = await _slip(d, made, "justice")  # an agency sent a part reads it too
    assert answer.status_code == 200, answer.text
    assert answer.json()["kind"] == "referral"
    data = answer.json()["data"]
    assert (data["title"], data["number"], data["count"]) == ("PHIẾU CHUYỂN XỬ LÝ HỒ SƠ", 1, 1)
    assert data["agencyHeader"]["unit"] == "Ủy ban nhân dân xã Can Lộc"
    assert data["placeDate"] == "Can Lộc, ngày 23 tháng 11 năm 2026"
    assert data["lead"] == {"code": "H12.41", "name": "Ủy ban nhân dân xã Can Lộc"}
    assert (data["sentText"], data["sentBy"]) == (
        "09 giờ 00 phút, ngày 23/11/2026",
        {"username": "hs.specialist", "fullName": "Cán bộ hs.specialist"},
    )
    assert [(x["n"], x["agencyName"], x["task"], x["workingDays"], x["dueText"]) for x in data["lines"]] == [
        (1, "Sở Tư pháp tỉnh Hà Tĩnh", PARTS[0]["task"], 2, "17 giờ 00 phút, ngày 26/11/2026"),
        (2, "Công an tỉnh Hà Tĩnh", PARTS[1]["task"], 3, "17 giờ 00 phút, ngày 27/11/2026"),
    ]
    code = made["dossier"]["code"]
    assert data["body"].startswith(f"Ủy ban nhân dân xã Can Lộc là cơ quan chủ trì giải quyết hồ sơ {code} (")
    assert "tiếp nhận tại Trung tâm Phục vụ hành chính công xã Can Lộc ngày 23/11/2026" in data["body"]
    assert "hẹn trả kết quả ngày 27/11/2026" in data["body"]
    assert data["legalBasis"][0] == "Điều 20 Nghị định số 118/2025/NĐ-CP"
    assert data["legalBasis"][2].startswith("Thông tư số 03/2025/TT-VPCP")
    assert [s["title"] for s in data["signatures"]] == ["NGƯỜI CHUYỂN", "THỦ TRƯỞNG CƠ QUAN CHỦ TRÌ"]


async def test_each_referral_has_its_own_slip_the_latest_by_default(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    missing = await _slip(d, made, "leader")  # nothing sent yet
    assert (missing.status_code, missing.json()["code"]) == (404, "paper_not_found")
    await d.ok("specialist", made, "referral", parts=PARTS)
    await d.later(days=2, hours=1)  # Wednesday 25th 10:00
    await d.ok("justice", made, "part-return", result="Chưa đăng ký kết hôn")
    await d.ok("specialist", made, "referral", parts=[{**PARTS[0], "task": "Xác minh thêm", "workingDays": 1}])
    latest = (await _slip(d, made, "officer")).json()["data"]  # the receiving centre sees it as well
    assert (latest["number"], latest["count"], latest["sentText"]) == (2, 2, "10 giờ 00 phút, ngày 25/11/2026")
    assert [(x["agencyName"], x["task"], x["dueText"]) for x in latest["lines"]] == [
        ("Sở Tư pháp tỉnh Hà Tĩnh", "Xác minh thêm", "17 giờ 00 phút, ngày 26/11/2026")
    ]
    first = (await _slip(d, made, "leader", "?n=1")).json()["data"]
    assert [x["agency"] for x in first["lines"]] == ["H12.02", "H12.03"]
    assert first["placeDate"] == "Can Lộc, ngày 23 tháng 11 năm 2026"
    beyond = await _slip(d, made, "leader", "?n=3")
    assert (beyond.status_code, beyond.json()["code"]) == (404, "paper_not_found")
    assert (await _slip(d, made, "leader", "?n=0")).status_code == 400
    assert (await _slip(d, made, "stranger")).status_code == 404  # another commune's leader sees nothing

"""Mẫu 06 (the control slip) and Mẫu 07 (the register, with its CSV) through the staff API, on the demo calendar
(07:30-12:00 and 13:30-17:00; Tuesday 24 November 2026 a holiday). A paper dossier is received at the centre of
xã Can Lộc on Monday 23rd at 09:00 for the commune's People's Committee; every expected line was worked out
by hand from Decree 118/2025 Art 18 and 20."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

from backend.handling.sheets import csv_bytes
from tests.accounts.staffing import Clock
from tests.handling.journey import Desk, desk, paper_dossier, url

pytestmark = pytest.mark.usefixtures("db")
CENTRE, COMMUNE, JUSTICE = (
    "Trung tâm Phục vụ hành chính công xã Can Lộc",
    "Ủy ban nhân dân xã Can Lộc",
    "Sở Tư pháp tỉnh Hà Tĩnh",
)


async def _slip(d: Desk, made: dict[str, Any], who: str = "leader") -> dict[str, Any]:
    answer = await d.client.get(url(made, "control-slip"), headers=d.sessions[who].headers())
    assert answer.status_code == 200, answer.text
    assert answer.json()["kind"] == "06"
    data: dict[str, Any] = answer.json()["data"]
    return data


def _row(line: dict[str, Any]) -> tuple[Any, ...]:
    return (
        line["label"],
        line["from"]["unitName"],
        line["from"]["userName"],
        line["to"]["unitName"],
        line["to"]["userName"],
        line["atText"],
        line["dueText"],
        line["verdictLabel"],
        line["lateBy"],
    )


async def test_the_control_slip_lists_every_hand_over_with_its_verdict(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await paper_dossier(d)
    await d.later(days=2, hours=1)  # Wednesday 25th 10:00: the paper goes two days late
    await d.ok("officer", made, "paper-handover")
    await d.ok("leader", made, "assign", specialist="hs.specialist")
    await d.ok("specialist", made, "referral", parts=[{"agency": "H12.02", "task": "Xác minh", "workingDays": 2}])
    slip = await _slip(d, made)
    officer, leader, specialist = "Cán bộ hs.officer", "Cán bộ hs.leader", "Cán bộ hs.specialist"
    mon, wed, fri = "ngày 23/11/2026", "ngày 25/11/2026", "ngày 27/11/2026"
    at_9, at_10_wed = f"09 giờ 00 phút, {mon}", f"10 giờ 00 phút, {wed}"
    assert [_row(line) for line in slip["lines"]] == [
        # At receipt the electronic file goes at once (on time by definition).
        (
            "Chuyển hồ sơ điện tử đến cơ quan giải quyết",
            CENTRE,
            officer,
            COMMUNE,
            "",
            at_9,
            at_9,
            "Đúng hạn",
            "",
        ),
        # Received before 15:00: due Monday 17:00; Tuesday is off, Wednesday 07:30-10:00 is 2 h 30 late.
        (
            *("Bàn giao hồ sơ giấy cho cơ quan giải quyết", CENTRE, officer, COMMUNE, "", at_10_wed),
            *(f"17 giờ 00 phút, {mon}", "Quá hạn", "quá hạn 2 giờ 30 phút làm việc"),
        ),
        ("Phân công xử lý", COMMUNE, leader, COMMUNE, specialist, at_10_wed, "", "", ""),
        # Two working days from Wednesday: Thursday and Friday; the verdict waits for the return.
        ("Chuyển xử lý (liên thông)", COMMUNE, specialist, JUSTICE, "", at_10_wed, f"17 giờ 00 phút, {fri}", "", ""),
        ("Chờ trả kết quả phối hợp", JUSTICE, "", COMMUNE, "", "", f"17 giờ 00 phút, {fri}", "", ""),
    ]
    assert (slip["form"], slip["title"]) == ("Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ")
    assert (slip["lead"], slip["receiving"], slip["partners"]) == (COMMUNE, CENTRE, [JUSTICE])
    assert any("118/2025/NĐ-CP" in b for b in slip["legalBasis"]) and any(
        "03/2025/TT-VPCP" in b for b in slip["legalBasis"]
    )
    assert "(verify)" in slip["verify"]

    await d.later(days=5, hours=-1)  # Monday 30th 09:00: the Department answers 1 h 30 after Friday's close
    late = (await _slip(d, made, "justice"))["lines"][-1]  # the agency taking part reads it too
    assert (late["verdictLabel"], late["lateBy"]) == ("Quá hạn", "quá hạn 1 giờ 30 phút làm việc")
    await d.ok("justice", made, "part-return", result="Đã xác minh")
    back = (await _slip(d, made))["lines"][-1]
    assert _row(back) == (
        "Trả kết quả phối hợp",
        JUSTICE,
        "Cán bộ hs.justice",
        COMMUNE,
        specialist,
        "09 giờ 00 phút, ngày 30/11/2026",
        f"17 giờ 00 phút, {fri}",
        "Quá hạn",
        "quá hạn 1 giờ 30 phút làm việc",
    )
    stranger = await client.get(url(made, "control-slip"), headers=d.sessions["stranger"].headers())
    assert stranger.status_code == 404


async def _register(d: Desk, start: str, end: str, suffix: str = "") -> httpx.Response:
    return await d.client.get(
        f"/api/staff/register{suffix}", params={"from": start, "to": end}, headers=d.sessions["officer"].headers()
    )


async def test_the_register_lists_the_units_dossiers_received_in_the_period(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    online = await d.received()  # Monday 23rd 09:00, 3 working days: Wednesday, Thursday, Friday 27th
    paper = await paper_dossier(d)
    await d.later(days=2)
    later = await d.received()  # Wednesday 25th
    rows = (await _register(d, "2026-11-23", "2026-11-24")).json()["data"]["rows"]
    codes = [online["dossier"]["code"], paper["dossier"]["code"]]
    assert [r["code"] for r in rows] == codes
    assert rows[0] == {
        "n": "1",
        "code": codes[0],
        "procedure": "Cấp Giấy xác nhận tình trạng hôn nhân",
        "applicant": "Bùi Thị Phương Thảo",
        "phone": "0868123456",
        "channel": "Trực tuyến",
        "lead": COMMUNE,
        "receivedAt": "23/11/2026 09:00",
        "appointment": "27/11/2026",
        "transferredAt": "23/11/2026 09:00",
        "resultAt": "",
        "returnedAt": "",
        "verdict": "",  # Wednesday: not yet due
        "note": "",
    }
    assert rows[1]["channel"] == "Trực tiếp"
    wider = (await _register(d, "2026-11-23", "2026-11-25")).json()["data"]
    assert [r["code"] for r in wider["rows"]] == [*codes, later["dossier"]["code"]]
    assert wider["period"] == "Từ ngày 23/11/2026 đến ngày 25/11/2026"
    await d.later(days=5)  # Monday 30th: Friday 27th has passed without a result
    assert (await _register(d, "2026-11-23", "2026-11-23")).json()["data"]["rows"][0]["verdict"] == "Quá hạn"


async def test_the_register_downloads_as_csv_for_excel(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await d.received()
    answer = await _register(d, "2026-11-23", "2026-11-23", ".csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert 'filename="so-theo-doi-H12.41.01-20261123-20261123.csv"' in answer.headers["content-disposition"]
    assert answer.content.startswith(b"\xef\xbb\xbf")
    text = answer.content.decode("utf-8-sig")
    assert text.count("\r\n") == 2
    header, row = list(csv.reader(io.StringIO(text)))
    assert header[:4] == ["STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên tổ chức, cá nhân"]
    assert row[:4] == ["1", made["dossier"]["code"], "Cấp Giấy xác nhận tình trạng hôn nhân", "Bùi Thị Phương Thảo"]


async def test_the_register_covers_at_most_92_days_of_the_own_unit(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    backwards = await _register(d, "2026-11-23", "2026-11-22")
    assert (backwards.status_code, backwards.json()["code"]) == (422, "period_invalid")
    too_long = await _register(d, "2026-09-01", "2026-12-02")  # 30 + 31 + 30 + 2 = 93 days
    assert (too_long.status_code, too_long.json()["code"]) == (422, "period_invalid")
    assert (await _register(d, "2026-09-01", "2026-12-01")).status_code == 200  # 92 days
    assert (await _register(d, "2026-09-01", "2026-12-02", ".csv")).status_code == 422
    await d.received()
    other = await client.get(
        "/api/staff/register",
        params={"from": "2026-11-23", "to": "2026-11-23"},
        headers=d.sessions["stranger"].headers(),
    )
    assert other.json()["data"]["rows"] == []  # another commune's register holds none of them


def test_a_cell_a_citizen_typed_never_becomes_a_formula() -> None:
    body = csv_bytes(["Tên"], [['=HYPERLINK("x")'], ["+84 868"], ["Nguyễn Văn An"]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body))) == [["Tên"], ['\'=HYPERLINK("x")'], ["'+84 868"], ["Nguyễn Văn An"]]

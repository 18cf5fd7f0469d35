"""Liên thông through the staff API (Decree 118/2025 Art 20): the commune's People's Committee (H12.41, the lead)
sends parts of a dossier to the Department of Justice (H12.02) and the Police (H12.03) by a Phiếu chuyển xử
lý; each returns its part; the result waits for both. Sent Monday 23 November 2026 09:00; Tuesday 24th is a
holiday: 2 working days are Wednesday 25 and Thursday 26 (due 17:00), 3 end on Friday 27."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.accounts.staffing import Clock
from tests.factories import NOW
from tests.handling.journey import Desk, desk, kept, url

pytestmark = pytest.mark.usefixtures("db")
VN = NOW.tzinfo
PARTS = [
    {"agency": "H12.02", "task": "Xác minh tình trạng hôn nhân tại nơi cư trú trước", "workingDays": 2},
    {"agency": "H12.03", "task": "Xác minh nhân thân", "workingDays": 3},
]


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=VN)


async def _referred(d: Desk) -> dict[str, Any]:
    made = await d.assigned()
    await d.ok("specialist", made, "referral", parts=PARTS)
    return made


async def _parts(d: Desk, made: dict[str, Any], who: str) -> list[dict[str, Any]]:
    answer = await d.client.get(url(made, "parts"), headers=d.sessions[who].headers())
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


async def test_each_agency_gets_its_part_with_its_deadline_and_sees_the_dossier(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await _referred(d)
    parts = await _parts(d, made, "justice")
    assert [(p["agency"], p["agencyName"], p["workingDays"], p["verdict"]) for p in parts] == [
        ("H12.02", "Sở Tư pháp tỉnh Hà Tĩnh", 2, None),
        ("H12.03", "Công an tỉnh Hà Tĩnh", 3, None),
    ]
    assert [dt.datetime.fromisoformat(p["dueAt"]) for p in parts] == [at(26, 17), at(27, 17)]
    for who, status in (("justice", 200), ("police", 200), ("stranger", 404)):
        seen = await client.get(url(made), headers=d.sessions[who].headers())
        assert seen.status_code == status, who
    todo = await client.get("/api/staff/parts", headers=d.sessions["justice"].headers())
    assert [(p["code"], p["task"]) for p in todo.json()["items"]] == [(made["dossier"]["code"], PARTS[0]["task"])]
    lines = [
        (h["step"], h["from_unit"], h["from_user"], h["to_unit"], h["due_at"]) for h in (await kept(made))["handovers"]
    ]
    assert lines[-2:] == [
        ("referral", "H12.41", "hs.specialist", "H12.02", at(26, 17)),
        ("referral", "H12.41", "hs.specialist", "H12.03", at(27, 17)),
    ]


async def test_the_result_waits_until_every_part_is_back(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await _referred(d)
    await d.later(days=2, hours=1)  # Wednesday 25th 10:00: the Department answers before its day
    await d.ok("justice", made, "part-return", result="Chưa đăng ký kết hôn tại xã cũ")
    await d.ok("specialist", made, "submit-for-approval", outcome="granted", text="Đủ điều kiện")
    await d.ok("leader", made, "approve")
    blocked = await d.act("specialist", made, "result", note="Giấy xác nhận đã ký")
    assert (blocked.status_code, blocked.json()["code"]) == (409, "parts_outstanding")
    assert "Công an tỉnh Hà Tĩnh" in blocked.json()["message"]["vi"]
    assert "Sở Tư pháp" not in blocked.json()["message"]["vi"]
    await d.later(days=5)  # Monday 30th 10:00: the Police answer after Friday 27th 17:00
    await d.ok("police", made, "part-return", result="Nhân thân khớp")
    await d.ok("specialist", made, "result", note="Giấy xác nhận đã ký")
    parts = await _parts(d, made, "leader")
    assert [(p["verdict"], p["returnedBy"], p["result"]) for p in parts] == [
        ("early", "hs.justice", "Chưa đăng ký kết hôn tại xã cũ"),
        ("late", "hs.police", "Nhân thân khớp"),
    ]
    returns = [h for h in (await kept(made))["handovers"] if h["step"] == "part_returned"]
    assert [(h["from_unit"], h["from_user"], h["to_unit"], h["to_user"], h["at"]) for h in returns] == [
        ("H12.02", "hs.justice", "H12.41", "hs.specialist", at(25, 10)),
        ("H12.03", "hs.police", "H12.41", "hs.specialist", at(30, 10)),
    ]


async def test_a_refusal_after_appraisal_waits_for_the_parts_too(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await _referred(d)
    await d.ok("specialist", made, "submit-for-approval", outcome="refused", text="Không đủ điều kiện")
    await d.ok("leader", made, "approve")
    blocked = await d.act("leader", made, "refuse-after-appraisal", reasons=["Không đủ điều kiện"])
    assert (blocked.status_code, blocked.json()["code"]) == (409, "parts_outstanding")


async def test_only_an_agency_holding_a_part_returns_it_and_only_once(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await _referred(d)
    lead = await d.act("leader", made, "part-return", result="Xong")  # the lead has no part of its own
    assert (lead.status_code, lead.json()["code"]) == (403, "not_this_agencys_step")
    stranger = await d.act("stranger", made, "part-return", result="Xong")
    assert stranger.status_code == 404
    await d.ok("justice", made, "part-return", result="Xong")
    again = await d.act("justice", made, "part-return", result="Xong lần hai")
    assert (again.status_code, again.json()["code"]) == (409, "part_already_returned")
    still = await client.get(url(made), headers=d.sessions["justice"].headers())  # it keeps seeing what it did
    assert still.status_code == 200
    todo = await client.get("/api/staff/parts", headers=d.sessions["justice"].headers())
    assert todo.json()["items"] == []


async def test_a_slip_has_one_lead_and_never_loses_a_part(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    received = await d.received()  # not yet with a handler
    early = await d.act("leader", received, "referral", parts=PARTS)
    assert (early.status_code, early.json()["code"]) == (409, "illegal_transition")
    made = await d.assigned()
    to_self = await d.act("specialist", made, "referral", parts=[{**PARTS[0], "agency": "H12.41"}])
    assert (to_self.status_code, to_self.json()["code"]) == (422, "parts_invalid")
    unknown = await d.act("specialist", made, "referral", parts=[{**PARTS[0], "agency": "H99"}])
    assert (unknown.status_code, unknown.json()["code"]) == (422, "parts_invalid")
    not_mine = await d.act("other", made, "referral", parts=PARTS)  # not the handler the head assigned
    assert (not_mine.status_code, not_mine.json()["code"]) == (403, "not_the_assignee")
    counter = await d.act("officer", made, "referral", parts=PARTS)
    assert counter.status_code == 403
    await d.ok("specialist", made, "referral", parts=PARTS[:1])
    twice = await d.act("specialist", made, "referral", parts=PARTS)  # the Department still holds its part
    assert (twice.status_code, twice.json()["code"]) == (409, "part_outstanding")
    await d.ok("justice", made, "part-return", result="Xong")
    await d.ok("specialist", made, "referral", parts=PARTS)  # once returned, it may be asked again
    assert [p["agency_code"] for p in (await kept(made))["parts"]] == ["H12.02", "H12.02", "H12.03"]

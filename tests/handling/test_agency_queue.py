"""The deciding agency's queue and a dossier's handling page: the head finds what to assign and approve, the
handler their own dossiers, and both the dossiers forecast late without Mẫu 04 (Art 19(6)). Receipt on Monday
23 November 2026 09:00 for 3 working days; Tuesday 24th a holiday: due Friday 27th. Office hours 07:30-12:00
and 13:30-17:00 (8 working hours a day)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.accounts.staffing import Clock
from tests.handling.journey import Desk, desk, phone_view

pytestmark = pytest.mark.usefixtures("db")


async def _queue(d: Desk, who: str, **params: str) -> dict[str, Any]:
    answer = await d.client.get("/api/staff/queue", params=params, headers=d.sessions[who].headers())
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


async def _handling(d: Desk, who: str, made: dict[str, Any]) -> dict[str, Any]:
    code = made["dossier"]["code"]
    answer = await d.client.get(f"/api/staff/dossiers/{code}/handling", headers=d.sessions[who].headers())
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def _codes(page: dict[str, Any]) -> list[str]:
    return [item["code"] for item in page["items"]]


async def test_the_head_finds_what_to_assign_and_approve_and_the_handler_their_own(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.received()
    code = made["dossier"]["code"]
    lead = await _queue(d, "leader", list="to_assign")
    assert _codes(lead) == [code] and lead["counts"]["to_assign"] == 1 and lead["counts"]["to_approve"] == 0
    # The counter received it: its officers work from the counter's lists, not the agency's.
    counter = await d.client.get(
        "/api/staff/queue", params={"list": "to_assign"}, headers=d.sessions["officer"].headers()
    )
    assert counter.status_code == 422 and counter.json()["code"] == "list_not_for_role"
    assert "to_assign" not in (await _queue(d, "officer"))["counts"]

    await d.ok("leader", made, "assign", specialist="hs.specialist")
    mine = await _queue(d, "specialist")  # the handler's first list by default
    assert _codes(mine) == [code] and mine["counts"] == {"to_handle": 1, "assigned": 1, "late_warning": 0}
    assert mine["items"][0]["assignee"] == "hs.specialist"
    # Another handler of the agency is not shown it, whatever assignee they ask for.
    other = await _queue(d, "other", list="assigned", assignee="hs.specialist")
    assert other["items"] == [] and other["counts"]["assigned"] == 0

    await d.ok("specialist", made, "submit-for-approval", outcome="granted", text="Đủ điều kiện xác nhận")
    assert _codes(await _queue(d, "leader", list="to_approve")) == [code]
    assert (await _queue(d, "specialist"))["counts"] == {"to_handle": 0, "assigned": 1, "late_warning": 0}


async def test_a_dossier_within_a_working_day_of_its_deadline_is_flagged_until_the_apology(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    page = await _handling(d, "leader", made)
    assert page["forecastLate"] is False and page["apologyLastDay"] == "2026-11-26"
    assert [(x["kind"], x["dueDate"]) for x in page["deadlines"]] == [("original", "2026-11-27")]
    # Thursday 26th 16:59: the minute left that day and Friday's 8 hours, more than one working day.
    await d.later(days=3, hours=7, minutes=59)
    assert (await _queue(d, "leader", list="late_warning"))["items"] == []
    assert (await _handling(d, "specialist", made))["forecastLate"] is False
    # 17:00, the office closed: Friday's 8 hours are all that is left.
    await d.later(minutes=1)
    warned = await _queue(d, "leader", list="late_warning")
    assert _codes(warned) == [made["dossier"]["code"]] and warned["items"][0]["lateWithoutApology"] is True
    assert (await _queue(d, "specialist"))["counts"]["late_warning"] == 1
    assert (await _handling(d, "specialist", made))["forecastLate"] is True

    await d.ok("specialist", made, "apology", newDate="2026-12-02", reason="Chờ xác minh của công an xã")
    assert (await _queue(d, "leader", list="late_warning"))["counts"]["late_warning"] == 0
    page = await _handling(d, "leader", made)
    assert page["apologyLastDay"] is None and page["apologies"] == 1
    assert [(x["kind"], x["dueDate"], x["reason"]) for x in page["deadlines"]] == [
        ("original", "2026-11-27", "Ngày hẹn trên giấy tiếp nhận"),
        ("extended", "2026-12-02", "Chờ xác minh của công an xã."),
    ]


async def test_a_declared_delay_is_flagged_at_once_and_the_head_is_offered_the_agencys_handlers(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    await d.ok("specialist", made, "declare-late")
    assert _codes(await _queue(d, "leader", list="late_warning")) == [made["dossier"]["code"]]
    names = [p["username"] for p in (await _handling(d, "leader", made))["specialists"]]
    assert sorted(names) == ["hs.other", "hs.specialist"]
    assert (await _handling(d, "officer", made))["specialists"] == []  # the counter assigns no one


async def test_the_phone_is_told_why_its_date_moved_and_why_it_was_refused_after_appraisal(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    assert (await phone_view(client, made))["appointmentChange"] is None
    await d.ok("specialist", made, "apology", newDate="2026-12-02", reason="Chờ xác minh của công an xã")
    view = await phone_view(client, made)
    assert view["appointmentDate"] == "2026-12-02"
    assert view["appointmentChange"] == {
        "kind": "extended",
        "previous": "2026-11-27",
        "reason": "Chờ xác minh của công an xã.",
    }
    await d.ok("specialist", made, "submit-for-approval", outcome="refused", text="Không đủ điều kiện")
    await d.ok("leader", made, "approve")
    await d.ok("specialist", made, "refuse-after-appraisal", reasons=["Người yêu cầu đã đăng ký kết hôn"])
    assert (await phone_view(client, made))["refusalReasons"] == ["Người yêu cầu đã đăng ký kết hôn"]
    await d.ok("officer", made, "ready")
    view = await phone_view(client, made)
    assert view["status"] == "ready" and view["refusalReasons"] == ["Người yêu cầu đã đăng ký kết hôn"]

"""The apology and new date (Mẫu 04, Art 19(6)), the stop (Mẫu 05, Art 21), the supplement's window and the
close of an unanswered one (Art 19(5)) through the staff API. Receipt on Monday 23 November 2026 09:00 for 3
working days; Tuesday 24th a holiday: due Friday 27th."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.accounts.staffing import Clock
from tests.factories import NOW
from tests.handling.journey import desk, kept, phone_view, row

pytestmark = pytest.mark.usefixtures("db")
NAME = {"kind": "field", "path": "applicant.full_name", "note": "Họ tên khác với căn cước"}


async def test_the_apology_moves_the_date_once_and_the_citizen_sees_it(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    await d.ok("specialist", made, "declare-late")
    assert (await row(made))["late_declared_at"] == NOW
    apology = await d.ok("specialist", made, "apology", newDate="2026-12-01", reason="Chờ xác minh của công an xã")
    assert apology["paper"]["kind"] == "04"
    body = apology["paper"]["data"]["body"]
    assert "27/11/2026" in body and "01/12/2026" in body and "Chờ xác minh của công an xã." in body
    assert "Nghị định số 118/2025/NĐ-CP" in apology["paper"]["data"]["legalBasis"][1]
    view = await phone_view(client, made)
    assert view["appointmentDate"] == "2026-12-01" and "01/12/2026" in view["history"][-1]["note"]
    twice = await d.act("specialist", made, "apology", newDate="2026-12-02", reason="Lần nữa")
    assert twice.status_code == 409 and twice.json()["code"] == "apology_already_issued"
    rows = await kept(made)
    assert [(r["kind"], r["due_date"]) for r in rows["deadlines"]] == [
        ("original", dt.date(2026, 11, 27)),
        ("extended", dt.date(2026, 12, 1)),
    ]


async def test_the_apology_comes_the_working_day_before_the_deadline_at_the_latest(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    await d.later(days=4, hours=-1)  # Friday 27 November 08:00, the due day itself
    late = await d.act("specialist", made, "apology", newDate="2026-12-01", reason="Chậm")
    assert late.status_code == 409 and late.json()["code"] == "apology_too_late"
    assert "26/11/2026" in late.json()["message"]["vi"]


async def test_a_stop_at_the_citizens_request_ends_handling_with_the_stop_notice(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    by_agency = await d.act("leader", made, "stop", reason="Không cần nữa")
    assert by_agency.status_code == 403
    stopped = await d.ok("officer", made, "stop", reason="Tôi không cần giấy xác nhận nữa", requestedVia="app")
    assert (stopped["status"], stopped["paper"]["kind"]) == ("stopped", "05")
    assert "23/11/2026" in stopped["paper"]["data"]["body"]
    assert stopped["paper"]["data"]["title"] == "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
    assert (await row(made))["stopped_at"] == NOW
    after = await d.act("specialist", made, "submit-for-approval", outcome="granted", text="x")
    assert after.status_code == 409 and after.json()["code"] == "illegal_transition"


async def test_a_supplement_comes_within_three_working_days_of_receipt(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    await d.later(days=7, hours=-1)  # Monday 30 November 08:00: the window ended with Friday 27th
    late = await d.act("specialist", made, "propose-supplement", items=[NAME])
    assert late.status_code == 409 and late.json()["code"] == "supplement_window_passed"
    assert "27/11/2026" in late.json()["message"]["vi"]


async def test_an_unanswered_supplement_is_closed_after_its_last_day(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    await d.ok("specialist", made, "propose-supplement", items=[NAME])
    await d.ok("officer", made, "issue-supplement")
    await d.later(days=15, hours=7)  # Tuesday 8 December 16:00, the last day
    early = await d.act("officer", made, "close")
    assert early.status_code == 409 and early.json()["code"] == "close_too_early"
    await d.later(hours=16)  # Wednesday 9 December 08:00
    assert (await d.ok("officer", made, "close"))["status"] == "closed"
    [wait] = (await kept(made))["waits"]
    assert (wait["started_at"], wait["outcome"]) == (NOW, "closed")
    assert "08/12/2026" in (await phone_view(client, made))["history"][-1]["note"]

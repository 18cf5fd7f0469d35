"""Handling to return through the staff API (Decree 118/2025 Art 18-22): a dossier received at the counter is
assigned, a supplement is proposed by its handler and issued by the counter, completed from the phone (the
count restarts), approved after a send-back, issued early, made ready and posted. Dates counted by hand:
Monday 23 November 2026 09:00 is the receipt; Tuesday 24th is a holiday (Ngày Văn hóa Việt Nam)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.accounts.staffing import Clock
from tests.factories import NOW
from tests.handling.journey import corrected, desk, kept, phone_view, row
from tests.review.desk import url

pytestmark = pytest.mark.usefixtures("db")
NAME = {"kind": "field", "path": "applicant.full_name", "note": "Họ tên khác với căn cước"}


async def test_a_dossier_goes_from_the_counter_through_a_supplement_to_its_posted_result(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.received()
    assert (await row(made))["appointment_date"] == dt.date(2026, 11, 27)  # Wed 25, Thu 26, Fri 27

    # The competent agency sees the dossier it decides; another agency gets the answer of a missing one.
    seen = await client.get(url(made), headers=d.sessions["leader"].headers())
    hidden = await client.get(url(made), headers=d.sessions["stranger"].headers())
    assert seen.status_code == 200 and hidden.status_code == 404
    # Only the head of the competent agency assigns, and only to one of its active specialists.
    assert (await d.act("stranger", made, "assign", specialist="hs.specialist")).status_code == 404
    unknown = await d.act("leader", made, "assign", specialist="hs.officer")
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_specialist"
    assert (await d.ok("leader", made, "assign", specialist="hs.other"))["status"] == "in_progress"
    assert (await d.ok("leader", made, "assign", specialist="hs.specialist"))["status"] == "in_progress"

    # The handler proposes (not someone else's handler, and never to the citizen directly); the counter issues.
    other = await d.act("other", made, "propose-supplement", items=[NAME])
    assert other.status_code == 403 and other.json()["code"] == "not_the_assignee"
    assert (await d.ok("specialist", made, "propose-supplement", items=[NAME]))["status"] == "supplement_proposed"
    assert (await phone_view(client, made))["correctionRequest"] is None
    by_agency = await d.act("leader", made, "issue-supplement")
    assert by_agency.status_code == 403
    issued = await d.ok("officer", made, "issue-supplement")
    assert issued["status"] == "appraisal_supplement"
    # The wait ends with Tuesday 8 December: Monday 23 November + 15 calendar days.
    assert issued["paper"]["data"]["closeDay"] == "2026-12-08"
    assert "08/12/2026" in issued["paper"]["data"]["body"]
    asked = (await phone_view(client, made))["correctionRequest"]["items"]
    assert [(i["path"], i["note"]) for i in asked] == [("applicant.full_name", NAME["note"])]

    # Completed from the phone on Wednesday 2 December at 10:00: 3 working days from then, Mon 7 December.
    await d.later(days=9, hours=1)
    answer = await corrected(client, made, "Nguyễn Thị Hoa")
    assert answer.status_code == 200, answer.text
    now = await row(made)
    assert (now["status"], now["appointment_date"]) == ("in_progress", dt.date(2026, 12, 7))
    assert now["clock_started_at"] == NOW + dt.timedelta(days=9, hours=1)
    view = await phone_view(client, made)
    assert view["appointmentDate"] == "2026-12-07"
    assert "07/12/2026" in view["history"][-1]["note"]
    again = await d.act("specialist", made, "propose-supplement", items=[NAME])
    assert again.status_code == 409 and again.json()["code"] == "supplement_already_requested"

    # Approval: sent back once with a reason, then approved; the outcome issued is the one approved.
    await d.ok("specialist", made, "submit-for-approval", outcome="granted", text="Đủ điều kiện cấp")
    await d.ok("leader", made, "send-back", reason="Ghi rõ nơi cư trú")
    assert (await row(made))["draft_result"] is None
    await d.ok("specialist", made, "submit-for-approval", outcome="granted", text="Đủ điều kiện cấp")
    assert (await d.ok("leader", made, "approve"))["status"] == "approved"
    wrong = await d.act("specialist", made, "refuse-after-appraisal", reasons=["Không đủ điều kiện"])
    assert wrong.status_code == 409 and wrong.json()["code"] == "outcome_not_approved"
    await d.later(days=1)  # Thursday 3 December, before the appointment of Monday 7th
    assert (await d.ok("specialist", made, "result", note="Giấy xác nhận đã ký"))["status"] == "result_issued"
    assert (await d.ok("officer", made, "ready"))["status"] == "ready"
    assert "sớm hơn ngày hẹn (07/12/2026)" in (await phone_view(client, made))["history"][-1]["note"]
    untracked = await d.act("officer", made, "return", method="post")
    assert untracked.status_code == 422 and untracked.json()["code"] == "tracking_number_required"
    assert (await d.ok("officer", made, "return", method="post", trackingNumber="EV123456789VN"))[
        "status"
    ] == "returned"

    done = await row(made)
    assert (done["result_kind"], done["return_method"], done["tracking_number"]) == ("granted", "post", "EV123456789VN")
    assert done["result_at"] == NOW + dt.timedelta(days=10, hours=1)
    rows = await kept(made)
    assert [(r["kind"], r["due_date"]) for r in rows["deadlines"]] == [
        ("original", dt.date(2026, 11, 27)),
        ("restarted", dt.date(2026, 12, 7)),
    ]
    [wait] = rows["waits"]
    assert (wait["started_at"], wait["ended_at"], wait["outcome"]) == (NOW, now["clock_started_at"], "completed")
    assert [(h["step"], h["to_user"]) for h in rows["handovers"]] == [
        ("transfer", ""),  # the centre H12.41.01 sends the electronic file to the commune H12.41 at receipt
        ("assign", "hs.other"),
        ("reassign", "hs.specialist"),
        ("supplement_proposed", ""),
        ("for_approval", ""),
        ("sent_back", "hs.specialist"),
        ("for_approval", ""),
        ("approved", "hs.specialist"),
        ("result_to_counter", ""),
        ("ready", ""),
        ("returned", ""),
    ]

"""Feedback in the staff app: the unit's open items, overdue first; an answer given once, with who and when, that
reaches the citizen's inbox and the phones following the item (or the dossier); feedback recorded at the counter;
another unit, a role that does not answer, or a request without the CSRF token, refused."""

from __future__ import annotations

import uuid

import httpx
import pytest

from backend.accounts.rules import Role
from backend.feedback.tables import Feedback
from tests.accounts.staffing import OTHER_AGENCY, Clock
from tests.factories import seeded, submitted
from tests.feedback.people import COMMUNE_PROCEDURE, TEXT, answer, officer, phone_feedback, send
from tests.push.conftest import Rig
from tests.push.phone import subscribe

pytestmark = pytest.mark.usefixtures("db")


async def test_the_unit_lists_its_open_items_overdue_first_and_no_other_units(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    await seeded()
    # Mon 23/11 09:00, Tue 24/11 is Vietnam Cultural Day (a holiday from 2026): 25, 26, 27, 30/11, 1 to 4/12, 7, 8.
    early = await send(client, phone_feedback())  # due Tue 8/12
    clock.advance(days=2)
    late = await send(client, phone_feedback())  # Wed 25/11: 26, 27, 30/11, 1 to 4/12, 7, 8, 9: due Wed 9/12
    await send(client, phone_feedback(unitCode=OTHER_AGENCY))
    clock.advance(days=14)  # Wed 9/12: the first is overdue, the second due today
    who = await officer(client)
    listed = (await client.get("/api/staff/feedback", headers=who.cookie_only())).json()
    assert [(i["code"], i["state"], i["dueDate"]) for i in listed["open"]] == [
        (early["code"], "overdue", "2026-12-08"),
        (late["code"], "open", "2026-12-09"),
    ]
    assert listed["answered"] == []


async def test_an_answer_is_kept_once_with_who_and_when_and_reaches_the_inbox(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    await seeded()
    body = phone_feedback()
    item = await send(client, body)
    clock.advance(hours=3)
    who = await officer(client)
    answered = await answer(client, who, item["code"].lower())
    assert answered.status_code == 200, answered.text
    kept = answered.json()
    assert (kept["state"], kept["answeredBy"]) == ("answered", "Cán bộ canbo")
    assert kept["answeredAt"] == "2026-11-23T05:00:00Z"  # 12:00 in Vietnam
    again = await answer(client, who, item["code"], "Trả lời lần hai, không được nhận.")
    assert again.status_code == 409 and again.json()["code"] == "feedback_already_answered"

    mine = (await client.post("/api/feedback/mine", json={"tokens": [body["token"]]})).json()["items"]
    assert [(i["state"], i["answer"]) for i in mine] == [("answered", "Đã kiểm tra, kết quả trả ngày 30/12.")]
    inbox = (await client.post("/api/push/inbox", json={"tokens": [body["token"]]})).json()["notices"]
    assert [(n["kind"], n["code"], n["url"]) for n in inbox] == [("feedback_answered", item["code"], "/#/phan-anh")]
    assert inbox[0]["title"]["vi"] == f"Đã có trả lời phản ánh {item['code']}"
    assert inbox[0]["body"]["vi"] == (
        "Trung tâm Phục vụ hành chính công xã Can Lộc trả lời: Đã kiểm tra, kết quả trả ngày 30/12."
    )
    listed = (await client.get("/api/staff/feedback", headers=who.cookie_only())).json()
    assert (listed["open"], [i["code"] for i in listed["answered"]]) == ([], [item["code"]])


async def test_another_unit_a_specialist_and_a_missing_csrf_token_cannot_answer(client: httpx.AsyncClient) -> None:
    await seeded()
    item = await send(client, phone_feedback())
    elsewhere = await officer(client, "xakhac", OTHER_AGENCY)
    assert (await answer(client, elsewhere, item["code"])).status_code == 404
    specialist = await officer(client, "chuyenvien", role=Role.SPECIALIST)
    assert (await answer(client, specialist, item["code"])).status_code == 403
    assert (await client.get("/api/staff/feedback", headers=specialist.cookie_only())).status_code == 403
    leader = await officer(client, "lanhdao", role=Role.LEADER)
    no_csrf = await client.post(
        f"/api/staff/feedback/{item['code']}/answer", json={"answer": "Đã xử lý xong."}, headers=leader.cookie_only()
    )
    assert no_csrf.status_code == 403 and no_csrf.json()["code"] == "csrf_failed"
    assert await Feedback.count().where(Feedback.answered_at.is_not_null()) == 0


async def test_feedback_recorded_at_the_counter_about_a_dossier_is_answered_to_that_dossiers_inbox(
    client: httpx.AsyncClient,
) -> None:
    await seeded()
    made = await submitted(client, COMMUNE_PROCEDURE)
    who = await officer(client)
    body = {"id": str(uuid.uuid4()), "kind": "report", "text": TEXT, "dossierCode": made["dossier"]["code"]}
    body |= {"contactName": "  Nguyễn   Văn An ", "contactPhone": "0912 345 678"}
    recorded = await client.post("/api/staff/feedback", json=body, headers=who.headers())
    assert recorded.status_code == 201, recorded.text
    item = recorded.json()
    assert (item["channel"], item["recordedBy"], item["dossierCode"]) == ("counter", "canbo", made["dossier"]["code"])
    assert (item["contactName"], item["contactPhone"]) == ("Nguyễn Văn An", "0912345678")
    retried = await client.post("/api/staff/feedback", json=body, headers=who.headers())
    assert retried.status_code == 200 and retried.json()["code"] == item["code"]
    assert (await answer(client, who, item["code"])).status_code == 200
    token = made["sent"]["accessToken"]
    inbox = (await client.post("/api/push/inbox", json={"tokens": [token]})).json()["notices"]
    assert ("feedback_answered", made["dossier"]["code"]) in [(n["kind"], n["code"]) for n in inbox]


async def test_a_dossier_of_another_unit_cannot_be_named_at_the_counter(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client, COMMUNE_PROCEDURE)
    elsewhere = await officer(client, "xakhac", OTHER_AGENCY)
    body = {"id": str(uuid.uuid4()), "kind": "report", "text": TEXT, "dossierCode": made["dossier"]["code"]}
    refused = await client.post("/api/staff/feedback", json=body, headers=elsewhere.headers())
    assert refused.status_code == 404
    assert await Feedback.count() == 0


async def test_the_answer_is_pushed_to_the_phone_following_the_item(rig: Rig, clock: Clock) -> None:
    await seeded()
    body = phone_feedback()
    item = await send(rig.client, body)
    await subscribe(rig.client, rig.push, rig.vapid, [body["token"]])  # the phone follows its feedback's token
    who = await officer(rig.client)
    assert (await answer(rig.client, who, item["code"])).status_code == 200
    assert await rig.deliver(clock.at) == 1
    [payload] = rig.push.delivered()
    assert (payload["kind"], payload["code"], payload["url"]) == ("feedback_answered", item["code"], "/#/phan-anh")

"""Feedback from the phone: kept once by its id, answered by the right unit within 10 working days counted by
the counters' calendar (Tết Dương lịch 1/1/2027 is a day off), read back only with the item's token, and bad
input refused with a code and a message in Vietnamese and English."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

import httpx
import pytest

from backend.feedback.tables import Feedback
from tests.accounts.staffing import AGENCY, Clock
from tests.factories import seeded, submitted
from tests.feedback.people import COMMUNE_PROCEDURE, PROVINCE_PROCEDURE, phone_feedback, send

pytestmark = pytest.mark.usefixtures("db")
VN = dt.timezone(dt.timedelta(hours=7))
CHRISTMAS = dt.datetime(2026, 12, 25, 9, 0, tzinfo=VN)  # a Friday, a working day in Vietnam


async def test_the_answer_is_due_ten_working_days_after_receipt_past_new_year(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    # Fri 25/12 counts as day 0; Mon 28, 29, 30, 31 (4); Fri 1/1 is Tết Dương lịch; Mon 4 to Fri 8 (9); Mon 11 (10).
    await seeded()
    clock.at = CHRISTMAS
    item = await send(client, phone_feedback())
    assert item["dueDate"] == "2027-01-11"
    assert item["state"] == "open" and item["answer"] is None and item["channel"] == "app"
    assert item["code"] == "PA-" + item["id"].replace("-", "")[:8].upper()
    assert item["unitCode"] == AGENCY
    assert item["unitName"]["vi"] == "Trung tâm Phục vụ hành chính công xã Can Lộc"


async def test_feedback_sent_after_closing_counts_from_the_next_working_day(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    # Fri 25/12 17:30 is after the counters close (17:00): received Mon 28; 29, 30, 31, 4, 5, 6, 7, 8, 11, 12 (10).
    await seeded()
    clock.at = CHRISTMAS.replace(hour=17, minute=30)
    assert (await send(client, phone_feedback()))["dueDate"] == "2027-01-12"


async def test_the_same_id_twice_is_one_item_and_another_token_cannot_take_it(client: httpx.AsyncClient) -> None:
    await seeded()
    body = phone_feedback()
    first = await send(client, body)
    again = await send(client, body, status=200)
    assert again == first
    assert await Feedback.count() == 1
    taken = await client.post("/api/feedback", json={**body, "token": secrets.token_urlsafe(32)})
    assert taken.status_code == 409 and taken.json()["code"] == "feedback_id_taken"


async def test_a_province_procedure_goes_to_its_competent_agency(client: httpx.AsyncClient) -> None:
    await seeded()
    body = phone_feedback(procedureCode=PROVINCE_PROCEDURE, kind="proposal")
    del body["unitCode"]
    item = await send(client, body)
    assert (item["unitCode"], item["kind"]) == ("H12.02", "proposal")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"unitCode": None}, "feedback_unit_required"),  # a commune procedure: which commune's counter?
        ({"unitCode": "H99.99"}, "feedback_unit_unknown"),
        ({"procedureCode": "9.999999"}, "feedback_procedure_unknown"),
        ({"procedureCode": None}, "feedback_about_required"),
        ({"text": "   quá   ngắn  "}, "feedback_text_too_short"),  # 9 characters once tidied
    ],
)
async def test_bad_feedback_is_a_422_with_a_code_in_both_languages(
    client: httpx.AsyncClient, changes: dict[str, Any], code: str
) -> None:
    await seeded()
    answer = await client.post("/api/feedback", json=phone_feedback(**changes))
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert problem["code"] == code
    assert (
        problem["message"]["vi"] and problem["message"]["en"] and problem["message"]["vi"] != problem["message"]["en"]
    )
    assert await Feedback.count() == 0


async def test_feedback_about_a_dossier_needs_its_token_and_goes_to_its_receiving_unit(
    client: httpx.AsyncClient,
) -> None:
    await seeded()
    made = await submitted(client, COMMUNE_PROCEDURE)
    sent, dossier = made["sent"], made["dossier"]
    wrong = {"submissionId": sent["submissionId"], "accessToken": secrets.token_urlsafe(32)}
    refused = await client.post("/api/feedback", json=phone_feedback(procedureCode=None, dossier=wrong))
    assert refused.status_code == 404
    right = {"submissionId": sent["submissionId"], "accessToken": sent["accessToken"]}
    both = await client.post("/api/feedback", json=phone_feedback(dossier=right))
    assert both.status_code == 422 and both.json()["code"] == "feedback_about_required"
    item = await send(client, phone_feedback(procedureCode=None, unitCode=None, dossier=right))
    assert item["dossierCode"] == dossier["code"]
    assert item["procedureCode"] == COMMUNE_PROCEDURE
    assert item["unitCode"] == AGENCY  # the dossier's receiving unit (the commune's centre)


async def test_a_phone_reads_only_the_items_its_tokens_open(client: httpx.AsyncClient, clock: Clock) -> None:
    await seeded()
    older, newer, other = phone_feedback(), phone_feedback(kind="proposal"), phone_feedback()
    for body in (older, newer, other):
        await send(client, body)
        clock.advance(minutes=1)
    answer = await client.post("/api/feedback/mine", json={"tokens": [older["token"], newer["token"]]})
    assert answer.status_code == 200
    assert [i["id"] for i in answer.json()["items"]] == [newer["id"], older["id"]]
    assert all("contactPhone" not in i for i in answer.json()["items"])

"""The counter's queue: the counts of every list, the 8-working-hour clock of each dossier to check (by
the centre's office hours: 07:30-12:00, 13:30-17:00), search without diacritics, keyset pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from backend.accounts.rules import Role
from tests.accounts.staffing import OTHER_AGENCY, Clock, Session, sign_in, staff
from tests.factories import seeded, valid_answers
from tests.review.desk import MARITAL, dossier, officer

pytestmark = pytest.mark.usefixtures("db", "clock")
VN = dt.timezone(dt.timedelta(hours=7))
# Arrived Monday 23 Nov 09:00: 390 working minutes left that day (180 before lunch, 210 after), Tuesday 24 a
# holiday, the last 90 on Wednesday from 07:30.
DUE = dt.datetime(2026, 11, 25, 9, 0, tzinfo=VN)


async def _queue(client: httpx.AsyncClient, me: Session, **params: Any) -> dict[str, Any]:
    answer = await client.get("/api/staff/queue", params=params, headers=me.headers())
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


async def _three(client: httpx.AsyncClient) -> tuple[Session, list[str]]:
    await seeded()
    me = await officer(client)
    codes = [(await dossier(client))["dossier"]["code"] for _ in range(3)]
    return me, codes


async def test_counts_and_the_check_clock_as_time_passes(client: httpx.AsyncClient, clock: Clock) -> None:
    me, codes = await _three(client)
    accepted = await client.post(f"/api/staff/dossiers/{codes[2]}/accept", json={"version": 1}, headers=me.headers())
    assert accepted.status_code == 200
    first = await _queue(client, me)
    assert first["counts"] == {
        "to_check": 2, "waiting_citizen": 0, "received": 1, "due_soon": 0, "overdue": 0, "ready": 0,
        "stop_requested": 0,
    }  # fmt: skip
    assert [i["code"] for i in first["items"]] == codes[:2]
    item = first["items"][0]
    assert dt.datetime.fromisoformat(item["checkDueAt"]) == DUE
    assert (item["minutesLeft"], item["band"], item["openedLate"]) == (480, "ok", False)

    clock.at = dt.datetime(2026, 11, 25, 8, 0, tzinfo=VN)  # Wednesday, 60 working minutes left
    me = await sign_in(client, "tiep.nhan")
    morning = await _queue(client, me)
    assert (morning["counts"]["due_soon"], morning["counts"]["overdue"]) == (2, 0)
    item = morning["items"][0]
    assert (item["minutesLeft"], item["band"], item["openedLate"]) == (60, "today", True)

    clock.at = dt.datetime(2026, 11, 25, 10, 0, tzinfo=VN)
    me = await sign_in(client, "tiep.nhan")
    late = await _queue(client, me, list="overdue")
    assert (late["counts"]["due_soon"], late["counts"]["overdue"]) == (0, 2)
    assert [(i["code"], i["band"], i["minutesLeft"]) for i in late["items"]] == [
        (codes[0], "overdue", -60),
        (codes[1], "overdue", -60),
    ]


async def test_a_dossier_opened_in_time_is_not_late(client: httpx.AsyncClient, clock: Clock) -> None:
    me, codes = await _three(client)
    clock.advance(minutes=20)  # within the session's idle time
    assert (await client.get(f"/api/staff/dossiers/{codes[0]}", headers=me.headers())).status_code == 200
    clock.at = dt.datetime(2026, 11, 25, 8, 0, tzinfo=VN)
    me = await sign_in(client, "tiep.nhan")
    items = (await _queue(client, me))["items"]
    assert [i["openedLate"] for i in items] == [False, True, True]


async def test_pages_follow_each_other_without_gaps(client: httpx.AsyncClient) -> None:
    me, codes = await _three(client)
    first = await _queue(client, me, limit=2)
    assert [i["code"] for i in first["items"]] == codes[:2] and first["next"]
    second = await _queue(client, me, limit=2, after=first["next"])
    assert [i["code"] for i in second["items"]] == codes[2:] and second["next"] is None


async def test_a_bad_cursor_is_a_bad_request(client: httpx.AsyncClient) -> None:
    me, _ = await _three(client)
    answer = await client.get("/api/staff/queue", params={"after": "bm90LWpzb24"}, headers=me.headers())
    assert answer.status_code == 400 and answer.json()["code"] == "bad_cursor"


async def test_search_finds_names_without_diacritics_phones_and_codes(client: httpx.AsyncClient) -> None:
    me, _ = await _three(client)
    answers = valid_answers(MARITAL)
    answers["applicant"]["full_name"] = "Lê Thị Đào"
    dao = (await dossier(client, answers=answers))["dossier"]["code"]
    for q in ("le thi dao", "Đào", dao.lower()):
        found = await _queue(client, me, q=q)
        assert [i["code"] for i in found["items"]] == [dao], q
        assert found["counts"]["to_check"] == 1
        assert found["items"][0]["applicantName"] == "Lê Thị Đào"
    assert len((await _queue(client, me, q=answers["contact"]["phone"]))["items"]) == 4


async def test_another_centres_officer_sees_none_of_them(client: httpx.AsyncClient) -> None:
    await _three(client)
    stranger = await sign_in(client, await staff("thien.loc", Role.OFFICER, OTHER_AGENCY))
    seen = await _queue(client, stranger)
    assert seen["items"] == [] and set(seen["counts"].values()) == {0}

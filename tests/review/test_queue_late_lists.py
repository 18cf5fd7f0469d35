"""The counter's clock lists hold both kinds of dossier: one to check past (or near) its 8 working hours, and
one received whose appointment date is today ("due soon") or past ("overdue"); counted and listed alike, with a
search (which counts otherwise) or without."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.accounts.staffing import Clock, Session, sign_in
from tests.factories import seeded, valid_answers
from tests.review.desk import MARITAL, dossier, officer

pytestmark = pytest.mark.usefixtures("db", "clock")
VN = dt.timezone(dt.timedelta(hours=7))
# Three dossiers submitted Monday 23 Nov 2026 09:00; the third accepted then: 3 working days after Monday,
# Tuesday 24 a holiday, its appointment is Friday 27 Nov. The two left to check were due Wednesday 25 09:00.
FRIDAY = dt.datetime(2026, 11, 27, 10, 0, tzinfo=VN)
NEXT_MONDAY = dt.datetime(2026, 11, 30, 8, 0, tzinfo=VN)


async def _queue(client: httpx.AsyncClient, me: Session, **params: Any) -> dict[str, Any]:
    answer = await client.get("/api/staff/queue", params=params, headers=me.headers())
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


async def test_a_received_dossier_is_due_soon_on_its_appointment_day_and_overdue_after(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    await seeded()
    me = await officer(client)
    codes = [(await dossier(client))["dossier"]["code"] for _ in range(3)]
    accepted = await client.post(f"/api/staff/dossiers/{codes[2]}/accept", json={"version": 1}, headers=me.headers())
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["paper"]["data"]["appointmentDate"] == "2026-11-27"
    phone = valid_answers(MARITAL)["contact"]["phone"]  # every one of the three: a search finding them all

    clock.at = FRIDAY
    me = await sign_in(client, "tiep.nhan")
    friday = {
        "to_check": 2,
        "waiting_citizen": 0,
        "received": 1,
        "due_soon": 1,
        "overdue": 2,
        "ready": 0,
        "stop_requested": 0,
    }
    soon = await _queue(client, me, list="due_soon")
    assert soon["counts"] == friday
    assert [(i["code"], i["band"], i["appointmentDate"]) for i in soon["items"]] == [(codes[2], "today", "2026-11-27")]
    late = await _queue(client, me, list="overdue")
    assert [(i["code"], i["band"]) for i in late["items"]] == [(codes[0], "overdue"), (codes[1], "overdue")]
    assert (await _queue(client, me, list="overdue", q=phone))["counts"] == friday

    clock.at = NEXT_MONDAY
    me = await sign_in(client, "tiep.nhan")
    monday = {**friday, "due_soon": 0, "overdue": 3}
    late = await _queue(client, me, list="overdue")
    assert late["counts"] == monday
    assert [(i["code"], i["band"]) for i in late["items"]] == [(c, "overdue") for c in codes]
    assert (await _queue(client, me, list="overdue", q=phone))["counts"] == monday
    following = await _queue(client, me, list="overdue", limit=2)
    assert [i["code"] for i in following["items"]] == codes[:2]
    rest = await _queue(client, me, list="overdue", limit=2, after=following["next"])
    assert [i["code"] for i in rest["items"]] == codes[2:] and rest["next"] is None

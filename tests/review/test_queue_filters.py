"""The queue's filters on hand-made dossiers of one centre: field, procedure, status of the list, channel and
assignee, each honoured by the page and by every count; a whole phone, ID number or code found exactly."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from backend.accounts.rules import Role
from backend.accounts.tables import Staff
from backend.dossiers.tables import Dossier
from tests.accounts.staffing import OTHER_AGENCY, Session, sign_in, staff
from tests.factories import seeded, valid_answers
from tests.review.desk import MARITAL, dossier, officer

pytestmark = pytest.mark.usefixtures("db", "clock")
COPY = "2.000908"  # chứng thực bản sao (field chung-thuc)
BIRTH = "1.001193"  # đăng ký khai sinh (field ho-tich, as MARITAL)
PHONE = "0987654321"
NONE = {
    "to_check": 0,
    "waiting_citizen": 0,
    "received": 0,
    "due_soon": 0,
    "overdue": 0,
    "ready": 0,
    "stop_requested": 0,
}


def _with_phone(procedure: str, phone: str) -> dict[str, Any]:
    answers = valid_answers(procedure)
    answers["contact"]["phone"] = phone
    return answers


async def _made(client: httpx.AsyncClient, procedure: str, status: str, assignee: str, **columns: Any) -> str:
    """A dossier submitted online to the centre, then put by hand in `status` with `assignee` (and columns)."""
    answers = columns.pop("answers", None)
    made = await dossier(client, procedure, **({"answers": answers} if answers else {}))
    code = str(made["dossier"]["code"])
    values = {
        Dossier.status: status,
        Dossier.assignee: assignee,
        **{getattr(Dossier, k): v for k, v in columns.items()},
    }
    await Dossier.update(values).where(Dossier.code == code)
    return code


def _day(day: int) -> dict[str, Any]:
    return {"received_at": dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC), "appointment_date": dt.date(2026, 11, day)}


async def _scene(client: httpx.AsyncClient) -> tuple[Session, dict[str, str]]:
    """Eight dossiers of xã Can Lộc's centre (the officer is tiep.nhan, the colleague lan.nt) on Monday 23
    November 2026, and one of another centre with the same phone as D2."""
    await seeded()
    me = await officer(client)
    await staff("lan.nt")
    d = {
        "D1": await _made(client, MARITAL, "submitted", ""),
        "D2": await _made(client, COPY, "submitted", "", answers=_with_phone(COPY, PHONE)),
        "D3": await _made(client, MARITAL, "received", "tiep.nhan", channel="in_person", **_day(30)),
        "D4": await _made(client, COPY, "in_progress", "lan.nt", **_day(27)),
        "D5": await _made(client, BIRTH, "received", "tiep.nhan", channel="postal", **_day(26)),
        "D6": await _made(client, MARITAL, "supplement_requested", "lan.nt"),
        "D7": await _made(client, MARITAL, "ready", "tiep.nhan", **_day(25)),
        "D8": await _made(client, COPY, "returned", "tiep.nhan", answers=_with_phone(COPY, PHONE), **_day(24)),
    }
    foreign = await dossier(client, COPY, competent="H12.42", answers=_with_phone(COPY, PHONE))
    assert foreign["dossier"]["code"].startswith("H12.42.01-")
    return me, d


async def _seen(
    client: httpx.AsyncClient, me: Session, d: dict[str, str], **params: str
) -> tuple[list[str], dict[str, int]]:
    """The names (D1…) of the page's dossiers, in order, and the counts."""
    answer = await client.get("/api/staff/queue", params=params, headers=me.headers())
    assert answer.status_code == 200, answer.text
    names = {code: name for name, code in d.items()}
    return [names.get(i["code"], i["code"]) for i in answer.json()["items"]], answer.json()["counts"]


async def test_assignee_me_nobody_or_a_colleague(client: httpx.AsyncClient) -> None:
    me, d = await _scene(client)
    assert await _seen(client, me, d, list="received", assignee="me") == (
        ["D5", "D3"],  # by appointment date: 26 then 30 November
        {**NONE, "received": 2, "ready": 1},  # D8 is returned: in no list
    )
    assert await _seen(client, me, d, list="to_check", assignee="none") == (["D1", "D2"], {**NONE, "to_check": 2})
    assert await _seen(client, me, d, list="waiting_citizen", assignee="lan.nt") == (
        ["D6"],
        {**NONE, "waiting_citizen": 1, "received": 1},
    )
    # Another centre's staff hold none of this centre's dossiers.
    assert await _seen(client, me, d, list="received", assignee="xa.khac") == ([], NONE)


async def test_a_field_shows_its_procedures_only(client: httpx.AsyncClient) -> None:
    me, d = await _scene(client)
    assert await _seen(client, me, d, list="received", field="chung-thuc") == (
        ["D4"],
        {**NONE, "to_check": 1, "received": 1},
    )
    assert await _seen(client, me, d, list="received", field="ho-tich") == (
        ["D5", "D3"],
        {**NONE, "to_check": 1, "waiting_citizen": 1, "received": 2, "ready": 1},
    )
    assert await _seen(client, me, d, field="ho-tich", procedure=COPY) == ([], NONE)  # not a procedure of it
    unknown = await client.get("/api/staff/queue", params={"field": "khong-co"}, headers=me.headers())
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_field"


async def test_a_status_within_the_list_and_a_clear_refusal_outside_it(client: httpx.AsyncClient) -> None:
    me, d = await _scene(client)
    assert await _seen(client, me, d, list="received", status="in_progress") == (["D4"], {**NONE, "received": 1})
    assert await _seen(client, me, d, list="received", status="received") == (["D5", "D3"], {**NONE, "received": 2})
    for list_, status in (("to_check", "received"), ("ready", "returned"), ("received", "no-such-status")):
        refused = await client.get("/api/staff/queue", params={"list": list_, "status": status}, headers=me.headers())
        assert refused.status_code == 422, (list_, status)
        problem = refused.json()
        assert problem["code"] == "status_not_in_list"
        assert status in problem["message"]["en"] and list_ in problem["message"]["vi"]


async def test_filters_combine(client: httpx.AsyncClient) -> None:
    me, d = await _scene(client)
    chosen = {"list": "received", "field": "ho-tich", "assignee": "me", "channel": "postal"}
    assert await _seen(client, me, d, **chosen) == (["D5"], {**NONE, "received": 1})
    assert await _seen(client, me, d, **{**chosen, "channel": "online"}) == ([], {**NONE, "ready": 1})


async def test_a_whole_phone_id_number_or_code_is_found_exactly_within_the_centre(client: httpx.AsyncClient) -> None:
    me, d = await _scene(client)
    for typed in ("+84 98 765 4321", "0987.654.321"):  # as the forms tidy a phone; D8 is closed, F1 elsewhere
        assert await _seen(client, me, d, q=typed) == (["D2"], {**NONE, "to_check": 1}), typed
    # The applicant's ID number of every MARITAL dossier (its answers), typed in groups.
    assert await _seen(client, me, d, q="0421 9600 8364") == (
        ["D1"],
        {**NONE, "to_check": 1, "waiting_citizen": 1, "received": 1, "ready": 1},
    )
    assert await _seen(client, me, d, list="received", q=d["D4"].lower()) == (["D4"], {**NONE, "received": 1})
    # A part of a number is not a whole one: the search text still finds it.
    assert await _seen(client, me, d, q="765432") == (["D2"], {**NONE, "to_check": 1})


async def test_the_choices_are_the_fields_procedures_and_the_centres_active_staff(client: httpx.AsyncClient) -> None:
    await seeded()
    me = await officer(client)
    await staff("lan.nt")
    await staff("truong.phong", Role.LEADER)
    await staff("xa.khac", Role.OFFICER, OTHER_AGENCY)
    await staff("da.nghi")
    await Staff.update({Staff.active: False}).where(Staff.username == "da.nghi")
    answer = await client.get("/api/staff/queue/choices", headers=me.headers())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    # backend/catalogue/data/demo: fields.yaml in its order, each procedure's `field:` (codes sorted).
    assert [(f["code"], [p["code"] for p in f["procedures"]]) for f in body["fields"]] == [
        (
            "ho-tich",
            ["1.000656", "1.000894", "1.001022", "1.001193", "1.003583", "1.004746", "1.004873", "2.000635"],
        ),
        ("chung-thuc", ["2.000884", "2.000908"]),
        ("bao-hiem", ["1.001193-LT"]),
        ("ly-lich-tu-phap", ["LLTP-01"]),
    ]
    assert body["fields"][1]["name"] == {"vi": "Chứng thực", "en": "Certification"}
    assert body["staff"] == [
        {"username": "lan.nt", "fullName": "Cán bộ lan.nt", "role": "officer"},
        {"username": "tiep.nhan", "fullName": "Cán bộ tiep.nhan", "role": "officer"},
        {"username": "truong.phong", "fullName": "Cán bộ truong.phong", "role": "leader"},
    ]
    leader = await sign_in(client, "truong.phong")
    assert (await client.get("/api/staff/queue/choices", headers=leader.headers())).json() == body

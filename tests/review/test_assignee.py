"""Who holds a dossier (the queue's assignee): the officer who accepts, asks for corrections, refuses or
registers it at the counter; opening it or losing a race to another officer changes nothing. And the ID
number the queue finds a dossier by: the one checked at the counter, else the applicant's as answered."""

from __future__ import annotations

import copy
import importlib.util
import uuid
from pathlib import Path

import httpx
import msgspec
import pytest

from backend.catalogue.forms import contact_fields
from backend.dossiers.tables import Dossier
from tests.factories import corrections_requested, demo_catalogue, seeded, submitted, valid_answers
from tests.review.desk import MARITAL, dossier, officer, url

pytestmark = pytest.mark.usefixtures("db", "clock")
BIRTH = "1.001193"
BACKFILL = Path(__file__).resolve().parents[2] / "migrations" / "motcua_2026_12_01t09_40_00_000000.py"
APPLICANT_ID = "042196008364"  # applicant.id_number of MARITAL's valid answers (tests/vectors/form_answers.json)


async def _held(code: str) -> tuple[str, str, str]:
    row = await Dossier.select(Dossier.assignee, Dossier.status, Dossier.id_number).where(Dossier.code == code).first()
    assert row is not None
    return row["assignee"], row["status"], row["id_number"]


async def test_each_check_step_action_makes_the_officer_the_assignee(client: httpx.AsyncClient) -> None:
    await seeded()
    lan, minh = await officer(client, "lan.nt"), await officer(client, "minh.pv")
    made = [await dossier(client) for _ in range(4)]
    codes = [m["dossier"]["code"] for m in made]
    assert (await client.get(url(made[3]), headers=lan.headers())).status_code == 200  # opened only
    actions = [
        (lan, made[0], "accept", {"version": 1}),
        (
            minh,
            made[1],
            "request-corrections",
            {"version": 1, "items": [{"kind": "field", "path": "applicant.full_name"}]},
        ),
        (minh, made[2], "refuse", {"version": 1, "reasons": ["Không thuộc thẩm quyền"]}),
    ]
    for who, one, action, body in actions:
        answer = await client.post(url(one, action), json=body, headers=who.headers())
        assert answer.status_code == 200, answer.text
    assert [await _held(c) for c in codes] == [
        ("lan.nt", "received", APPLICANT_ID),
        ("minh.pv", "supplement_requested", APPLICANT_ID),
        ("minh.pv", "refused", APPLICANT_ID),
        ("", "submitted", APPLICANT_ID),
    ]


async def test_the_officer_who_loses_the_race_does_not_take_the_dossier(client: httpx.AsyncClient) -> None:
    await seeded()
    lan, minh = await officer(client, "lan.nt"), await officer(client, "minh.pv")
    made = await dossier(client)
    assert (await client.post(url(made, "accept"), json={"version": 1}, headers=lan.headers())).status_code == 200
    late = await client.post(url(made, "refuse"), json={"version": 1, "reasons": ["Trễ"]}, headers=minh.headers())
    assert late.status_code == 409
    assert (await _held(made["dossier"]["code"]))[:2] == ("lan.nt", "received")


async def test_counter_intake_makes_the_officer_the_assignee(client: httpx.AsyncClient) -> None:
    await seeded()
    lan = await officer(client, "lan.nt")
    body = {
        "procedureCode": MARITAL,
        "competentAgencyCode": "H12.41",
        "channel": "postal",
        "answers": valid_answers(MARITAL),
        "identityChecked": False,
        "intakeId": str(uuid.uuid4()),
    }
    checked = {**body, "intakeId": str(uuid.uuid4()), "channel": "in_person", "identityChecked": True}
    checked["idNumber"] = "001090000042"
    codes = []
    for sent in (body, checked):
        answer = await client.post("/api/staff/counter-intake", json=sent, headers=lan.headers())
        assert answer.status_code == 201, answer.text
        codes.append(answer.json()["code"])
    # Without an ID number checked at the counter, the applicant's as answered.
    assert [await _held(c) for c in codes] == [
        ("lan.nt", "received", APPLICANT_ID),
        ("lan.nt", "received", "001090000042"),
    ]


async def test_a_corrected_applicant_id_number_is_the_one_the_queue_finds(client: httpx.AsyncClient) -> None:
    await seeded()
    me = await officer(client)
    made = await submitted(client, BIRTH)
    code = made["dossier"]["code"]
    asked = {"kind": "field", "path": "declarant.id_number", "label": "Số định danh cá nhân", "note": "Sai một số"}
    await corrections_requested(code, [asked])
    answers = copy.deepcopy(made["sent"]["answers"])
    answers["declarant"]["id_number"] = "042091009999"
    same = {key: made["sent"][key] for key in ("submissionId", "accessToken", "attachments")}
    correction = {**same, "editsVersion": 2, "correctionId": str(uuid.uuid4()), "answers": answers}
    answer = await client.post("/api/dossiers/corrections", json=correction)
    assert answer.status_code == 200, answer.text
    assert (await _held(code))[2] == "042091009999"
    for typed, found in (("042 091 009 999", [code]), ("042091001284", [])):
        queue = await client.get("/api/staff/queue", params={"q": typed}, headers=me.headers())
        assert [i["code"] for i in queue.json()["items"]] == found, typed


def test_the_backfill_names_the_same_applicant_id_number_as_intake() -> None:
    spec = importlib.util.spec_from_file_location("backfill", BACKFILL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    forms = {p.code: msgspec.to_builtins(p.form) for p in demo_catalogue().procedures}
    # From the demo forms: the section ui.applicant names, else the phone's, else the first with a full name.
    by_hand = {BIRTH: "declarant.id_number", MARITAL: "applicant.id_number", "2.000908": "contact.id_number"}
    assert {code: module._applicant_id_path(forms[code]) for code in by_hand} == by_hand
    for code, form in forms.items():
        contact = contact_fields(form)
        assert module._applicant_id_path(form) == (contact.id_number if contact else None), code

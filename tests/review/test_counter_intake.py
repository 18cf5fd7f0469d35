"""Counter intake (in person and by post): scans kept for the officer's own session, the procedure's own
checks, received at once with Mẫu 01 (a same-day procedure without it unless asked), one dossier per intake id."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest

from backend.accounts.rules import Role
from backend.dossiers.tables import Dossier, DossierAudit, DossierPaper, Upload
from tests.accounts.staffing import Session
from tests.factories import jpeg_bytes, seeded, sha256, valid_answers
from tests.review.desk import MARITAL, officer

pytestmark = pytest.mark.usefixtures("db", "clock")
BIRTH = "1.001193"  # same day (working_days 0), a photo of the birth certificate required
PHOTO = jpeg_bytes(3)


def _intake(procedure: str = MARITAL, **changes: Any) -> dict[str, Any]:
    body = {
        "procedureCode": procedure,
        "competentAgencyCode": "H12.41",
        "channel": "in_person",
        "answers": valid_answers(procedure),
        "identityChecked": True,
        "idNumber": "042090001234",
        "intakeId": str(uuid.uuid4()),
    }
    return {**body, **changes}


async def _scan(client: httpx.AsyncClient, who: Session, content: bytes = PHOTO) -> httpx.Response:
    return await client.put(
        f"/api/staff/scans/{sha256(content)}",
        content=content,
        headers={**who.headers(), "Content-Type": "image/jpeg"},
    )


async def _take(client: httpx.AsyncClient, who: Session, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/api/staff/counter-intake", json=body, headers=who.headers())


async def _dossier(code: str) -> dict[str, Any]:
    row = await Dossier.select().where(Dossier.code == code).output(load_json=True).first()
    assert row is not None
    return dict(row)


async def _ready(client: httpx.AsyncClient) -> Session:
    await seeded()
    return await officer(client)


async def test_in_person_with_a_scan_is_received_at_once_with_its_receipt(client: httpx.AsyncClient) -> None:
    me = await _ready(client)
    assert (await _scan(client, me)).status_code == 201
    attachments = [{"slot": "giay_xac_nhan_cu", "sha256": sha256(PHOTO)}]
    answer = await _take(client, me, _intake(attachments=attachments))
    assert answer.status_code == 201, answer.text
    body = answer.json()
    # The officer's centre (xã Can Lộc) receives it: its code and its first number of Monday 23 Nov 2026.
    assert (body["code"], body["status"], body["version"]) == ("H12.41.01-261123-0001", "received", 2)
    paper = body["paper"]["data"]
    assert paper["agencyHeader"] == {
        "committee": "Ủy ban nhân dân xã Can Lộc",
        "unit": "Trung tâm Phục vụ hành chính công xã Can Lộc",
    }
    # 3 working days from Monday 09:00, Tuesday 24 Nov a holiday: Friday 27 Nov (as accepting online).
    assert paper["appointmentDate"] == "2026-11-27"
    row = await _dossier(body["code"])
    assert (row["channel"], row["identity_checked"], row["id_number"]) == ("in_person", True, "042090001234")
    assert row["receiving_unit_code"] == "H12.41.01"
    assert [a["sha256"] for a in row["attachments"]] == [sha256(PHOTO)]
    [audit] = await DossierAudit.select().where(DossierAudit.dossier == row["id"])
    assert (audit["action"], audit["from_status"], audit["to_status"]) == ("counter_intake", "submitted", "received")
    [stored] = await DossierPaper.select().where(DossierPaper.dossier == row["id"]).output(load_json=True)
    assert stored["kind"] == "01" and stored["data"]["agencyHeader"] == paper["agencyHeader"]
    assert not await Upload.exists().where(Upload.sha256 == sha256(PHOTO))  # the session let go of its scan


async def test_postal_intake_is_recorded_as_postal(client: httpx.AsyncClient) -> None:
    me = await _ready(client)
    answer = await _take(client, me, _intake(channel="postal", identityChecked=False, idNumber=""))
    assert answer.status_code == 201, answer.text
    row = await _dossier(answer.json()["code"])
    assert (row["channel"], row["identity_checked"], row["status"]) == ("postal", False, "received")


@pytest.mark.parametrize(("receipt", "papers"), [(False, []), (True, ["01"])])
async def test_a_same_day_procedure_has_a_receipt_only_when_asked(
    client: httpx.AsyncClient, receipt: bool, papers: list[str]
) -> None:
    me = await _ready(client)
    await _scan(client, me)
    attachments = [{"slot": "giay_chung_sinh", "sha256": sha256(PHOTO)}]
    answer = await _take(client, me, _intake(BIRTH, attachments=attachments, receipt=receipt))
    assert answer.status_code == 201, answer.text
    assert (answer.json()["paper"] is not None) == receipt
    row = await _dossier(answer.json()["code"])
    assert row["status"] == "received"
    issued = await DossierPaper.select(DossierPaper.kind).where(DossierPaper.dossier == row["id"])
    assert [p["kind"] for p in issued] == papers


async def test_invalid_answers_are_refused_with_every_error(client: httpx.AsyncClient) -> None:
    me = await _ready(client)
    answers = valid_answers(MARITAL)
    answers["applicant"] = {**answers["applicant"], "full_name": ""}
    answers["contact"] = {**answers["contact"], "phone": "12"}
    answer = await _take(client, me, _intake(answers=answers))
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "invalid_answers"
    paths = sorted(e["path"] for e in answer.json()["errors"])
    assert paths == ["applicant.full_name", "contact.phone"]
    assert await Dossier.count() == 0


async def test_a_scan_of_another_officers_session_cannot_be_used(client: httpx.AsyncClient) -> None:
    me = await _ready(client)
    other = await officer(client, "tiep.nhan.hai")
    assert (await _scan(client, other)).status_code == 201
    attachments = [{"slot": "giay_xac_nhan_cu", "sha256": sha256(PHOTO)}]
    answer = await _take(client, me, _intake(attachments=attachments))
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "attachments_missing"
    assert await Dossier.count() == 0


async def test_a_double_submit_makes_one_dossier(client: httpx.AsyncClient) -> None:
    me = await _ready(client)
    body = _intake()
    first, second = await asyncio.gather(_take(client, me, body), _take(client, me, body))
    assert sorted([first.status_code, second.status_code]) == [200, 201], (first.text, second.text)
    assert first.json()["code"] == second.json()["code"]
    assert first.json()["version"] == second.json()["version"] == 2
    assert await Dossier.count() == 1
    assert await DossierAudit.count().where(DossierAudit.action == "counter_intake") == 1
    assert await DossierPaper.count() == 1


async def test_a_leader_may_not_take_a_dossier_at_the_counter(client: httpx.AsyncClient) -> None:
    await seeded()
    leader = await officer(client, "lanh.dao", Role.LEADER)
    scan = await _scan(client, leader)
    answer = await _take(client, leader, _intake())
    assert (scan.status_code, answer.status_code) == (403, 403)

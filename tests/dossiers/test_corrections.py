"""A dossier sent back for corrections (Mẫu 02) is corrected on the phone and resubmitted into itself:
exactly the requested items change, exactly once, at the version the phone saw."""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import uuid
from typing import Any

import httpx
import msgspec
import pytest

from backend.catalogue.service import IntakeCatalogue
from backend.dossiers import corrections
from backend.dossiers.schemas import CorrectionIn
from backend.dossiers.tables import Dossier, DossierAudit, DossierCorrection, DossierEvent
from backend.settings import Settings
from tests.factories import NOW, corrections_requested, jpeg_bytes, put_file, seeded, sha256, submitted

pytestmark = pytest.mark.usefixtures("db")
NEW_PHOTO = jpeg_bytes(9)


async def _sent_back(client: httpx.AsyncClient, items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    await seeded()
    made = await submitted(client)
    await corrections_requested(made["dossier"]["code"], items)
    return made


def _correction(made: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The phone's correction: the child's name fixed and the birth certificate retaken."""
    sent = made["sent"]
    answers = copy.deepcopy(sent["answers"])
    answers["child"]["full_name"] = "Nguyễn Minh Khanh"
    body = {
        "submissionId": sent["submissionId"],
        "accessToken": sent["accessToken"],
        "editsVersion": 2,
        "correctionId": str(uuid.uuid4()),
        "answers": answers,
        "attachments": [{"slot": "giay_chung_sinh", "sha256": sha256(NEW_PHOTO)}],
    }
    body.update(changes)
    return body


async def _row(made: dict[str, Any]) -> dict[str, Any]:
    row = await Dossier.select().where(Dossier.code == made["dossier"]["code"]).output(load_json=True).first()
    assert row is not None
    return row


async def test_a_correction_resubmits_the_same_dossier_with_the_requested_items(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client)
    assert (await put_file(client, made["sent"], NEW_PHOTO)).status_code == 201
    response = await client.post("/api/dossiers/corrections", json=_correction(made))
    assert response.status_code == 200, response.text
    out = response.json()["dossier"]
    assert (out["code"], out["status"], out["version"]) == (made["dossier"]["code"], "submitted", 3)
    row = await _row(made)
    assert row["answers"]["child"]["full_name"] == "Nguyễn Minh Khanh"
    assert [(a["slot"], a["sha256"]) for a in row["attachments"]] == [("giay_chung_sinh", sha256(NEW_PHOTO))]
    assert (row["status"], row["version"], row["correction_request"]) == ("submitted", 3, None)
    audit = await DossierAudit.select(
        DossierAudit.action, DossierAudit.from_status, DossierAudit.to_status, DossierAudit.version_after
    )
    assert audit == [
        {"action": "resubmit", "from_status": "supplement_requested", "to_status": "submitted", "version_after": 3}
    ]
    events = await DossierEvent.select(DossierEvent.status, DossierEvent.actor).order_by(DossierEvent.id)
    assert events[-1] == {"status": "submitted", "actor": "citizen"}


async def test_the_clock_starts_again_from_the_resubmission(client: httpx.AsyncClient, settings: Settings) -> None:
    made = await _sent_back(client)
    await put_file(client, made["sent"], NEW_PHOTO)
    later = NOW + dt.timedelta(days=1, hours=3)
    first = await _row(made)
    data = msgspec.convert(_correction(made), CorrectionIn)
    await corrections.resubmit(data, later, settings.tz, IntakeCatalogue(0))
    row = await _row(made)
    assert row["checking_since"] == later
    assert row["submitted_at"] == first["submitted_at"]  # the first submission stays the first


async def test_the_same_correction_twice_is_one_change(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client)
    await put_file(client, made["sent"], NEW_PHOTO)
    body = _correction(made)
    first = await client.post("/api/dossiers/corrections", json=body)
    again = await client.post("/api/dossiers/corrections", json=body)
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json() == first.json()
    assert (await _row(made))["version"] == 3
    assert await DossierAudit.count() == 1
    assert await DossierCorrection.count() == 1


async def test_the_same_correction_id_with_other_content_is_refused(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client)
    await put_file(client, made["sent"], NEW_PHOTO)
    body = _correction(made)
    assert (await client.post("/api/dossiers/corrections", json=body)).status_code == 200
    other = copy.deepcopy(body)
    other["answers"]["child"]["full_name"] = "Nguyễn Minh Khôi"
    response = await client.post("/api/dossiers/corrections", json=other)
    assert (response.status_code, response.json()["code"]) == (409, "correction_conflict")
    assert (await _row(made))["answers"]["child"]["full_name"] == "Nguyễn Minh Khanh"


async def test_a_stale_edit_is_refused_with_the_current_version(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client)
    await put_file(client, made["sent"], NEW_PHOTO)
    response = await client.post("/api/dossiers/corrections", json=_correction(made, editsVersion=1))
    assert response.status_code == 409
    assert (response.json()["code"], response.json()["currentVersion"]) == ("stale_edit", 2)
    assert (await _row(made))["status"] == "supplement_requested"


async def test_changes_outside_the_requested_items_are_refused(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client, [{"kind": "field", "path": "child.full_name", "label": "Tên", "note": ""}])
    await put_file(client, made["sent"], NEW_PHOTO)  # the photo was not asked for: the upload is refused ...
    body = _correction(made)
    body["answers"]["mother"]["full_name"] = "Trần Thị Hòa"
    response = await client.post("/api/dossiers/corrections", json=body)
    assert (response.status_code, response.json()["code"]) == (422, "not_requested")
    paths = [e["path"] for e in response.json()["errors"]]
    assert paths == ["mother.full_name", "documents.giay_chung_sinh"]
    assert (await _row(made))["status"] == "supplement_requested"


async def test_a_wrong_token_finds_no_dossier(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client)
    wrong = _correction(made, accessToken="x" * 43)
    unknown = _correction(made, submissionId=str(uuid.uuid4()))
    for body in (wrong, unknown):
        response = await client.post("/api/dossiers/corrections", json=body)
        assert (response.status_code, response.json()["code"]) == (404, "dossier_not_found")
    assert (await client.post("/api/dossiers/corrections", json=wrong)).json() == (
        await client.post("/api/dossiers/corrections", json=unknown)
    ).json()


async def test_a_correction_is_checked_by_the_form(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client)
    await put_file(client, made["sent"], NEW_PHOTO)
    body = _correction(made)
    body["answers"]["child"]["full_name"] = ""
    response = await client.post("/api/dossiers/corrections", json=body)
    assert (response.status_code, response.json()["code"]) == (422, "invalid_answers")


async def test_a_dossier_not_sent_back_takes_no_correction(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client)
    response = await client.post("/api/dossiers/corrections", json=_correction(made, editsVersion=1))
    assert (response.status_code, response.json()["code"]) == (409, "illegal_transition")


async def test_new_files_are_taken_only_while_a_document_is_asked_for(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client)
    assert (await put_file(client, made["sent"], NEW_PHOTO)).json()["code"] == "submission_closed"
    fields_only = [{"kind": "field", "path": "child.full_name", "label": "Tên", "note": ""}]
    await corrections_requested(made["dossier"]["code"], fields_only)
    assert (await put_file(client, made["sent"], NEW_PHOTO)).json()["code"] == "submission_closed"
    await corrections_requested(made["dossier"]["code"])
    assert (await put_file(client, made["sent"], NEW_PHOTO)).status_code == 201


async def test_my_dossiers_show_the_request_and_the_version(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client)
    response = await client.post("/api/dossiers/mine", json={"tokens": [made["sent"]["accessToken"]]})
    [view] = response.json()["dossiers"]
    assert (view["status"], view["version"]) == ("supplement_requested", 2)
    request = view["correctionRequest"]
    assert [(i["kind"], i.get("path"), i.get("slot"), i["note"]) for i in request["items"]] == [
        ("field", "child.full_name", None, "Sai chính tả tên"),
        ("document", None, "giay_chung_sinh", "Ảnh bị mờ"),
    ]
    assert request["message"] == {"vi": "Vui lòng bổ sung.", "en": "Please complete it."}
    assert view["answers"] == (await _row(made))["answers"]  # what the phone corrects and sends back


async def test_my_dossiers_show_why_a_dossier_was_refused_but_never_the_internal_note(
    client: httpx.AsyncClient,
) -> None:
    await seeded()
    made = await submitted(client)
    row = await _row(made)
    await Dossier.update({Dossier.status: "refused", Dossier.version: 2}).where(Dossier.id == row["id"])
    await DossierAudit.insert(
        DossierAudit(
            dossier=row["id"],
            at=NOW,
            actor_username="canbo",
            action="refuse",
            from_status="submitted",
            to_status="refused",
            reason_for_citizen="Không thuộc thẩm quyền của xã.\nThiếu giấy chứng sinh bản chính.",
            internal_note="Gọi điện không được",
            version_after=2,
        )
    )
    response = await client.post("/api/dossiers/mine", json={"tokens": [made["sent"]["accessToken"]]})
    [view] = response.json()["dossiers"]
    assert view["refusalReasons"] == ["Không thuộc thẩm quyền của xã.", "Thiếu giấy chứng sinh bản chính."]
    assert (view["correctionRequest"], view["answers"]) == (None, None)
    assert "Gọi điện" not in response.text


async def test_the_same_correction_sent_twice_at_once_is_one_change(client: httpx.AsyncClient) -> None:
    made = await _sent_back(client)
    await put_file(client, made["sent"], NEW_PHOTO)
    body = _correction(made)
    answers = await asyncio.gather(*(client.post("/api/dossiers/corrections", json=body) for _ in range(3)))
    assert [r.status_code for r in answers] == [200, 200, 200], [r.text for r in answers]
    assert {r.json()["dossier"]["version"] for r in answers} == {3}
    assert (await DossierAudit.count(), await DossierCorrection.count()) == (1, 1)

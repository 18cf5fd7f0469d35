"""The officer's request for corrections and the phone's resubmission meet: what the officer asks for is what
the phone is shown, and the corrected dossier comes back to the queue to be checked again."""

from __future__ import annotations

import copy
import uuid

import httpx
import pytest

from tests.factories import jpeg_bytes, put_file, seeded, sha256
from tests.review.desk import dossier, officer, url

pytestmark = pytest.mark.usefixtures("db")
BIRTH = "1.001193"
NEW_PHOTO = jpeg_bytes(7)


async def test_a_request_made_at_the_counter_is_answered_from_the_phone(client: httpx.AsyncClient) -> None:
    await seeded()
    me, made = await officer(client), await dossier(client, BIRTH)
    asked = [
        {"kind": "field", "path": "child.full_name", "note": "Tên trên giấy chứng sinh khác với tên đã khai."},
        {"kind": "document", "slot": "giay_chung_sinh", "note": "Ảnh bị mờ, vui lòng chụp lại."},
    ]
    request = await client.post(
        url(made, "request-corrections"), json={"version": 1, "items": asked}, headers=me.headers()
    )
    assert request.status_code == 200, request.text

    sent = made["sent"]
    [view] = (await client.post("/api/dossiers/mine", json={"tokens": [sent["accessToken"]]})).json()["dossiers"]
    shown = view["correctionRequest"]["items"]
    assert [(i["kind"], i.get("path") or i.get("slot"), i["note"]) for i in shown] == [
        ("field", "child.full_name", asked[0]["note"]),
        ("document", "giay_chung_sinh", asked[1]["note"]),
    ]

    assert (await put_file(client, sent, NEW_PHOTO)).status_code == 201
    answers = copy.deepcopy(sent["answers"])
    answers["child"]["full_name"] = "Nguyễn Minh Khanh"
    correction = {
        "submissionId": sent["submissionId"],
        "accessToken": sent["accessToken"],
        "editsVersion": view["version"],
        "correctionId": str(uuid.uuid4()),
        "answers": answers,
        "attachments": [{"slot": "giay_chung_sinh", "sha256": sha256(NEW_PHOTO)}],
    }
    resent = await client.post("/api/dossiers/corrections", json=correction)
    assert resent.status_code == 200, resent.text

    queue = (await client.get("/api/staff/queue?list=to_check", headers=me.headers())).json()
    [item] = [i for i in queue["items"] if i["code"] == made["dossier"]["code"]]
    assert (item["status"], item["version"]) == ("submitted", 3)
    again = await client.post(
        url(made, "request-corrections"), json={"version": 3, "items": asked[:1]}, headers=me.headers()
    )
    assert again.status_code == 409 and again.json()["code"] == "correction_already_requested"

"""Attachments: a phone uploads each photo before its submission, as often as it needs; the server keeps
only real JPEG, PNG and PDF files, once per content, and a dossier never exists without its files."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from backend.dossiers.files import MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION
from backend.dossiers.tables import Dossier, Upload
from backend.settings import Settings
from tests.factories import (
    bearer,
    jpeg_bytes,
    pdf_bytes,
    png_bytes,
    put_file,
    seeded,
    sha256,
    submission,
    with_files,
)

pytestmark = pytest.mark.usefixtures("db")


def _files_url(body: dict[str, Any]) -> str:
    return f"/api/submissions/{body['submissionId']}/files"


async def _send(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/api/submissions", json=body)


async def test_an_upload_is_stored_once_and_repeating_it_is_a_200_with_the_same_answer(
    client: httpx.AsyncClient,
) -> None:
    body, photo = submission(), jpeg_bytes()
    first = await put_file(client, body, photo)
    assert first.status_code == 201, first.text
    assert first.json() == {"sha256": sha256(photo), "size": len(photo), "contentType": "image/jpeg"}
    again = await put_file(client, body, photo)
    assert again.status_code == 200 and again.json() == first.json()
    assert await Upload.count() == 1
    held = await client.get(_files_url(body), headers=bearer(body))
    assert held.json() == {"files": [first.json()]}
    assert held.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(("make", "content_type"), [(png_bytes, "image/png"), (pdf_bytes, "application/pdf")])
async def test_png_photos_and_pdf_documents_are_accepted(
    client: httpx.AsyncClient, make: Any, content_type: str
) -> None:
    response = await put_file(client, submission(), make(), **{"Content-Type": "application/octet-stream"})
    assert response.status_code == 201, response.text
    assert response.json()["contentType"] == content_type


async def test_bytes_that_do_not_match_the_hash_in_the_address_are_refused(client: httpx.AsyncClient) -> None:
    body, photo = submission(), jpeg_bytes()
    response = await client.put(
        f"{_files_url(body)}/{sha256(photo)}", content=photo[: len(photo) // 2], headers=bearer(body)
    )
    assert response.status_code == 400 and response.json()["code"] == "hash_mismatch"
    assert await Upload.count() == 0


async def test_text_sent_as_a_jpeg_is_refused_by_its_content(client: httpx.AsyncClient) -> None:
    response = await put_file(client, submission(), b"this is not a photo at all", **{"Content-Type": "image/jpeg"})
    assert response.status_code == 415
    problem = response.json()
    assert problem["code"] == "unsupported_file" and "JPEG" in problem["message"]["vi"]


async def test_a_jpeg_cut_short_is_refused(client: httpx.AsyncClient) -> None:
    photo = jpeg_bytes(size=(400, 300))
    response = await put_file(client, submission(), photo[: int(len(photo) * 0.8)])
    assert response.status_code == 415 and response.json()["code"] == "unsupported_file"


async def test_a_file_over_the_limit_is_a_413_that_states_the_limit(client: httpx.AsyncClient) -> None:
    big = jpeg_bytes() + b"\0" * MAX_FILE_BYTES
    response = await put_file(client, submission(), big)
    assert response.status_code == 413
    problem = response.json()
    assert problem["code"] == "too_large" and "5 MB" in problem["message"]["vi"] and "5 MB" in problem["message"]["en"]


async def test_another_token_cannot_add_to_a_submission_nor_see_its_files(client: httpx.AsyncClient) -> None:
    body, photo = submission(), jpeg_bytes()
    assert (await put_file(client, body, photo)).status_code == 201
    intruder = {**body, "accessToken": submission()["accessToken"]}
    response = await put_file(client, intruder, jpeg_bytes(1))
    assert response.status_code == 409 and response.json()["code"] == "submission_conflict"
    seen = await client.get(_files_url(body), headers=bearer(intruder))
    assert seen.status_code == 200 and seen.json() == {"files": []}
    fetched = await client.get(f"{_files_url(body)}/{sha256(photo)}", headers=bearer(intruder))
    assert fetched.status_code == 404


async def test_files_need_the_token_in_the_authorization_header(client: httpx.AsyncClient) -> None:
    body, photo = submission(), jpeg_bytes()
    response = await client.put(f"{_files_url(body)}/{sha256(photo)}", content=photo)
    assert response.status_code == 401 and response.json()["code"] == "missing_token"
    assert (await client.get(_files_url(body))).status_code == 401


async def test_an_address_without_a_proper_hash_is_a_400(client: httpx.AsyncClient) -> None:
    body = submission()
    response = await client.put(f"{_files_url(body)}/NOT-A-HASH", content=jpeg_bytes(), headers=bearer(body))
    assert response.status_code == 400


async def test_a_held_file_can_be_read_back_by_its_token(client: httpx.AsyncClient) -> None:
    body, photo = submission(), jpeg_bytes()
    await put_file(client, body, photo)
    response = await client.get(f"{_files_url(body)}/{sha256(photo)}", headers=bearer(body))
    assert response.status_code == 200 and response.content == photo
    assert response.headers["content-type"] == "image/jpeg"


async def test_a_submission_takes_at_most_twenty_files(client: httpx.AsyncClient) -> None:
    body = submission()
    for shade in range(MAX_FILES_PER_SUBMISSION):
        assert (await put_file(client, body, jpeg_bytes(shade))).status_code == 201
    response = await put_file(client, body, jpeg_bytes(MAX_FILES_PER_SUBMISSION))
    assert response.status_code == 422 and response.json()["code"] == "too_many_files"
    assert (await put_file(client, body, jpeg_bytes(0))).status_code == 200


async def test_the_same_bytes_are_kept_once_on_disk_whoever_sends_them(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    photo = jpeg_bytes(7)
    for _ in range(2):
        assert (await put_file(client, submission(), photo)).status_code == 201
    folder = settings.data_dir / "attachments" / sha256(photo)[:2]
    assert [p.name for p in folder.iterdir()] == [sha256(photo)]
    assert (folder / sha256(photo)).read_bytes() == photo
    assert await Upload.count() == 2


async def test_a_submission_whose_files_are_not_uploaded_waits_for_them(client: httpx.AsyncClient) -> None:
    await seeded()
    photo = jpeg_bytes()
    body = submission(attachments=[{"slot": "giay_chung_sinh", "sha256": sha256(photo)}])
    response = await _send(client, body)
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "attachments_missing"
    assert [(e["path"], e["code"]) for e in problem["errors"]] == [("documents.giay_chung_sinh", "not_uploaded")]
    assert await Dossier.count() == 0
    await put_file(client, body, photo)
    created = await _send(client, body)
    assert created.status_code == 201, created.text
    assert created.json()["attachments"] == [
        {"slot": "giay_chung_sinh", "sha256": sha256(photo), "size": len(photo), "contentType": "image/jpeg"}
    ]


async def test_a_file_uploaded_with_another_token_does_not_count(client: httpx.AsyncClient) -> None:
    await seeded()
    photo = jpeg_bytes()
    body = submission(attachments=[{"slot": "giay_chung_sinh", "sha256": sha256(photo)}])
    other = {**body, "submissionId": str(uuid.uuid4())}
    await put_file(client, other, photo)
    response = await _send(client, body)
    assert response.status_code == 422 and response.json()["code"] == "attachments_missing"


async def test_a_required_photo_left_out_is_a_422_naming_the_document(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await _send(client, submission())
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "invalid_attachments"
    [error] = problem["errors"]
    assert (error["path"], error["code"]) == ("documents.giay_chung_sinh", "required")
    assert "Giấy chứng sinh" in error["message"]["vi"] and error["message"]["en"]


async def test_unknown_and_repeated_slots_are_refused(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    [slot] = body["attachments"]
    body["attachments"] += [
        {"slot": slot["slot"], "sha256": sha256(jpeg_bytes(3))},
        {"slot": "to_khai", "sha256": sha256(jpeg_bytes(4))},  # filled in the app: takes no photo
        {"slot": "khong_co", "sha256": sha256(jpeg_bytes(5))},
    ]
    response = await _send(client, body)
    assert response.status_code == 422
    found = {(e["path"], e["code"]) for e in response.json()["errors"]}
    assert found == {
        ("documents.giay_chung_sinh", "duplicate_slot"),
        ("documents.to_khai", "unknown_slot"),
        ("documents.khong_co", "unknown_slot"),
    }


async def test_an_optional_photo_can_be_attached_too(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    extra = pdf_bytes()
    await put_file(client, body, extra)
    body["attachments"].append({"slot": "van_ban_uy_quyen", "sha256": sha256(extra)})
    response = await _send(client, body)
    assert response.status_code == 201, response.text
    assert [a["slot"] for a in response.json()["attachments"]] == ["giay_chung_sinh", "van_ban_uy_quyen"]


async def test_sending_a_submission_with_attachments_again_makes_no_second_dossier(
    client: httpx.AsyncClient,
) -> None:
    await seeded()
    body = await with_files(client, submission())
    first = await _send(client, body)
    again = await _send(client, body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert await Dossier.count() == 1


async def test_other_attachments_under_the_same_id_are_a_conflict(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    assert (await _send(client, body)).status_code == 201
    other = jpeg_bytes(9)
    changed = {**body, "attachments": [{"slot": "giay_chung_sinh", "sha256": sha256(other)}]}
    response = await _send(client, changed)
    assert response.status_code == 409 and response.json()["code"] == "submission_conflict"


async def test_once_the_dossier_exists_only_its_own_files_may_be_sent_again(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    assert (await _send(client, body)).status_code == 201
    attached = jpeg_bytes(0)
    assert (await put_file(client, body, attached)).status_code == 200
    late = await put_file(client, body, jpeg_bytes(11))
    assert late.status_code == 409 and late.json()["code"] == "submission_closed"

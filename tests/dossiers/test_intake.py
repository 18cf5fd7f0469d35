"""A submission from a phone becomes a dossier exactly once, however often it is sent; anything wrong
is refused with a clear problem, and nothing already received changes."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import httpx
import pytest

from backend.dossiers.rules import token_hash
from backend.dossiers.tables import Dossier, DossierEvent
from tests.factories import seeded, submission, with_files

pytestmark = pytest.mark.usefixtures("db")
CODE = re.compile(r"^H12\.41\.01-\d{6}-\d{4}$")


async def _send(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/api/submissions", json=body)


async def test_a_valid_submission_becomes_a_dossier_with_a_national_code(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    response = await _send(client, body)
    assert response.status_code == 201, response.text
    dossier = response.json()
    assert CODE.match(dossier["code"])
    assert dossier["status"] == "submitted" and dossier["submissionId"] == body["submissionId"]
    row = await Dossier.select().where(Dossier.code == dossier["code"]).first()
    assert row is not None and row["channel"] == "online"
    assert row["access_token_hash"] == token_hash(body["accessToken"])
    assert body["accessToken"] not in str(row)
    events = await DossierEvent.select(DossierEvent.status, DossierEvent.actor)
    assert events == [{"status": "submitted", "actor": "citizen"}]


async def test_sending_the_same_submission_again_changes_nothing(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    first = await _send(client, body)
    for _ in range(3):
        again = await _send(client, body)
        assert again.status_code == 200
        assert again.json() == first.json()
    assert await Dossier.count() == 1
    assert await DossierEvent.count() == 1


async def test_the_same_id_with_other_content_is_a_409_and_the_dossier_is_unchanged(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    first = (await _send(client, body)).json()
    changed = {
        **body,
        "answers": {**body["answers"], "child": {**body["answers"]["child"], "full_name": "Lê Văn Khác"}},
    }
    response = await _send(client, changed)
    assert response.status_code == 409
    problem = response.json()
    assert problem["code"] == "submission_conflict" and problem["message"]["vi"] and problem["message"]["en"]
    row = await Dossier.select(Dossier.answers).where(Dossier.code == first["code"]).output(load_json=True).first()
    assert row is not None and row["answers"] == body["answers"]


async def test_the_same_id_with_another_token_is_a_conflict(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    assert (await _send(client, body)).status_code == 201
    other = submission(submissionId=body["submissionId"], answers=body["answers"])
    assert (await _send(client, other)).status_code == 409


async def test_concurrent_copies_of_one_submission_make_one_dossier(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    responses = await asyncio.gather(*[_send(client, body) for _ in range(5)])
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 200, 201]
    assert len({r.json()["code"] for r in responses}) == 1
    assert await Dossier.count() == 1


async def test_dossiers_of_one_agency_and_day_are_numbered_in_turn(client: httpx.AsyncClient) -> None:
    await seeded()
    bodies = [await with_files(client, submission()) for _ in range(6)]
    responses = await asyncio.gather(*[_send(client, body) for body in bodies])
    codes = sorted(r.json()["code"] for r in responses)
    assert [int(code[-4:]) for code in codes] == [1, 2, 3, 4, 5, 6]
    other = (await _send(client, await with_files(client, submission(competent="H12.42")))).json()["code"]
    assert other.startswith("H12.42.01-") and other.endswith("-0001")


async def test_invalid_answers_are_a_422_listing_each_problem(client: httpx.AsyncClient) -> None:
    await seeded()
    body = submission()
    body["answers"]["child"].pop("full_name")
    body["answers"]["mother"]["id_number"] = "12345"
    response = await _send(client, body)
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "invalid_answers"
    found = {(e["path"], e["code"]) for e in problem["errors"]}
    assert ("child.full_name", "required") in found
    assert ("mother.id_number", "digit_count") in found
    assert all(e["message"]["vi"] and e["message"]["en"] for e in problem["errors"])
    assert await Dossier.count() == 0


async def test_a_procedure_not_in_the_catalogue_is_refused(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await _send(client, submission(procedureCode="9.999999"))
    assert response.status_code == 422 and response.json()["code"] == "unknown_procedure"


async def test_an_agency_that_does_not_receive_dossiers_is_refused(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await _send(client, submission(receiving="H12.02"))
    assert response.status_code == 422 and response.json()["code"] == "agency_not_accepted"


@pytest.mark.parametrize(
    "change",
    [
        {"submissionId": "not-a-uuid"},
        {"accessToken": "short"},
        {"answers": "not an object"},
        {"unexpected": True},
    ],
)
async def test_a_malformed_submission_is_a_400(client: httpx.AsyncClient, change: dict[str, Any]) -> None:
    await seeded()
    response = await _send(client, {**submission(), **change})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_request"


async def test_a_submission_over_the_size_limit_is_a_413_problem(client: httpx.AsyncClient) -> None:
    await seeded()
    body = submission()
    body["answers"]["child"]["place_of_birth"] = "x" * 300_000
    response = await _send(client, body)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"

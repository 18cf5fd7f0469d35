"""Answers go on official papers: a submission's texts are kept tidied (NFC, spaces, phone and ID numbers
written as digits), hidden characters are refused, and a retried submission is still recognised."""

from __future__ import annotations

import unicodedata
from typing import Any

import httpx
import pytest

from backend.dossiers.tables import Dossier
from tests.factories import seeded, submission, with_files

pytestmark = pytest.mark.usefixtures("db")
NAME = "Nguyễn Văn An"


def _untidy() -> dict[str, Any]:
    """A submission as a phone keyboard may type it: a decomposed name, spaced phone and ID numbers."""
    body = submission()
    declarant = body["answers"]["declarant"]
    declarant["full_name"] = "  " + unicodedata.normalize("NFD", NAME) + "  "
    declarant["phone"] = "+84 912 345 678"
    declarant["id_number"] = "042 091 001 284"
    return body


async def test_a_dossier_keeps_its_answers_tidied_and_the_phone_as_ten_digits(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, _untidy())
    response = await client.post("/api/submissions", json=body)
    assert response.status_code == 201, response.text
    row = await Dossier.select(Dossier.answers, Dossier.contact_phone).output(load_json=True).first()
    assert row is not None
    declarant = row["answers"]["declarant"]
    assert (declarant["full_name"], declarant["phone"], declarant["id_number"]) == (NAME, "0912345678", "042091001284")
    assert row["contact_phone"] == "0912345678"


async def test_a_retried_untidy_submission_is_the_same_dossier(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, _untidy())
    first = await client.post("/api/submissions", json=body)
    again = await client.post("/api/submissions", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert await Dossier.count() == 1


async def test_a_tidy_submission_is_kept_byte_for_byte(client: httpx.AsyncClient) -> None:
    await seeded()
    body = await with_files(client, submission())
    assert (await client.post("/api/submissions", json=body)).status_code == 201
    row = await Dossier.select(Dossier.answers).output(load_json=True).first()
    assert row is not None and row["answers"] == body["answers"]


async def test_a_hidden_right_to_left_override_in_a_name_is_refused(client: httpx.AsyncClient) -> None:
    await seeded()
    body = submission()
    body["answers"]["child"]["full_name"] = "Nguyễn \u202eKhang"
    body["answers"]["mother"]["full_name"] = " \u3000 "
    response = await client.post("/api/submissions", json=body)
    assert response.status_code == 422
    errors = {e["path"]: e for e in response.json()["errors"]}
    assert {path: e["code"] for path, e in errors.items()} == {
        "child.full_name": "invalid_characters",
        "mother.full_name": "required",
    }
    assert errors["child.full_name"]["message"]["vi"].startswith("Họ, chữ đệm và tên: có ký tự không hợp lệ")
    assert "not allowed" in errors["child.full_name"]["message"]["en"]
    assert await Dossier.count() == 0

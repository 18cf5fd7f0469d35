"""Anonymous uploads cannot fill the disk: each client address may send so many files a minute and so
many bytes of new files a day, counted in the database for every process; retries of held files are free."""

from __future__ import annotations

import math
from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx
import pytest

from backend.settings import Settings
from tests.conftest import app_client
from tests.factories import jpeg_bytes, put_file, submission

pytestmark = pytest.mark.usefixtures("db", "one_minute")


def _app(settings: Settings, **limits: Any) -> AbstractAsyncContextManager[httpx.AsyncClient]:
    return app_client(settings.model_copy(update=limits))


def _from(address: str) -> dict[str, str]:
    """The citizen's address as the (trusted, local) reverse proxy forwards it."""
    return {"X-Forwarded-For": address}


async def test_a_client_uploading_too_often_gets_a_429_with_retry_after(settings: Settings) -> None:
    body = submission()
    async with _app(settings, upload_requests_per_minute=3) as http:
        answers = [await put_file(http, body, jpeg_bytes(shade)) for shade in range(4)]
        other_client = await put_file(http, body, jpeg_bytes(9), **_from("198.51.100.20"))
        described = (await http.get("/api/schema")).json()
    assert [r.status_code for r in answers] == [201, 201, 201, 429]
    upload = described["paths"]["/api/submissions/{submission_id}/files/{sha256}"]["put"]
    assert "429" in upload["responses"], "the API description must say that an upload may be refused so"
    refused = answers[-1]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    problem = refused.json()
    assert problem["code"] == "too_many_requests"
    assert problem["message"]["vi"].startswith("Đang có nhiều tệp gửi đến cùng lúc")
    assert problem["message"]["en"].startswith("Many files are arriving at once")
    assert other_client.status_code == 201


async def test_a_client_has_a_daily_budget_of_bytes_that_retries_do_not_spend(settings: Settings) -> None:
    body = submission()
    first, second, third = jpeg_bytes(1), jpeg_bytes(2), jpeg_bytes(3)
    async with _app(settings, upload_bytes_per_day=len(first) + len(second)) as http:
        answers = [await put_file(http, body, photo) for photo in (first, second, first, third)]
        other_client = await put_file(http, body, third, **_from("198.51.100.20"))
    assert [r.status_code for r in answers] == [201, 201, 200, 429]
    refused = answers[-1]
    wait = int(refused.headers["retry-after"])
    assert 1 <= wait <= 24 * 3600
    problem = refused.json()
    assert problem["code"] == "too_many_requests"
    assert problem["message"]["vi"].endswith(f"sau khoảng {math.ceil(wait / 3600)} giờ.")
    assert problem["message"]["en"].startswith("This network has sent as many files as allowed today")
    assert other_client.status_code == 201


async def test_two_processes_share_one_upload_rate_per_address(settings: Settings) -> None:
    body = submission()
    async with (
        _app(settings, upload_requests_per_minute=2) as first,
        _app(settings, upload_requests_per_minute=2) as second,
    ):
        answers = [await put_file(app, body, jpeg_bytes(shade)) for shade, app in enumerate([first, second, first])]
    assert [r.status_code for r in answers] == [201, 201, 429]


async def test_two_processes_share_one_byte_budget_per_address(settings: Settings) -> None:
    body, photos = submission(), [jpeg_bytes(shade) for shade in range(3)]
    budget = len(photos[0]) + len(photos[1])
    async with (
        _app(settings, upload_bytes_per_day=budget) as first,
        _app(settings, upload_bytes_per_day=budget) as second,
    ):
        answers = [await put_file(app, body, photo) for photo, app in zip(photos, [first, second, first], strict=True)]
    assert [r.status_code for r in answers] == [201, 201, 429]

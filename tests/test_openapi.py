"""The OpenAPI description tells what the API really does: problem-shaped errors, every route in the status
table, the bearer scheme and the upload body of the file routes."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.openapi import STATUSES

pytestmark = pytest.mark.usefixtures("db")


async def _described(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/api/schema/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def _operations(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f"{m.upper()} {path}": op for path, item in schema["paths"].items() for m, op in item.items()}


async def test_every_route_has_its_line_in_the_status_table(client: httpx.AsyncClient) -> None:
    assert set(_operations(await _described(client))) == set(STATUSES)


async def test_errors_are_described_as_the_problem_the_api_sends(client: httpx.AsyncClient) -> None:
    schema = await _described(client)
    problem = schema["components"]["schemas"]["Problem"]
    assert {"status", "code", "message"} <= set(problem["required"])
    for label, operation in _operations(schema).items():
        for status, response in operation["responses"].items():
            if int(status) >= 400:
                content = response["content"]
                assert list(content) == ["application/problem+json"], (label, status)
                assert content["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}


async def test_the_statuses_a_route_can_answer_are_described(client: httpx.AsyncClient) -> None:
    operations = _operations(await _described(client))
    upload = operations["PUT /api/submissions/{submission_id}/files/{sha256}"]["responses"]
    assert {"200", "201", "400", "401", "409", "413", "415", "422"} <= set(upload)
    assert {"200", "201", "409", "422"} <= set(operations["POST /api/submissions"]["responses"])
    assert {"404", "429"} <= set(operations["POST /api/tracking"]["responses"])
    assert "410" in operations["GET /api/catalogue/changes"]["responses"]


async def test_the_file_routes_take_a_bearer_token_and_raw_file_bytes(client: httpx.AsyncClient) -> None:
    schema = await _described(client)
    assert schema["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "The access token the phone made.",
    }
    operations = _operations(schema)
    files = [label for label in operations if label.split(" ", 1)[1].startswith("/api/submissions/{submission_id}")]
    assert len(files) == 3
    for label in files:
        assert operations[label]["security"] == [{"bearer": []}]
    body = operations["PUT /api/submissions/{submission_id}/files/{sha256}"]["requestBody"]
    assert body["required"] is True
    assert set(body["content"]) == {"image/jpeg", "image/png", "application/pdf"}

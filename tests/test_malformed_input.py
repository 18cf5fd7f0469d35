"""Malformed requests get a 4xx problem, never a 500 with a traceback: deep JSON, dates past year 9999,
NUL bytes in paths and in text bound for the database, and arbitrary JSON thrown at the public bodies."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.app import create_app
from backend.http import MAX_JSON_DEPTH
from backend.settings import Settings
from tests.factories import seeded, submission

pytestmark = pytest.mark.usefixtures("db")


def assert_problem(response: httpx.Response, status: int | None = None) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    if status is not None:
        assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == response.status_code
    assert body["code"] and body["message"]["vi"] and body["message"]["en"]


def assert_no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not errors, [r.getMessage() for r in errors]


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("path", ["/api/submissions", "/api/tracking", "/api/dossiers/mine"])
@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 1000, 2000])
async def test_deeply_nested_json_is_a_400(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, path: str, depth: int
) -> None:
    for body in (nested(depth), f'{{"answers": {nested(depth)}}}'):
        response = await client.post(path, content=body, headers={"content-type": "application/json"})
        assert_problem(response, 400)
        assert response.json()["code"] == "json_too_deep"
    assert_no_traceback(caplog)


async def test_answers_nested_within_the_bound_are_judged_by_the_form(client: httpx.AsyncClient) -> None:
    await seeded()
    body = submission()
    body["answers"]["extra"] = json.loads(nested(MAX_JSON_DEPTH - 2))
    response = await client.post("/api/submissions", json=body)
    assert response.json()["code"] != "json_too_deep"


@pytest.mark.parametrize("received_at", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00"])
async def test_an_appointment_for_a_date_past_the_calendar_is_a_422(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, received_at: str
) -> None:
    await seeded()
    response = await client.get("/api/calendar/appointment", params={"workingDays": 3, "receivedAt": received_at})
    assert_problem(response, 422)
    assert response.json()["code"] == "date_out_of_calendar"
    assert_no_traceback(caplog)


@pytest.mark.parametrize("path", ["/%00", "/index.html%00.png", "/assets/%00/x.js"])
async def test_a_nul_in_a_path_is_a_404(client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, path: str) -> None:
    assert_problem(await client.get(path), 404)
    assert_no_traceback(caplog)


@pytest.mark.parametrize(
    "body",
    [
        {"code": "H12.22.05-261123-0001\x00", "phone": "0912345678"},
        {"code": "H12.22.05-261123-0001", "phone": "0912\x00345678"},
    ],
)
async def test_tracking_text_that_no_database_can_hold_is_a_400(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, body: dict[str, str]
) -> None:
    response = await client.post(
        "/api/tracking", content=json.dumps(body), headers={"content-type": "application/json"}
    )
    assert_problem(response, 400)
    assert response.json()["code"] == "unstorable_text"
    assert_no_traceback(caplog)


async def test_a_nul_in_an_answer_is_a_400(client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    await seeded()
    body = submission()
    body["answers"]["note"] = "a\x00b"
    response = await client.post("/api/submissions", json=body)
    assert_problem(response, 400)
    assert response.json()["code"] == "unstorable_text"
    assert_no_traceback(caplog)


# Property: whatever JSON (or not-JSON) a client sends to the public bodies, the answer is a problem or a success.
ODD_TEXT = st.sampled_from(["\x00", "\ud800", "\udfff", "\u202e", "\ufeff", "𝕳", "ằ", "\u0301", "a" * 5000, ""])
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | ODD_TEXT
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12) | ODD_TEXT, inner, max_size=4),
    max_leaves=20,
)
DEEP = st.integers(min_value=MAX_JSON_DEPTH - 1, max_value=3000).map(nested)
SUBMISSION_KEYS = [
    "submissionId",
    "procedureCode",
    "procedureVersion",
    "agencyCode",
    "answers",
    "accessToken",
    "attachments",
]


@st.composite
def submission_bodies(draw: st.DrawFn) -> str:
    """A real submission with some of its fields (or its whole self) replaced by arbitrary JSON."""
    body: Any = submission()
    for key in draw(st.lists(st.sampled_from(SUBMISSION_KEYS), max_size=3, unique=True)):
        body[key] = draw(JSON_VALUES)
    if draw(st.booleans()):
        body = draw(JSON_VALUES)
    text = json.dumps(body)
    return draw(st.sampled_from([text, text.replace("[]", nested(draw(st.integers(30, 2000))), 1)]))


@st.composite
def tracking_bodies(draw: st.DrawFn) -> str:
    body: Any = {"code": draw(st.text(max_size=30) | ODD_TEXT), "phone": draw(st.text(max_size=15) | ODD_TEXT)}
    for key in draw(st.lists(st.sampled_from(["code", "phone", "other"]), max_size=2, unique=True)):
        body[key] = draw(JSON_VALUES)
    return json.dumps(body) if draw(st.booleans()) else json.dumps(draw(JSON_VALUES))


RAW = st.binary(max_size=200).map(lambda b: b.decode("latin-1")) | DEEP
BODIES = {"/api/submissions": submission_bodies() | RAW, "/api/tracking": tracking_bodies() | RAW}


@pytest.fixture
async def seeded_client(settings: Settings, db: object) -> AsyncIterator[httpx.AsyncClient]:
    """The app with the demo catalogue, and tracking limits out of the way (they would answer 429 to all)."""
    await seeded()
    app = create_app(
        settings.model_copy(update={"tracking_requests_per_minute": 10**6, "tracking_failures_per_hour": 10**6})
    )
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


# One client and database for all examples of a test (the health check is about that sharing).
@pytest.mark.parametrize("path", list(BODIES))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None)
@given(data=st.data())
async def test_arbitrary_json_bodies_get_a_problem_never_a_5xx(
    seeded_client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, path: str, data: st.DataObject
) -> None:
    body = data.draw(BODIES[path])
    raw = body.encode("utf-8", "surrogatepass")
    response = await seeded_client.post(path, content=raw, headers={"content-type": "application/json"})
    assert response.status_code != 429, "the test's limits are too low"
    if response.status_code >= 300:
        assert_problem(response)
    assert_no_traceback(caplog)

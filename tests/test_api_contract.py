"""The API against its own OpenAPI description (schemathesis, on a real `motcua serve`): no 5xx, and every
answer's status, content type and body are documented. Two valid cases in three carry a real token and
submission, half of those real files and answers too, so the write paths (uploads, submissions, tracking)
succeed as well."""

from __future__ import annotations

import collections
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from backend.openapi import STATUSES
from backend.piccolo_app import ALL_TABLES
from backend.settings import Settings
from tests.conftest import run_cli
from tests.factories import jpeg_bytes, required_slots, sha256, submission
from tests.live import motcua_serve

pytestmark = pytest.mark.api_contract

# Up to 40 cases per operation: the whole contract takes well under a minute per database.
EXAMPLES = 40
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
FILES = "/api/submissions/{submission_id}/files"


@dataclass
class Api:
    """The running server, its description, and a real open submission and received dossier to use."""

    url: str
    schema: Any
    http: httpx.Client
    open: dict[str, Any] = field(default_factory=submission)
    held: list[str] = field(default_factory=list)
    dossier: dict[str, Any] = field(default_factory=dict)
    statuses: collections.Counter[str] = field(default_factory=collections.Counter)
    real: int = 0

    def upload(self, body: dict[str, Any], photo: bytes) -> None:
        headers = {"Authorization": f"Bearer {body['accessToken']}", "Content-Type": "image/jpeg"}
        url = f"/api/submissions/{body['submissionId']}/files/{sha256(photo)}"
        assert self.http.put(url, content=photo, headers=headers).status_code in (200, 201)

    def with_files(self) -> dict[str, Any]:
        """A new submission whose files are all held: posting it makes a dossier (201)."""
        body = submission()
        slots = required_slots(body["procedureCode"])
        for shade, _ in enumerate(slots):
            self.upload(body, jpeg_bytes(shade))
        body["attachments"] = [{"slot": s, "sha256": sha256(jpeg_bytes(i))} for i, s in enumerate(slots)]
        return body


@pytest.fixture(scope="module")
async def emptied_afterwards(engine: object) -> AsyncIterator[None]:
    """The server writes to the test database outside any test's `db` fixture: empty it when done."""
    yield
    for table in reversed(ALL_TABLES):
        await table.delete(force=True)


@pytest.fixture(scope="module")
def api(settings_env: dict[str, str], settings: Settings, emptied_afterwards: None) -> Iterator[Api]:
    seeded = run_cli(settings_env, "seed")
    assert seeded.returncode == 0, seeded.stderr
    limits = {"MOTCUA_TRACKING_REQUESTS_PER_MINUTE": "1000000", "MOTCUA_TRACKING_FAILURES_PER_HOUR": "1000000"}
    with motcua_serve(settings_env, **limits) as (url, _), httpx.Client(base_url=url, timeout=30) as http:
        api = Api(url=url, schema=schemathesis.openapi.from_url(f"{url}/api/schema/openapi.json"), http=http)
        api.held.append(sha256(jpeg_bytes(7)))
        api.upload(api.open, jpeg_bytes(7))
        sent = api.with_files()
        made = http.post("/api/submissions", json=sent).json()
        api.dossier = {"code": made["code"], "phone": str(sent["answers"]["declarant"]["phone"]), "sent": sent}
        yield api
        statuses = dict(sorted(api.statuses.items()))
        print(f"\napi contract: {sum(statuses.values())} cases ({api.real} with a real identity), statuses {statuses}")


def _real(api: Api, case: Any, label: str, payload: bool) -> None:
    """Gives the case the real identity its operation needs (a token and the submission it opens) and, with
    `payload`, the real content too: what a phone that did everything right sends."""
    token = {"Authorization": f"Bearer {api.open['accessToken']}"}
    if label.startswith(("GET " + FILES, "PUT " + FILES)):
        case.headers = {**(case.headers or {}), **token}
        case.path_parameters = {**case.path_parameters, "submission_id": api.open["submissionId"]}
    if not payload:
        return
    if label == f"GET {FILES}/{{sha256}}":
        case.path_parameters["sha256"] = api.held[0]
    elif label == f"PUT {FILES}/{{sha256}}":
        photo = jpeg_bytes(api.real % 40 + 8)  # a new file (201) or, later, a repeat
        case.path_parameters["sha256"] = sha256(photo)
        case.body, case.media_type = photo, "image/jpeg"
    elif label == "POST /api/submissions":
        # A new dossier (201), or the one already received sent again (200).
        case.body = api.with_files() if len(repr(case.body)) % 2 else api.dossier["sent"]
    elif label == "POST /api/tracking":
        case.body = {"code": api.dossier["code"], "phone": api.dossier["phone"]}
    elif label == "POST /api/dossiers/mine":
        case.body = {"tokens": [api.dossier["sent"]["accessToken"], api.open["accessToken"]]}


def _strategy(api: Api, label: str) -> Any:
    """Cases that fit the description, and (for an operation that takes input) cases that do not."""
    method, path = label.split(" ", 1)
    operation = api.schema[path][method]
    positive = operation.as_strategy().map(lambda case: (case, True))
    raw = operation.definition.raw
    if not (raw.get("parameters") or raw.get("requestBody")):
        return positive
    negative = operation.as_strategy(generation_mode=schemathesis.GenerationMode.NEGATIVE)
    return positive | negative.map(lambda case: (case, False))


def _variant(case: Any) -> int:
    """0: the case as generated; 1: a real identity and content; 2: a real identity with generated content.
    The choice follows the case, so a failure replays."""
    return zlib.crc32(repr((case.path_parameters, case.query)).encode() + repr(case.body).encode()[:64]) % 3


@pytest.mark.parametrize("label", list(STATUSES))
def test_every_answer_is_the_one_the_description_promises(api: Api, label: str) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(drawn=_strategy(api, label))
    def run(drawn: tuple[Any, bool]) -> None:
        case, valid = drawn
        checks = CHECKS
        variant = _variant(case) if valid else 0
        if variant:
            _real(api, case, label, payload=variant == 1)
            api.real += 1
            # schemathesis re-judges an edited case and takes raw bytes for a schema violation: these are
            # valid by construction, so its "invalid data must be rejected" check does not apply.
            checks = [c for c in CHECKS if c is not negative_data_rejection]
        response = case.call(base_url=api.url, timeout=30)
        api.statuses[str(response.status_code)] += 1
        case.validate_response(response, checks=checks)

    run()

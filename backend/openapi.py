"""The OpenAPI description at /api/schema, made to tell the truth: every route's statuses (one table), errors
in the problem shape the API really sends, the bearer scheme of the file routes and the upload body."""

from __future__ import annotations

from typing import Any

from litestar.openapi.plugins import JsonRenderPlugin

from backend.http import AnyRequest

FILES = "/api/submissions/{submission_id}/files"
STAFF_DOSSIER = "/api/staff/dossiers/{code}"
# Every status an operation can answer besides the one Litestar documents from its handler, read from the
# handler's code paths and domain errors (and the framework's: 400 for bad parameters or bodies, 404 when a
# path parameter does not fit, 413 over the body limit). Another status for a route is one edit here.
STATUSES: dict[str, tuple[int, ...]] = {
    "GET /api/health": (),
    "GET /api/catalogue": (304,),
    "GET /api/catalogue/changes": (400, 410),
    "GET /api/procedures": (400,),
    "GET /api/procedures/{code}": (304, 404),
    "GET /api/calendar": (304,),
    "GET /api/calendar/appointment": (400, 422),
    "POST /api/submissions": (200, 400, 409, 413, 422),
    f"GET {FILES}": (401, 404),
    f"PUT {FILES}/{{sha256}}": (201, 400, 401, 404, 409, 413, 415, 422, 429),
    f"GET {FILES}/{{sha256}}": (400, 401, 404),
    "POST /api/dossiers/mine": (400, 413),
    "GET /api/dossiers/{code}/result-scan": (401, 404),
    "POST /api/dossiers/corrections": (400, 404, 409, 413, 422),
    "POST /api/dossiers/stop-requests": (200, 400, 404, 409, 413),
    "POST /api/dossiers/ratings": (200, 400, 404, 409, 413, 422),
    "POST /api/tracking": (400, 404, 413, 429),
    "GET /api/public/statistics": (304, 422, 429),
    # Staff accounts: 401 without a session, 403 for a wrong role, a missing CSRF token or a pending password change.
    "POST /api/staff/session": (400, 401, 403, 413, 429),
    "GET /api/staff/session": (401, 403),
    "DELETE /api/staff/session": (401, 403),
    "POST /api/staff/password": (400, 401, 403, 413, 422, 429),
    "GET /api/staff/agencies": (401, 403),
    "GET /api/staff/accounts": (401, 403),
    "POST /api/staff/accounts": (400, 401, 403, 409, 413, 422),
    "PATCH /api/staff/accounts/{username}": (400, 401, 403, 404, 409, 413, 422),
    "POST /api/staff/accounts/{username}/password-reset": (401, 403, 404),
    # The counter: the same, and 404 for another unit's dossier.
    "GET /api/staff/queue": (400, 401, 403, 422),
    "GET /api/staff/queue/choices": (401, 403),
    f"GET {STAFF_DOSSIER}": (401, 403, 404),
    f"GET {STAFF_DOSSIER}/files/{{sha256}}": (400, 401, 403, 404),
    f"GET {STAFF_DOSSIER}/papers/{{kind}}": (400, 401, 403, 404),
    f"GET {STAFF_DOSSIER}/handling": (401, 403, 404),
    f"POST {STAFF_DOSSIER}/accept": (400, 401, 403, 404, 409, 413, 422),
    f"POST {STAFF_DOSSIER}/request-corrections": (400, 401, 403, 404, 409, 413, 422),
    f"POST {STAFF_DOSSIER}/refuse": (400, 401, 403, 404, 409, 413, 422),
    # Handling to return: each step of the competent agency or of the receiving counter (403 for the other side).
    **{
        f"POST {STAFF_DOSSIER}/{step}": (400, 401, 403, 404, 409, 413, 422)
        for step in (
            "assign",
            "propose-supplement",
            "issue-supplement",
            "close",
            "submit-for-approval",
            "approve",
            "send-back",
            "result",
            "refuse-after-appraisal",
            "ready",
            "return",
            "stop",
            "declare-late",
            "apology",
            "paper-handover",
            "paper-received",
            "referral",
            "part-return",
        )
    },
    f"GET {STAFF_DOSSIER}/parts": (401, 403, 404),
    "GET /api/staff/parts": (401, 403),
    # Mẫu 06 and 07: 422 for a period that ends before it starts, lasts over 92 days or holds over 10,000 dossiers.
    f"GET {STAFF_DOSSIER}/control-slip": (401, 403, 404),
    f"GET {STAFF_DOSSIER}/referral-slip": (400, 401, 403, 404),
    "GET /api/staff/register": (400, 401, 403, 422),
    "GET /api/staff/register.csv": (400, 401, 403, 422),
    # Biểu 06, the 766 indicators, the ranking: 422 for a bad period, detail or unit; 403 for another unit's.
    "GET /api/staff/statistics/bieu-06": (400, 401, 403, 422),
    "GET /api/staff/statistics/bieu-06.csv": (400, 401, 403, 422),
    "GET /api/staff/statistics/indicators": (400, 401, 403, 422),
    "GET /api/staff/statistics/ranking": (400, 401, 403, 422),
    "GET /api/staff/statistics/indicators.csv": (400, 401, 403, 422),
    "GET /api/staff/statistics/ranking.csv": (400, 401, 403, 422),
    "GET /api/staff/statistics/series": (400, 401, 403, 422),
    "GET /api/staff/statistics/series.csv": (400, 401, 403, 422),
    # The counter's rating tablet: the officer's invitation (409: not returned, rated already), the tablet's poll,
    # rating (409: no open invitation, rated meanwhile; 200: the same rating again) and dismissal.
    f"POST {STAFF_DOSSIER}/rating-invitation": (401, 403, 404, 409),
    "GET /api/staff/kiosk/invitation": (401, 403, 404),
    "DELETE /api/staff/kiosk/invitation": (401, 403),
    "POST /api/staff/kiosk/ratings": (200, 400, 401, 403, 404, 409, 413, 422),
    # Counter intake: scans kept for the session first, then the dossier (200: the same intake again).
    "PUT /api/staff/scans/{sha256}": (201, 400, 401, 403, 413, 415, 422),
    "POST /api/staff/counter-intake": (200, 400, 401, 403, 409, 413, 422),
    # The result's scan: kept for the session first, then named by the result step (422: not this session's).
    "PUT /api/staff/result-scans/{sha256}": (201, 400, 401, 403, 413, 415, 422),
    f"GET {STAFF_DOSSIER}/result-scan": (401, 403, 404),
    f"GET {STAFF_DOSSIER}/notices": (401, 403, 404),
    # Web Push: 422 for a subscription elsewhere than a push service, bad keys, or tokens opening no dossier.
    "GET /api/push/key": (),
    "POST /api/push/subscriptions": (200, 400, 413, 422),
    "PUT /api/push/subscriptions": (400, 404, 413, 422),
    "POST /api/push/subscriptions/unsubscribe": (400, 413),
    "POST /api/push/inbox": (400, 413),
    # Feedback (phản ánh, kiến nghị): 200 for the same id again; 404 for a dossier its token does not open (or
    # another unit's item); 409 for an id taken by another token, or an item answered already; 422 for bad input.
    "POST /api/feedback": (200, 400, 404, 409, 413, 422),
    "POST /api/feedback/mine": (400, 413),
    "GET /api/staff/feedback": (401, 403),
    "POST /api/staff/feedback": (200, 400, 401, 403, 404, 409, 413, 422),
    "POST /api/staff/feedback/{code}/answer": (400, 401, 403, 404, 409, 413, 422),
}
DESCRIPTIONS = {
    200: "Already received: the same answer as the first time",
    201: "Created",
    304: "Not modified: the version named in If-None-Match is current",
    400: "The request is malformed (parameters, JSON, a hash that does not match)",
    401: "Not signed in (staff routes), or the dossier's access token is missing (Authorization: Bearer)",
    403: "Not allowed: another role's route, no valid X-CSRF-Token, or a password change is pending",
    404: "Not found",
    409: "In conflict with what the server already holds",
    410: "The version named is unknown here",
    413: "What was sent is too large",
    415: "The file is not a JPEG, PNG or PDF",
    422: "Refused by the domain rules (the message says which)",
    429: "Too many requests; see Retry-After",
}
# Operations whose answer is not the JSON Litestar infers from the handler.
FILE_TYPES = ("image/jpeg", "image/png", "application/pdf")
BINARY = {"schema": {"type": "string", "format": "binary"}}
RESULT_SCAN = "GET /api/dossiers/{code}/result-scan"
BEARER_ROUTES = (f"GET {FILES}", f"PUT {FILES}/{{sha256}}", f"GET {FILES}/{{sha256}}", RESULT_SCAN)
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
PROBLEM = {
    "type": "object",
    "description": "An error (RFC 9457): a stable code for programs, a message in Vietnamese and English.",
    "required": ["type", "status", "code", "title", "message"],
    "properties": {
        "type": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "code": {"type": "string", "examples": ["procedure_not_found"]},
        "title": {"type": "string"},
        "message": {
            "type": "object",
            "required": ["vi", "en"],
            "properties": {"vi": {"type": "string"}, "en": {"type": "string"}},
        },
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}, "description": "Each problem of a refused body"},
    },
}


def _operations(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        f"{method.upper()} {path}": operation
        for path, item in schema.get("paths", {}).items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "responses" in operation
    }


def _responses(operation: dict[str, Any], statuses: tuple[int, ...]) -> dict[str, Any]:
    documented = operation["responses"]
    success = next(v for k, v in documented.items() if k.startswith("2"))
    responses = {k: v for k, v in documented.items() if k.startswith("2")}
    for status in statuses:
        if status == 304:
            responses["304"] = {"description": DESCRIPTIONS[304]}
        elif status < 300:
            responses[str(status)] = {**success, "description": DESCRIPTIONS[status]}
        else:
            content = {"application/problem+json": {"schema": PROBLEM_REF}}
            responses[str(status)] = {"description": DESCRIPTIONS[status], "content": content}
    return responses


def _files(operations: dict[str, dict[str, Any]]) -> None:
    for key in BEARER_ROUTES:
        operations[key]["security"] = [{"bearer": []}]
    upload = operations[f"PUT {FILES}/{{sha256}}"]
    upload["requestBody"] = {"required": True, "content": dict.fromkeys(FILE_TYPES, BINARY)}
    for read in (f"GET {FILES}/{{sha256}}", RESULT_SCAN, f"GET {STAFF_DOSSIER}/result-scan"):
        operations[read]["responses"]["200"]["content"] = dict.fromkeys(FILE_TYPES, BINARY)
    scan = operations["PUT /api/staff/result-scans/{sha256}"]
    scan["requestBody"] = {"required": True, "content": dict.fromkeys(FILE_TYPES, BINARY)}


def document(schema: dict[str, Any]) -> dict[str, Any]:
    """Completes Litestar's generated description in place (idempotent: it sets, never appends)."""
    operations = _operations(schema)
    for key, operation in operations.items():
        # A route missing from the table keeps Litestar's defaults (tests/test_openapi.py catches it).
        operation["responses"] = _responses(operation, STATUSES.get(key, ()))
    _files(operations)
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM
    components["securitySchemes"] = {
        "bearer": {"type": "http", "scheme": "bearer", "description": "The access token the phone made."}
    }
    return schema


class TrueJsonRenderPlugin(JsonRenderPlugin):
    """Litestar's JSON rendering of the description, completed by `document` before it is sent."""

    def render(self, request: AnyRequest, openapi_schema: dict[str, Any]) -> bytes:
        return super().render(request, document(openapi_schema))

"""Every route under /api/staff checks who asks: anonymous 401, a wrong role 403, an unsafe request without
its session's CSRF token 403, another agency's record 404. One table, checked against the app's routes, so
a new route without a row fails here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from litestar import Litestar, get
from litestar.di import NamedDependency
from litestar.params import FromPath
from piccolo.table import Table

from backend.accounts.guard import ensure_same_agency, staff_required
from backend.accounts.rules import Principal, Role
from backend.app import create_app
from backend.dossiers.tables import Dossier, DossierHandover, DossierPaper, DossierPart
from backend.errors import NotFound
from backend.feedback.tables import Feedback
from backend.satisfaction.tables import Rating
from backend.settings import Settings
from tests.accounts.staffing import AGENCY, OTHER_AGENCY, PASSWORD, Session, sign_in, staff
from tests.factories import NOW, jpeg_bytes, seeded, sha256, submitted, valid_answers

pytestmark = pytest.mark.usefixtures("db", "clock")

ANYONE = frozenset(Role)
PUBLIC = frozenset[Role]()
TARGET = "muc.tieu"  # the account the admin routes act on


@dataclass(frozen=True)
class Row:
    roles: frozenset[Role]  # who may; PUBLIC: no session needed
    body: dict[str, Any] | None = None
    # For routes on an agency-scoped record: the path of one in another agency (answers 404).
    other_agency_path: str | None = None
    params: dict[str, str] = field(default_factory=lambda: {"username": TARGET})
    dossiers: bool = False  # needs a dossier of the officers' centre (OWN) and one of another (FOREIGN)
    content: bytes | None = None  # a file's bytes sent instead of JSON
    agency: str = AGENCY  # where the accounts signed in work (the competent agency for its steps)
    prepare: dict[str, Any] = field(default_factory=dict)  # columns set on both dossiers first (their status)
    records: Callable[[str, int], list[Table]] | None = None  # rows a dossier keeps, by its code and id
    query: str = ""  # the query string the route needs

    def send(self) -> dict[str, Any]:
        return {"json": self.body} if self.content is None else {"content": self.content}


# Dossiers made by `_dossiers` on the test's clock (23 Nov 2026): the first of the day of each centre.
OWN, FOREIGN = "H12.41.01-261123-0001", "H12.42.01-261123-0001"
PHOTO = sha256(jpeg_bytes(0))  # the first photo `submitted` attaches
READERS = frozenset({Role.OFFICER, Role.SPECIALIST, Role.LEADER})
DOSSIER_READERS = frozenset({Role.OFFICER, Role.SPECIALIST, Role.LEADER})
OFFICERS = frozenset({Role.OFFICER})
STAFF_DOSSIER = "/api/staff/dossiers/{code:str}"


def _dossier_row(roles: frozenset[Role], tail: str = "", body: dict[str, Any] | None = None, **more: Any) -> Row:
    foreign = f"/api/staff/dossiers/{FOREIGN}" + tail.replace("{sha256:str}", PHOTO).replace("{kind:str}", "01")
    return Row(roles, body, foreign, {"code": OWN, "sha256": PHOTO, "kind": "01"}, dossiers=True, **more)


COMPETENT = "H12.41"  # the commune's People's Committee decides OWN (its centre H12.41.01 received it)
LEADERS, HANDLERS, AGENCY_STAFF = (
    frozenset({Role.LEADER}),
    frozenset({Role.SPECIALIST}),
    frozenset({Role.SPECIALIST, Role.LEADER}),
)
HANDLED = {"received_at": NOW, "assignee": "vai.specialist", "appointment_date": dt.date(2026, 12, 4)}


def _step(roles: frozenset[Role], step: str, status: str, body: dict[str, Any] | None = None, **columns: Any) -> Row:
    """A handling step on OWN in `status` (the competent agency's staff sign in for its steps)."""
    agency = AGENCY if roles == OFFICERS else COMPETENT
    prepare = {**HANDLED, "status": status, **columns}
    return _dossier_row(roles, f"/{step}", {"version": 1, **(body or {})}, agency=agency, prepare=prepare)


ITEM = {"kind": "field", "path": "declarant.full_name", "label": "Họ tên", "note": ""}
HANDLING_ROUTES: dict[tuple[str, str], Row] = {
    ("POST", STAFF_DOSSIER + "/assign"): _step(LEADERS, "assign", "received", {"specialist": "vai.specialist"}),
    ("POST", STAFF_DOSSIER + "/propose-supplement"): _step(
        HANDLERS, "propose-supplement", "in_progress", {"items": [{"kind": "field", "path": "declarant.full_name"}]}
    ),
    ("POST", STAFF_DOSSIER + "/issue-supplement"): _step(
        OFFICERS, "issue-supplement", "supplement_proposed", supplement_proposal={"items": [ITEM]}
    ),
    ("POST", STAFF_DOSSIER + "/close"): _step(
        OFFICERS, "close", "appraisal_supplement", waiting_since=NOW - dt.timedelta(days=30)
    ),
    ("POST", STAFF_DOSSIER + "/submit-for-approval"): _step(
        HANDLERS, "submit-for-approval", "in_progress", {"outcome": "granted", "text": "Đủ điều kiện"}
    ),
    ("POST", STAFF_DOSSIER + "/approve"): _step(LEADERS, "approve", "awaiting_approval"),
    ("POST", STAFF_DOSSIER + "/send-back"): _step(LEADERS, "send-back", "awaiting_approval", {"reason": "Xem lại"}),
    ("POST", STAFF_DOSSIER + "/result"): _step(
        AGENCY_STAFF,
        "result",
        "approved",
        {"note": "Giấy xác nhận đã ký"},
        draft_result={"kind": "granted", "text": ""},
    ),
    ("POST", STAFF_DOSSIER + "/refuse-after-appraisal"): _step(
        AGENCY_STAFF,
        "refuse-after-appraisal",
        "approved",
        {"reasons": ["Không đủ điều kiện"]},
        draft_result={"kind": "refused", "text": "Không đủ điều kiện"},
    ),
    ("POST", STAFF_DOSSIER + "/ready"): _step(OFFICERS, "ready", "result_issued"),
    ("POST", STAFF_DOSSIER + "/return"): _step(OFFICERS, "return", "ready", {"method": "counter"}),
    ("POST", STAFF_DOSSIER + "/stop"): _step(OFFICERS, "stop", "in_progress", {"reason": "Tôi không cần nữa"}),
    ("POST", STAFF_DOSSIER + "/declare-late"): _step(AGENCY_STAFF, "declare-late", "in_progress"),
    ("POST", STAFF_DOSSIER + "/apology"): _step(
        AGENCY_STAFF, "apology", "in_progress", {"newDate": "2026-12-08", "reason": "Chờ xác minh"}
    ),
}


def _paper_handed(code: str, dossier: int) -> list[Table]:
    """Both dossiers' paper handed over by their counter (the agency confirms it next)."""
    return [DossierHandover(dossier=dossier, at=NOW, step="paper_transfer", medium="paper", due_at=NOW)]


JUSTICE = "H12.02"  # the province's Department of Justice, sent a part of OWN only


def _part_sent(code: str, dossier: int) -> list[Table]:
    if code != OWN:
        return []
    return [
        DossierPart(
            dossier=dossier,
            agency_code=JUSTICE,
            lead_agency_code=COMPETENT,
            task="Xác minh",
            working_days=2,
            sent_at=NOW,
            sent_by="vai.specialist",
            due_at=NOW + dt.timedelta(days=3),
        )
    ]


PART = {"agency": JUSTICE, "task": "Xác minh", "workingDays": 2}
HANDOVER_ROUTES: dict[tuple[str, str], Row] = {
    ("POST", STAFF_DOSSIER + "/paper-handover"): _step(OFFICERS, "paper-handover", "received", channel="in_person"),
    ("POST", STAFF_DOSSIER + "/paper-received"): dataclasses.replace(
        _step(AGENCY_STAFF, "paper-received", "received", channel="in_person"), records=_paper_handed
    ),
    ("POST", STAFF_DOSSIER + "/referral"): _step(AGENCY_STAFF, "referral", "in_progress", {"parts": [PART]}),
    ("POST", STAFF_DOSSIER + "/part-return"): dataclasses.replace(
        _step(AGENCY_STAFF, "part-return", "in_progress", {"result": "Đã xác minh"}), agency=JUSTICE, records=_part_sent
    ),
    ("GET", STAFF_DOSSIER + "/parts"): _dossier_row(DOSSIER_READERS, "/parts"),
    ("GET", "/api/staff/parts"): Row(AGENCY_STAFF),
    ("GET", STAFF_DOSSIER + "/control-slip"): _dossier_row(DOSSIER_READERS, "/control-slip"),
    ("GET", STAFF_DOSSIER + "/referral-slip"): dataclasses.replace(
        _dossier_row(DOSSIER_READERS, "/referral-slip"), records=_part_sent
    ),
    # The unit's own register: filtered by the staff member's agency, no other agency's record named.
    ("GET", "/api/staff/register"): Row(READERS, query="?from=2026-11-01&to=2026-11-30"),
    ("GET", "/api/staff/register.csv"): Row(READERS, query="?from=2026-11-01&to=2026-11-30"),
    # The result's scan: uploaded by the deciding agency's staff, read by the dossier's (the photo stands in).
    ("PUT", "/api/staff/result-scans/{sha256:str}"): Row(AGENCY_STAFF, params={"sha256": PHOTO}, content=jpeg_bytes(0)),
    ("GET", STAFF_DOSSIER + "/result-scan"): _dossier_row(
        DOSSIER_READERS, "/result-scan", prepare={"result_scan": PHOTO, "result_scan_type": "image/jpeg"}
    ),
}


ROUTES: dict[tuple[str, str], Row] = {
    ("POST", "/api/staff/session"): Row(PUBLIC, {"username": "ai.do", "password": PASSWORD}),
    ("GET", "/api/staff/session"): Row(ANYONE),
    ("DELETE", "/api/staff/session"): Row(ANYONE),
    ("POST", "/api/staff/password"): Row(ANYONE, {"currentPassword": PASSWORD, "newPassword": PASSWORD + "-moi"}),
    ("GET", "/api/staff/agencies"): Row(ANYONE),
    ("GET", "/api/staff/accounts"): Row(frozenset({Role.ADMIN})),
    ("POST", "/api/staff/accounts"): Row(
        frozenset({Role.ADMIN}), {"username": "moi.vao", "fullName": "Mới Vào", "role": "officer", "agencyCode": "H12"}
    ),
    ("PATCH", "/api/staff/accounts/{username:str}"): Row(frozenset({Role.ADMIN}), {"fullName": "Đổi Tên"}),
    ("POST", "/api/staff/accounts/{username:str}/password-reset"): Row(frozenset({Role.ADMIN})),
    ("GET", "/api/staff/queue"): Row(READERS),  # the role's lists of the member's own agency, no record read
    ("GET", "/api/staff/queue/choices"): Row(READERS),  # the staff of the member's own agency only
    ("GET", STAFF_DOSSIER): _dossier_row(DOSSIER_READERS),
    ("GET", STAFF_DOSSIER + "/files/{sha256:str}"): _dossier_row(DOSSIER_READERS, "/files/{sha256:str}"),
    ("GET", STAFF_DOSSIER + "/papers/{kind:str}"): _dossier_row(DOSSIER_READERS, "/papers/{kind:str}"),
    ("GET", STAFF_DOSSIER + "/handling"): _dossier_row(DOSSIER_READERS, "/handling"),
    ("POST", STAFF_DOSSIER + "/accept"): _dossier_row(OFFICERS, "/accept", {"version": 1}),
    ("POST", STAFF_DOSSIER + "/request-corrections"): _dossier_row(
        OFFICERS,
        "/request-corrections",
        {"version": 1, "items": [{"kind": "field", "path": "declarant.full_name"}]},
    ),
    ("POST", STAFF_DOSSIER + "/refuse"): _dossier_row(OFFICERS, "/refuse", {"version": 1, "reasons": ["Sai thủ tục"]}),
    ("GET", STAFF_DOSSIER + "/notices"): _dossier_row(READERS, "/notices"),
    ("PUT", "/api/staff/scans/{sha256:str}"): Row(OFFICERS, params={"sha256": PHOTO}, content=jpeg_bytes(0)),
    ("POST", "/api/staff/counter-intake"): Row(
        OFFICERS,
        {
            "procedureCode": "1.004873",
            "competentAgencyCode": "H12.41",
            "channel": "in_person",
            "answers": valid_answers("1.004873"),
            "identityChecked": True,
            "intakeId": "8a0f3c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b",
        },
    ),
}
# A unit's figures: its leaders and administrators (the centre's staff answer for their commune).
REPORTERS = frozenset({Role.LEADER, Role.ADMIN})
QUARTER = "?period=quarter&year=2026&index=4"
STATISTICS_ROUTES: dict[tuple[str, str], Row] = {
    ("GET", "/api/staff/statistics/bieu-06"): Row(REPORTERS, query=QUARTER),
    ("GET", "/api/staff/statistics/bieu-06.csv"): Row(REPORTERS, query=QUARTER),
    ("GET", "/api/staff/statistics/indicators"): Row(REPORTERS, query="?period=month&year=2026&index=11"),
    ("GET", "/api/staff/statistics/ranking"): Row(REPORTERS, query="?period=month&year=2026&index=11"),
    ("GET", "/api/staff/statistics/indicators.csv"): Row(REPORTERS, query="?period=month&year=2026&index=11"),
    ("GET", "/api/staff/statistics/ranking.csv"): Row(REPORTERS, query="?period=month&year=2026&index=11"),
    ("GET", "/api/staff/statistics/series"): Row(REPORTERS, query=QUARTER),
    ("GET", "/api/staff/statistics/series.csv"): Row(REPORTERS, query=QUARTER),
}


def _feedback(code: str, _: int) -> list[Table]:
    """An item for each centre's dossier: PA-OWN at the officers' centre, PA-FOREIGN at the other."""
    unit = AGENCY if code == OWN else OTHER_AGENCY
    name = "PA-OWN" if code == OWN else "PA-FOREIGN"
    columns = {"kind": "report", "channel": "app", "text": "Chờ quá lâu", "received_at": NOW}
    return [Feedback(feedback_id=uuid.uuid4(), code=name, unit_code=unit, due_date=dt.date(2026, 12, 8), **columns)]


# Feedback: the unit's officers, leaders and administrators; another unit's item answers as a missing one.
ANSWERERS = frozenset({Role.OFFICER, Role.LEADER, Role.ADMIN})
FEEDBACK_ROUTES: dict[tuple[str, str], Row] = {
    ("GET", "/api/staff/feedback"): Row(ANSWERERS),
    ("POST", "/api/staff/feedback"): Row(
        ANSWERERS, {"id": "5b1f0c2e-3a4d-4e6f-8a9b-0c1d2e3f4a5b", "kind": "proposal", "text": "Nên có thêm ghế chờ."}
    ),
    ("POST", "/api/staff/feedback/{code:str}/answer"): Row(
        ANSWERERS,
        {"answer": "Đã bổ sung ghế chờ."},
        "/api/staff/feedback/PA-FOREIGN/answer",
        {"code": "PA-OWN"},
        dossiers=True,
        records=_feedback,
    ),
}


# The counter's rating tablet, signed in as the officer: OWN returned; the rating route repeats one kept (200).
RETURNED = {"status": "returned", "result_at": NOW, "returned_at": NOW}
RATED = "5b0c9a4e-7d1f-4c2a-9e3b-6f8d2a1c4e70"


def _rated(code: str, dossier: int) -> list[Table]:
    return (
        [Rating(rating_id=RATED, dossier=dossier, channel="kiosk", level="satisfied", rated_at=NOW)]
        if code == OWN
        else []
    )


KIOSK_ROUTES: dict[tuple[str, str], Row] = {
    ("POST", STAFF_DOSSIER + "/rating-invitation"): _dossier_row(OFFICERS, "/rating-invitation", prepare=RETURNED),
    ("GET", "/api/staff/kiosk/invitation"): Row(OFFICERS),
    ("DELETE", "/api/staff/kiosk/invitation"): Row(OFFICERS),
    ("POST", "/api/staff/kiosk/ratings"): Row(
        OFFICERS,
        {"code": OWN, "ratingId": RATED, "level": "satisfied"},
        dossiers=True,
        prepare=RETURNED,
        records=_rated,
    ),
}
ROUTES |= HANDLING_ROUTES | HANDOVER_ROUTES | STATISTICS_ROUTES | FEEDBACK_ROUTES | KIOSK_ROUTES
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def staff_routes(app: Litestar) -> set[tuple[str, str]]:
    return {
        (method, route.path)
        for route in app.routes
        if route.path.startswith("/api/staff")
        for method in getattr(route, "methods", ())
        if method not in ("OPTIONS", "HEAD")
    }


def _url(path: str, row: Row) -> str:
    for name, value in row.params.items():
        path = path.replace(f"{{{name}:str}}", value)
    return path + row.query


async def _sessions(client: httpx.AsyncClient, agency: str = AGENCY) -> dict[Role, Session]:
    """A signed-in account of every role at `agency`, and the account the admin routes act on (the catalogue
    gives the agencies)."""
    await seeded()
    await staff(TARGET)
    return {role: await sign_in(client, await staff(f"vai.{role.value}", role, agency)) for role in Role}


async def _dossiers(
    client: httpx.AsyncClient, prepare: dict[str, Any], records: Callable[[str, int], list[Table]] | None
) -> None:
    """OWN and FOREIGN, both with photos and a receipt issued (the paper route reads it), with `prepare` and
    their `records`."""
    own = await submitted(client, "1.001193")
    foreign = await submitted(client, "1.001193", competent="H12.42")
    assert (own["dossier"]["code"], foreign["dossier"]["code"]) == (OWN, FOREIGN)
    for code in (OWN, FOREIGN):
        row = await Dossier.select(Dossier._meta.primary_key).where(Dossier.code == code).first()
        await DossierPaper.insert(DossierPaper(dossier=row["id"], kind="01", issued_at=NOW, data={"code": code}))
        if prepare:
            await Dossier.update({getattr(Dossier, name): value for name, value in prepare.items()}).where(
                Dossier.code == code
            )
        for record in records(code, row["id"]) if records else ():
            await type(record).insert(record)


def test_every_staff_route_has_a_row_in_the_table(settings: Settings) -> None:
    assert staff_routes(create_app(settings)) == set(ROUTES)


@pytest.mark.parametrize(("method", "path"), sorted(ROUTES))
async def test_a_staff_route_refuses_whoever_may_not_use_it(client: httpx.AsyncClient, method: str, path: str) -> None:
    row = ROUTES[(method, path)]
    if row.roles == PUBLIC:
        return  # the sign-in itself: its checks are in test_sessions.py
    url = _url(path, row)
    sessions = await _sessions(client, row.agency)
    if row.dossiers:
        await _dossiers(client, row.prepare, row.records)
    anonymous = await client.request(method, url, **row.send())
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "not_authenticated"
    for role in set(Role) - row.roles:
        refused = await client.request(method, url, **row.send(), headers=sessions[role].headers())
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden", role
    allowed = sessions[min(row.roles)]
    if method in UNSAFE:
        other = sessions[max(row.roles)] if len(row.roles) > 1 else await sign_in(client, f"vai.{min(row.roles)}")
        for csrf in ("", other.csrf):
            forged = await client.request(method, url, **row.send(), headers=allowed.headers(csrf=csrf))
            assert forged.status_code == 403 and forged.json()["code"] == "csrf_failed", csrf
    if row.other_agency_path:
        foreign = await client.request(method, row.other_agency_path, **row.send(), headers=allowed.headers())
        assert foreign.status_code == 404
    answer = await client.request(method, url, **row.send(), headers=allowed.headers())
    assert answer.status_code < 300, answer.text


# The documented way to scope a record by agency, on a route of its own (not part of the app).
RECORDS = {"HS-1": "H12.41.01", "HS-2": OTHER_AGENCY}


@get("/api/staff/records/{code:str}", guards=[staff_required(Role.OFFICER)])
async def record(code: FromPath[str], staff: NamedDependency[Principal]) -> dict[str, str]:
    agency = RECORDS.get(code)
    if agency is None:
        raise NotFound()
    ensure_same_agency(staff, agency)
    return {"code": code}


@asynccontextmanager
async def _with_record_route(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    app.register(record)
    transport = httpx.ASGITransport(app=app)
    async with LifespanManager(app), httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_another_agencys_record_answers_as_a_missing_one(settings: Settings) -> None:
    async with _with_record_route(settings) as client:
        officer = await sign_in(client, await staff("tiep.nhan", Role.OFFICER))
        own = await client.get("/api/staff/records/HS-1", headers=officer.headers())
        foreign = await client.get("/api/staff/records/HS-2", headers=officer.headers())
        missing = await client.get("/api/staff/records/HS-9", headers=officer.headers())
    assert own.status_code == 200
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()

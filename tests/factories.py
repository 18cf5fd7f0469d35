"""Small factories: a catalogue built from the demo data files, changed as a test needs; submissions as a
phone sends them, with real photo and PDF bytes for their attachments."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import itertools
import json
import secrets
import uuid
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import msgspec
import pikepdf
from PIL import Image

from backend.catalogue.datafiles import CatalogueData, ProcedureFile, Text, load_catalogue
from backend.catalogue.service import SeedReport, seed_catalogue
from backend.dossiers.tables import Dossier, DossierDeadline, DossierWait
from backend.settings import DEMO_CATALOGUE_DIR

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@cache
def _demo() -> CatalogueData:
    return load_catalogue(DEMO_CATALOGUE_DIR)


def demo_catalogue() -> CatalogueData:
    """A fresh deep copy of the demo catalogue, safe to change."""
    return copy.deepcopy(_demo())


def procedure(data: CatalogueData, code: str) -> ProcedureFile:
    return next(p for p in data.procedures if p.code == code)


def renamed(data: CatalogueData, code: str, vi: str) -> CatalogueData:
    data.procedures = [
        msgspec.structs.replace(p, name=Text(vi=vi, en=p.name.en)) if p.code == code else p for p in data.procedures
    ]
    return data


def without(data: CatalogueData, code: str) -> CatalogueData:
    data.procedures = [p for p in data.procedures if p.code != code]
    return data


async def seeded(data: CatalogueData | None = None, **_: Any) -> SeedReport:
    return await seed_catalogue(data or demo_catalogue(), NOW)


VECTORS = Path(__file__).resolve().parent / "vectors" / "form_answers.json"


def valid_answers(procedure_code: str) -> dict[str, Any]:
    """A complete, valid answer set for a demo procedure, from the shared vectors."""
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    vector = next(v for v in vectors if v["procedure"] == procedure_code and not v["errors"])
    return copy.deepcopy(vector["answers"])


def submission(
    procedure_code: str = "1.001193",
    competent: str | None = "H12.41",
    *,
    receiving: str | None = None,
    agency_code: str | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """The JSON a phone sends for a new dossier: a fresh submission id and access token each time.

    The app names the competent agency (by default the demo commune xã Can Lộc) and may name the
    receiving unit; with `agency_code`, the body is that of an app before the two-tier model: that alone.
    """
    body: dict[str, Any] = {
        "submissionId": str(uuid.uuid4()),
        "procedureCode": procedure_code,
        "procedureVersion": 1,
        "answers": valid_answers(procedure_code),
        "accessToken": secrets.token_urlsafe(32),
    }
    if agency_code is not None:
        body["agencyCode"] = agency_code
    else:
        places = {"competentAgencyCode": competent, "receivingUnitCode": receiving}
        body.update({key: code for key, code in places.items() if code is not None})
    body.update(changes)
    return body


def jpeg_bytes(shade: int = 0, size: tuple[int, int] = (48, 32)) -> bytes:
    """A small real JPEG photo; another `shade` gives other bytes (JPEG may round colours together, so the
    width differs too)."""
    out = io.BytesIO()
    Image.new("RGB", (size[0] + shade, size[1]), (shade * 37 % 256, 120, 200)).save(out, "JPEG", quality=85)
    return out.getvalue()


def png_bytes(shade: int = 0) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, shade % 256, 90)).save(out, "PNG")
    return out.getvalue()


def pdf_bytes(pages: int = 1) -> bytes:
    """A real PDF of blank A4 pages, written by pikepdf (qpdf)."""
    with pikepdf.new() as pdf:
        for _ in range(pages):
            pdf.add_blank_page(page_size=(595, 842))
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def required_slots(procedure_code: str) -> list[str]:
    return [d.key for d in procedure(_demo(), procedure_code).documents if d.upload == "required"]


def bearer(body: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {body['accessToken']}"}


async def put_file(client: httpx.AsyncClient, body: dict[str, Any], content: bytes, **headers: str) -> httpx.Response:
    """Upload one file for the submission `body`, with its own token, as the phone does."""
    return await client.put(
        f"/api/submissions/{body['submissionId']}/files/{sha256(content)}",
        content=content,
        headers={**bearer(body), "Content-Type": "image/jpeg", **headers},
    )


async def with_files(client: httpx.AsyncClient, body: dict[str, Any]) -> dict[str, Any]:
    """`body` with a photo uploaded and attached for every required slot of its procedure."""
    attachments = []
    for shade, slot in enumerate(required_slots(body["procedureCode"])):
        photo = jpeg_bytes(shade)
        response = await put_file(client, body, photo)
        assert response.status_code in (200, 201), response.text
        attachments.append({"slot": slot, "sha256": sha256(photo)})
    return {**body, "attachments": attachments}


async def submitted(client: httpx.AsyncClient, procedure_code: str = "1.001193", **changes: Any) -> dict[str, Any]:
    """A dossier created through the API: (the submission sent, the dossier returned)."""
    body = await with_files(client, submission(procedure_code, **changes))
    response = await client.post("/api/submissions", json=body)
    assert response.status_code == 201, response.text
    return {"sent": body, "dossier": response.json()}


ASKED_FIELD = {"kind": "field", "path": "child.full_name", "label": "Họ, chữ đệm, tên", "note": "Sai chính tả tên"}
ASKED_PHOTO = {"kind": "document", "slot": "giay_chung_sinh", "label": "Giấy chứng sinh", "note": "Ảnh bị mờ"}


async def corrections_requested(code: str, items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Puts the dossier `code` in supplement_requested as an officer's request would (Mẫu 02), by setting its
    columns directly; by default asking for one field and one photo. Returns the request."""
    row = await Dossier.select(Dossier.version).where(Dossier.code == code).first()
    assert row is not None
    request = {
        "requestedAt": NOW.isoformat(),
        "version": row["version"] + 1,
        "message": {"vi": "Vui lòng bổ sung.", "en": "Please complete it."},
        "items": [ASKED_FIELD, ASKED_PHOTO] if items is None else items,
    }
    await Dossier.update(
        {
            Dossier.status: "supplement_requested",
            Dossier.version: row["version"] + 1,
            Dossier.correction_request: request,
            Dossier.corrections_requested: 1,
            Dossier.checking_since: NOW - dt.timedelta(days=2),
        }
    ).where(Dossier.code == code)
    return request


# Dossiers as the statistics see them, inserted in bulk (a seed's quarter is thousands of rows).
VN = ZoneInfo("Asia/Ho_Chi_Minh")
_kept_serial = itertools.count(1)
_CENTRES = {"H12": "H12.01", "H12.02": "H12.01"}  # a province-level dossier is received at the province's centre


def local(year: int, month: int, day: int, hour: int = 9, minute: int = 0, second: int = 0) -> dt.datetime:
    """An instant in Vietnam's time (UTC+7)."""
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=VN)


def kept(
    competent: str,
    received_at: dt.datetime | None,
    due: dt.date | None,
    count: int = 1,
    *,
    deadlines: list[tuple[str, dt.date, dt.datetime]] = (),  # type: ignore[assignment]
    waits: list[tuple[dt.datetime, dt.datetime, str]] = (),  # type: ignore[assignment]
    **columns: Any,
) -> list[dict[str, Any]]:
    """`count` dossiers decided by `competent`, received at `received_at` with `due` the appointment in force
    (by default in person, received, a certificate of marital status); `columns` set any other column, and
    `deadlines` (kind, due date, set at) and `waits` (started, ended, outcome) are written beside each."""
    out = []
    for _ in range(count):
        n = next(_kept_serial)
        code = f"{competent}-K-{n:07d}"
        submitted = (received_at or NOW) - dt.timedelta(hours=1)
        row = {
            "code": code,
            "submission_id": uuid.UUID(int=n),
            "fingerprint": "0" * 64,
            "procedure_code": "1.004873",
            "procedure_version": 1,
            "agency_code": _CENTRES.get(competent, competent + ".01"),
            "receiving_unit_code": _CENTRES.get(competent, competent + ".01"),
            "competent_agency_code": competent,
            "channel": "in_person",
            "status": "received" if received_at else "submitted",
            "submitted_at": submitted,
            "received_at": received_at,
            "appointment_date": due,
            "access_token_hash": hashlib.sha256(code.encode()).hexdigest(),
            "_deadlines": list(deadlines),
            "_waits": list(waits),
        }
        row.update(columns)
        out.append(row)
    return out


def resolved(
    competent: str, received_at: dt.datetime, due: dt.date, result_at: dt.datetime, count: int = 1, **columns: Any
) -> list[dict[str, Any]]:
    """Dossiers given their result (a grant, unless `result_kind` says otherwise) and returned."""
    values = {"status": "returned", "result_kind": "granted", "result_at": result_at, "returned_at": result_at}
    return kept(competent, received_at, due, count, **{**values, **columns})


# What a column a row of `kept` leaves out holds (as the table's defaults say).
_KEPT_DEFAULTS: dict[str, Any] = {
    "result_at": None, "result_kind": "", "returned_at": None, "stopped_at": None, "waiting_since": None,
    "apologies": 0, "attachments": [],
}  # fmt: skip


async def keep(rows: list[dict[str, Any]], chunk: int = 400) -> None:
    """Insert `rows` (from `kept`) in multi-row INSERTs of raw SQL (Piccolo's objects take seconds for the
    thousands of a seed), then their deadlines and waits."""
    columns = sorted({k for r in rows for k in r if not k.startswith("_")} | _KEPT_DEFAULTS.keys())
    for i in range(0, len(rows), chunk):
        part = rows[i : i + chunk]
        marks = ", ".join("(" + ", ".join(["{}"] * len(columns)) + ")" for _ in part)
        values = [
            json.dumps(v) if isinstance(v, list) else v
            for r in part
            for v in (r.get(c, _KEPT_DEFAULTS.get(c)) for c in columns)
        ]
        await Dossier.raw(f"INSERT INTO dossier ({', '.join(columns)}) VALUES {marks}", *values)
    extra = [r for r in rows if r["_deadlines"] or r["_waits"]]
    if not extra:
        return
    ids = {
        r["code"]: r["id"]
        for r in await Dossier.select(Dossier._meta.primary_key, Dossier.code).where(
            Dossier.code.is_in([r["code"] for r in extra])
        )
    }
    deadlines = [
        DossierDeadline(dossier=ids[r["code"]], kind=kind, due_date=due, counted_from=at, set_at=at)
        for r in extra
        for kind, due, at in r["_deadlines"]
    ]
    waits = [
        DossierWait(dossier=ids[r["code"]], reason="appraisal_supplement", started_at=s, ended_at=e, outcome=o)
        for r in extra
        for s, e, o in r["_waits"]
    ]
    if deadlines:
        await DossierDeadline.insert(*deadlines)
    if waits:
        await DossierWait.insert(*waits)

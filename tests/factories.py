"""Small factories: a catalogue built from the demo data files, changed as a test needs."""

from __future__ import annotations

import copy
import datetime as dt
import json
import secrets
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from backend.catalogue.datafiles import CatalogueData, ProcedureFile, Text, load_catalogue
from backend.catalogue.service import SeedReport, seed_catalogue
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


def submission(procedure_code: str = "1.001193", agency_code: str = "H12.22.05", **changes: Any) -> dict[str, Any]:
    """The JSON a phone sends for a new dossier: a fresh submission id and access token each time."""
    body = {
        "submissionId": str(uuid.uuid4()),
        "procedureCode": procedure_code,
        "procedureVersion": 1,
        "agencyCode": agency_code,
        "answers": valid_answers(procedure_code),
        "accessToken": secrets.token_urlsafe(32),
    }
    body.update(changes)
    return body

"""Small factories: a catalogue built from the demo data files, changed as a test needs."""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache
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

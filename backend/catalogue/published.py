"""The published catalogue: read whole from the database, encoded once per version, kept in memory.

Every request is answered from memory; a process checks the catalogue version at most every
`catalogue_cache_seconds`, so several processes on one database converge within that time.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import time
from dataclasses import dataclass
from typing import Any

import brotli
import msgspec

from backend.catalogue import organisation
from backend.catalogue import schemas as out
from backend.catalogue.calendar_data import work_calendar
from backend.catalogue.search import SearchEntry, make_entry
from backend.catalogue.service import current_version
from backend.catalogue.tables import Agency, CatalogueState, Field, Procedure, RequiredDocument
from backend.catalogue.workdays import WorkCalendar
from backend.settings import Settings


@dataclass(frozen=True)
class Encoded:
    """One JSON document, ready to send: plain, gzip and brotli bodies and a strong ETag."""

    body: bytes
    gzip: bytes
    br: bytes
    etag: str

    @classmethod
    def of(cls, value: Any, version: int) -> Encoded:
        body = msgspec.json.encode(value)
        digest = hashlib.sha256(body).hexdigest()[:20]
        return cls(
            body=body,
            gzip=gzip.compress(body, compresslevel=9, mtime=0),
            br=brotli.compress(body, quality=11),
            etag=f'"{version}-{digest}"',
        )


@dataclass(frozen=True)
class Published:
    """Everything the public API answers from, for one catalogue version and one calendar year."""

    version: int
    year: int
    snapshot: out.CatalogueOut
    encoded: Encoded
    procedures: dict[str, out.ProcedureOut]
    procedure_etags: dict[str, str]
    summaries: dict[str, out.ProcedureSummary]
    entries: list[SearchEntry]
    removed: dict[str, list[tuple[str, int]]]
    calendar: WorkCalendar
    calendar_out: out.CalendarOut
    calendar_encoded: Encoded


def _text(row: dict[str, Any], prefix: str) -> out.TextOut:
    return out.TextOut(vi=row[f"{prefix}_vi"], en=row[f"{prefix}_en"])


def _procedure(row: dict[str, Any], documents: list[out.DocumentOut]) -> out.ProcedureOut:
    return out.ProcedureOut(
        code=row["code"],
        name=_text(row, "name"),
        field=row["field_code"],
        level=row["level"],
        competent_agency_code=row["competent_agency_code"],
        executing_agency=_text(row, "executing_agency"),
        interagency=row["interagency"],
        channels=row["channels"],
        online_level=row["online_level"],
        sets=row["sets"],
        processing=out.ProcessingOut(
            working_days=row["processing_working_days"],
            text=row["processing_text"],
            cutoff=row["processing_cutoff"] or None,
        ),
        fees=msgspec.convert(row["fees"], list[out.FeeOut]),
        result=row["result"],
        documents=documents,
        conditions=row["conditions"],
        legal_basis=row["legal_basis"],
        form=row["form"],
        version=row["version"],
    )


async def _documents() -> dict[int, list[out.DocumentOut]]:
    rows = await RequiredDocument.select().order_by(RequiredDocument.procedure).order_by(RequiredDocument.position)
    grouped: dict[int, list[out.DocumentOut]] = {}
    for r in rows:
        grouped.setdefault(r["procedure"], []).append(
            out.DocumentOut(
                key=r["key"], name=r["name"], kind=r["kind"], count=r["quantity"], upload=r["upload"], note=r["note"]
            )
        )
    return grouped


async def _procedures() -> tuple[list[out.ProcedureOut], list[tuple[str, int]]]:
    rows = await (
        Procedure.select(*Procedure.all_columns(), Procedure.field.code.as_alias("field_code"))
        .order_by(Procedure.code)
        .output(load_json=True)
    )
    documents = await _documents()
    active = [_procedure(r, documents.get(r["id"], [])) for r in rows if r["active"]]
    removed = [(r["code"], r["version"]) for r in rows if not r["active"]]
    return active, removed


async def _fields_and_agencies() -> tuple[list[out.FieldOut], list[out.AgencyOut], dict[str, list[tuple[str, int]]]]:
    fields = await Field.select().order_by(Field.position).order_by(Field.code)
    agencies = await Agency.select().order_by(Agency.code)
    field_out = [
        out.FieldOut(code=r["code"], name=_text(r, "name"), position=r["position"], version=r["version"])
        for r in fields
        if r["active"]
    ]
    units = organisation.units((r["code"], r["kind"], r["parent_code"], ()) for r in agencies)
    agency_out = [
        out.AgencyOut(
            code=r["code"],
            name=_text(r, "name"),
            kind=r["kind"],
            level=r["level"] or None,
            receives=units.by_code[r["code"]].receives,
            parent_code=r["parent_code"],
            province_code=units.province(r["code"]),
            address=r["address"],
            phone=r["phone"],
            version=r["version"],
        )
        for r in agencies
        if r["active"]
    ]
    removed = {
        "fields": [(r["code"], r["version"]) for r in fields if not r["active"]],
        "agencies": [(r["code"], r["version"]) for r in agencies if not r["active"]],
    }
    return field_out, agency_out, removed


async def _calendar(settings: Settings, year: int) -> tuple[WorkCalendar, out.CalendarOut]:
    """The server covers last year to two years ahead; phones get this year and the next."""
    parts = await work_calendar(settings.tz, year)
    public, extra_off, make_up = parts.public_holidays, parts.extra_days_off, parts.make_up_days
    calendar = parts.calendar
    shown = range(year, year + 2)
    days_off = {n.date: n.name for n in [*public, *extra_off] if n.date.year in shown}
    working = {n.date: n.name for n in make_up if n.date.year in shown}
    calendar_out = out.CalendarOut(
        timezone=settings.timezone,
        office_hours=out.OfficeHoursOut(
            *parts.hours, by_agency={code: out.AgencyHoursOut(*h) for code, h in parts.hours_by_agency.items()}
        ),
        first_year=shown[0],
        last_year=shown[-1],
        weekend=[6, 7],
        days_off=[out.DayOut(date=d, name=n) for d, n in sorted(days_off.items())],
        working_days=[out.DayOut(date=d, name=n) for d, n in sorted(working.items())],
    )
    return calendar, calendar_out


def _summary(p: out.ProcedureOut) -> out.ProcedureSummary:
    return out.ProcedureSummary(
        code=p.code,
        name=p.name,
        field=p.field,
        level=p.level,
        working_days=p.processing.working_days,
        online_level=p.online_level,
    )


def _entry(p: out.ProcedureOut, fields: dict[str, out.FieldOut]) -> SearchEntry:
    field = fields.get(p.field)
    others = [p.name.en, p.result, *(d.name for d in p.documents)]
    if field:
        others += [field.name.vi, field.name.en]
    return make_entry(p.code, p.name.vi, others, p.field, p.level, field_rank=field.position if field else 0)


async def read_published(settings: Settings, version: int) -> Published:
    state = await CatalogueState.select().first()
    procedures, removed_procedures = await _procedures()
    fields, agencies, removed = await _fields_and_agencies()
    removed["procedures"] = removed_procedures
    year = settings.now().year
    calendar, calendar_out = await _calendar(settings, year)
    snapshot = out.CatalogueOut(
        version=version,
        name=out.TextOut(vi=state["name_vi"], en=state["name_en"]) if state else out.TextOut(vi="", en=""),
        demo=state["demo"] if state else True,
        updated_at=state["updated_at"] if state else None,
        fields=fields,
        agencies=agencies,
        procedures=procedures,
    )
    fields_by_code = {f.code: f for f in fields}
    return Published(
        version=version,
        year=year,
        snapshot=snapshot,
        encoded=Encoded.of(snapshot, version),
        procedures={p.code: p for p in procedures},
        procedure_etags={p.code: Encoded.of(p, p.version).etag for p in procedures},
        summaries={p.code: _summary(p) for p in procedures},
        entries=[_entry(p, fields_by_code) for p in procedures],
        removed=removed,
        calendar=calendar,
        calendar_out=calendar_out,
        calendar_encoded=Encoded.of(calendar_out, version),
    )


class PublishedCatalogue:
    """The process's copy of the published catalogue, refreshed when the version in the database moves."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._current: Published | None = None
        self._checked_at = 0.0
        self._lock = asyncio.Lock()

    def _fresh(self) -> bool:
        current = self._current
        if current is None or current.year != self._settings.now().year:
            return False
        return time.monotonic() - self._checked_at < self._settings.catalogue_cache_seconds

    async def get(self) -> Published:
        if self._fresh():
            assert self._current is not None
            return self._current
        async with self._lock:
            if not self._fresh():
                version = await current_version()
                current = self._current
                if current is None or current.version != version or current.year != self._settings.now().year:
                    self._current = await read_published(self._settings, version)
                self._checked_at = time.monotonic()
        assert self._current is not None
        return self._current

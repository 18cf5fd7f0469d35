"""Use cases of the catalogue: seeding it from data files, and reading it whole from the database.

A seed compares content hashes: unchanged entities keep their version, and any change bumps the
catalogue version once, so phones holding an older version can fetch only what changed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import math
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
from piccolo.columns import Column

from backend.catalogue import answer_text, forms, organisation, workdays
from backend.catalogue.calendar_data import office_hours_changed, work_calendar, write_office_hours
from backend.catalogue.datafiles import AgencyFile, CatalogueData, FieldFile, ProcedureFile
from backend.catalogue.forms import CheckedAnswers, ContactFields, contact_fields
from backend.catalogue.tables import Agency, CalendarDay, CatalogueState, Field, Procedure, RequiredDocument

log = logging.getLogger(__name__)

# Column -> value, as Piccolo's update() takes it.
Values = dict[Column | str, Any]


def _names(values: Values) -> dict[str, Any]:
    return {c._meta.name if isinstance(c, Column) else c: v for c, v in values.items()}


@dataclass
class SeedReport:
    """What a seed changed: the catalogue version after it and the codes it touched."""

    version: int
    changed: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)

    @property
    def anything_changed(self) -> bool:
        return any(self.changed.values()) or any(self.removed.values())


def content_hash(value: Any) -> str:
    return hashlib.sha256(msgspec.json.encode(value, order="sorted")).hexdigest()


def _calendar_rows(data: CatalogueData) -> list[tuple[str, str, str]]:
    days = [(d.date.isoformat(), "day_off", d.name) for d in data.calendar.extra_days_off]
    days += [(d.date.isoformat(), "working_day", d.name) for d in data.calendar.working_days]
    return sorted(days)


async def _existing(table: Any) -> dict[str, dict[str, Any]]:
    rows = await table.select(table._meta.primary_key, table.code, table.content_hash, table.active)
    return {row["code"]: row for row in rows}


def _to_write(new: dict[str, Any], old: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Codes to insert or update (content differs or was removed), and codes no longer in the files.

    `new` maps each code to what its content hash is computed from.
    """
    changed = [
        code
        for code, item in new.items()
        if code not in old or old[code]["content_hash"] != content_hash(item) or not old[code]["active"]
    ]
    gone = [code for code, row in old.items() if code not in new and row["active"]]
    return changed, gone


async def _upsert(table: Any, old: dict[str, dict[str, Any]], code: str, values: Values) -> int:
    if code in old:
        await table.update(values).where(table.id == old[code]["id"])
        return int(old[code]["id"])
    rows = await table.insert(table(code=code, **_names(values))).returning(table._meta.primary_key)
    return int(rows[0]["id"])


def _agency_values(item: AgencyFile, version: int) -> Values:
    return {
        Agency.name_vi: item.name.vi,
        Agency.name_en: item.name.en,
        Agency.level: organisation.level_decided(item.kind),
        Agency.kind: item.kind,
        Agency.replaces: msgspec.json.encode(item.replaces).decode(),
        Agency.parent_code: item.parent,
        Agency.address: item.address,
        Agency.phone: item.phone,
        Agency.active: True,
        Agency.version: version,
        Agency.content_hash: content_hash(item),
    }


def _field_values(item: FieldFile, position: int, version: int) -> Values:
    return {
        Field.position: position,
        Field.name_vi: item.name.vi,
        Field.name_en: item.name.en,
        Field.active: True,
        Field.version: version,
        Field.content_hash: content_hash([item, position]),
    }


def _procedure_values(item: ProcedureFile, field_id: int, version: int) -> Values:
    return {
        Procedure.name_vi: item.name.vi,
        Procedure.name_en: item.name.en,
        Procedure.field: field_id,
        Procedure.level: item.level,
        Procedure.competent_agency_code: item.competent_agency,
        Procedure.executing_agency_vi: item.executing_agency.vi,
        Procedure.executing_agency_en: item.executing_agency.en,
        Procedure.interagency: item.interagency,
        Procedure.channels: msgspec.json.encode(item.channels).decode(),
        Procedure.online_level: item.online_level,
        Procedure.sets: item.sets,
        Procedure.processing_working_days: item.processing.working_days,
        Procedure.processing_text: item.processing.text,
        Procedure.processing_cutoff: item.processing.cutoff or "",
        Procedure.supplement_close_days: item.processing.supplement_close_days,
        Procedure.fees: msgspec.json.encode(item.fees).decode(),
        Procedure.result: item.result,
        Procedure.conditions: msgspec.json.encode(item.conditions).decode(),
        Procedure.legal_basis: msgspec.json.encode(item.legal_basis).decode(),
        Procedure.form: msgspec.json.encode(item.form).decode(),
        Procedure.active: True,
        Procedure.version: version,
        Procedure.content_hash: content_hash(item),
    }


async def _write_documents(procedure_id: int, item: ProcedureFile) -> None:
    await RequiredDocument.delete().where(RequiredDocument.procedure == procedure_id)
    if item.documents:
        await RequiredDocument.insert(
            *[
                RequiredDocument(
                    procedure=procedure_id,
                    position=position,
                    key=doc.key,
                    name=doc.name,
                    kind=doc.kind,
                    quantity=doc.count,
                    upload=doc.upload,
                    note=doc.note,
                )
                for position, doc in enumerate(item.documents)
            ]
        )


async def _calendar_changed(data: CatalogueData) -> bool:
    rows = await CalendarDay.select(CalendarDay.day, CalendarDay.kind, CalendarDay.name)
    stored = sorted((r["day"].isoformat(), r["kind"], r["name"]) for r in rows)
    return stored != _calendar_rows(data)


async def _write_calendar(data: CatalogueData) -> None:
    await CalendarDay.delete(force=True)
    rows = _calendar_rows(data)
    if rows:
        await CalendarDay.insert(*[CalendarDay(day=dt.date.fromisoformat(d), kind=k, name=n) for d, k, n in rows])


def _state_values(data: CatalogueData) -> Values:
    return {
        CatalogueState.name_vi: data.catalogue.name.vi,
        CatalogueState.name_en: data.catalogue.name.en,
        CatalogueState.demo: data.catalogue.demo,
        CatalogueState.office_opens: data.calendar.office_hours.opens,
        CatalogueState.office_closes: data.calendar.office_hours.closes,
        CatalogueState.office_lunch_starts: data.calendar.office_hours.lunch_starts,
        CatalogueState.office_lunch_ends: data.calendar.office_hours.lunch_ends,
    }


async def _state_changed(values: Values) -> tuple[bool, int]:
    row = await CatalogueState.select().first()
    if row is None:
        return True, 0
    differs = any(row[name] != value for name, value in _names(values).items())
    return differs, int(row["version"])


async def _apply_entities(data: CatalogueData, version: int, plan: dict[str, Any]) -> None:
    agencies, fields, procedures = plan["agencies"], plan["fields"], plan["procedures"]
    for code in agencies.changed:
        await _upsert(Agency, agencies.old, code, _agency_values(agencies.new[code], version))
    positions = {item.code: position for position, item in enumerate(data.fields)}
    for code in fields.changed:
        await _upsert(Field, fields.old, code, _field_values(fields.new[code], positions[code], version))
    field_ids = {row["code"]: row["id"] for row in await Field.select(Field._meta.primary_key, Field.code)}
    for code in procedures.changed:
        item = procedures.new[code]
        procedure_id = await _upsert(
            Procedure, procedures.old, code, _procedure_values(item, field_ids[item.field], version)
        )
        await _write_documents(procedure_id, item)
    for table, kind in ((Agency, agencies), (Field, fields), (Procedure, procedures)):
        if kind.gone:
            await table.update({table.active: False, table.version: version}).where(table.code.is_in(kind.gone))


@dataclass
class _Plan:
    new: dict[str, Any]
    old: dict[str, dict[str, Any]]
    changed: list[str]
    gone: list[str]


async def _plan(table: Any, items: list[Any], ordered: bool = False) -> _Plan:
    """What to write for one table; an `ordered` table's hash covers each item's place in its file."""
    new = {item.code: item for item in items}
    hashed = {item.code: [item, position] if ordered else item for position, item in enumerate(items)}
    old = await _existing(table)
    changed, gone = _to_write(hashed, old)
    return _Plan(new=new, old=old, changed=changed, gone=gone)


async def seed_catalogue(data: CatalogueData, now: dt.datetime) -> SeedReport:
    """Make the database hold exactly `data`; a no-op (same version) when nothing differs."""
    async with Procedure._meta.db.transaction():
        plan = {
            "agencies": await _plan(Agency, data.agencies),
            "fields": await _plan(Field, data.fields, ordered=True),
            "procedures": await _plan(Procedure, data.procedures),
        }
        state_values = _state_values(data)
        state_differs, version = await _state_changed(state_values)
        calendar_differs = await _calendar_changed(data) or await office_hours_changed(data)
        report = SeedReport(
            version=version,
            changed={name: p.changed for name, p in plan.items()},
            removed={name: p.gone for name, p in plan.items()},
        )
        if not (report.anything_changed or state_differs or calendar_differs):
            return report
        report.version = version + 1
        await _apply_entities(data, report.version, plan)
        if calendar_differs:
            await _write_calendar(data)
            await write_office_hours(data)
        state_values.update(
            {
                CatalogueState.version: report.version,
                CatalogueState.stamp: secrets.token_hex(16),
                CatalogueState.updated_at: now,
            }
        )
        if version == 0 and not await CatalogueState.exists():
            await CatalogueState.insert(CatalogueState(**_names(state_values)))
        else:
            await CatalogueState.update(state_values, force=True)
    log.info("catalogue seeded", extra={"version": report.version, "changed": report.changed})
    return report


async def loaded_catalogue_is_demo() -> bool | None:
    """Whether the catalogue in the database is demo data; None when no catalogue is loaded yet."""
    row = await CatalogueState.select(CatalogueState.demo).first()
    return None if row is None else bool(row["demo"])


async def current_version() -> int:
    row = await CatalogueState.select(CatalogueState.version).first()
    return int(row["version"]) if row else 0


@dataclass(frozen=True)
class Bilingual:
    vi: str
    en: str


@dataclass(frozen=True)
class IntakeDocument:
    """One item of a procedure's dossier (thành phần hồ sơ): `upload` says whether a photo is expected online."""

    key: str
    name: str
    kind: str
    count: int
    upload: str


@dataclass(frozen=True)
class IntakeProcedure:
    """What dossiers need to know of a published procedure: form, documents, deadline and receipt texts."""

    code: str
    version: int
    level: str
    working_days: int
    form: dict[str, Any]
    competent_agency: str | None = None  # province level; a commune-level one is chosen per dossier
    name: Bilingual = Bilingual(vi="", en="")
    sets: int = 1
    processing_text: str = ""
    cutoff: dt.time | None = None  # received after it, counted from the next working day
    supplement_close_days: int | None = None  # None: the decree's 15 days (Art 19(5))
    documents: tuple[IntakeDocument, ...] = ()
    contact: ContactFields | None = None


async def _intake_documents(procedure_ids: list[int]) -> dict[int, list[IntakeDocument]]:
    rows = await (
        RequiredDocument.select()
        .where(RequiredDocument.procedure.is_in(procedure_ids))
        .order_by(RequiredDocument.procedure)
        .order_by(RequiredDocument.position)
    )
    grouped: dict[int, list[IntakeDocument]] = {}
    for r in rows:
        grouped.setdefault(r["procedure"], []).append(
            IntakeDocument(key=r["key"], name=r["name"], kind=r["kind"], count=r["quantity"], upload=r["upload"])
        )
    return grouped


async def _intake_procedures(codes: list[str] | None, only_active: bool) -> dict[str, IntakeProcedure]:
    """The procedures of `codes` (None: all of them) as intake sees them."""
    if codes is not None and not codes:
        return {}
    query = Procedure.select(*Procedure.all_columns())
    if codes is not None:
        query = query.where(Procedure.code.is_in(codes))
    if only_active:
        query = query.where(Procedure.active.eq(True))
    rows = await query.output(load_json=True)
    documents = await _intake_documents([r["id"] for r in rows]) if rows else {}
    return {
        r["code"]: IntakeProcedure(
            code=r["code"],
            version=r["version"],
            level=r["level"],
            competent_agency=r["competent_agency_code"],
            working_days=r["processing_working_days"],
            form=r["form"],
            name=Bilingual(vi=r["name_vi"], en=r["name_en"]),
            sets=r["sets"],
            processing_text=r["processing_text"],
            cutoff=dt.time.fromisoformat(r["processing_cutoff"]) if r["processing_cutoff"] else None,
            supplement_close_days=r["supplement_close_days"],
            documents=tuple(documents.get(r["id"], [])),
            contact=contact_fields(r["form"]),
        )
        for r in rows
    }


class IntakeCatalogue:
    """What intake checks a submission against (the active procedures with their forms and documents,
    and the organisation of active agencies), read once per catalogue version and kept by the process.

    Like the published catalogue, the version is checked at most every `cache_seconds`; a submission
    costs no catalogue query in between.
    """

    def __init__(self, cache_seconds: float) -> None:
        self._cache_seconds = cache_seconds
        self._version = -1
        self._checked_at = -math.inf
        self._procedures: dict[str, IntakeProcedure] = {}
        self._units = organisation.Units(())
        self._lock = asyncio.Lock()

    def _fresh(self) -> bool:
        return time.monotonic() - self._checked_at < self._cache_seconds

    async def _refresh(self) -> None:
        if self._fresh():
            return
        async with self._lock:
            if self._fresh():
                return
            version = await current_version()
            if version != self._version:
                # Read after the version: a seed committed in between is seen as a new version next time.
                self._procedures = await _intake_procedures(None, only_active=True)
                self._units = await _units()
                self._version = version
            self._checked_at = time.monotonic()

    async def procedure(self, code: str) -> IntakeProcedure | None:
        """A procedure a phone may submit to now (active in the catalogue), or None."""
        await self._refresh()
        return self._procedures.get(code)

    async def units(self) -> organisation.Units:
        """The active agencies and receiving units."""
        await self._refresh()
        return self._units

    async def procedures(self, codes: list[str]) -> dict[str, IntakeProcedure]:
        """Procedures of dossiers already received: the active ones from what is kept (no form decoded per
        request: the queue lists 25 dossiers a page), those since removed read from the database."""
        await self._refresh()
        found = {code: self._procedures[code] for code in set(codes) if code in self._procedures}
        gone = sorted(set(codes) - found.keys())
        return {**found, **await _intake_procedures(gone, only_active=False)} if gone else found


async def _units() -> organisation.Units:
    rows = await (
        Agency.select(Agency.code, Agency.kind, Agency.parent_code, Agency.replaces)
        .where(Agency.active.eq(True))
        .output(load_json=True)
    )
    return organisation.units((r["code"], r["kind"], r["parent_code"], tuple(r["replaces"])) for r in rows)


async def procedures_by_code(codes: list[str]) -> dict[str, IntakeProcedure]:
    """Procedures of dossiers already received, including those since removed from the catalogue."""
    return await _intake_procedures(sorted(set(codes)), only_active=False)


@dataclass(frozen=True)
class FieldEntry:
    """A field of procedures (lĩnh vực) with its active procedures (code, name), for the queue's pickers."""

    code: str
    name: Bilingual
    procedures: list[tuple[str, Bilingual]]


async def fields_with_procedures() -> list[FieldEntry]:
    """The active fields in browsing order, each with its active procedures (a centre receives them all)."""
    fields = (
        await Field.select(Field._meta.primary_key, Field.code, Field.name_vi, Field.name_en)
        .where(Field.active.eq(True))
        .order_by(Field.position)
    )
    rows = await (
        Procedure.select(Procedure.field, Procedure.code, Procedure.name_vi, Procedure.name_en)
        .where(Procedure.active.eq(True))
        .order_by(Procedure.code)
    )
    entries = {f["id"]: FieldEntry(f["code"], Bilingual(vi=f["name_vi"], en=f["name_en"]), []) for f in fields}
    for r in rows:
        if r["field"] in entries:
            entries[r["field"]].procedures.append((r["code"], Bilingual(vi=r["name_vi"], en=r["name_en"])))
    return list(entries.values())


async def field_procedure_codes(field_code: str) -> list[str] | None:
    """Codes of every procedure of a field, removed ones too (their dossiers stay in it); None: no such field."""
    field_row = await Field.select(Field._meta.primary_key).where(Field.code == field_code).first()
    if field_row is None:
        return None
    rows = await Procedure.select(Procedure.code).where(Procedure.field == field_row["id"])
    return [r["code"] for r in rows]


@dataclass(frozen=True)
class ProcedureInField:
    """A procedure with its field, for reports that group dossiers by field (lĩnh vực)."""

    code: str
    name: Bilingual
    field_code: str
    field_name: Bilingual
    field_position: int


async def procedures_in_fields(codes: list[str]) -> dict[str, ProcedureInField]:
    """Procedures by code with their fields, removed ones too (their dossiers are still counted)."""
    if not codes:
        return {}
    fields = {
        f["id"]: f
        for f in await Field.select(Field._meta.primary_key, Field.code, Field.name_vi, Field.name_en, Field.position)
    }
    rows = await Procedure.select(Procedure.code, Procedure.name_vi, Procedure.name_en, Procedure.field).where(
        Procedure.code.is_in(sorted(set(codes)))
    )
    out = {}
    for r in rows:
        f = fields.get(r["field"])
        if f is None:
            continue
        out[r["code"]] = ProcedureInField(
            r["code"],
            Bilingual(vi=r["name_vi"], en=r["name_en"]),
            f["code"],
            Bilingual(vi=f["name_vi"], en=f["name_en"]),
            f["position"],
        )
    return out


async def agency_names(codes: list[str]) -> dict[str, Bilingual]:
    """Names of agencies by code, including agencies since removed (their dossiers still show them)."""
    if not codes:
        return {}
    rows = await Agency.select(Agency.code, Agency.name_vi, Agency.name_en).where(Agency.code.is_in(sorted(set(codes))))
    return {r["code"]: Bilingual(vi=r["name_vi"], en=r["name_en"]) for r in rows}


async def agency_places(codes: list[str]) -> dict[str, Bilingual]:
    """Where agencies are, by code, for a citizen to find them: the name, then the address when known."""
    if not codes:
        return {}
    rows = await Agency.select(Agency.code, Agency.name_vi, Agency.name_en, Agency.address).where(
        Agency.code.is_in(sorted(set(codes)))
    )
    at = {r["code"]: f", {r['address']}" if r["address"] else "" for r in rows}
    return {r["code"]: Bilingual(vi=r["name_vi"] + at[r["code"]], en=r["name_en"] + at[r["code"]]) for r in rows}


@dataclass(frozen=True)
class AgencyEntry:
    code: str
    name: Bilingual
    kind: str  # province, department, vertical, commune, centre or reception_point (FORMAT.md)


async def agency_directory() -> list[AgencyEntry]:
    """The active agencies, for the staff app's pickers and staff accounts' agency names."""
    rows = await (
        Agency.select(Agency.code, Agency.name_vi, Agency.name_en, Agency.kind)
        .where(Agency.active.eq(True))
        .order_by(Agency.code)
    )
    return [AgencyEntry(r["code"], Bilingual(vi=r["name_vi"], en=r["name_en"]), r["kind"]) for r in rows]


def check_answers(form: dict[str, Any], answers: object, today: dt.date) -> CheckedAnswers:
    """The answers as they are kept (tidied for official papers) and every problem with them."""
    return forms.check_answers(form, answers, today)


def tidy_phone(text: str) -> str:
    """A phone number as the forms keep it ("+84 (0) 912 345 678" is "0912345678"); tracking compares so."""
    return answer_text.tidy(text, "phone")


async def working_calendar(tz: ZoneInfo, when: dt.datetime) -> workdays.WorkCalendar:
    """The counters' calendar around `when` (last year to two years ahead): working days and office hours,
    per agency too, for deadlines in days (`workdays`) or working hours (`workhours`)."""
    return (await work_calendar(tz, when.astimezone(tz).year)).calendar


async def appointment_date(
    received_at: dt.datetime,
    working_days: int,
    tz: ZoneInfo,
    agency: str | None = None,
    cutoff: dt.time | None = None,
) -> dt.date:
    """The date a dossier received at `received_at` is due, by the counters' working-day calendar."""
    parts = await work_calendar(tz, received_at.astimezone(tz).year)
    return workdays.appointment_date(received_at, working_days, parts.calendar, agency, cutoff)

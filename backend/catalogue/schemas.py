"""Wire formats of the public catalogue API (camelCase JSON); never Piccolo rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec


class Wire(msgspec.Struct, rename="camel", omit_defaults=False):
    """Base of every outgoing struct: camelCase keys."""


class TextOut(Wire):
    vi: str
    en: str


class FieldOut(Wire):
    code: str
    name: TextOut
    position: int
    version: int


class AgencyOut(Wire):
    """An agency or receiving unit (backend/catalogue/organisation.py). `level` is the level of the
    procedures it decides, null for a unit that only receives (apps before `kind` chose agencies by it)."""

    code: str
    name: TextOut
    kind: str
    level: str | None
    receives: bool
    parent_code: str | None
    province_code: str | None
    address: str | None
    phone: str | None
    version: int


class DocumentOut(Wire):
    key: str
    name: str
    kind: str
    count: int
    upload: str
    note: str | None


class FeeOut(Wire):
    name: str
    text: str
    amount_vnd: int | None = None


class ProcessingOut(Wire):
    working_days: int
    text: str
    cutoff: str | None = None  # "15:00": received later, counted from the next working day


class ProcedureOut(Wire):
    code: str
    name: TextOut
    field: str
    level: str
    competent_agency_code: str | None  # province level; null at commune level: the commune chosen per dossier
    executing_agency: TextOut
    interagency: bool
    channels: list[str]
    online_level: str
    sets: int
    processing: ProcessingOut
    fees: list[FeeOut]
    result: str
    documents: list[DocumentOut]
    conditions: list[str]
    legal_basis: list[str]
    form: dict[str, Any]
    version: int


class ProcedureSummary(Wire):
    code: str
    name: TextOut
    field: str
    level: str
    working_days: int
    online_level: str


class CatalogueOut(Wire):
    version: int
    name: TextOut
    demo: bool
    updated_at: dt.datetime | None
    fields: list[FieldOut]
    agencies: list[AgencyOut]
    procedures: list[ProcedureOut]


class RemovedOut(Wire):
    fields: list[str]
    agencies: list[str]
    procedures: list[str]


class CatalogueChangesOut(Wire):
    version: int
    since: int
    fields: list[FieldOut]
    agencies: list[AgencyOut]
    procedures: list[ProcedureOut]
    removed: RemovedOut


class SearchOut(Wire):
    query: str
    total: int
    results: list[ProcedureSummary]


class DayOut(Wire):
    date: dt.date
    name: str


class AgencyHoursOut(Wire):
    """HH:MM on the counter's clock; no lunch break when the lunch marks are null."""

    opens: str
    lunch_starts: str | None
    lunch_ends: str | None
    closes: str


class OfficeHoursOut(AgencyHoursOut):
    """Every counter's hours, and by agency code the agencies that keep other hours."""

    by_agency: dict[str, AgencyHoursOut]


class CalendarOut(Wire):
    timezone: str
    office_hours: OfficeHoursOut
    first_year: int
    last_year: int
    weekend: list[int]
    days_off: list[DayOut]
    working_days: list[DayOut]


class AppointmentOut(Wire):
    received_at: dt.datetime
    receipt_day: dt.date
    working_days: int
    appointment_date: dt.date

"""Reading a catalogue from its data files (YAML, format in `data/FORMAT.md`) into checked structs.

Every problem is reported with the file it is in; nothing is written to the database here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from backend.catalogue import organisation
from backend.catalogue.forms import check_form, tel_fields
from backend.errors import DomainError

Channel = Literal["in_person", "online", "postal"]
OnlineLevel = Literal["full", "partial", "none"]
DocumentKind = Literal["original", "copy", "certified_copy", "original_or_certified_copy", "present_original"]
Upload = Literal["required", "optional", "none"]

_KEY = re.compile(r"^[a-z0-9_]+$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class InvalidCatalogueData(DomainError):
    status = 422
    code = "invalid_catalogue_data"
    message_vi = "Dữ liệu danh mục thủ tục không hợp lệ: {problems}"
    message_en = "The catalogue data files are not valid: {problems}"


class Text(msgspec.Struct, forbid_unknown_fields=True):
    vi: str
    en: str


class CatalogueFile(msgspec.Struct, forbid_unknown_fields=True):
    name: Text
    demo: bool = True


class AgencyFile(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    name: Text
    kind: str  # organisation.KINDS
    parent: str | None = None
    address: str | None = None
    phone: str | None = None
    replaces: list[str] = msgspec.field(default_factory=list)  # codes of units merged into this one


class FieldFile(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    name: Text


class DatedName(msgspec.Struct, forbid_unknown_fields=True):
    date: dt.date
    name: str


class AgencyHours(msgspec.Struct, forbid_unknown_fields=True):
    """One agency's own office hours; no lunch keys means no lunch break."""

    opens: str
    closes: str
    lunch_starts: str | None = None
    lunch_ends: str | None = None


class OfficeHours(msgspec.Struct, forbid_unknown_fields=True):
    """Every counter's hours, and the agencies (by code) that keep other hours; the older two-key form
    `{opens, closes}` still loads, as a day with no lunch break."""

    opens: str = "07:30"
    closes: str = "17:00"
    lunch_starts: str | None = None
    lunch_ends: str | None = None
    by_agency: dict[str, AgencyHours] = msgspec.field(default_factory=dict)


class CalendarFile(msgspec.Struct, forbid_unknown_fields=True):
    office_hours: OfficeHours = msgspec.field(default_factory=OfficeHours)
    extra_days_off: list[DatedName] = msgspec.field(default_factory=list)
    working_days: list[DatedName] = msgspec.field(default_factory=list)


class Processing(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    working_days: int
    text: str
    # "15:00" where the procedure says "received after 15:00, counted from the next working day"; the
    # cut-off is the procedure's own rule, not a general one (LAW-2025.md, "The 15:00 rule").
    cutoff: str | None = None
    # Sector law's period to complete a supplement asked for during appraisal; omitted: the decree's 15 days.
    supplement_close_days: Annotated[int, msgspec.Meta(ge=1, le=365)] | None = None


class Fee(msgspec.Struct, forbid_unknown_fields=True):
    name: str
    text: str
    amount_vnd: int | None = None


class Document(msgspec.Struct, forbid_unknown_fields=True):
    key: str
    name: str
    kind: DocumentKind
    count: int = 1
    upload: Upload = "none"
    note: str | None = None


class ProcedureFile(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    name: Text
    field: str
    level: str  # organisation.LEVELS, checked there so that "district" gets a clear message
    executing_agency: Text
    channels: list[Channel]
    online_level: OnlineLevel
    processing: Processing
    fees: list[Fee]
    result: str
    documents: list[Document]
    form: dict[str, Any]
    sets: int = 1
    interagency: bool = False
    conditions: list[str] = msgspec.field(default_factory=list)
    legal_basis: list[str] = msgspec.field(default_factory=list)
    competent_agency: str | None = None  # level province: the agency that decides; commune: chosen per dossier


class CatalogueData(msgspec.Struct):
    """A whole catalogue as read from one folder."""

    catalogue: CatalogueFile
    agencies: list[AgencyFile]
    fields: list[FieldFile]
    calendar: CalendarFile
    procedures: list[ProcedureFile]


def _decode(path: Path, kind: Any) -> Any:
    try:
        return msgspec.yaml.decode(path.read_bytes(), type=kind)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise InvalidCatalogueData(problems=f"{path.name}: {exc}") from exc


def _duplicates(codes: list[str]) -> set[str]:
    return {c for c in codes if codes.count(c) > 1}


def _procedure_problems(proc: ProcedureFile, fields: set[str], units: organisation.Units) -> list[str]:
    where = f"procedures/{proc.code}"
    problems = [f"{where}: {p}" for p in check_form(proc.form)]
    if proc.field not in fields:
        problems.append(f"{where}: unknown field {proc.field!r}")
    problems += [f"{where}: {p}" for p in organisation.procedure_problems(proc.level, proc.competent_agency, units)]
    if proc.processing.working_days < 0 or proc.sets < 1:
        problems.append(f"{where}: working_days must be >= 0 and sets >= 1")
    if proc.processing.cutoff is not None and not _HHMM.match(proc.processing.cutoff):
        problems.append(f"{where}: processing.cutoff {proc.processing.cutoff!r} is not HH:MM")
    keys = [d.key for d in proc.documents]
    problems += [f"{where}: document key {k!r} is not [a-z0-9_]+" for k in keys if not _KEY.match(k)]
    problems += [f"{where}: document key {k!r} repeats" for k in _duplicates(keys)]
    if not proc.channels:
        problems.append(f"{where}: at least one channel")
    tels = tel_fields(proc.form)
    if "online" in proc.channels and len(tels) != 1:
        # Tracking and the receipt find the citizen's phone by this widget.
        problems.append(f"{where}: a form accepted online needs exactly one field with widget tel, found {tels}")
    return problems


def _hours_problems(where: str, hours: OfficeHours | AgencyHours) -> list[str]:
    marks = [hours.opens, hours.lunch_starts, hours.lunch_ends, hours.closes]
    if (hours.lunch_starts is None) != (hours.lunch_ends is None):
        return [f"{where}: give both lunch_starts and lunch_ends, or neither"]
    given = [m for m in marks if m is not None]
    bad = [f"{where}: {t!r} is not HH:MM" for t in given if not _HHMM.match(t)]
    if not bad and given != sorted(set(given)):
        bad.append(f"{where}: hours must run opens < lunch_starts < lunch_ends < closes")
    return bad


def _office_hours_problems(hours: OfficeHours, agency_codes: set[str]) -> list[str]:
    problems = _hours_problems("calendar.yaml office_hours", hours)
    for code, own in hours.by_agency.items():
        where = f"calendar.yaml office_hours.by_agency.{code}"
        problems += _hours_problems(where, own)
        if code not in agency_codes:
            problems.append(f"{where}: no agency with this code in agencies.yaml")
    return problems


def _cross_check(data: CatalogueData) -> list[str]:
    agency_codes = [a.code for a in data.agencies]
    problems = [f"agencies.yaml: code {c!r} repeats" for c in _duplicates(agency_codes)]
    units = organisation.units((a.code, a.kind, a.parent, tuple(a.replaces)) for a in data.agencies)
    problems += [f"agencies.yaml: {p}" for p in organisation.unit_problems(units)]
    field_codes = [f.code for f in data.fields]
    problems += [f"fields.yaml: code {c!r} repeats" for c in _duplicates(field_codes)]
    problems += [f"procedures: code {c!r} repeats" for c in _duplicates([p.code for p in data.procedures])]
    problems += _office_hours_problems(data.calendar.office_hours, set(agency_codes))
    for proc in data.procedures:
        problems += _procedure_problems(proc, set(field_codes), units)
    return problems


def load_catalogue(folder: Path) -> CatalogueData:
    """Read and check a catalogue folder; raises InvalidCatalogueData listing every problem found."""
    if not (folder / "catalogue.yaml").is_file():
        raise InvalidCatalogueData(problems=f"{folder} has no catalogue.yaml")
    data = CatalogueData(
        catalogue=_decode(folder / "catalogue.yaml", CatalogueFile),
        agencies=_decode(folder / "agencies.yaml", list[AgencyFile]),
        fields=_decode(folder / "fields.yaml", list[FieldFile]),
        calendar=_decode(folder / "calendar.yaml", CalendarFile),
        procedures=[_decode(p, ProcedureFile) for p in sorted((folder / "procedures").glob("*.yaml"))],
    )
    problems = _cross_check(data)
    if problems:
        raise InvalidCatalogueData(problems="; ".join(problems))
    return data

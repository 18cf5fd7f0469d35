"""Piccolo tables of the catalogue: the only place that knows their column names.

Every row carries the catalogue `version` at which it last changed and a hash of its content, so a seed
changes only what differs and phones can ask for what changed since the version they hold.
"""

from piccolo.columns import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    OnDelete,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table


class CatalogueState(Table, tablename="catalogue_state"):
    """A single row: the catalogue's current version and its published name."""

    version = Integer(default=0)
    # A random token written with every new version: what a process's caches key on, as the version alone
    # repeats when a database is emptied and seeded again.
    stamp = Varchar(length=32, default="")
    name_vi = Varchar(length=200)
    name_en = Varchar(length=200)
    demo = Boolean(default=True)
    office_opens = Varchar(length=5, default="07:30")
    office_closes = Varchar(length=5, default="17:00")
    office_lunch_starts = Varchar(length=5, null=True, default=None)
    office_lunch_ends = Varchar(length=5, null=True, default=None)
    updated_at = Timestamptz()


class Agency(Table):
    """An agency or receiving unit of the two-tier organisation (backend/catalogue/organisation.py), with
    its code: `kind` says which (province, department, vertical, commune, centre, reception_point)."""

    code = Varchar(length=40, unique=True, index=True)
    name_vi = Varchar(length=200)
    name_en = Varchar(length=200)
    level = Varchar(length=10)  # the level of procedures it decides (province | commune); "" for receiving units
    kind = Varchar(length=20, default="")
    replaces = JSON(default=[])  # codes of units merged into this one (old dossiers, old phones' drafts)
    parent_code = Varchar(length=40, null=True, default=None)
    address = Text(null=True, default=None)
    phone = Varchar(length=40, null=True, default=None)
    active = Boolean(default=True)
    version = Integer(default=0)
    content_hash = Varchar(length=64)


class Field(Table, tablename="procedure_field"):
    """A field of procedures (lĩnh vực): civil status, certification, ...; `position` orders browsing."""

    code = Varchar(length=40, unique=True, index=True)
    position = Integer(default=0)
    name_vi = Varchar(length=200)
    name_en = Varchar(length=200)
    active = Boolean(default=True)
    version = Integer(default=0)
    content_hash = Varchar(length=64)


class Procedure(Table):
    """An administrative procedure (thủ tục hành chính) as published in the catalogue."""

    code = Varchar(length=40, unique=True, index=True)
    name_vi = Varchar(length=300)
    name_en = Varchar(length=300)
    field = ForeignKey(references=Field)
    level = Varchar(length=10)
    competent_agency_code = Varchar(length=40, null=True, default=None)  # province level; commune: per dossier
    executing_agency_vi = Varchar(length=300)
    executing_agency_en = Varchar(length=300)
    interagency = Boolean(default=False)
    channels = JSON(default=[])
    online_level = Varchar(length=10)
    sets = Integer(default=1)
    processing_working_days = Integer(default=0)
    # Days a supplement asked for during appraisal may wait before the counter closes the dossier; None: the
    # decree's 15 (Art 19(5)), calendar days (see backend/handling/rules.py).
    supplement_close_days = Integer(null=True, default=None)
    processing_text = Text()
    processing_cutoff = Varchar(length=5, default="")  # "15:00": received later, counted from the next working day
    fees = JSON(default=[])
    result = Text()
    conditions = JSON(default=[])
    legal_basis = JSON(default=[])
    form = JSON(default={})
    active = Boolean(default=True)
    version = Integer(default=0)
    content_hash = Varchar(length=64)


class RequiredDocument(Table, tablename="required_document"):
    """One item of a procedure's dossier (thành phần hồ sơ), in display order."""

    procedure = ForeignKey(references=Procedure, on_delete=OnDelete.cascade)
    position = Integer()
    key = Varchar(length=60)
    name = Text()
    kind = Varchar(length=40)
    quantity = Integer(default=1)  # how many of this paper (số lượng)
    upload = Varchar(length=10, default="none")
    note = Text(null=True, default=None)


class CalendarDay(Table, tablename="calendar_day"):
    """An announced day off or make-up working day beyond the `holidays` package."""

    day = Date(unique=True)
    kind = Varchar(length=12)  # "day_off" or "working_day"
    name = Varchar(length=200)


class AgencyOfficeHours(Table, tablename="agency_office_hours"):
    """An agency keeping other office hours than the catalogue's default (by agency code, as in the files)."""

    agency_code = Varchar(length=40, unique=True)
    opens = Varchar(length=5)
    closes = Varchar(length=5)
    lunch_starts = Varchar(length=5, null=True, default=None)
    lunch_ends = Varchar(length=5, null=True, default=None)


TABLES = (CatalogueState, Agency, Field, Procedure, RequiredDocument, CalendarDay, AgencyOfficeHours)

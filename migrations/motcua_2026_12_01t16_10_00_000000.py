from typing import Any

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import UUID, Boolean, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.columns.defaults.uuid import UUID4
from piccolo.columns.indexes import IndexMethod
from piccolo.table import Table


class Dossier(Table, tablename="dossier", schema=None):
    id = Serial(
        null=False,
        primary_key=True,
        unique=False,
        index=False,
        index_method=IndexMethod.btree,
        choices=None,
        db_column_name="id",
        secret=False,
    )


ID = "2026-12-01T16:10:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Citizens' ratings (Decree 118/2025 Art 29-34): one per returned dossier, from the app or the counter"


def _params(**given: Any) -> dict[str, Any]:
    return {
        "null": False,
        "primary_key": False,
        "unique": False,
        "index": False,
        "index_method": IndexMethod.btree,
        "choices": None,
        "db_column_name": None,
        "secret": False,
        **given,
    }


_COLUMNS: tuple[tuple[str, type, dict[str, Any]], ...] = (
    ("rating_id", UUID, _params(default=UUID4(), unique=True, index=True)),
    (
        "dossier",
        ForeignKey,
        _params(
            references=Dossier,
            on_delete=OnDelete.cascade,
            on_update=OnUpdate.cascade,
            target_column=None,
            null=True,
            unique=True,
            index=True,
        ),
    ),
    ("receiving_unit_code", Varchar, _params(length=40, default="")),
    ("competent_agency_code", Varchar, _params(length=40, default="")),
    ("procedure_code", Varchar, _params(length=40, default="")),
    ("channel", Varchar, _params(length=8, default="")),
    ("officer", Integer, _params(default=None, null=True)),
    ("level", Varchar, _params(length=16, default="")),
    ("timeliness", Varchar, _params(length=8, default=None, null=True)),
    ("visits", Integer, _params(default=None, null=True)),
    ("attitude", Varchar, _params(length=12, default=None, null=True)),
    ("extra_cost", Boolean, _params(default=None, null=True)),
    ("comment", Text, _params(default="")),
    ("rated_at", Timestamptz, _params(default=TimestamptzNow())),
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    manager.add_table(class_name="Rating", tablename="rating", schema=None, columns=None)
    for name, column_class, params in _COLUMNS:
        manager.add_column(
            table_class_name="Rating",
            tablename="rating",
            column_name=name,
            db_column_name=name,
            column_class_name=column_class.__name__,
            column_class=column_class,
            params=params,
            schema=None,
        )

    return manager

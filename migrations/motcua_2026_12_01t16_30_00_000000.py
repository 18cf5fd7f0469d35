from typing import Any

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import ForeignKey, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
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


ID = "2026-12-01T16:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "The counter's rating tablet (Art 31): an officer's open invitation to rate a returned dossier"


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
    ("officer", Integer, _params(default=0, unique=True, index=True)),
    (
        "dossier",
        ForeignKey,
        _params(
            references=Dossier,
            on_delete=OnDelete.cascade,
            on_update=OnUpdate.cascade,
            target_column=None,
            null=True,
        ),
    ),
    ("code", Varchar, _params(length=40, default="")),
    ("invited_at", Timestamptz, _params(default=TimestamptzNow())),
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    manager.add_table(class_name="RatingInvitation", tablename="rating_invitation", schema=None, columns=None)
    for name, column_class, params in _COLUMNS:
        manager.add_column(
            table_class_name="RatingInvitation",
            tablename="rating_invitation",
            column_name=name,
            db_column_name=name,
            column_class_name=column_class.__name__,
            column_class=column_class,
            params=params,
            schema=None,
        )

    return manager

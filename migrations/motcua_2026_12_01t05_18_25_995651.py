from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Timestamptz
from piccolo.columns.column_types import Varchar

ID = "2026-12-01T05:18:25:995651"
VERSION = "1.38.0"
DESCRIPTION = "dossier_upload: indexes on sha256 and uploaded_at, for the upload purge"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="motcua", description=DESCRIPTION
    )

    manager.alter_column(
        table_class_name="Upload",
        tablename="dossier_upload",
        column_name="sha256",
        db_column_name="sha256",
        params={"index": True},
        old_params={"index": False},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    manager.alter_column(
        table_class_name="Upload",
        tablename="dossier_upload",
        column_name="uploaded_at",
        db_column_name="uploaded_at",
        params={"index": True},
        old_params={"index": False},
        column_class=Timestamptz,
        old_column_class=Timestamptz,
        schema=None,
    )

    return manager

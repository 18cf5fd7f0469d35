from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T12:20:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Biểu 06 finds the dossiers of a period by when their result was issued (none yet included)"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    async def index() -> None:
        from piccolo.engine import engine_finder

        # A period counts the dossiers resolved from its start on, or not resolved at all: one range and one
        # IS NULL on this index, instead of every dossier received before its end.
        await engine_finder().run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_result_at ON dossier (result_at, received_at)"
        )

    manager.add_raw(index)

    return manager

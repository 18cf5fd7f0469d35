from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T17:36:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "The charts' series read the dossiers received in a period from one index: by receipt, unit, channel"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    async def index() -> None:
        from piccolo.engine import engine_finder

        # backend/dossiers/series.py's `received` counts a period's receipts per unit and channel: a range of this
        # index, read alone. dossier_tally leads with result_at, so without this the query read all of it.
        await engine_finder().run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_received ON dossier (received_at, competent_agency_code, channel)"
        )

    manager.add_raw(index)

    return manager

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T12:20:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Biểu 06 reads the dossiers of a period from one index: by result, then receipt, with what it counts"

# Every column the report's GROUP BY reads (backend/dossiers/tally.py), so each of its two ranges (resolved since
# the period began; not resolved) is an index-only scan. PostgreSQL keeps the rest as INCLUDE columns (and the id,
# for the few dossiers whose due dates or waits are looked up); SQLite has no INCLUDE, the rowid is the id.
_COUNTED = (
    "competent_agency_code, procedure_code, channel, status, stopped_at, waiting_since, apologies, appointment_date"
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    async def index() -> None:
        from piccolo.engine import engine_finder

        engine = engine_finder()
        if engine.engine_type == "sqlite":
            ddl = f"CREATE INDEX IF NOT EXISTS dossier_tally ON dossier (result_at, received_at, {_COUNTED})"
        else:
            ddl = (
                f"CREATE INDEX IF NOT EXISTS dossier_tally ON dossier (result_at, received_at) INCLUDE ({_COUNTED}, id)"
            )
        await engine.run_ddl(ddl)

    manager.add_raw(index)

    return manager

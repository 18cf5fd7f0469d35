from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T12:40:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "The counter's late lists read their page in order: the open dossiers of a unit by submission time"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    async def index() -> None:
        from piccolo.engine import engine_finder

        # "Overdue" is most of a unit's open dossiers: read in the page's order (submitted_at, id), its first
        # page is its first rows, not a sort of every one (bench/handling_load.py). Only the statuses of the
        # clock's lists, and a condition no other query implies (`submitted_at IS NOT NULL`: the query says it,
        # backend/dossiers/queue.py CLOCKED), so the planner never takes it for another list's.
        await engine_finder().run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_queue_clocked ON dossier "
            "(receiving_unit_code, submitted_at, id) "
            "WHERE status IN ('submitted', 'received', 'in_progress') AND submitted_at IS NOT NULL"
        )

    manager.add_raw(index)

    return manager

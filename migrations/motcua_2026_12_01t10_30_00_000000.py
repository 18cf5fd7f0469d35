from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T10:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "The deciding agency's queue: its lists and counts read by competent agency and status"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    async def index() -> None:
        from piccolo.engine import engine_finder

        # The agency's counts stay index-only (assignee for a handler's own lists; apologies and the declared
        # delay for the late warning); its pages read in appointment order.
        await engine_finder().run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_agency_queue ON dossier "
            "(competent_agency_code, status, appointment_date, assignee, apologies, late_declared_at, "
            "procedure_code, channel)"
        )

    manager.add_raw(index)

    return manager

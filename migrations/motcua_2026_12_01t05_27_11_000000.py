from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T05:27:11:000000"
VERSION = "1.38.0"
DESCRIPTION = "Dossiers received before the two-tier model: received by and decided by their agency_code"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="motcua", description=DESCRIPTION
    )

    async def backfill() -> None:
        # Piccolo runs raw steps before a migration's schema changes: so this step has a migration of its own.
        from piccolo.engine import engine_finder

        engine = engine_finder()
        await engine.run_ddl(
            "UPDATE dossier SET receiving_unit_code = agency_code, competent_agency_code = agency_code "
            "WHERE receiving_unit_code = ''"
        )
        # Agencies seeded before kinds existed: their level was their kind (the next seed replaces them).
        await engine.run_ddl("UPDATE agency SET kind = level WHERE kind = ''")

    manager.add_raw(backfill)

    return manager

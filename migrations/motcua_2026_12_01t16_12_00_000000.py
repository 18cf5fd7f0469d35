from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T16:12:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "The statistics read the ratings of a period from one index: by time given, with what they count"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    async def index() -> None:
        from piccolo.engine import engine_finder

        # Biểu 06's satisfaction rate groups a period's ratings by unit, procedure and level: an index-only
        # range scan (a raw step runs before a migration's tables are made, hence its own migration).
        await engine_finder().run_ddl(
            "CREATE INDEX IF NOT EXISTS rating_tally ON rating (rated_at, competent_agency_code, procedure_code, level)"
        )

    manager.add_raw(index)

    return manager

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T10:20:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "The register (Mẫu 07) reads a unit's dossiers of a period by index, as receiving unit or as deciding agency"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    async def create_indexes() -> None:
        from piccolo.engine import engine_finder

        # One range scan per side instead of every dossier of the unit over two years (bench/handling_load.py).
        await engine_finder().run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_register_receiving ON dossier (receiving_unit_code, received_at)"
        )
        await engine_finder().run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_register_competent ON dossier (competent_agency_code, received_at)"
        )

    manager.add_raw(create_indexes)

    return manager

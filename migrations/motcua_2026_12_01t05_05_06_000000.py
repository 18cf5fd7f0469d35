from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T05:05:06:000000"
VERSION = "1.38.0"
DESCRIPTION = "The demo account printed by make run is a demo officer, not an admin"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="motcua", description=DESCRIPTION
    )

    async def mark_demo_account() -> None:
        # Piccolo runs raw steps before a migration's schema changes: so this step has a migration of its own.
        from piccolo.engine import engine_finder

        await engine_finder().run_ddl(
            "UPDATE staff SET demo = TRUE, role = 'officer' WHERE username = 'canbo.demo'"
        )

    manager.add_raw(mark_demo_account)

    return manager

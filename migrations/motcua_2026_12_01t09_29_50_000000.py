from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T09:29:50:000000"
VERSION = "1.38.0"
DESCRIPTION = "Dossiers already received: their clock's start and their original due date, as rows"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="motcua", description=DESCRIPTION
    )

    async def backfill() -> None:
        # Piccolo runs raw steps before a migration's schema changes: so this step has a migration of its own.
        from piccolo.engine import engine_finder

        engine = engine_finder()
        await engine.run_ddl(
            "UPDATE dossier SET clock_started_at = received_at "
            "WHERE clock_started_at IS NULL AND received_at IS NOT NULL"
        )
        await engine.run_ddl(
            "INSERT INTO dossier_deadline (dossier, kind, due_date, counted_from, set_at, reason, actor) "
            "SELECT d.id, 'original', d.appointment_date, d.received_at, d.received_at, "
            "'Ngày hẹn trên giấy tiếp nhận', '' FROM dossier d "
            "WHERE d.received_at IS NOT NULL AND d.appointment_date IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM dossier_deadline x WHERE x.dossier = d.id)"
        )

    manager.add_raw(backfill)

    return manager

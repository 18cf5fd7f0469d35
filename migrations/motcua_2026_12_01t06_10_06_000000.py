from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T06:10:06:000000"
VERSION = "1.38.0"
DESCRIPTION = "Review model: check clocks and search text of existing dossiers; the queue's composite indexes"


def _search_text(row: dict) -> str:
    # The same rule as backend.dossiers.search.search_text, copied so this step never changes with the code.
    import unicodedata

    import json

    answers = row["answers"]
    if isinstance(answers, str):
        answers = json.loads(answers or "{}")
    words = [row["code"], row["contact_phone"]]

    def walk(value) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and len(value) <= 120:
            words.append(value)

    walk(answers)
    text = " ".join(w for w in words if w).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="motcua", description=DESCRIPTION
    )

    async def backfill() -> None:
        # Piccolo runs raw steps before a migration's schema changes: so this step has a migration of its own.
        from piccolo.engine import engine_finder

        engine = engine_finder()
        await engine.run_ddl("UPDATE dossier SET checking_since = submitted_at WHERE checking_since IS NULL")
        rows = await engine.run_ddl("SELECT id, code, contact_phone, answers FROM dossier WHERE search_text = ''")
        for row in rows or []:
            await engine.run_ddl(
                "UPDATE dossier SET search_text = {} WHERE id = {}".format(
                    "'" + _search_text(row).replace("'", "''") + "'", int(row["id"])
                )
            )
        await engine.run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_queue_checking "
            "ON dossier (receiving_unit_code, status, checking_since, id)"
        )
        await engine.run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_queue_appointment "
            "ON dossier (receiving_unit_code, status, appointment_date, id)"
        )

    manager.add_raw(backfill)

    return manager

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-01T09:40:00:000000"
VERSION = "1.38.0"
DESCRIPTION = (
    "The queue finds a phone, an ID number or a code by index; online dossiers keep the applicant's ID number; "
    "the counts' index covers the assignee"
)


def _applicant_id_path(form: dict) -> str | None:
    # The rule of backend.catalogue.forms.contact_fields, copied so this step never changes with the code.
    ui_sections = form.get("ui", {}).get("sections", [])
    sections = {s.get("key"): [f.get("key") for f in s.get("fields", [])] for s in ui_sections}
    tels = [s.get("key") for s in ui_sections for f in s.get("fields", []) if f.get("widget") == "tel"]
    if len(tels) != 1:
        return None
    contact = tels[0]
    with_name = [key for key, keys in sections.items() if "full_name" in keys]
    named = form.get("ui", {}).get("applicant")
    applicant = named if named in with_name else contact if contact in with_name else next(iter(with_name), None)
    return f"{applicant}.id_number" if applicant and "id_number" in sections[applicant] else None


def _loaded(value):
    import json

    return json.loads(value or "{}") if isinstance(value, str) else value


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="motcua", description=DESCRIPTION)

    async def backfill_and_index() -> None:
        import re

        from piccolo.engine import engine_finder

        engine = engine_finder()
        forms = await engine.run_ddl("SELECT code, form FROM procedure")
        paths = {row["code"]: _applicant_id_path(_loaded(row["form"])) for row in forms or []}
        rows = await engine.run_ddl("SELECT id, procedure_code, answers FROM dossier WHERE id_number = ''")
        for row in rows or []:
            path = paths.get(row["procedure_code"])
            if path is None:
                continue
            section, field = path.split(".", 1)
            value = (_loaded(row["answers"]).get(section) or {}).get(field)
            if isinstance(value, str) and re.fullmatch(r"[0-9]{1,20}", value):
                await engine.run_ddl(f"UPDATE dossier SET id_number = '{value}' WHERE id = {int(row['id'])}")
        # A query that is a whole phone number or ID number reads these instead of every search text.
        await engine.run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_unit_phone ON dossier (receiving_unit_code, contact_phone)"
        )
        await engine.run_ddl(
            "CREATE INDEX IF NOT EXISTS dossier_unit_id_number ON dossier (receiving_unit_code, id_number)"
        )
        # The counts stay index-only under the assignee filter too.
        await engine.run_ddl("DROP INDEX IF EXISTS dossier_queue_counts")
        await engine.run_ddl(
            "CREATE INDEX dossier_queue_counts ON dossier "
            "(receiving_unit_code, status, checking_since, appointment_date, procedure_code, channel, assignee)"
        )

    manager.add_raw(backfill_and_index)

    return manager

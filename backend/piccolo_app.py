"""The one Piccolo app of motcua: every table, with migrations in the top-level `migrations/` folder."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.accounts.tables import TABLES as ACCOUNT_TABLES
from backend.catalogue.tables import TABLES as CATALOGUE_TABLES
from backend.dossiers.tables import TABLES as DOSSIER_TABLES
from backend.limits.tables import TABLES as LIMIT_TABLES
from backend.push.tables import TABLES as PUSH_TABLES
from backend.satisfaction.tables import TABLES as SATISFACTION_TABLES

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
ALL_TABLES = (*CATALOGUE_TABLES, *ACCOUNT_TABLES, *DOSSIER_TABLES, *LIMIT_TABLES, *PUSH_TABLES, *SATISFACTION_TABLES)

APP_CONFIG = AppConfig(
    app_name="motcua",
    migrations_folder_path=str(MIGRATIONS_DIR),
    table_classes=list(ALL_TABLES),
    migration_dependencies=[],
    commands=[],
)

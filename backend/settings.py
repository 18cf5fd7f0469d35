"""Every setting of motcua, read from the environment once, with safe defaults.

Build a `Settings()` in `create_app()`, the CLI or a test fixture and pass it on; nothing else reads the
environment.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue" / "data" / "demo"


class Settings(BaseSettings):
    """Configuration from `MOTCUA_*` variables (and `DATABASE_URL`)."""

    model_config = SettingsConfigDict(env_prefix="MOTCUA_", extra="ignore")

    data_dir: Path = Field(
        default=PROJECT_ROOT / "var",
        description="Where the SQLite file, attachments and keys live.",
    )
    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "MOTCUA_DATABASE_URL"),
        description="postgresql://user@host:port/db selects PostgreSQL; unset uses SQLite in data_dir.",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    pwa_dist: Path = Field(
        default=PROJECT_ROOT / "pwa" / "dist",
        description="The built citizen app served at /.",
    )
    timezone: str = "Asia/Ho_Chi_Minh"
    catalogue_cache_seconds: float = Field(
        default=5.0,
        ge=0,
        description="How long a process trusts its in-memory catalogue before checking the version again.",
    )
    public_url: str | None = Field(
        default=None,
        description="The address citizens open (https://motcua.example); receipts' QR codes point there. "
        "Unset: the address the request came to.",
    )
    tracking_requests_per_minute: int = Field(
        default=20, ge=1, description="Public tracking requests a client address may make per minute."
    )
    tracking_failures_per_hour: int = Field(
        default=5, ge=1, description="Wrong phone numbers tried for one dossier code before tracking it pauses."
    )
    log_level: str = "INFO"
    access_log: bool = Field(default=True, description="Log every request (turn off behind a proxy that logs).")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "motcua.sqlite"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def uses_postgres(self) -> bool:
        return bool(self.database_url) and str(self.database_url).startswith(("postgres://", "postgresql://"))

    def now(self) -> dt.datetime:
        return dt.datetime.now(self.tz)

    # Uploads and retention: photos of identity papers that never became a dossier must not linger.
    upload_retention_hours: float = Field(
        default=72,
        gt=0,
        description="Files uploaded for a submission that has no dossier after this long are deleted. 72 h "
        "outlasts a weekend without signal; a phone whose files were purged sends them again.",
    )
    upload_purge_interval_minutes: float = Field(
        default=60,
        ge=0,
        description="How often `motcua serve` purges (besides once at start-up); 0: only at start-up and by "
        "`motcua purge-uploads`.",
    )

    @property
    def upload_retention(self) -> dt.timedelta:
        return dt.timedelta(hours=self.upload_retention_hours)

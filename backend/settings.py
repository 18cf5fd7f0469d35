"""Every setting of motcua, read from the environment once, with safe defaults.

Build a `Settings()` in `create_app()`, the CLI or a test fixture and pass it on; nothing else reads the
environment.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue" / "data" / "demo"


def _entries(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


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
    # The public transparency page (issue 17): figures of completed periods, kept and cached that long.
    public_statistics_requests_per_minute: int = Field(
        default=30, ge=1, description="Public statistics requests a client address may make per minute."
    )
    public_statistics_seconds: int = Field(
        default=900, ge=0, description="How long the public statistics are kept in memory and cached by browsers."
    )
    log_level: str = "INFO"
    access_log: bool = Field(default=True, description="Log every request (turn off behind a proxy that logs).")
    # Limits per client address (issue 13): counted in the database, shared by every process.
    upload_requests_per_minute: int = Field(
        default=120, ge=1, description="File uploads (PUT /api/submissions/{id}/files/{sha256}) per client address."
    )
    upload_bytes_per_day: int = Field(
        default=200 * 1024 * 1024, ge=1, description="Bytes of new files one client address may upload per day."
    )
    trusted_proxies: str = Field(
        default="127.0.0.1",
        description="Comma-separated addresses or networks (CIDR) of the reverse proxies whose X-Forwarded-For "
        "and X-Forwarded-Proto are believed; empty: none.",
    )
    # Staff sessions and sign-in (issue 14): sessions live in the database, shared by every process.
    staff_idle_minutes: int = Field(
        default=30, ge=1, description="A staff session ends after this many minutes without a request."
    )
    staff_session_hours: int = Field(
        default=10, ge=1, description="A staff session ends this many hours after sign-in, whatever happens."
    )
    staff_logins_per_minute: int = Field(
        default=20, ge=1, description="Staff sign-in attempts one client address may make per minute."
    )

    # Staff passwords: argon2id at argon2-cffi's default costs (RFC 9106's low-memory profile). The test suite
    # lowers them (tests/conftest.py, e2e/conftest.py), since every staff sign-in would otherwise cost a second
    # of CPU; a hash records its own costs, so one made at other costs still verifies (and is made anew at
    # these on the next sign-in).
    password_time_cost: int = Field(default=3, ge=1, description="argon2id passes over memory per password hash.")
    password_memory_kib: int = Field(default=64 * 1024, ge=8, description="argon2id memory per password hash, KiB.")
    password_parallelism: int = Field(default=4, ge=1, description="argon2id lanes per password hash.")

    @model_validator(mode="after")
    def _argon2_memory_per_lane(self) -> Settings:
        if self.password_memory_kib < 8 * self.password_parallelism:
            raise ValueError("password_memory_kib must be at least 8 KiB per lane (8 × password_parallelism)")
        return self

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses_or_networks(cls, value: str) -> str:
        for entry in _entries(value):
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ValueError(f"{entry!r} is not an IP address or network (CIDR)") from None
        return value

    @property
    def trusted_proxy_list(self) -> list[str]:
        return _entries(self.trusted_proxies)

    # Connection limits of `motcua serve` (uvicorn); the proxy in front is the first line against slow clients.
    max_request_head_bytes: int = Field(
        default=16 * 1024,
        ge=1024,
        description="Largest request line plus headers; a larger one gets 400 and its connection is closed.",
    )
    keep_alive_seconds: int = Field(
        default=5, ge=1, description="How long an idle connection is kept open after its last response."
    )
    max_connections: int = Field(
        default=1000, ge=1, description="Open connections per process beyond which new requests get 503."
    )
    request_head_seconds: float = Field(
        default=10, gt=0, description="Time a client has to send a whole request head before it is cut off."
    )

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

    # Web Push (issue 16): VAPID keys, the delivery worker, what the push services are asked.
    push_vapid_private_key: SecretStr | None = Field(
        default=None,
        description="The VAPID private key (PEM, or the raw 32 bytes in base64url). Unset: made on first run and "
        "kept in data_dir/push/vapid-private.pem (0600). Changing it makes every phone subscribe again.",
    )
    push_contact: str | None = Field(
        default=None,
        description="The `sub` of the VAPID claims, how push services reach the operator (mailto: or https:). "
        "Unset: public_url, else mailto:motcua@localhost.",
    )
    push_worker: bool = Field(
        default=True, description="`motcua serve` delivers queued notices itself; off when `motcua worker` runs."
    )
    push_services: str = Field(
        default="https://fcm.googleapis.com,https://*.push.services.mozilla.com,https://*.notify.windows.com,"
        "https://*.push.apple.com",
        description="Comma-separated origins (a leading *. for any subdomain) a subscription's endpoint may be "
        "at: the server sends requests there, so nowhere else.",
    )
    push_ttl_hours: float = Field(
        default=24, ge=8, le=28 * 24, description="How long a push service keeps a notice for a phone that is off."
    )
    push_retry_hours: float = Field(
        default=72, gt=0, description="A notice not delivered this long after it was written is given up (expired)."
    )
    push_poll_seconds: float = Field(default=1.0, gt=0, description="How often an idle worker looks for notices.")
    push_batch_size: int = Field(default=50, ge=1, le=1000, description="Notices one worker claims at a time.")
    push_send_timeout_seconds: float = Field(default=10, gt=0, description="Time allowed for one push request.")
    push_delivery_keep_days: int = Field(
        default=30,
        ge=4,  # longer than the retry period: a delivery is sent, failed or expired well before it goes
        description="A notice's delivery records (sent, failed, expired) are deleted this many days after the "
        "notice was written; the notice itself stays in the citizen's inbox as long as its dossier is kept.",
    )

    feedback_answer_days: int = Field(
        default=10,
        ge=1,
        le=60,
        description="Working days a unit has to answer feedback (phản ánh, kiến nghị), counted as a dossier's "
        "deadline is from the day it counts as received (a decision: see the README's feedback section).",
    )

    @property
    def push_service_list(self) -> list[str]:
        return _entries(self.push_services)

    @property
    def vapid_key_file(self) -> Path:
        return self.data_dir / "push" / "vapid-private.pem"

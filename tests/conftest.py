"""Test fixtures: a real database (SQLite file or PostgreSQL, `--db`), migrated once per session with the
project's own migrations and emptied between tests; the app driven in the test's own event loop."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import httpx
import pytest
from asgi_lifespan import LifespanManager

from backend.accounts.service import use_password_costs
from backend.app import create_app
from backend.db import bind_tables, close, make_engine, prepare
from backend.piccolo_app import ALL_TABLES
from backend.settings import Settings
from tests.scratch import keep_scratch_in_memory

ROOT = Path(__file__).resolve().parent.parent
# argon2id at the lowest costs argon2 allows: at the production costs every staff account made or signed in
# takes about a second of CPU here. tests/test_settings.py checks the production costs themselves.
FAST_PASSWORDS = {"password_time_cost": 1, "password_memory_kib": 8, "password_parallelism": 1}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--db", choices=["sqlite", "postgres"], default="sqlite", help="database to test on")
    parser.addoption(
        "--postgres-admin-url",
        default="postgresql://postgres@127.0.0.1:5432/postgres",
        help="server where a fresh database is created for the run",
    )


@pytest.hookimpl(tryfirst=True)  # before pytest's own temporary-folder plugin reads --basetemp
def pytest_configure(config: pytest.Config) -> None:
    keep_scratch_in_memory(config)


def pytest_report_header(config: pytest.Config) -> str:
    return f"motcua database: {config.getoption('--db')}"


async def _create_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
        # Commits do not wait for the disk (fsync) in this throwaway database: the same answers and
        # transactions, only what a crash of the server itself would lose differs.
        await conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    finally:
        await conn.close()


async def _drop_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def run_cli(settings_env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `motcua` command with the test's settings in its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_") and k != "DATABASE_URL"}
    env.update(settings_env)
    return subprocess.run(
        [sys.executable, "-m", "backend.cli", *args],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def settings_env(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    data_dir = tmp_path_factory.mktemp("data")
    env = {"MOTCUA_DATA_DIR": str(data_dir), "MOTCUA_CATALOGUE_CACHE_SECONDS": "0", "MOTCUA_LOG_LEVEL": "WARNING"}
    env.update({f"MOTCUA_{name.upper()}": str(value) for name, value in FAST_PASSWORDS.items()})
    if request.config.getoption("--db") == "sqlite":
        yield env
        return
    admin_url = request.config.getoption("--postgres-admin-url")
    name = f"motcua_test_{uuid.uuid4().hex[:10]}"
    asyncio.run(_create_database(admin_url, name))
    base = admin_url.rsplit("/", 1)[0]
    env["DATABASE_URL"] = f"{base}/{name}"
    try:
        yield env
    finally:
        asyncio.run(_drop_database(admin_url, name))


@pytest.fixture(scope="session")
def settings(settings_env: dict[str, str]) -> Settings:
    migrated = run_cli(settings_env, "migrate")
    assert migrated.returncode == 0, migrated.stderr + migrated.stdout
    return Settings(
        data_dir=Path(settings_env["MOTCUA_DATA_DIR"]),
        database_url=settings_env.get("DATABASE_URL"),
        catalogue_cache_seconds=0,
        pwa_dist=Path(settings_env["MOTCUA_DATA_DIR"]) / "dist",
        log_level="WARNING",
        push_worker=False,  # push tests run the delivery worker themselves, with their own clock
        **FAST_PASSWORDS,
    )


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[object]:
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    await prepare(engine)
    yield engine
    await close(engine)


@pytest.fixture
async def db(engine: object, settings: Settings) -> AsyncIterator[object]:
    """A migrated, empty database for one test (staff passwords hashed at the suite's costs)."""
    use_password_costs(settings)
    yield engine
    for table in reversed(ALL_TABLES):
        await table.delete(force=True)


@asynccontextmanager
async def app_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An app of its own (as another process would be), driven in the test's event loop."""
    app = create_app(settings)
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


@pytest.fixture
async def client(settings: Settings, db: object) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(settings) as http:
        yield http


@pytest.fixture
def one_minute(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """The app's clock stands still just after the start of this minute: requests counted per minute (or per
    day) all fall in one window, so a test sent across a minute's end cannot see its counter reset."""
    start = dt.datetime.now(dt.UTC).replace(second=1, microsecond=0)
    monkeypatch.setattr(Settings, "now", lambda self: start.astimezone(self.tz))
    return start

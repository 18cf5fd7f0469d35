"""Database engine selection: a SQLite file under the data directory by default, PostgreSQL when
`DATABASE_URL` says so. Tables are bound to the chosen engine explicitly, never through globals."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import asyncpg
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine, TransactionType
from piccolo.table import Table

from backend.private import PRIVATE_DIR, PRIVATE_FILE, create_private_file, restrict
from backend.settings import Settings

PICCOLO_CONF_MODULE = "backend.piccolo_conf"

# What each driver raises when a unique constraint refuses a row.
UNIQUE_VIOLATIONS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, asyncpg.UniqueViolationError)


class UnsupportedDatabase(ValueError):
    """DATABASE_URL names a database motcua does not run on."""


def postgres_config(url: str) -> dict[str, object]:
    parts = urlparse(url)
    config: dict[str, object] = {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "user": unquote(parts.username or "postgres"),
        "database": (parts.path or "/").lstrip("/") or "postgres",
    }
    if parts.password:
        config["password"] = unquote(parts.password)
    return config


def make_engine(settings: Settings) -> Engine[Any]:
    if settings.database_url and not settings.uses_postgres:
        raise UnsupportedDatabase(f"DATABASE_URL must be postgresql://...; got {settings.database_url!r}")
    if settings.uses_postgres:
        assert settings.database_url is not None
        return PostgresEngine(config=postgres_config(settings.database_url))
    _private_sqlite(settings.sqlite_path)
    # A busy timeout lets concurrent writers wait for each other instead of failing at once.
    return SQLiteEngine(path=str(settings.sqlite_path), timeout=30)


def _private_sqlite(path: Path) -> None:
    """The database file (and its -wal and -shm) readable by this user only, old installs included."""
    path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    restrict(path.parent, PRIVATE_DIR)
    create_private_file(path)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            restrict(companion, PRIVATE_FILE)


def bind_tables(engine: Engine[Any], tables: Iterable[type[Table]]) -> None:
    for table in tables:
        table._meta.db = engine


def use_piccolo_conf() -> None:
    """Point Piccolo's own machinery (migrations, its CLI) at our conf module."""
    os.environ.setdefault("PICCOLO_CONF", PICCOLO_CONF_MODULE)


async def prepare(engine: Engine[Any]) -> None:
    if isinstance(engine, SQLiteEngine):
        # WAL lets readers proceed while one writer commits (several app processes, one file).
        await engine.run_ddl("PRAGMA journal_mode=WAL")
    if isinstance(engine, PostgresEngine):
        await engine.start_connection_pool(min_size=1, max_size=10)


async def hold(table: type[Table], key: str) -> None:
    """Inside a `writing()` transaction: waits for any other transaction holding `key`, and holds it until
    this one ends. SQLite's write transactions already run one at a time; PostgreSQL takes an advisory lock."""
    if isinstance(table._meta.db, PostgresEngine):
        await table.raw("SELECT pg_advisory_xact_lock(hashtextextended({}, 0))", key)


async def close(engine: Engine[Any]) -> None:
    if isinstance(engine, PostgresEngine):
        await engine.close_connection_pool()


def writing(table: type[Table]) -> Any:
    """A transaction that writes: on SQLite it takes the write lock at once (BEGIN IMMEDIATE), so two
    writers queue up instead of deadlocking when both try to upgrade a read lock."""
    engine = table._meta.db
    if isinstance(engine, SQLiteEngine):
        return engine.transaction(transaction_type=TransactionType.immediate)
    return engine.transaction()

"""The data folder is readable by the server's user alone: the SQLite file (and its -wal and -shm), the
attachments and their folders, new and from installs made before this rule."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from backend.app import create_app
from backend.db import make_engine
from backend.dossiers import files
from backend.settings import Settings
from tests.conftest import run_cli
from tests.factories import jpeg_bytes, put_file, sha256, submission


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_database_and_its_journal_are_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    result = run_cli({"MOTCUA_DATA_DIR": str(data_dir)}, "migrate")
    assert result.returncode == 0, result.stderr
    database = data_dir / "motcua.sqlite"
    with sqlite3.connect(database) as connection:  # holds the -wal and -shm open
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE note (body TEXT)")
        companions = [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")]
        assert {path.name: mode(path) for path in [database, *companions]} == {
            "motcua.sqlite": 0o600,
            "motcua.sqlite-wal": 0o600,
            "motcua.sqlite-shm": 0o600,
        }
    assert mode(data_dir) == 0o700


def test_an_old_world_readable_sqlite_database_is_made_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    data_dir.mkdir(mode=0o755)
    database = data_dir / "motcua.sqlite"
    for path in (database, data_dir / "motcua.sqlite-wal", data_dir / "motcua.sqlite-shm"):
        path.touch(mode=0o644)
    make_engine(Settings(data_dir=data_dir, database_url=None))
    assert [mode(p) for p in (data_dir, *data_dir.iterdir())] == [0o700, 0o600, 0o600, 0o600]


@pytest.mark.usefixtures("db")
async def test_uploaded_files_and_their_folders_are_private(client: httpx.AsyncClient, settings: Settings) -> None:
    photo = jpeg_bytes(31)
    assert (await put_file(client, submission(), photo)).status_code == 201
    kept = files.path_of(settings.attachments_dir, sha256(photo))
    assert (mode(settings.attachments_dir), mode(kept.parent), mode(kept)) == (0o700, 0o700, 0o600)


@pytest.mark.usefixtures("db")
async def test_the_server_makes_an_old_data_folder_private_when_it_starts(settings: Settings) -> None:
    old = settings.attachments_dir / "ff"
    old.mkdir(parents=True, exist_ok=True)
    leftover = old / ("f" * 64)
    leftover.write_bytes(jpeg_bytes(32))
    for path, loose in ((settings.data_dir, 0o755), (settings.attachments_dir, 0o755), (old, 0o755)):
        path.chmod(loose)
    leftover.chmod(0o644)
    async with LifespanManager(create_app(settings)):
        assert [mode(p) for p in (settings.data_dir, settings.attachments_dir, old, leftover)] == [
            0o700,
            0o700,
            0o700,
            0o600,
        ]
    leftover.unlink()

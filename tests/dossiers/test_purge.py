"""Uploads that never became a dossier are deleted after the retention period, by `motcua purge-uploads`
and by the server itself; a file still needed by another upload or a dossier stays, and so does one an
upload of the same content registers while the purge runs."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import time
import uuid
from pathlib import Path

import httpx
import pytest
from anyio import from_thread
from asgi_lifespan import LifespanManager

from backend.app import create_app
from backend.dossiers import files
from backend.dossiers.purge import PurgeReport, keep_purging, purge_uploads
from backend.dossiers.tables import Upload
from backend.settings import Settings
from tests.conftest import run_cli
from tests.factories import jpeg_bytes, put_file, seeded, sha256, submission, submitted

pytestmark = pytest.mark.usefixtures("db")

RETENTION = dt.timedelta(hours=72)


def _later(hours: float) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)


async def _orphan(client: httpx.AsyncClient, photo: bytes) -> None:
    """An upload whose submission was never sent."""
    assert (await put_file(client, submission(), photo)).status_code == 201


def _held(settings: Settings, photo: bytes) -> bool:
    return files.path_of(settings.attachments_dir, sha256(photo)).is_file()


async def test_an_upload_without_a_dossier_is_deleted_after_the_retention_period(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    photo = jpeg_bytes(21)
    await _orphan(client, photo)
    kept = await purge_uploads(settings.attachments_dir, _later(71), RETENTION)
    assert kept == PurgeReport(uploads=0, files=0, bytes=0) and _held(settings, photo)
    purged = await purge_uploads(settings.attachments_dir, _later(73), RETENTION)
    assert purged == PurgeReport(uploads=1, files=1, bytes=len(photo))
    assert await Upload.count() == 0 and not _held(settings, photo)


async def test_purging_twice_is_harmless(client: httpx.AsyncClient, settings: Settings) -> None:
    await _orphan(client, jpeg_bytes(22))
    await purge_uploads(settings.attachments_dir, _later(73), RETENTION)
    again = await purge_uploads(settings.attachments_dir, _later(73), RETENTION)
    assert again == PurgeReport(uploads=0, files=0, bytes=0)


async def test_the_files_of_a_dossier_are_kept(client: httpx.AsyncClient, settings: Settings) -> None:
    await seeded()
    dossier = await submitted(client)
    purged = await purge_uploads(settings.attachments_dir, _later(24 * 365), RETENTION)
    assert purged.uploads == 0 and await Upload.count() == 1
    [attachment] = dossier["dossier"]["attachments"]
    assert files.path_of(settings.attachments_dir, attachment["sha256"]).is_file()


async def test_a_file_another_submission_still_needs_stays_on_disk(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    await seeded()
    dossier = await submitted(client)  # its photo is jpeg_bytes(0)
    await _orphan(client, jpeg_bytes(0))
    purged = await purge_uploads(settings.attachments_dir, _later(73), RETENTION)
    assert purged == PurgeReport(uploads=1, files=0, bytes=0)
    assert _held(settings, jpeg_bytes(0)) and dossier["dossier"]["code"]


async def test_a_file_listed_by_a_dossier_alone_stays_on_disk(client: httpx.AsyncClient, settings: Settings) -> None:
    await seeded()
    dossier = await submitted(client)
    await Upload.delete().where(Upload.submission_id == uuid.UUID(dossier["sent"]["submissionId"]))
    await _orphan(client, jpeg_bytes(0))
    purged = await purge_uploads(settings.attachments_dir, _later(73), RETENTION)
    assert purged == PurgeReport(uploads=1, files=0, bytes=0) and _held(settings, jpeg_bytes(0))


async def test_an_upload_racing_the_purge_of_its_content_keeps_its_file(
    client: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The purge removes the file after the upload found it already there, before the upload's row."""
    photo = jpeg_bytes(23)
    await _orphan(client, photo)
    store = files.store

    async def purge_in_between(root: Path, sha: str, body: bytes) -> bool:
        monkeypatch.setattr(files, "store", store)
        found = store(root, sha, body)
        await purge_uploads(settings.attachments_dir, _later(73), RETENTION)
        return found

    def racing_store(root: Path, sha: str, body: bytes) -> bool:
        return from_thread.run(purge_in_between, root, sha, body)

    monkeypatch.setattr(files, "store", racing_store)
    assert (await put_file(client, submission(), photo)).status_code == 201
    assert _held(settings, photo) and files.read(settings.attachments_dir, sha256(photo)) == photo


async def test_the_purge_command_reports_what_it_deleted(
    client: httpx.AsyncClient, settings: Settings, settings_env: dict[str, str]
) -> None:
    photo = jpeg_bytes(24)
    await _orphan(client, photo)
    await Upload.update({Upload.uploaded_at: Upload.uploaded_at - dt.timedelta(hours=2)}, force=True)
    result = run_cli({**settings_env, "MOTCUA_UPLOAD_RETENTION_HOURS": "1"}, "purge-uploads")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"purge-uploads: 1 uploads older than 1 h without a dossier deleted; 1 files ({len(photo)} bytes) removed"
    )
    assert not _held(settings, photo)


async def test_the_server_purges_and_clears_stale_temporary_files_when_it_starts(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    photo = jpeg_bytes(25)
    await _orphan(client, photo)
    await Upload.update({Upload.uploaded_at: Upload.uploaded_at - dt.timedelta(hours=100)}, force=True)
    folder = settings.attachments_dir / "00"
    folder.mkdir(exist_ok=True)
    stale, fresh = folder / ".incoming-killed", folder / ".incoming-writing"
    stale.write_bytes(b"half a photo")
    fresh.write_bytes(b"a photo being written")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    async with LifespanManager(create_app(settings)):
        assert await Upload.count() == 0 and not _held(settings, photo)
        assert not stale.exists() and fresh.exists()
    fresh.unlink()


async def test_the_periodic_purge_keeps_running_until_stopped(client: httpx.AsyncClient, settings: Settings) -> None:
    photo = jpeg_bytes(26)
    await _orphan(client, photo)
    stopping = asyncio.Event()
    every = asyncio.create_task(
        keep_purging(settings.attachments_dir, lambda: _later(73), RETENTION, dt.timedelta(), stopping)
    )
    try:
        for _ in range(200):  # waits for the first round, whatever the machine's speed
            if not await Upload.count():
                break
            await asyncio.sleep(0.05)
        assert await Upload.count() == 0 and not _held(settings, photo)
        assert not every.done()
    finally:
        stopping.set()
        await every  # ends after the round under way, if any

"""Uploads that never became a dossier are deleted once the retention period is over: their rows first,
then each file no upload or dossier still needs; temporary files a killed process left are cleared too."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from anyio import to_thread

from backend.db import hold, writing
from backend.dossiers import files
from backend.dossiers.tables import Dossier, Upload

log = logging.getLogger(__name__)
# A temporary file is written and renamed within seconds; one this old belongs to no live process.
STALE_INCOMING_SECONDS = 600


@dataclass(frozen=True)
class PurgeReport:
    uploads: int
    files: int
    bytes: int


async def purge_uploads(root: Path, now: dt.datetime, retention: dt.timedelta) -> PurgeReport:
    """Deletes the uploads of submissions that have no dossier and were uploaded before `now - retention`.

    Safe to run in several processes at once, and twice: a row or a file already gone counts for nothing.
    """
    async with writing(Upload):
        gone = await (
            Upload.delete()
            .where(
                Upload.uploaded_at < now - retention,
                Upload.submission_id.not_in(Dossier.select(Dossier.submission_id)),
            )
            .returning(Upload.sha256)
        )
    freed = [await _remove_unless_needed(root, sha256) for sha256 in sorted({r["sha256"] for r in gone})]
    report = PurgeReport(uploads=len(gone), files=sum(1 for size in freed if size), bytes=sum(freed))
    log.info("uploads purged", extra={"uploads": report.uploads, "files": report.files, "bytes": report.bytes})
    return report


async def _remove_unless_needed(root: Path, sha256: str) -> int:
    """Deletes the file of `sha256` unless an upload or a dossier refers to it; the bytes freed.

    Decided under the same lock an upload takes to insert its row: an upload of this content either
    committed first (its row keeps the file) or waits, then finds the file gone and writes it again.
    """
    async with writing(Upload):
        await hold(Upload, files.lock_key(sha256))
        if await Upload.exists().where(Upload.sha256 == sha256):
            return 0
        if await _in_a_dossier(sha256):
            return 0
        return await to_thread.run_sync(files.remove, root, sha256)


async def _in_a_dossier(sha256: str) -> bool:
    """A dossier's own list of files, in case one ever lists a file without an upload row behind it, or its
    result's scan (taken from a staff session's uploads, which then let go of it)."""
    found = await Dossier.raw(
        "SELECT 1 FROM dossier WHERE result_scan = {} OR CAST(attachments AS TEXT) LIKE {} LIMIT 1",
        sha256,
        f"%{sha256}%",
    )
    return bool(found)


async def clear_incoming(root: Path) -> tuple[int, int]:
    """Deletes temporary files left by a process killed while writing (count, bytes)."""
    count, size = await to_thread.run_sync(files.remove_stale_incoming, root, STALE_INCOMING_SECONDS)
    if count:
        log.info("temporary files removed", extra={"files": count, "bytes": size})
    return count, size


async def keep_purging(
    root: Path,
    clock: Callable[[], dt.datetime],
    retention: dt.timedelta,
    interval: dt.timedelta,
    stopping: asyncio.Event,
) -> None:
    """Purges every `interval` until `stopping` is set. A round under way is finished, never cancelled: a
    transaction cut short could keep its connection while the server closes the pool."""
    while not stopping.is_set():
        try:
            await asyncio.wait_for(stopping.wait(), interval.total_seconds())
        except TimeoutError:
            await purge_logged(root, clock(), retention)


async def purge_logged(root: Path, now: dt.datetime, retention: dt.timedelta) -> PurgeReport | None:
    """A purge whose failure is logged, not raised: a database hiccup must neither stop the server from
    starting nor end the periodic task for good (the next round tries again)."""
    try:
        return await purge_uploads(root, now, retention)
    except Exception:
        log.exception("upload purge failed; the next round will try again")
        return None

"""Where the test suites keep their scratch files (pytest's `tmp_path`, the SQLite files among them): in memory
when the machine has room there, since on a disk every SQLite commit waits for its fsync."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

MEMORY = Path("/dev/shm")  # tmpfs on Linux
ROOM_NEEDED = 2 * 1024**3  # bytes; a container's small /dev/shm (64 MiB) is left alone


def keep_scratch_in_memory(config: pytest.Config) -> None:
    """Points pytest's base temporary folder at a fresh folder under /dev/shm, removed at the end, unless
    `--basetemp` was given or there is no room; SQLite then behaves the same, minus waiting for the disk."""
    if config.option.basetemp is not None or not MEMORY.is_dir():
        return
    try:
        if shutil.disk_usage(MEMORY).free < ROOM_NEEDED:
            return
        scratch = tempfile.mkdtemp(prefix="motcua-pytest-", dir=MEMORY)
    except OSError:
        return
    config.option.basetemp = scratch
    config.add_cleanup(lambda: shutil.rmtree(scratch, ignore_errors=True))

"""The data folder holds names, ID numbers, phones, photos of identity papers and password hashes: it is
the server's alone (folders 0700, files 0600), for new installs and for those made before this rule."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


def make_private(folder: Path) -> None:
    """Creates `folder` if needed, then makes it and everything under it readable by this user only."""
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    for path in (folder, *folder.rglob("*")):
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            continue  # a link's target is not ours to change
        wanted = PRIVATE_DIR if stat.S_ISDIR(mode) else PRIVATE_FILE
        if stat.S_IMODE(mode) != wanted:
            restrict(path, wanted)


def restrict(path: Path, mode: int) -> None:
    """chmod, or a warning when `path` belongs to another user (an operator's choice, not a reason to stop)."""
    try:
        path.chmod(mode)
    except PermissionError:
        log.warning("cannot make private", extra={"path": str(path), "mode": oct(mode)})


def create_private_file(path: Path) -> None:
    """Creates an empty `path` as 0600 unless it exists. SQLite gives its -wal and -shm files the mode of
    the database file, so creating that one private first keeps all three private."""
    path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        restrict(path, PRIVATE_FILE)

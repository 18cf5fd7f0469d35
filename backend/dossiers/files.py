"""Attachment files: what their bytes are (by content, never by name or header) and where they are kept
on disk, once per content hash (`<root>/<first two hex>/<sha256>`), written atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

import filetype

from backend.dossiers import images, pdfs
from backend.private import PRIVATE_DIR

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES_PER_SUBMISSION = 20
JPEG, PNG, PDF = "image/jpeg", "image/png", "application/pdf"
INCOMING = ".incoming-"


def sha256_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def content_type(body: bytes) -> str | None:
    """JPEG, PNG or PDF judged by content, or None for anything else (or a damaged image); a PDF that is
    not safe to open raises pdfs.RefusedPdf saying why."""
    guessed = filetype.guess_mime(body)
    if guessed == JPEG:
        return JPEG if images.is_whole(body, "JPEG") else None
    if guessed == PNG:
        return PNG if images.is_whole(body, "PNG") else None
    if guessed == PDF and body.startswith(b"%PDF-"):
        pdfs.check(body)
        return PDF
    return None


def path_of(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def store(root: Path, sha256: str, body: bytes) -> bool:
    """Keep `body` under its hash; False when the same content is already there.

    Written to a temporary file, fsynced, then renamed: a crash never leaves a partial file under the hash.
    """
    target = path_of(root, sha256)
    if target.is_file():
        return False
    # Identity papers: the folders are the server's alone (mkstemp already makes the file 0600).
    root.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    target.parent.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=INCOMING)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return True


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def lock_key(sha256: str) -> str:
    """What an upload and the purge both lock on while they decide on the file of `sha256`."""
    return f"attachment:{sha256}"


def read(root: Path, sha256: str) -> bytes:
    return path_of(root, sha256).read_bytes()


def remove(root: Path, sha256: str) -> int:
    """Deletes the file kept under `sha256`; its size, or 0 when it was already gone."""
    target = path_of(root, sha256)
    try:
        size = target.stat().st_size
        target.unlink()
    except FileNotFoundError:
        return 0
    return size


def remove_stale_incoming(root: Path, older_than_seconds: float) -> tuple[int, int]:
    """Deletes temporary files a killed process left behind (count, bytes). Only old ones: a recent one
    may be another process's write in progress."""
    count = size = 0
    cutoff = time.time() - older_than_seconds
    for temporary in root.glob(f"*/{INCOMING}*"):
        try:
            info = temporary.stat()
            if info.st_mtime < cutoff:
                temporary.unlink()
                count, size = count + 1, size + info.st_size
        except FileNotFoundError:
            continue  # its writer renamed it, or another process removed it
    return count, size

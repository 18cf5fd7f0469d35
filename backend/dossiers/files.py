"""Attachment files: what their bytes are (by content, never by name or header) and where they are kept
on disk, once per content hash (`<root>/<first two hex>/<sha256>`), written atomically."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import warnings
from pathlib import Path

import filetype
from PIL import Image

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES_PER_SUBMISSION = 20
# A phone photo is at most ~50 megapixels; more is a decompression bomb, not a document.
MAX_PIXELS = 60_000_000
JPEG, PNG, PDF = "image/jpeg", "image/png", "application/pdf"


def sha256_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _is_whole_image(body: bytes, format_: str) -> bool:
    """Pillow's verify() checks the structure (and PNG checksums) but not a JPEG cut short, which only
    decoding reveals; both run, on a fresh parser each, as verify() leaves the image unusable."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(body)) as image:
                if image.format != format_ or image.width * image.height > MAX_PIXELS:
                    return False
                image.verify()
            with Image.open(io.BytesIO(body)) as image:
                # A JPEG decoded at 1/8 scale still reads every compressed byte (a cut shows), at half the cost.
                image.draft("RGB", (image.width // 8, image.height // 8))
                image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return False
    return True


def content_type(body: bytes) -> str | None:
    """JPEG, PNG or PDF judged by content, or None for anything else (or a damaged image)."""
    guessed = filetype.guess_mime(body)
    if guessed == JPEG:
        return JPEG if _is_whole_image(body, "JPEG") else None
    if guessed == PNG:
        return PNG if _is_whole_image(body, "PNG") else None
    if guessed == PDF and body.startswith(b"%PDF-"):
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
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
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


def read(root: Path, sha256: str) -> bytes:
    return path_of(root, sha256).read_bytes()

"""Photos are checked without being decoded at full size: a huge size announced in a small file is refused
from its header, a PNG's data is inflated in slices, and only a few checks run at once in a process."""

from __future__ import annotations

import asyncio
import io
import struct
import threading
import time
import zlib
from typing import Any

import httpx
import pytest
from PIL import Image, ImageFile

from backend.dossiers import files, service
from backend.dossiers.tables import Upload
from tests.factories import jpeg_bytes, put_file, submission

pytestmark = pytest.mark.usefixtures("db")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_by_hand(width: int, height: int, rows: list[bytes] | None = None, interlace: int = 0, cut: int = 0) -> bytes:
    """An 8-bit RGB PNG whose scanlines are `rows` (each with its filter byte), all black when None; the
    compressed data is built row by row, so a 60 Mpx picture costs the test no memory. `cut` bytes are
    taken off the end of the compressed data (its chunk checksum still right)."""
    compressor, parts = zlib.compressobj(9), []
    for row in rows or [b"\0" * (1 + 3 * width)] * height:
        parts.append(compressor.compress(row))
    data = b"".join(parts) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, interlace)
    idat = data[: len(data) - cut]
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def _adam7_rows(width: int, height: int) -> list[bytes]:
    """Black scanlines of every Adam7 pass, counted here from the PNG specification's pass table."""
    rows = []
    for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2)):
        columns, lines = len(range(x0, width, dx)), len(range(y0, height, dy))
        rows += [b"\0" * (1 + 3 * columns)] * (lines if columns else 0)
    return rows + [b"\0" * (1 + 3 * width)] * len(range(1, height, 2))


def pillow_png(mode: str, size: tuple[int, int] = (37, 23)) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


async def test_a_png_announcing_60_megapixels_in_227_kb_is_refused(client: httpx.AsyncClient) -> None:
    bomb = png_by_hand(7740, 7740)
    assert len(bomb) < 300 * 1024
    response = await put_file(client, submission(), bomb, **{"Content-Type": "image/png"})
    assert response.status_code == 415 and response.json()["code"] == "unsupported_file"
    assert await Upload.count() == 0


async def test_a_jpeg_over_16_megapixels_is_refused(client: httpx.AsyncClient) -> None:
    response = await put_file(client, submission(), jpeg_bytes(size=(5000, 3400)))  # 17 Mpx
    assert response.status_code == 415 and response.json()["code"] == "unsupported_file"


def jpeg(size: tuple[int, int], **options: Any) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 30).convert("RGB").save(out, "JPEG", quality=80, **options)
    return out.getvalue()


@pytest.mark.parametrize(
    ("photo", "status"),
    [
        (jpeg((1200, 1600), progressive=True), 201),  # what a phone may send
        (jpeg((2000, 2000), progressive=True), 415),  # 4 Mpx: the decoder would hold it whole
        (jpeg((2000, 2000)), 201),  # the same in one scan is decoded at 1/8 scale
        (jpeg((2000, 2000), restart_marker_blocks=4), 201),  # restart markers do not make new scans
    ],
    ids=["progressive-phone", "progressive-4mpx", "baseline-4mpx", "baseline-restarts"],
)
async def test_a_jpeg_in_several_scans_is_taken_up_to_3_megapixels(
    client: httpx.AsyncClient, photo: bytes, status: int
) -> None:
    response = await put_file(client, submission(), photo)
    assert response.status_code == status, response.text


async def test_a_png_is_checked_without_decoding_its_pixels(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_full_decode(self: ImageFile.ImageFile) -> Any:
        raise AssertionError("decoded at full size")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_full_decode)
    response = await put_file(client, submission(), pillow_png("RGB"), **{"Content-Type": "image/png"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("mode", ["1", "L", "LA", "P", "RGB", "RGBA", "I;16"])
async def test_pngs_of_every_kind_pillow_writes_are_accepted(client: httpx.AsyncClient, mode: str) -> None:
    response = await put_file(client, submission(), pillow_png(mode), **{"Content-Type": "image/png"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("size", [(1, 1), (3, 2), (9, 9), (37, 23)])
async def test_interlaced_pngs_are_accepted(client: httpx.AsyncClient, size: tuple[int, int]) -> None:
    photo = png_by_hand(*size, rows=_adam7_rows(*size), interlace=1)
    with Image.open(io.BytesIO(photo)) as image:
        image.load()  # the test's own PNG is one Pillow reads
    response = await put_file(client, submission(), photo, **{"Content-Type": "image/png"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "photo",
    [
        png_by_hand(40, 30, cut=3),  # data cut short
        png_by_hand(40, 30, rows=[b"\0" * 121] * 29),  # a row missing
        png_by_hand(40, 30, rows=[b"\0" * 121] * 31),  # a row too many
    ],
    ids=["cut", "short", "long"],
)
async def test_a_png_whose_pixels_do_not_fill_its_size_is_refused(client: httpx.AsyncClient, photo: bytes) -> None:
    response = await put_file(client, submission(), photo, **{"Content-Type": "image/png"})
    assert response.status_code == 415 and response.json()["code"] == "unsupported_file"


async def test_only_two_content_checks_run_at_once(client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch) -> None:
    running, peak, lock = 0, 0, threading.Lock()
    check = files.content_type

    def counted(body: bytes) -> str | None:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.05)  # long enough for the others to start, were they allowed to
        with lock:
            running -= 1
        return check(body)

    monkeypatch.setattr(files, "content_type", counted)
    answers = await asyncio.gather(*(put_file(client, submission(), jpeg_bytes(n)) for n in range(6)))
    assert [a.status_code for a in answers] == [201] * 6
    assert peak <= service.CONTENT_CHECKS.total_tokens == 2

"""Whether bytes are a whole JPEG or PNG photo of a sane size, checked without ever decoding one at full
size: the size is read from the header first, JPEG is decoded at 1/8 scale, PNG's data is inflated in slices."""

from __future__ import annotations

import io
import re
import struct
import warnings
import zlib
from collections.abc import Iterator

from PIL import Image

# The app sends at most 1600 px on the long edge (2.6 Mpx); a scanner or another app may send more, but a
# 16 Mpx page is already 4900×3300, well past any ID card or A4 page at 300 dpi.
MAX_PIXELS = 16_000_000
# A JPEG in several scans (progressive, or its colours sent apart) is held whole by libjpeg, 2 bytes per
# sample, whatever the scale it is decoded at: up to 18 MB for 3 Mpx, still above the app's 1600 px photos.
MAX_MULTISCAN_PIXELS = 3_000_000
# Inflating a PNG holds this much output at a time, whatever the image's size.
INFLATE_SLICE = 256 * 1024
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Samples per pixel by PNG colour type (grey, RGB, palette, grey+alpha, RGBA).
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
# Adam7 passes: first column, first row, column step, row step.
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
_ERRORS = (OSError, SyntaxError, ValueError, zlib.error, struct.error)
_JPEG_MARKER = re.compile(rb"\xff+([^\x00\xff])")  # fill bytes, then the marker's code
_JPEG_DATA_END = re.compile(rb"\xff(?=[^\x00\xd0-\xd7])")  # in coded data FF is followed by 00 or a restart


def is_whole(body: bytes, format_: str) -> bool:
    """True for a JPEG or PNG (`format_` as Pillow names it) that is whole and at most MAX_PIXELS."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Image.open reads the header only: the size is known before a pixel is decoded.
            with Image.open(io.BytesIO(body)) as image:
                if image.format != format_ or not _size_allowed(body, format_, image.width * image.height):
                    return False
                image.verify()  # structure, and PNG's chunk checksums
            return _jpeg_decodes(body) if format_ == "JPEG" else _png_inflates(body)
    except (*_ERRORS, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return False


def _size_allowed(body: bytes, format_: str, pixels: int) -> bool:
    if pixels > MAX_PIXELS:
        return False
    return format_ != "JPEG" or pixels <= MAX_MULTISCAN_PIXELS or _jpeg_scans(body) == 1


def _jpeg_scans(body: bytes) -> int:
    """How many scans (SOS segments) the JPEG has, walking its segments and skipping each scan's data."""
    scans, position = 0, 2  # after SOI
    while found := _JPEG_MARKER.match(body, position):
        marker, position = found[1][0], found.end()
        if marker == 0xD9:  # EOI
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # restart markers and TEM have no length
            continue
        position += int.from_bytes(body[position : position + 2], "big")
        if marker == 0xDA:  # SOS: its coded data runs to the next marker
            scans += 1
            data_end = _JPEG_DATA_END.search(body, position)
            position = data_end.start() if data_end else len(body)
    return scans


def _jpeg_decodes(body: bytes) -> bool:
    """A JPEG cut short shows only when decoded; at 1/8 scale every compressed byte is still read, into
    1/64 of the memory."""
    with Image.open(io.BytesIO(body)) as image:
        image.draft("RGB", (image.width // 8, image.height // 8))
        image.load()
    return True


def _png_chunks(body: bytes) -> Iterator[tuple[bytes, bytes]]:
    position = len(_PNG_SIGNATURE)
    while position + 8 <= len(body):
        length, kind = struct.unpack(">I4s", body[position : position + 8])
        yield kind, body[position + 8 : position + 8 + length]
        position += 12 + length  # length, type, data, CRC


def _png_raw_size(header: bytes) -> int:
    """Bytes the image data inflates to: every row of every pass, each with its filter byte."""
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header[:13])
    bits = depth * _CHANNELS[colour]
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    total = 0
    for x0, y0, dx, dy in passes:
        columns, rows = -(-(width - x0) // dx), -(-(height - y0) // dy)
        if columns > 0 and rows > 0:
            total += rows * (1 + -(-columns * bits // 8))
    return total


def _png_inflates(body: bytes) -> bool:
    """PNG's pixels are one zlib stream over its IDAT chunks: inflated slice by slice and thrown away, it
    must end (its Adler-32 checked by zlib) at exactly the size the header announces. Pillow would hold the
    whole decoded image instead (a 227 KB file can announce 60 Mpx)."""
    chunks = list(_png_chunks(body))
    header = next(data for kind, data in chunks if kind == b"IHDR")
    stream = b"".join(data for kind, data in chunks if kind == b"IDAT")
    expected = _png_raw_size(header)
    inflater, produced, pending = zlib.decompressobj(), 0, stream
    while not inflater.eof and produced <= expected:
        out = inflater.decompress(pending, INFLATE_SLICE)
        pending = inflater.unconsumed_tail
        if not out and not pending:
            break  # the data stops before its end: a file cut short
        produced += len(out)
    return inflater.eof and produced == expected

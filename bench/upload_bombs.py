"""Memory of a live `motcua serve` while phones upload at once: decompression bombs against normal photos.

Each scenario starts a fresh server (SQLite in a temporary folder), sends one small photo to warm it up
(Pillow, pikepdf and the database loaded), reads its resident memory (VmRSS, the idle figure), sends
`--concurrent` uploads at once, then reads the kernel's high-water mark of its resident memory (VmHWM): the
peak, exact, with no sampling. Scenarios:
- phone photos: camera-like JPEGs of about 260-300 KB, 1200x1600 (the app sends at most 1600 px), the baseline;
- PNG bomb 7740x7740: 60 Mpx of black in about 170 KB (refused from its header);
- PNG bomb 4000x4000: 16 Mpx, just within the limit (accepted: a valid if useless picture, checked by
  inflating its data in slices);
- JPEG 4000x4000: the largest JPEG accepted, decoded at 1/8 scale; the same, progressive (refused: libjpeg
  keeps every coefficient of a JPEG in several scans whatever the scale, so those stop at 3 Mpx); and a
  progressive 1700x1700 (2.9 Mpx, accepted, decoded whole-coefficient).
Target: every scenario's peak under +50 MB over idle. The median of `--rounds` rounds is printed.
Usage: python -m bench.upload_bombs [--concurrent 6] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import secrets
import shutil
import struct
import sys
import tempfile
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

import httpx
from PIL import Image

from bench.intake_load import base_photo, distinct
from bench.processes import clean_env, free_port, motcua, running

TARGET_MB = 50


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int) -> Callable[[int], bytes]:
    """A black RGB PNG of side x side, compressed row by row (never held whole); each copy gets its own
    text chunk, so every upload is new content."""
    compressor, row = zlib.compressobj(9), b"\0" * (1 + 3 * side)
    parts = [compressor.compress(row) for _ in range(side)]
    idat = _chunk(b"IDAT", b"".join(parts) + compressor.flush())
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))

    def copy(n: int) -> bytes:
        text = _chunk(b"tEXt", b"Comment\0" + str(n).encode())
        return b"\x89PNG\r\n\x1a\n" + header + text + idat + _chunk(b"IEND", b"")

    return copy


def big_jpeg(side: int, progressive: bool = False) -> Callable[[int], bytes]:
    out = io.BytesIO()
    Image.new("RGB", (side, side), (245, 243, 235)).save(out, "JPEG", quality=85, progressive=progressive)
    photo = out.getvalue()
    return lambda n: distinct(photo, n)


def phone_photo() -> Callable[[int], bytes]:
    photo = base_photo()
    return lambda n: distinct(photo, n)


def _status(pid: int, field: str) -> int:
    """A memory figure of /proc/<pid>/status, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise SystemExit(f"no {field} for process {pid}")


async def _upload(client: httpx.AsyncClient, base: str, body: bytes) -> int:
    digest = hashlib.sha256(body).hexdigest()
    response = await client.put(
        f"{base}/api/submissions/{uuid.uuid4()}/files/{digest}",
        content=body,
        headers={"Authorization": f"Bearer {secrets.token_urlsafe(32)}", "Content-Type": "application/octet-stream"},
    )
    return response.status_code


async def _at_once(base: str, bodies: list[bytes]) -> list[int]:
    async with httpx.AsyncClient(timeout=120) as client:
        return list(await asyncio.gather(*(_upload(client, base, body) for body in bodies)))


def one_round(env: dict[str, str], make: Callable[[int], bytes], warm: bytes, concurrent: int) -> tuple[int, int, str]:
    """(idle RSS, peak RSS, answers) of a fresh server taking `concurrent` uploads at once."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = [sys.executable, "-m", "backend.cli", "serve", "--port", str(port)]
    bodies = [make(n) for n in range(concurrent)]
    with running(serve, env, f"{base}/api/health") as server:
        asyncio.run(_at_once(base, [warm]))
        idle = _status(server.pid, "VmRSS")
        answers = asyncio.run(_at_once(base, bodies))
        peak = _status(server.pid, "VmHWM")
    counted = {code: answers.count(code) for code in sorted(set(answers))}
    return idle, peak, ", ".join(f"{n}x{code}" for code, n in counted.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concurrent", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    scenarios = {
        "phone photos (baseline)": phone_photo(),
        "PNG bomb 7740x7740": png_bomb(7740),
        "PNG bomb 4000x4000": png_bomb(4000),
        "JPEG 4000x4000": big_jpeg(4000),
        "progressive JPEG 4000x4000": big_jpeg(4000, progressive=True),
        "progressive JPEG 1700x1700": big_jpeg(1700, progressive=True),
    }
    warm = big_jpeg(64)(0)
    data_dir = tempfile.mkdtemp(prefix="motcua-bench-")
    try:
        env = clean_env(MOTCUA_DATA_DIR=data_dir, MOTCUA_ACCESS_LOG="false", MOTCUA_LOG_LEVEL="WARNING")
        motcua(env, "migrate")
        print(f"\nmotcua serve, resident memory, {args.concurrent} uploads at once, median of {args.rounds} rounds")
        print(f"{'scenario':27} {'size':>9} {'idle MB':>8} {'peak MB':>8} {'+MB':>7} {'target':>7}  answers")
        for name, make in scenarios.items():
            rounds = [one_round(env, make, warm, args.concurrent) for _ in range(args.rounds)]
            idle, peak, answers = sorted(rounds, key=lambda r: r[1] - r[0])[len(rounds) // 2]
            extra = (peak - idle) / 1e6
            verdict = "ok" if extra < TARGET_MB else "OVER"
            print(
                f"{name:27} {len(make(0)) / 1024:7.0f}KB {idle / 1e6:8.1f} {peak / 1e6:8.1f} "
                f"{extra:+7.1f} {verdict:>7}  {answers}"
            )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What one address gets through the limits of a live `motcua serve --workers 4`: phone guesses for one
dossier code and across codes, and bytes of uploads stored, all sent at once (figures, not a test).

Usage: python -m bench.limits_attack [--workers 4] [--guesses 100] [--uploads 80] [--submissions 10]
[--database-url URL]
(`--database-url` names an empty PostgreSQL database; without it, a fresh SQLite file).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import secrets
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
from PIL import Image

from bench.processes import clean_env, free_port, motcua, running

CODE = "H12.22.05-261123-{:04d}"


async def _guesses(url: str, codes: list[str], address: str) -> Counter[int]:
    """Sent from `address`, as the local proxy (trusted by default) forwards it."""
    limits = httpx.Limits(max_connections=len(codes))
    headers = {"X-Forwarded-For": address}
    async with httpx.AsyncClient(base_url=url, limits=limits, headers=headers, timeout=60) as http:
        answers = await asyncio.gather(
            *(http.post("/api/tracking", json={"code": c, "phone": f"09{i:08d}"}) for i, c in enumerate(codes))
        )
    return Counter(a.status_code for a in answers)


def _big_photo() -> bytes:
    """A noisy JPEG of about 4.7 MB, near the largest file an upload may be (5 MB)."""
    noise = Image.effect_noise((2150, 2150), 90).convert("RGB")
    out = io.BytesIO()
    noise.save(out, "JPEG", quality=95)
    return out.getvalue()


async def _uploads(url: str, count: int, photo: bytes, ids: int) -> tuple[Counter[int], float]:
    """`count` distinct files (the photo and a few trailing bytes) under `ids` random submission ids."""
    submissions = [(uuid.uuid4(), secrets.token_urlsafe(32)) for _ in range(ids)]
    async with httpx.AsyncClient(base_url=url, limits=httpx.Limits(max_connections=16), timeout=120) as http:

        async def put(i: int) -> int:
            submission_id, token = submissions[i % ids]
            body = photo + i.to_bytes(4, "big")
            path = f"/api/submissions/{submission_id}/files/{hashlib.sha256(body).hexdigest()}"
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "image/jpeg"}
            return (await http.put(path, content=body, headers=headers)).status_code

        start = time.perf_counter()
        answers = await asyncio.gather(*(put(i) for i in range(count)))
        return Counter(answers), time.perf_counter() - start


def _stored_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--guesses", type=int, default=100)
    parser.add_argument("--uploads", type=int, default=80)
    parser.add_argument("--submissions", type=int, default=10, help="random submission ids (20 files each at most)")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        env = clean_env(MOTCUA_DATA_DIR=data_dir, MOTCUA_ACCESS_LOG="false", MOTCUA_LOG_LEVEL="WARNING")
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        motcua(env, "migrate")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "backend.cli", "serve", "--port", str(port), "--workers", str(args.workers)]
        with running(cmd, env, f"{url}/api/health"):
            print(f"motcua serve --workers {args.workers}, {'PostgreSQL' if args.database_url else 'SQLite'}")
            one_code = asyncio.run(_guesses(url, [CODE.format(1)] * args.guesses, "203.0.113.1"))
            print(f"{args.guesses} phone guesses at once, one code:   {dict(sorted(one_code.items()))} (404 = tried)")
            many = asyncio.run(_guesses(url, [CODE.format(2 + i) for i in range(args.guesses)], "203.0.113.2"))
            print(f"{args.guesses} phone guesses at once, one code each: {dict(sorted(many.items()))}")
            photo = _big_photo()
            answers, seconds = asyncio.run(_uploads(url, args.uploads, photo, args.submissions))
            stored = _stored_bytes(Path(data_dir) / "attachments")
            print(
                f"{args.uploads} uploads of {len(photo) / 2**20:.1f} MiB, {args.submissions} random submission ids: "
                f"{dict(sorted(answers.items()))}, {stored / 2**20:.0f} MiB stored in {seconds:.1f} s"
            )


if __name__ == "__main__":
    main()

"""Dossiers accepted per second, each with one ~300 KB photo, against a live `motcua serve`.

Each simulated phone does what the app's outbox does for a new dossier: PUT the photo
(`/api/submissions/{id}/files/{sha256}`), then POST the submission. `--clients` phones run at once for
`--seconds`, on SQLite and on PostgreSQL (when `--postgres-admin-url` answers). The same client, in the
same run, also loads the bare catalogue request (a conditional GET of the snapshot answered 304, what
every phone sends on opening the app) and a bare Litestar endpoint: the figures are printed beside them.
Usage: python -m bench.intake_load [--seconds 10] [--clients 8] [--postgres-admin-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import json
import secrets
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
from PIL import Image

from bench.processes import admin_sql, clean_env, free_port, motcua, running

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "tests" / "vectors" / "form_answers.json"
PROCEDURE, COMMUNE, SLOT = "1.001193", "H12.41", "giay_chung_sinh"
PHOTO_BYTES = 300 * 1024
# Every simulated phone comes from 127.0.0.1: the per-address upload limits would measure themselves.
NO_UPLOAD_LIMITS = {"MOTCUA_UPLOAD_REQUESTS_PER_MINUTE": str(10**9), "MOTCUA_UPLOAD_BYTES_PER_DAY": str(10**15)}


@dataclass
class Load:
    done: int = 0
    failed: int = 0
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0

    def ms(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def base_photo() -> bytes:
    """A camera-like JPEG of about 300 KB (noise over a page): photos do not compress much further."""
    image = Image.new("RGB", (1200, 1600), (245, 243, 235))
    noise = Image.effect_noise((1200, 1600), 40).convert("RGB")
    image = Image.blend(image, noise, 0.25)
    for quality in range(90, 20, -5):
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality)
        if out.tell() <= PHOTO_BYTES:
            return out.getvalue()
    return out.getvalue()


def distinct(photo: bytes, n: int) -> bytes:
    """The same picture made a different file: a JPEG comment segment (COM) right after the start marker,
    so every dossier uploads new bytes and the server really hashes, checks and writes each one."""
    comment = f"motcua bench {n}".encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return photo[:2] + segment + photo[2:]


def valid_answers() -> dict[str, object]:
    vectors = json.loads(ANSWERS.read_text(encoding="utf-8"))
    return next(v["answers"] for v in vectors if v["procedure"] == PROCEDURE and not v["errors"])


async def drive(clients: int, seconds: float, one: Callable[[httpx.AsyncClient, int], Awaitable[None]]) -> Load:
    """`clients` loops calling `one` until `seconds` have passed; every call timed, failures counted."""
    load = Load()
    counter = iter(range(10**9))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    await one(client, next(counter))
                except (httpx.HTTPError, AssertionError):
                    load.failed += 1
                    continue
                load.latencies.append(time.perf_counter() - started)
                load.done += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        load.seconds = time.perf_counter() - started
    return load


def dossier_sender(base: str, photo: bytes, answers: dict[str, object]) -> Callable[..., Awaitable[None]]:
    async def send(client: httpx.AsyncClient, n: int) -> None:
        submission_id, token = str(uuid.uuid4()), secrets.token_urlsafe(32)
        body = distinct(photo, n)
        digest = hashlib.sha256(body).hexdigest()
        auth = {"Authorization": f"Bearer {token}"}
        put = await client.put(
            f"{base}/api/submissions/{submission_id}/files/{digest}",
            content=body,
            headers={**auth, "Content-Type": "image/jpeg"},
        )
        assert put.status_code == 201, put.text
        submission = {
            "submissionId": submission_id,
            "procedureCode": PROCEDURE,
            "procedureVersion": 1,
            "competentAgencyCode": COMMUNE,
            "answers": answers,
            "accessToken": token,
            "attachments": [{"slot": SLOT, "sha256": digest}],
        }
        post = await client.post(f"{base}/api/submissions", json=submission)
        assert post.status_code == 201, post.text

    return send


def getter(url: str, headers: dict[str, str], status: int) -> Callable[..., Awaitable[None]]:
    async def get(client: httpx.AsyncClient, _: int) -> None:
        response = await client.get(url, headers=headers)
        assert response.status_code == status, response.status_code

    return get


async def measure(base: str, bare: str, photo: bytes, clients: int, seconds: float, rounds: int) -> dict[str, Load]:
    async with httpx.AsyncClient() as client:
        etag = (await client.get(f"{base}/api/catalogue")).headers["ETag"]
    answers = valid_answers()
    scenarios = {
        "bare Litestar JSON": getter(f"{bare}/bare", {}, 200),
        "catalogue 304 (baseline)": getter(f"{base}/api/catalogue", {"If-None-Match": etag}, 304),
        "dossier + 1 photo": dossier_sender(base, photo, answers),
    }
    runs: dict[str, list[Load]] = {name: [] for name in scenarios}
    for _ in range(rounds):
        for name, one in scenarios.items():
            await drive(clients, 1, one)  # warm-up
            runs[name].append(await drive(clients, seconds, one))
    return {name: sorted(loads, key=lambda load: load.rate)[len(loads) // 2] for name, loads in runs.items()}


def report(db: str, results: dict[str, Load], photo: int, clients: int, seconds: float, rounds: int) -> None:
    baseline = results["catalogue 304 (baseline)"].rate
    print(f"\nmotcua intake, {db}, {clients} concurrent clients, {rounds}x{seconds:g}s (median round), httpx")
    print(f"{'scenario':28} {'per s':>8} {'p50 ms':>8} {'p99 ms':>8} {'failed':>7} {'vs 304':>7}")
    for name, load in results.items():
        line = f"{name:28} {load.rate:8.1f} {load.ms(0.5):8.1f} {load.ms(0.99):8.1f} {load.failed:7d}"
        print(f"{line} {load.rate / baseline:7.1%}")
    dossiers = results["dossier + 1 photo"]
    print(f"photo: {photo} B; photo bytes accepted: {dossiers.rate * photo / 1e6:.1f} MB/s")


def run_against(db: str, env: dict[str, str], photo: bytes, args: argparse.Namespace) -> None:
    motcua(env, "migrate")
    motcua(env, "seed")
    app_port, bare_port = free_port(), free_port()
    base, bare = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{bare_port}"
    serve = [sys.executable, "-m", "backend.cli", "serve", "--port", str(app_port)]
    bare_cmd = [sys.executable, "-m", "bench.bare_app", "--port", str(bare_port)]
    with running(serve, env, f"{base}/api/health"), running(bare_cmd, env, f"{bare}/bare"):
        results = asyncio.run(measure(base, bare, photo, args.clients, args.seconds, args.rounds))
    report(db, results, len(photo), args.clients, args.seconds, args.rounds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--postgres-admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="motcua-bench-")
    settings = {"MOTCUA_ACCESS_LOG": "false", "MOTCUA_LOG_LEVEL": "WARNING", **NO_UPLOAD_LIMITS}
    try:
        photo = base_photo()  # the same picture for both databases
        run_against("SQLite", clean_env(MOTCUA_DATA_DIR=f"{data_dir}/sqlite", **settings), photo, args)
        name = f"motcua_bench_{secrets.token_hex(4)}"
        try:
            asyncio.run(admin_sql(args.postgres_admin_url, f'CREATE DATABASE "{name}"'))
        except (OSError, asyncpg.PostgresError) as error:
            print(f"\nPostgreSQL: not measured ({error})")
            return 0
        try:
            url = args.postgres_admin_url.rsplit("/", 1)[0] + f"/{name}"
            env = clean_env(MOTCUA_DATA_DIR=f"{data_dir}/postgres", DATABASE_URL=url, **settings)
            run_against("PostgreSQL", env, photo, args)
        finally:
            asyncio.run(admin_sql(args.postgres_admin_url, f'DROP DATABASE IF EXISTS "{name}"'))
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

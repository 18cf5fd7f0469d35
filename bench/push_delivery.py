"""Web Push delivery: notices per second that `motcua worker` processes deliver to the push-service emulator
(tests/push_emulator.py: VAPID checked, payload decrypted), beside the emulator's own ceiling measured in the
same run: one worker on SQLite, one and two workers on PostgreSQL.
Usage: python -m bench.push_delivery [--notices 3000] [--postgres-admin-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import requests
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02
from pywebpush import WebPusher

from backend.db import bind_tables, close, make_engine, prepare, writing
from backend.dossiers import moves
from backend.dossiers.rules import Status, token_hash
from backend.piccolo_app import ALL_TABLES
from backend.push import keys, outbox, rules
from backend.push.tables import PushFollow, PushSubscription
from backend.settings import Settings
from bench.processes import ROOT, admin_sql, clean_env, motcua
from tests.push_emulator import PushEmulator

TOKEN = "bench-token"


def _settings(data_dir: Path, database_url: str | None) -> dict[str, str]:
    env = {"MOTCUA_DATA_DIR": str(data_dir), "MOTCUA_LOG_LEVEL": "WARNING", "MOTCUA_PUSH_SERVICES": "http://127.0.0.1"}
    env.update({"MOTCUA_PUSH_POLL_SECONDS": "0.05", "MOTCUA_PUSH_CONTACT": "mailto:bench@motcua.example"})
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


async def _queue(settings: Settings, push: PushEmulator, key: keys.VapidKey, count: int) -> None:
    """One subscription following `count` dossiers' notices, written by the outbox as moves write them."""
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    await prepare(engine)
    try:
        made = push.subscription()
        now = dt.datetime.now(dt.UTC)
        row = PushSubscription(
            endpoint=made["endpoint"],
            p256dh=made["keys"]["p256dh"],
            auth=made["keys"]["auth"],
            vapid_key=key.public,
            lang="vi",
            created_at=now,
            updated_at=now,
        )
        await row.save()
        await PushFollow(subscription=row.id, token_hash=token_hash(TOKEN)).save()
        move = moves.Move(action="bench", target=Status.RECEIVED)
        async with writing(PushFollow):
            for n in range(count):
                dossier = {
                    "code": f"H12.41.01-261201-{n:04d}",
                    "procedure_code": "9.999999",
                    "answers": {},
                    "access_token_hash": token_hash(TOKEN),
                    "appointment_date": now.date(),
                    "correction_request": None,
                }
                await outbox.notify(dossier, move, now)
    finally:
        await close(engine)


def _workers(env: dict[str, str], count: int) -> list[subprocess.Popen[bytes]]:
    cmd = [sys.executable, "-m", "backend.cli", "worker"]
    return [
        subprocess.Popen(cmd, env=clean_env(**env), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]


def delivered_per_second(env: dict[str, str], settings: Settings, workers: int, notices: int) -> float:
    """Rate between the first and the last notice received (process start-up left out)."""
    motcua(clean_env(**env), "migrate")
    key = keys.load_or_create(settings)
    with PushEmulator(key.public) as push:
        asyncio.run(_queue(settings, push, key, notices))
        started = _workers(env, workers)
        try:
            received = push.wait_for(notices, timeout=600)
        finally:
            for proc in started:
                proc.terminate()
            for proc in started:
                proc.wait(30)
    ok = [r for r in received if r.status == 201]
    assert len(ok) == notices and len({(r.payload or {})["id"] for r in ok}) == notices, "lost or duplicate notices"
    return (notices - 1) / (received[-1].at - received[0].at)


def emulator_ceiling(seconds: float, checked: bool) -> float:
    """Requests per second the emulator answers one sequential client over one kept-alive connection, the
    bodies encrypted beforehand (the client costs little): with its checks and decryption, or as bare HTTP."""
    key = keys.VapidKey(ec.generate_private_key(ec.SECP256R1()))
    with PushEmulator(key.public) as push:
        push.state.check = checked
        made = push.subscription()
        claims = rules.vapid_claims(made["endpoint"], "mailto:bench@motcua.example", dt.datetime.now(dt.UTC))
        headers = {**Vapid02(private_key=key.private).sign(claims), "TTL": "86400", "Content-Encoding": "aes128gcm"}
        body = WebPusher(made).encode(b'{"body": "' + b"x" * 300 + b'"}')["body"]
        session = requests.Session()
        count, until = 0, time.monotonic() + seconds
        while time.monotonic() < until:
            answer = session.post(made["endpoint"], data=body, headers=headers, timeout=10)
            assert answer.status_code == 201, answer.text
            count += 1
        session.close()
        return count / seconds


def _run(label: str, database_url: str | None, workers: int, notices: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        env = _settings(Path(folder), database_url)
        settings = Settings(data_dir=Path(folder), database_url=database_url)
        rate = delivered_per_second(env, settings, workers, notices)
    print(f"  {label:<34} {rate:8.0f} notices/s")
    return rate


def _postgres(admin_url: str, workers: int, notices: int) -> float | None:
    name = f"motcua_push_bench_{uuid.uuid4().hex[:8]}"
    try:
        asyncio.run(admin_sql(admin_url, f'CREATE DATABASE "{name}"'))
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"  PostgreSQL skipped: {admin_url} did not answer ({exc})")
        return None
    try:
        url = admin_url.rsplit("/", 1)[0] + f"/{name}"
        return _run(f"{workers} worker{'s' if workers > 1 else ''}, PostgreSQL", url, workers, notices)
    finally:
        asyncio.run(admin_sql(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each ceiling measurement")
    parser.add_argument("--postgres-admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    print(f"Web Push delivery to the emulator, {args.notices} notices a run (2 shared cores)")
    checked = statistics.median(emulator_ceiling(args.seconds, True) for _ in range(3))
    bare = emulator_ceiling(args.seconds, False)
    print(f"  emulator ceiling, checks + decrypt   {checked:8.0f} requests/s (one kept-alive client)")
    print(f"  emulator ceiling, bare HTTP          {bare:8.0f} requests/s")
    one = _run("1 worker, SQLite", None, 1, args.notices)
    one_pg = _postgres(args.postgres_admin_url, 1, args.notices)
    two_pg = _postgres(args.postgres_admin_url, 2, args.notices)
    verdict = "met" if one >= 300 else "NOT met"
    print(f"  1 worker (SQLite) / emulator ceiling: {one / checked:.2f}; target ≥ 300/s: {verdict}")
    if one_pg and two_pg:
        print(f"  2 workers / 1 worker on PostgreSQL: {two_pg / one_pg:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

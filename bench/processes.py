"""What the benchmarks share: a clean environment, `motcua` commands, and servers that always stop."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(**settings: str) -> dict[str, str]:
    """This process's environment without any motcua setting, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_") and k != "DATABASE_URL"}
    env.update(settings)
    return env


def motcua(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "backend.cli", *args], env=env, cwd=ROOT, check=True, capture_output=True, timeout=600
    )


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within 30 s")


@contextmanager
def running(cmd: list[str], env: dict[str, str], probe: str) -> Iterator[subprocess.Popen[bytes]]:
    """Runs `cmd` until the block ends, once `probe` answers; killed if it will not stop."""
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
    try:
        _wait(probe, proc)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


async def admin_sql(url: str, sql: str) -> None:
    """Runs one statement (CREATE or DROP DATABASE) on the PostgreSQL server at `url`."""
    connection = await asyncpg.connect(url, timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()

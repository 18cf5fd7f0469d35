"""`motcua serve` as a real process on the test database, for tests that need a socket (connection limits,
the API contract): started with the test's settings plus a few overrides, stopped afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    # httpx retries refused connections with a growing backoff (about 30 s in all for 7 retries).
    with httpx.Client(transport=httpx.HTTPTransport(retries=7), timeout=10) as http:
        response = http.get(f"{url}/api/health")
    assert server.poll() is None and response.status_code == 200, f"motcua serve is not up: {server.returncode}"


@contextmanager
def motcua_serve(settings_env: dict[str, str], **overrides: str) -> Iterator[tuple[str, int]]:
    """(url, port) of a running `motcua serve`; `overrides` are MOTCUA_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_") and k != "DATABASE_URL"}
    env.update(settings_env)
    env.update({"MOTCUA_ACCESS_LOG": "false", **overrides})
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "backend.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(url, server)
        yield url, port
    finally:
        server.terminate()
        server.wait(timeout=20)

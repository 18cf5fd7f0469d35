"""Client addresses behind reverse proxies, with a real `motcua serve`: X-Forwarded-For is believed only
from MOTCUA_TRUSTED_PROXIES, so each citizen behind a trusted proxy has a budget of its own, and a client
that is not a trusted proxy cannot buy new budgets by writing the header itself."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from backend.settings import Settings
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("db")

PROXY = "127.0.0.2"  # a second loopback address stands for a proxy on another host


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serving(settings_env: dict[str, str], trusted_proxies: str) -> Iterator[str]:
    """`motcua serve` on the test database, as an operator starts it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_") and k != "DATABASE_URL"}
    env.update(settings_env, MOTCUA_TRUSTED_PROXIES=trusted_proxies, MOTCUA_ACCESS_LOG="false")
    port = _free_port()
    cmd = [sys.executable, "-m", "backend.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(cmd, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, f"motcua serve exited with {server.returncode}"
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "motcua serve did not answer within 30 s"
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _guesses(url: str, source: str, forwarded: list[str]) -> list[int]:
    """One tracking request per X-Forwarded-For value, each for its own code, sent from address `source`."""
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(transport=transport, base_url=url, timeout=10) as http:
        return [
            http.post(
                "/api/tracking",
                json={"code": f"H12.22.05-261123-{i:04d}", "phone": "0912345678"},
                headers={"X-Forwarded-For": address},
            ).status_code
            for i, address in enumerate(forwarded)
        ]


def test_behind_a_trusted_proxy_each_citizen_has_a_budget(settings_env: dict[str, str], settings: Settings) -> None:
    citizens = [f"198.51.100.{i}" for i in range(settings.tracking_requests_per_minute + 1)]
    with _serving(settings_env, trusted_proxies=PROXY) as url:
        answers = _guesses(url, PROXY, citizens)
    assert answers == [404] * len(citizens)  # the 21st citizen is not refused


def test_a_client_that_is_no_trusted_proxy_cannot_rotate_its_address(
    settings_env: dict[str, str], settings: Settings
) -> None:
    """Even from loopback, which uvicorn alone trusts by default, once the proxy is somewhere else."""
    # Twice the budget and one more: even if the requests straddle the end of a minute (the live server's
    # clock runs), one of the two windows must refuse.
    forged = [f"192.0.2.{i}" for i in range(2 * settings.tracking_requests_per_minute + 1)]
    with _serving(settings_env, trusted_proxies=PROXY) as url:
        answers = _guesses(url, "127.0.0.1", forged)
    assert 429 in answers
    first_refusal = answers.index(429)
    assert answers[:first_refusal] == [404] * first_refusal
    assert first_refusal <= 2 * settings.tracking_requests_per_minute

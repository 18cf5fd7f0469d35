"""Browser journeys: a real `motcua serve` with the demo catalogue, driven in Debian's Chromium."""

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
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _motcua(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "backend.cli", *args], env=env, cwd=ROOT, check=True, capture_output=True)


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"motcua serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("motcua serve did not answer within 30 s")


class AppServer:
    """`motcua serve` on a fresh SQLite file with the demo catalogue, serving `dist`; it can be killed
    and started again on the same address and data, as a counter's server that crashes and comes back."""

    def __init__(
        self, dist: Path, data_dir: Path, settings: dict[str, str] | None = None, frozen_at: str | None = None
    ) -> None:
        self.data_dir = data_dir
        self.frozen_at = frozen_at  # an instant with its offset: the clock of e2e/frozen_clock.py
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_") and k != "DATABASE_URL"}
        self.env.update({"MOTCUA_DATA_DIR": str(data_dir), "MOTCUA_LOG_LEVEL": "WARNING", "MOTCUA_PWA_DIST": str(dist)})
        self.env.update(settings or {})
        _motcua(self.env, "migrate")
        _motcua(self.env, "seed")
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        motcua = [sys.executable, "-m", "backend.cli"]
        if self.frozen_at:  # papers and clocks then carry dates worked out by hand
            motcua = [sys.executable, str(ROOT / "e2e" / "frozen_clock.py"), self.frozen_at]
        cmd = [*motcua, "serve", "--port", str(self.port)]
        self._process = subprocess.Popen(cmd, env=self.env, cwd=ROOT)
        _wait_until_up(self.url, self._process)

    def kill(self) -> None:
        """Stops the server at once, requests in flight included (SIGKILL: no graceful shutdown)."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=10)
            self._process = None

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None


@contextmanager
def serving(
    dist: Path, data_dir: Path, settings: dict[str, str] | None = None, frozen_at: str | None = None
) -> Iterator[AppServer]:
    """`settings`: MOTCUA_* variables of this server's own; `frozen_at`: its clock stands still there."""
    server = AppServer(dist, data_dir, settings, frozen_at)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    """A server of the test's own: some journeys kill it and start it again, or count its dossiers."""
    with serving(ROOT / "pwa" / "dist", tmp_path / "data") as running:
        yield running


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app as `make run` builds it (pwa/dist), on a fresh SQLite file with the demo catalogue."""
    dist = ROOT / "pwa" / "dist"
    assert (dist / "index.html").is_file(), "build the app first (make setup)"
    with serving(dist, tmp_path_factory.mktemp("e2e-data")) as server:
        yield server.url


def build_app(out_dir: Path, label: str) -> Path:
    """A production build of the citizen app labelled `label` (shown in its footer as 0.x.y+label)."""
    env = {**os.environ, "MOTCUA_BUILD_LABEL": label}
    subprocess.run(
        ["npx", "vite", "build", "--outDir", str(out_dir), "--emptyOutDir", "--logLevel", "error"],
        cwd=ROOT / "pwa",
        env=env,
        check=True,
    )
    return out_dir

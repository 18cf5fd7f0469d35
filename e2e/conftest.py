"""Browser journeys: a real `motcua serve` with the demo catalogue, driven in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the unit tests' helpers live there
from tests.scratch import keep_scratch_in_memory

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Staff passwords hashed at argon2's lowest costs, as in tests/conftest.py: a sign-in at the production costs
# takes about a second of the server's CPU.
FAST_PASSWORDS = {
    "MOTCUA_PASSWORD_TIME_COST": "1",
    "MOTCUA_PASSWORD_MEMORY_KIB": "8",
    "MOTCUA_PASSWORD_PARALLELISM": "1",
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(tryfirst=True)  # before pytest's own temporary-folder plugin reads --basetemp
def pytest_configure(config: pytest.Config) -> None:
    keep_scratch_in_memory(config)


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


_SEEDED: dict[frozenset[tuple[str, str]], Path] = {}
_SEEDED_ROOT = tempfile.TemporaryDirectory(prefix="motcua-e2e-seeded-")


def _migrated_and_seeded(env: dict[str, str], data_dir: Path) -> None:
    """What `motcua migrate` and `motcua seed` make in `data_dir`: done once per session (and per settings),
    in a folder of its own, then copied; two fewer processes to start for every fresh server."""
    settings = frozenset((k, v) for k, v in env.items() if k.startswith("MOTCUA_") and k != "MOTCUA_DATA_DIR")
    if settings not in _SEEDED:
        seeded = Path(_SEEDED_ROOT.name) / str(len(_SEEDED))
        seeded_env = {**env, "MOTCUA_DATA_DIR": str(seeded)}
        _motcua(seeded_env, "migrate")
        _motcua(seeded_env, "seed")
        _SEEDED[settings] = seeded
    shutil.copytree(_SEEDED[settings], data_dir, dirs_exist_ok=True)


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
        self.env.update(FAST_PASSWORDS)
        self.env.update(settings or {})
        _migrated_and_seeded(self.env, data_dir)
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

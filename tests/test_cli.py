"""The `motcua` command as a newcomer runs it: migrate, seed and create the demo account, repeatedly."""

from __future__ import annotations

import importlib
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from backend.accounts.rules import Role
from backend.accounts.service import check_password, create_staff
from backend.accounts.tables import Staff
from backend.catalogue.tables import CatalogueState, Procedure
from backend.settings import DEMO_CATALOGUE_DIR, Settings
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.usefixtures("db")


async def test_migrate_is_safe_to_run_again(settings_env: dict[str, str], settings: Settings) -> None:
    result = run_cli(settings_env, "migrate")
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


async def test_seed_twice_loads_the_demo_catalogue_once(settings_env: dict[str, str], settings: Settings) -> None:
    first = run_cli(settings_env, "seed")
    assert first.returncode == 0, first.stderr
    assert "catalogue version 1" in first.stdout
    second = run_cli(settings_env, "seed")
    assert "already up to date" in second.stdout
    assert await Procedure.count() >= 10


async def test_seed_reports_a_broken_folder_and_fails(settings_env: dict[str, str], tmp_path: object) -> None:
    result = run_cli(settings_env, "seed", "--dir", str(tmp_path))
    assert result.returncode == 1
    assert "catalogue.yaml" in result.stderr


DEMO_LINE = re.compile(r"^Demo staff login \((\w+)\) / Tài khoản cán bộ minh họa: (\S+) / (\S+) at (\S+)$")


def _logins(result: subprocess.CompletedProcess[str]) -> dict[str, tuple[str, str, str]]:
    """The printed demo logins by username: (role, password, staff app address)."""
    assert result.returncode == 0, result.stderr
    lines = [DEMO_LINE.match(line) for line in result.stdout.strip().splitlines()]
    assert all(lines), result.stdout
    return {m[2]: (m[1], m[3], m[4]) for m in lines if m}


def _login(result: subprocess.CompletedProcess[str]) -> tuple[str, str]:
    """The demo officer's login."""
    return "canbo.demo", _logins(result)["canbo.demo"][1]


def _real_catalogue(tmp_path: Path) -> Path:
    """The demo catalogue's files as a province would publish them: the same data, not marked demo."""
    folder = tmp_path / "real"
    shutil.copytree(DEMO_CATALOGUE_DIR, folder)
    index = folder / "catalogue.yaml"
    text = index.read_text(encoding="utf-8")
    assert "demo: true" in text
    index.write_text(text.replace("demo: true", "demo: false"), encoding="utf-8")
    return folder


async def test_demo_staff_login_is_printed_and_stable(settings_env: dict[str, str], settings: Settings) -> None:
    assert run_cli(settings_env, "seed").returncode == 0
    username, password = _login(run_cli(settings_env, "create-staff", "--demo"))
    assert username == "canbo.demo" and len(password) >= 12
    second = run_cli(settings_env, "create-staff", "--demo")
    assert _login(second) == (username, password)
    assert await Staff.count() == 3
    assert await check_password(username, password)
    login_file = settings.data_dir / "demo-login.txt"
    assert login_file.stat().st_mode & 0o077 == 0, "the demo password file is readable by others"
    login_file.unlink()


async def test_the_demo_account_is_an_officer_never_an_admin(settings_env: dict[str, str], settings: Settings) -> None:
    assert run_cli(settings_env, "seed").returncode == 0
    _login(run_cli(settings_env, "create-staff", "--demo"))
    row = await Staff.select(Staff.role, Staff.demo).where(Staff.username == "canbo.demo").first()
    assert row == {"role": "officer", "demo": True}
    (settings.data_dir / "demo-login.txt").unlink()


async def test_one_demo_account_per_role_but_admin_each_on_its_own_line(
    settings_env: dict[str, str], settings: Settings
) -> None:
    assert run_cli(settings_env, "seed").returncode == 0
    env = {**settings_env, "MOTCUA_PORT": "8123"}
    logins = _logins(run_cli(env, "create-staff", "--demo"))
    assert {u: role for u, (role, _, _) in logins.items()} == {
        "canbo.demo": "officer",
        "chuyenvien.demo": "specialist",
        "lanhdao.demo": "leader",
    }
    assert {url for _, _, url in logins.values()} == {"http://127.0.0.1:8123/staff/"}
    assert len({password for _, password, _ in logins.values()}) == 3
    rows = await Staff.select(Staff.username, Staff.role, Staff.agency_code, Staff.demo, Staff.must_change_password)
    assert all(r["demo"] and r["agency_code"] == "H12.41.01" and not r["must_change_password"] for r in rows)
    assert "admin" not in {r["role"] for r in rows}
    for username, (_, password, _) in logins.items():
        assert await check_password(username, password), username
    public = _logins(run_cli({**env, "MOTCUA_PUBLIC_URL": "https://motcua.example"}, "create-staff", "--demo"))
    assert {url for _, _, url in public.values()} == {"https://motcua.example/staff/"}
    assert {u: p for u, (_, p, _) in public.items()} == {u: p for u, (_, p, _) in logins.items()}
    (settings.data_dir / "demo-login.txt").unlink()


async def test_a_demo_account_taken_back_gets_a_new_password_and_the_others_keep_theirs(
    settings_env: dict[str, str], settings: Settings
) -> None:
    assert run_cli(settings_env, "seed").returncode == 0
    before = _logins(run_cli(settings_env, "create-staff", "--demo"))
    await Staff.update({Staff.active: False}).where(Staff.username == "lanhdao.demo")
    after = _logins(run_cli(settings_env, "create-staff", "--demo"))
    assert after["canbo.demo"] == before["canbo.demo"]
    assert after["chuyenvien.demo"] == before["chuyenvien.demo"]
    assert after["lanhdao.demo"][1] != before["lanhdao.demo"][1]
    assert await check_password("lanhdao.demo", after["lanhdao.demo"][1])
    (settings.data_dir / "demo-login.txt").unlink()


async def test_no_demo_account_without_the_demo_catalogue(settings_env: dict[str, str]) -> None:
    result = run_cli(settings_env, "create-staff", "--demo")
    assert result.returncode == 1
    assert "demo catalogue" in result.stderr
    assert await Staff.count() == 0


async def test_a_real_catalogue_disables_the_demo_account(
    settings_env: dict[str, str], settings: Settings, tmp_path: Path
) -> None:
    assert run_cli(settings_env, "seed").returncode == 0
    username, password = _login(run_cli(settings_env, "create-staff", "--demo"))
    real = run_cli(settings_env, "seed", "--dir", str(_real_catalogue(tmp_path)))
    assert real.returncode == 0, real.stderr
    assert "demo accounts disabled" in real.stdout
    assert all(name in real.stdout for name in ("canbo.demo", "chuyenvien.demo", "lanhdao.demo"))
    assert not await check_password(username, password)
    assert await Staff.select(Staff.active).where(Staff.username == username).first() == {"active": False}
    again = run_cli(settings_env, "create-staff", "--demo")
    assert again.returncode == 1, "a demo login must not come back while a real catalogue is loaded"
    assert not await check_password(username, password)
    (settings.data_dir / "demo-login.txt").unlink()


async def test_the_demo_catalogue_never_replaces_a_real_one(settings_env: dict[str, str], tmp_path: Path) -> None:
    assert run_cli(settings_env, "seed", "--dir", str(_real_catalogue(tmp_path))).returncode == 0
    result = run_cli(settings_env, "seed")
    assert result.returncode == 1
    assert "real catalogue" in result.stderr
    assert await CatalogueState.select(CatalogueState.demo).first() == {"demo": False}


async def test_an_old_admin_demo_account_becomes_a_demo_officer(
    settings_env: dict[str, str], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The migration that brought the demo flag takes back the admin role `make run` used to give."""
    for name, value in {**settings_env, "PICCOLO_CONF": "backend.piccolo_conf"}.items():
        monkeypatch.setenv(name, value)
    await create_staff("canbo.demo", "Cán bộ minh họa", "mat-khau-du-dai-123", Role.ADMIN, "H12.41.01")
    await create_staff("quan.tri", "Quản trị", "mat-khau-du-dai-456", Role.ADMIN, "H12.41.01")
    migration = importlib.import_module("migrations.motcua_2026_12_01t05_05_06_000000")
    manager = await migration.forwards()
    for step in manager.raw:
        await step()
    rows = await Staff.select(Staff.username, Staff.role, Staff.demo).order_by(Staff.username)
    assert rows == [
        {"username": "canbo.demo", "role": "officer", "demo": True},
        {"username": "quan.tri", "role": "admin", "demo": False},
    ]


def test_serve_prints_the_address_it_really_listens_on(settings_env: dict[str, str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_") and k != "DATABASE_URL"}
    env.update(settings_env)
    env["MOTCUA_PORT"] = str(port)
    server = subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "serve"], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        ready, _, _ = select.select([server.stdout], [], [], 30)
        assert ready, "motcua serve printed no address"
        first = server.stdout.readline()
        assert f"http://127.0.0.1:{port} " in first
        assert "8000" not in first
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer at the address it printed"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)


async def test_create_staff_reads_the_password_from_stdin(settings_env: dict[str, str]) -> None:
    result = run_cli(
        settings_env,
        "create-staff",
        "--username",
        "hoang.giang",
        "--full-name",
        "Hoàng Giang",
        "--role",
        "specialist",
        "--agency",
        "H12.42.01",
        "--password-stdin",
        stdin="mat-khau-du-dai-123\n",
    )
    assert result.returncode == 0, result.stderr
    assert await Staff.select(Staff.role).where(Staff.username == "hoang.giang").first() == {"role": "specialist"}


async def test_create_staff_refuses_a_weak_password(settings_env: dict[str, str]) -> None:
    result = run_cli(
        settings_env,
        "create-staff",
        "--username",
        "yeu.qua",
        "--full-name",
        "Yếu",
        "--agency",
        "H12.41.01",
        "--password-stdin",
        stdin="123\n",
    )
    assert result.returncode == 1
    assert "at least 12 characters" in result.stderr

"""The `motcua` command as a newcomer runs it: migrate, seed and create the demo account, repeatedly."""

from __future__ import annotations

import pytest

from backend.accounts.tables import Staff
from backend.catalogue.tables import Procedure
from backend.settings import Settings
from tests.conftest import run_cli

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


async def test_demo_staff_login_is_printed_and_stable(settings_env: dict[str, str], settings: Settings) -> None:
    first = run_cli(settings_env, "create-staff", "--demo")
    assert first.returncode == 0, first.stderr
    login = first.stdout.strip().rsplit(": ", 1)[1]
    username, password = login.split(" / ")
    assert username == "canbo.demo" and len(password) >= 12
    second = run_cli(settings_env, "create-staff", "--demo")
    assert second.stdout == first.stdout
    assert await Staff.count() == 1
    login_file = settings.data_dir / "demo-login.txt"
    assert login_file.stat().st_mode & 0o077 == 0, "the demo password file is readable by others"
    login_file.unlink()


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
        "H12.22.06",
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
        "H12.22.05",
        "--password-stdin",
        stdin="123\n",
    )
    assert result.returncode == 1
    assert "at least 12 characters" in result.stderr

"""Settings: read from the environment once, with safe defaults, every one documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.db import UnsupportedDatabase, make_engine, postgres_config
from backend.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _env_name(field: str) -> str:
    return "DATABASE_URL" if field == "database_url" else f"MOTCUA_{field.upper()}"


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented_in_the_readme(field: str) -> None:
    assert f"`{_env_name(field)}`" in README


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MOTCUA_PORT", "9001")
    monkeypatch.setenv("DATABASE_URL", "postgresql://me:pa%40ss@db.example:6543/motcua")
    settings = Settings()
    assert settings.data_dir == tmp_path and settings.port == 9001
    assert settings.uses_postgres
    assert postgres_config(settings.database_url or "") == {
        "host": "db.example",
        "port": 6543,
        "user": "me",
        "password": "pa@ss",
        "database": "motcua",
    }


def test_the_default_database_is_a_sqlite_file_in_the_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings(data_dir=tmp_path / "data")
    assert not settings.uses_postgres
    assert settings.sqlite_path == tmp_path / "data" / "motcua.sqlite"
    make_engine(settings)
    assert (tmp_path / "data").is_dir()


def test_an_unsupported_database_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedDatabase):
        make_engine(Settings(data_dir=tmp_path, database_url="mysql://root@localhost/motcua"))


def test_trusted_proxies_are_addresses_or_networks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_TRUSTED_PROXIES", " 10.0.0.5, 192.168.0.0/16 ,::1,")
    assert Settings().trusted_proxy_list == ["10.0.0.5", "192.168.0.0/16", "::1"]
    monkeypatch.setenv("MOTCUA_TRUSTED_PROXIES", "")
    assert Settings().trusted_proxy_list == []
    for wrong in ("proxy.example", "*", "10.0.0.0/33"):
        monkeypatch.setenv("MOTCUA_TRUSTED_PROXIES", wrong)
        with pytest.raises(ValueError, match="not an IP address or network"):
            Settings()


def test_passwords_cost_argon2_cffis_defaults_unless_lowered() -> None:
    production = Settings()
    assert (production.password_time_cost, production.password_memory_kib, production.password_parallelism) == (
        3,
        64 * 1024,
        4,
    )
    with pytest.raises(ValueError, match="8 KiB per lane"):
        Settings(password_memory_kib=16, password_parallelism=4)

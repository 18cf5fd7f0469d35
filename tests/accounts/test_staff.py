"""Staff accounts: argon2 hashes only, sane usernames and passwords, no duplicates."""

from __future__ import annotations

import argon2
import pytest

from backend.accounts import service
from backend.accounts.rules import Role
from backend.accounts.tables import Staff
from backend.settings import Settings

pytestmark = pytest.mark.usefixtures("db")

PASSWORD = "mot-cua-rat-an-toan"


async def test_a_created_account_stores_an_argon2_hash_never_the_password() -> None:
    await service.create_staff("nguyen.an", "Nguyễn Văn An", PASSWORD, Role.OFFICER, "H12.41.01")
    row = await Staff.select(Staff.password_hash, Staff.role).where(Staff.username == "nguyen.an").first()
    assert row is not None
    assert row["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in row["password_hash"]
    assert row["role"] == "officer"


async def test_production_hashes_are_argon2id_at_rfc_9106_low_memory_costs(production_passwords: Settings) -> None:
    await service.create_staff("nguyen.an", "Nguyễn Văn An", PASSWORD, Role.OFFICER, "H12.41.01")
    row = await Staff.select(Staff.password_hash).where(Staff.username == "nguyen.an").first()
    assert row is not None
    made = argon2.extract_parameters(row["password_hash"])
    # RFC 9106's second recommended option: 3 passes over 64 MiB in 4 lanes, 16-byte salt, 32-byte hash.
    assert (made.type, made.time_cost, made.memory_cost, made.parallelism) == (argon2.Type.ID, 3, 65536, 4)
    assert (made.salt_len, made.hash_len) == (16, 32)
    assert await service.check_password("nguyen.an", PASSWORD)


async def test_the_suite_hashes_at_the_costs_its_settings_lower(settings: Settings) -> None:
    await service.create_staff("tran.binh", "Trần Thị Bình", PASSWORD, Role.LEADER, "H12.41")
    row = await Staff.select(Staff.password_hash).where(Staff.username == "tran.binh").first()
    assert row is not None
    made = argon2.extract_parameters(row["password_hash"])
    assert (made.type, made.time_cost, made.memory_cost, made.parallelism) == (argon2.Type.ID, 1, 8, 1)
    assert (settings.password_time_cost, settings.password_memory_kib, settings.password_parallelism) == (1, 8, 1)


async def test_the_right_password_is_accepted_and_a_wrong_one_refused() -> None:
    await service.create_staff("tran.binh", "Trần Thị Bình", PASSWORD, Role.LEADER, "H12.41")
    assert await service.check_password("tran.binh", PASSWORD)
    assert not await service.check_password("tran.binh", PASSWORD + "x")
    assert not await service.check_password("khong.co", PASSWORD)


async def test_a_short_password_is_refused() -> None:
    with pytest.raises(service.InvalidStaffAccount):
        await service.create_staff("le.cuong", "Lê Cường", "ngan", Role.OFFICER, "H12.41.01")


async def test_a_username_with_spaces_or_diacritics_is_refused() -> None:
    with pytest.raises(service.InvalidStaffAccount):
        await service.create_staff("Lê Cường", "Lê Cường", PASSWORD, Role.OFFICER, "H12.41.01")


async def test_the_same_username_cannot_be_taken_twice() -> None:
    await service.create_staff("pham.dung", "Phạm Dũng", PASSWORD, Role.OFFICER, "H12.41.01")
    with pytest.raises(service.StaffExists) as caught:
        await service.create_staff("pham.dung", "Phạm Dũng", PASSWORD, Role.OFFICER, "H12.41.01")
    assert caught.value.status == 409
    assert "pham.dung" in caught.value.messages()["vi"]


async def test_a_disabled_account_cannot_sign_in() -> None:
    await service.create_staff("vo.em", "Võ Em", PASSWORD, Role.OFFICER, "H12.41.01")
    await Staff.update({Staff.active: False}).where(Staff.username == "vo.em")
    assert not await service.check_password("vo.em", PASSWORD)

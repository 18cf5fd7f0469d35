"""Staff accounts: argon2 hashes only, sane usernames and passwords, no duplicates."""

from __future__ import annotations

import pytest

from backend.accounts import service
from backend.accounts.rules import Role
from backend.accounts.tables import Staff

pytestmark = pytest.mark.usefixtures("db")

PASSWORD = "mot-cua-rat-an-toan"


async def test_a_created_account_stores_an_argon2_hash_never_the_password() -> None:
    await service.create_staff("nguyen.an", "Nguyễn Văn An", PASSWORD, Role.OFFICER, "H12.41.01")
    row = await Staff.select(Staff.password_hash, Staff.role).where(Staff.username == "nguyen.an").first()
    assert row is not None
    assert row["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in row["password_hash"]
    assert row["role"] == "officer"


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

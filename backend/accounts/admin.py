"""Use cases of the administrator (quản trị): listing, creating and changing staff accounts, and resetting a
password to a temporary one the account must replace at its next sign-in."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from backend.accounts import service, sessions
from backend.accounts.rules import Principal, Role
from backend.accounts.schemas import AccountChange, AccountIn, StaffAccount
from backend.accounts.tables import Staff
from backend.errors import DomainError, NotFound

_ACCOUNT_COLUMNS = (
    Staff._meta.primary_key,
    Staff.username,
    Staff.full_name,
    Staff.role,
    Staff.agency_code,
    Staff.active,
    Staff.demo,
    Staff.created_at,
    Staff.last_login_at,
)


class StaffNotFound(NotFound):
    message_vi = "Không có tài khoản cán bộ «{username}»."
    message_en = "There is no staff account “{username}”."


class OwnAccount(DomainError):
    status = 409
    code = "own_account"
    message_vi = "Không thể tự khóa hoặc tự hạ quyền tài khoản quản trị của chính mình."
    message_en = "You cannot deactivate or demote your own administrator account."


def _account(row: dict[str, Any]) -> StaffAccount:
    return StaffAccount(
        username=row["username"],
        full_name=row["full_name"],
        role=Role(row["role"]),
        agency_code=row["agency_code"],
        active=bool(row["active"]),
        demo=bool(row["demo"]),
        created_at=row["created_at"],
        last_login_at=row["last_login_at"],
    )


async def _row(username: str) -> dict[str, Any]:
    row = await Staff.select(*_ACCOUNT_COLUMNS).where(Staff.username == username).first()
    if row is None:
        raise StaffNotFound(username=username)
    return row


def _check_agency(code: str, known: Collection[str]) -> None:
    if code not in known:
        raise service.InvalidStaffAccount(problem=f"unknown agency {code}")


async def accounts() -> list[StaffAccount]:
    """Every account (the administrator of the province sees them all, for now)."""
    rows = await Staff.select(*_ACCOUNT_COLUMNS).order_by(Staff.username)
    return [_account(r) for r in rows]


async def create_account(data: AccountIn, known_agencies: Collection[str]) -> tuple[StaffAccount, str]:
    """A new account with a temporary password, shown once, to be replaced at the first sign-in."""
    _check_agency(data.agency_code, known_agencies)
    password = service.generate_password()
    await service.create_staff(
        data.username, data.full_name, password, data.role, data.agency_code, must_change_password=True
    )
    return _account(await _row(data.username)), password


def _changes(actor: Principal, row: dict[str, Any], change: AccountChange, known: Collection[str]) -> dict[Any, Any]:
    own = row["id"] == actor.staff_id
    if own and (change.active is False or (change.role is not None and change.role is not Role.ADMIN)):
        raise OwnAccount()
    if row["demo"] and change.role is Role.ADMIN:
        raise service.InvalidStaffAccount(problem="a demo account never holds the admin role")
    if change.agency_code is not None and change.agency_code != row["agency_code"]:
        _check_agency(change.agency_code, known)
    values = {
        Staff.full_name: change.full_name,
        Staff.role: change.role.value if change.role else None,
        Staff.agency_code: change.agency_code,
        Staff.active: change.active,
    }
    return {column: value for column, value in values.items() if value is not None}


async def update_account(
    actor: Principal, username: str, change: AccountChange, known_agencies: Collection[str]
) -> StaffAccount:
    """Changes what was sent; deactivating an account ends its sessions at once."""
    row = await _row(username)
    values = _changes(actor, row, change, known_agencies)
    if values:
        await Staff.update(values).where(Staff._meta.primary_key == row["id"])
    if change.active is False:
        await sessions.end_sessions(int(row["id"]))
    return _account(await _row(username))


async def reset_password(username: str) -> str:
    """A new temporary password; the account's sessions end (a reset often follows a leak)."""
    row = await _row(username)
    password = service.generate_password()
    await Staff.update(
        {Staff.password_hash: await service.hash_password(password), Staff.must_change_password: True}
    ).where(Staff._meta.primary_key == row["id"])
    await sessions.end_sessions(int(row["id"]))
    return password

"""Use cases of staff accounts: creating one, hashing and checking passwords, and the demo accounts that
exist only while the demo catalogue is loaded."""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

from backend.accounts.rules import Role, password_problem, username_problem
from backend.accounts.tables import Staff, StaffSession
from backend.errors import DomainError
from backend.settings import Settings


class _Hashing:
    """The hasher of this process: argon2-cffi's defaults until `use_password_costs` (settings) says otherwise."""

    hasher = PasswordHasher()


def use_password_costs(settings: Settings) -> None:
    """Hashes made from now on take the argon2id costs of `settings`; older hashes keep verifying."""
    _Hashing.hasher = PasswordHasher(
        time_cost=settings.password_time_cost,
        memory_cost=settings.password_memory_kib,
        parallelism=settings.password_parallelism,
    )
    _absent_hash.cache_clear()


class InvalidStaffAccount(DomainError):
    status = 422
    code = "invalid_staff_account"
    message_vi = "Tài khoản cán bộ không hợp lệ: {problem}"
    message_en = "The staff account is not valid: {problem}"


class StaffExists(DomainError):
    status = 409
    code = "staff_exists"
    message_vi = "Tên đăng nhập «{username}» đã tồn tại."
    message_en = "The username “{username}” is already taken."


def generate_password() -> str:
    return secrets.token_urlsafe(12)


@cache
def _absent_hash() -> str:
    """A hash no password opens, verified when there is no account: unknown usernames cost the same time."""
    return _Hashing.hasher.hash(secrets.token_urlsafe(32))


async def hash_password(password: str) -> str:
    # argon2 takes tens of milliseconds of CPU on purpose: off the event loop, other requests go on.
    return await asyncio.to_thread(_Hashing.hasher.hash, password)


def _verify(stored_hash: str | None, password: str) -> bool:
    try:
        return _Hashing.hasher.verify(stored_hash or _absent_hash(), password) and stored_hash is not None
    except VerificationError:
        return False


async def verify_password(stored_hash: str | None, password: str) -> bool:
    """Checks `password` against an account's hash, or against a stand-in when there is no account."""
    return await asyncio.to_thread(_verify, stored_hash, password)


def needs_rehash(stored_hash: str) -> bool:
    """The hash was made with other costs than new hashes take (weaker ones, from an older version)."""
    return _Hashing.hasher.check_needs_rehash(stored_hash)


async def create_staff(
    username: str,
    full_name: str,
    password: str,
    role: Role,
    agency_code: str,
    *,
    demo: bool = False,
    must_change_password: bool = False,
) -> int:
    problem = username_problem(username) or password_problem(password)
    if problem:
        raise InvalidStaffAccount(problem=problem)
    if demo and role is Role.ADMIN:
        raise InvalidStaffAccount(problem="a demo account never holds the admin role")
    if await Staff.exists().where(Staff.username == username):
        raise StaffExists(username=username)
    rows = await Staff.insert(
        Staff(
            username=username,
            full_name=full_name,
            password_hash=_Hashing.hasher.hash(password),
            role=role.value,
            agency_code=agency_code,
            created_at=dt.datetime.now(dt.UTC),
            demo=demo,
            must_change_password=must_change_password,
        )
    ).returning(Staff._meta.primary_key)
    return int(rows[0]["id"])


async def staff_exists(username: str) -> bool:
    return bool(await Staff.exists().where(Staff.username == username))


async def is_active(username: str, role: Role, agency_code: str) -> bool:
    """Whether `username` is an active account of `role` at `agency_code` (a handler the head may assign)."""
    return bool(
        await Staff.exists().where(
            Staff.username == username,
            Staff.role == role.value,
            Staff.agency_code == agency_code,
            Staff.active.eq(True),
        )
    )


async def colleagues(agency_code: str) -> list[tuple[str, str, Role]]:
    """The active staff of an agency as (username, full name, role), by name: whom its dossiers may be with."""
    rows = await (
        Staff.select(Staff.username, Staff.full_name, Staff.role)
        .where(Staff.agency_code == agency_code, Staff.active.eq(True))
        .order_by(Staff.full_name)
        .order_by(Staff.username)
    )
    return [(r["username"], r["full_name"], Role(r["role"])) for r in rows]


async def full_names(usernames: list[str]) -> dict[str, str]:
    """Full names by username (accounts since disabled too: the papers they signed still name them)."""
    wanted = sorted({u for u in usernames if u})
    if not wanted:
        return {}
    rows = await Staff.select(Staff.username, Staff.full_name).where(Staff.username.is_in(wanted))
    return {r["username"]: r["full_name"] for r in rows}


async def staff_id(username: str) -> int | None:
    """The account's id (accounts since disabled too: what they did still names them); None for no account."""
    if not username:
        return None
    row = await Staff.select(Staff._meta.primary_key).where(Staff.username == username).first()
    return None if row is None else int(row["id"])


async def check_password(username: str, password: str) -> bool:
    row = await Staff.select(Staff.password_hash).where(Staff.username == username, Staff.active.eq(True)).first()
    return await verify_password(row["password_hash"] if row else None, password)


async def set_password(username: str, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise InvalidStaffAccount(problem=problem)
    await Staff.update({Staff.password_hash: _Hashing.hasher.hash(password)}).where(Staff.username == username)


async def demo_staff_ready(username: str, role: Role) -> bool:
    """The demo account exists, can sign in, and is still the demo account it should be."""
    return bool(
        await Staff.exists().where(
            Staff.username == username, Staff.demo.eq(True), Staff.active.eq(True), Staff.role == role.value
        )
    )


async def enable_demo_staff(username: str, full_name: str, password: str, role: Role, agency_code: str) -> None:
    """Creates the demo account, or takes back one that exists (reactivated, demoted, new password)."""
    if not await staff_exists(username):
        await create_staff(username, full_name, password, role, agency_code, demo=True)
        return
    if role is Role.ADMIN:
        raise InvalidStaffAccount(problem="a demo account never holds the admin role")
    problem = password_problem(password)
    if problem:
        raise InvalidStaffAccount(problem=problem)
    await Staff.update(
        {
            Staff.password_hash: _Hashing.hasher.hash(password),
            Staff.role: role.value,
            Staff.agency_code: agency_code,
            Staff.active: True,
            Staff.demo: True,
            Staff.must_change_password: False,
        }
    ).where(Staff.username == username)


async def retire_demo_staff() -> list[str]:
    """Disables every demo account (a real catalogue is loaded): no sign-in, and the password is gone."""
    rows = await Staff.select(Staff._meta.primary_key, Staff.username).where(Staff.demo.eq(True), Staff.active.eq(True))
    if rows:
        unusable = _Hashing.hasher.hash(secrets.token_urlsafe(32))
        await Staff.update({Staff.active: False, Staff.password_hash: unusable}).where(Staff.demo.eq(True))
        await StaffSession.delete().where(StaffSession.staff.is_in([r["id"] for r in rows]))
    return [r["username"] for r in rows]

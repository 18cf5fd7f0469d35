"""Use cases of staff sessions: signing in (limited per account and per client address), the session a
cookie opens, signing out, changing one's password, and ending an account's sessions."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass
from typing import Any

from backend.accounts import service
from backend.accounts.rules import Principal, Role, SessionPolicy, password_problem, token_hash
from backend.accounts.tables import Staff, StaffSession
from backend.errors import DomainError
from backend.limits.rules import Backoff, LimitReached, counter_key
from backend.limits.service import Counters

log = logging.getLogger(__name__)
# Failed sign-ins of one username, from anywhere: five free, then 30 s, 1 min, 2 min ... up to 15 min between
# attempts; forgotten after a day without one. A growing wait, never a lock: a guesser cannot lock an officer
# out for the day, and at 15 min per try cannot get far either. The per-address budget is a setting.
LOGIN_BACKOFF = Backoff(free=5, first=30, cap=15 * 60, forget_after=24 * 3600)


class InvalidLogin(DomainError):
    """One answer for an unknown username, a wrong password and a disabled account."""

    status = 401
    code = "invalid_login"
    message_vi = "Tên đăng nhập hoặc mật khẩu không đúng."
    message_en = "The username or password is wrong."


class NotAuthenticated(DomainError):
    status = 401
    code = "not_authenticated"
    message_vi = "Vui lòng đăng nhập."
    message_en = "Please sign in."


class WrongPassword(DomainError):
    status = 403
    code = "wrong_password"
    message_vi = "Mật khẩu hiện tại không đúng."
    message_en = "The current password is wrong."


class LoginPaused(LimitReached):
    message_vi = "Đăng nhập quá nhiều lần; vui lòng thử lại sau {seconds} giây."
    message_en = "Too many sign-in attempts; please try again in {seconds} seconds."


def _utc(now: dt.datetime) -> dt.datetime:
    """Times are stored in UTC: SQLite compares them as text, which only works in one offset."""
    return now.astimezone(dt.UTC)


@dataclass(frozen=True)
class Opened:
    """A new session: `token` goes in the cookie and nowhere else."""

    token: str
    principal: Principal


_PRINCIPAL_COLUMNS = (
    StaffSession.id_hash,
    StaffSession.csrf_token,
    StaffSession.last_seen_at,
    StaffSession.expires_at,
    StaffSession.staff.id.as_alias("staff_id"),
    StaffSession.staff.username.as_alias("username"),
    StaffSession.staff.full_name.as_alias("full_name"),
    StaffSession.staff.role.as_alias("role"),
    StaffSession.staff.agency_code.as_alias("agency_code"),
    StaffSession.staff.must_change_password.as_alias("must_change_password"),
    StaffSession.staff.active.as_alias("active"),
)


def _principal(row: dict[str, Any]) -> Principal:
    return Principal(
        staff_id=int(row["staff_id"]),
        username=row["username"],
        full_name=row["full_name"],
        role=Role(row["role"]),
        agency_code=row["agency_code"],
        must_change_password=bool(row["must_change_password"]),
        session_hash=row["id_hash"],
        csrf_token=row["csrf_token"],
    )


async def _admit(username: str, client: str, counters: Counters, now: dt.datetime, per_minute: int) -> str:
    """Counts this attempt against the client address's budget and the username's back-off; returns the
    back-off's key, to forget when the password is right."""
    verdict = await counters.hit(counter_key("staff-login", client), 60, per_minute, now)
    if not verdict.allowed:
        raise LoginPaused(verdict)
    # Counted for unknown usernames too, so the back-off does not tell which accounts exist.
    key = counter_key("staff-login-failures", username)
    verdict = await counters.attempt(key, LOGIN_BACKOFF, now)
    if not verdict.allowed:
        raise LoginPaused(verdict)
    return key


async def _verified(username: str, password: str) -> dict[str, Any]:
    row = (
        await Staff.select(Staff._meta.primary_key, Staff.password_hash, Staff.active)
        .where(Staff.username == username)
        .first()
    )
    # Verified whatever the account: unknown, disabled and wrong all take one argon2 verification.
    right = await service.verify_password(row["password_hash"] if row else None, password)
    if row is None or not right or not row["active"]:
        raise InvalidLogin()
    if service.needs_rehash(row["password_hash"]):
        await Staff.update({Staff.password_hash: await service.hash_password(password)}).where(
            Staff._meta.primary_key == row["id"]
        )
    return row


async def _open(staff_id: int, now: dt.datetime, policy: SessionPolicy) -> str:
    token = secrets.token_urlsafe(32)  # 256 bits
    await StaffSession.insert(
        StaffSession(
            id_hash=token_hash(token),
            staff=staff_id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
            expires_at=now + policy.absolute,
        )
    )
    return token


async def login(
    username: str,
    password: str,
    *,
    replacing: str | None,
    client: str,
    counters: Counters,
    now: dt.datetime,
    policy: SessionPolicy,
    per_minute: int,
) -> Opened:
    """Signs in with a new session id, always (a session id known before sign-in is never the one after:
    `replacing`, the cookie sent with the request, is ended)."""
    username, now = username.strip().lower(), _utc(now)
    attempt = await _admit(username, client, counters, now, per_minute)
    row = await _verified(username, password)
    await counters.forget(attempt)
    if replacing:
        await StaffSession.delete().where(StaffSession.id_hash == token_hash(replacing))
    await StaffSession.delete().where(StaffSession.expires_at <= now)  # sweep: sign-ins are rare enough
    await Staff.update({Staff.last_login_at: now}).where(Staff._meta.primary_key == row["id"])
    token = await _open(int(row["id"]), now, policy)
    principal = await current(token, now, policy)
    assert principal is not None, "a session just opened is alive"
    log.info("staff signed in", extra={"username": username, "client": client})
    return Opened(token=token, principal=principal)


async def current(token: str | None, now: dt.datetime, policy: SessionPolicy) -> Principal | None:
    """The staff member the session `token` belongs to, while it is alive and the account active."""
    if not token:
        return None
    now = _utc(now)
    row = await StaffSession.select(*_PRINCIPAL_COLUMNS).where(StaffSession.id_hash == token_hash(token)).first()
    if row is None:
        return None
    if not row["active"] or not policy.alive(row["last_seen_at"], row["expires_at"], now):
        await StaffSession.delete().where(StaffSession.id_hash == row["id_hash"])
        return None
    if policy.needs_touch(row["last_seen_at"], now):
        await StaffSession.update({StaffSession.last_seen_at: now}).where(StaffSession.id_hash == row["id_hash"])
    return _principal(row)


async def logout(principal: Principal) -> None:
    await StaffSession.delete().where(StaffSession.id_hash == principal.session_hash)


async def end_sessions(staff_id: int, *, keep: str | None = None) -> None:
    """Ends every session of the account, except the one whose hash is `keep`."""
    query = StaffSession.delete().where(StaffSession.staff == staff_id)
    if keep:
        query = query.where(StaffSession.id_hash != keep)
    await query


async def change_password(
    principal: Principal, current_password: str, new_password: str, *, counters: Counters, now: dt.datetime
) -> None:
    """A wrong current password counts as a failed sign-in (a borrowed session cannot guess it freely);
    every other session of the account ends."""
    attempt = await _admit_change(principal.username, counters, now)
    row = await Staff.select(Staff.password_hash).where(Staff._meta.primary_key == principal.staff_id).first()
    if row is None or not await service.verify_password(row["password_hash"], current_password):
        raise WrongPassword()
    await counters.forget(attempt)
    # The same password again would let a temporary one (shown to the administrator) stay in use.
    problem = password_problem(new_password) or (
        "the new password must differ" if new_password == current_password else None
    )
    if problem:
        raise service.InvalidStaffAccount(problem=problem)
    await Staff.update(
        {Staff.password_hash: await service.hash_password(new_password), Staff.must_change_password: False}
    ).where(Staff._meta.primary_key == principal.staff_id)
    await end_sessions(principal.staff_id, keep=principal.session_hash)


async def _admit_change(username: str, counters: Counters, now: dt.datetime) -> str:
    key = counter_key("staff-login-failures", username)
    verdict = await counters.attempt(key, LOGIN_BACKOFF, now)
    if not verdict.allowed:
        raise LoginPaused(verdict)
    return key

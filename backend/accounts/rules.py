"""Staff roles, account rules and session arithmetic, with no I/O."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

USERNAME = re.compile(r"^[a-z0-9._-]{3,40}$")
MIN_PASSWORD_LENGTH = 12


class Role(StrEnum):
    """What a staff member may do at the one-stop counter."""

    OFFICER = "officer"  # cán bộ tiếp nhận và trả kết quả: receives dossiers, returns results
    SPECIALIST = "specialist"  # chuyên viên xử lý: handles a dossier
    LEADER = "leader"  # lãnh đạo: approves, signs
    ADMIN = "admin"  # quản trị: manages accounts and the catalogue


def username_problem(username: str) -> str | None:
    if not USERNAME.match(username):
        return "3-40 characters: lower-case letters, digits, dot, dash or underscore"
    return None


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"at least {MIN_PASSWORD_LENGTH} characters"
    return None


def token_hash(token: str) -> str:
    """What the database keeps of a session id: enough to find the session, useless to open one."""
    return hashlib.sha256(token.encode()).hexdigest()


# A session's last-seen time is written at most this often: idle expiry is exact to within it, and a busy
# counter does not write on every request.
TOUCH_EVERY = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class SessionPolicy:
    """How long a staff session lives: `idle` without a request, `absolute` after sign-in whatever happens."""

    idle: dt.timedelta
    absolute: dt.timedelta

    def alive(self, last_seen_at: dt.datetime, expires_at: dt.datetime, now: dt.datetime) -> bool:
        return now < expires_at and now < last_seen_at + self.idle

    def needs_touch(self, last_seen_at: dt.datetime, now: dt.datetime) -> bool:
        return now - last_seen_at >= TOUCH_EVERY


@dataclass(frozen=True)
class Principal:
    """The signed-in staff member a request acts for, read afresh from the account at every request (so a
    change of role, agency or a deactivation takes effect at once)."""

    staff_id: int
    username: str
    full_name: str
    role: Role
    agency_code: str
    must_change_password: bool
    session_hash: str
    csrf_token: str


class BilingualLike(Protocol):
    @property
    def vi(self) -> str: ...
    @property
    def en(self) -> str: ...


class AgencyLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> BilingualLike: ...


# The agencies staff belong to, as the app shell provides them (accounts do not know the catalogue).
AgencyDirectory = Callable[[], Awaitable[Sequence[AgencyLike]]]

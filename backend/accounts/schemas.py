"""Wire shapes of the staff API (camelCase JSON): sessions, the account itself, the administrator's
account management and the agency pickers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec

from backend.accounts.rules import Role

Username = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
Password = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
FullName = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
AgencyCode = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class TextOut(msgspec.Struct, frozen=True):
    vi: str
    en: str


class StaffMe(msgspec.Struct, frozen=True, rename="camel"):
    username: str
    full_name: str
    role: Role
    agency_code: str
    agency_name: TextOut
    must_change_password: bool


class LoginIn(msgspec.Struct, frozen=True):
    username: Username
    password: Password


class SessionOut(msgspec.Struct, frozen=True, rename="camel"):
    staff: StaffMe
    csrf_token: str


class PasswordChangeIn(msgspec.Struct, frozen=True, rename="camel"):
    current_password: Password
    new_password: Password


class StaffAccount(msgspec.Struct, frozen=True, rename="camel"):
    username: str
    full_name: str
    role: Role
    agency_code: str
    active: bool
    demo: bool
    created_at: dt.datetime
    last_login_at: dt.datetime | None


class AccountsOut(msgspec.Struct, frozen=True):
    accounts: list[StaffAccount]


class AccountIn(msgspec.Struct, frozen=True, rename="camel"):
    username: Username
    full_name: FullName
    role: Role
    agency_code: AgencyCode


class AccountChange(msgspec.Struct, frozen=True, rename="camel"):
    """Only the fields sent change (null or absent: unchanged)."""

    full_name: FullName | None = None
    role: Role | None = None
    agency_code: AgencyCode | None = None
    active: bool | None = None


class AccountOut(msgspec.Struct, frozen=True):
    account: StaffAccount


class AccountCreatedOut(msgspec.Struct, frozen=True, rename="camel"):
    account: StaffAccount
    temporary_password: str


class TemporaryPasswordOut(msgspec.Struct, frozen=True, rename="camel"):
    temporary_password: str


class AgencyOut(msgspec.Struct, frozen=True):
    code: str
    name: TextOut
    kind: str


class AgenciesOut(msgspec.Struct, frozen=True):
    agencies: list[AgencyOut]

"""Helpers of the staff API tests: accounts, a controllable clock, and signing in with the session kept
out of the client's cookie jar (each test says which session a request carries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import httpx

from backend.accounts import service
from backend.accounts.rules import Role

PASSWORD = "mat-khau-du-dai-123"
AGENCY = "H12.41.01"
OTHER_AGENCY = "H12.42.01"


class Clock:
    """`settings.now()` for the app under test: time moves only when the test says so."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def advance(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


async def staff(username: str, role: Role = Role.OFFICER, agency: str = AGENCY, **options: bool) -> str:
    await service.create_staff(username, f"Cán bộ {username}", PASSWORD, role, agency, **options)
    return username


@dataclass(frozen=True)
class Session:
    token: str
    csrf: str
    body: dict[str, Any]

    def headers(self, *, csrf: str | None = None) -> dict[str, str]:
        """The cookie of this session, and a CSRF token (its own unless another is given)."""
        return {"Cookie": f"motcua_staff={self.token}", "X-CSRF-Token": self.csrf if csrf is None else csrf}

    def cookie_only(self) -> dict[str, str]:
        return {"Cookie": f"motcua_staff={self.token}"}


async def login(client: httpx.AsyncClient, username: str, password: str = PASSWORD, **headers: str) -> httpx.Response:
    return await client.post("/api/staff/session", json={"username": username, "password": password}, headers=headers)


async def sign_in(client: httpx.AsyncClient, username: str, password: str = PASSWORD, **headers: str) -> Session:
    response = await login(client, username, password, **headers)
    assert response.status_code == 200, response.text
    token = response.cookies["motcua_staff"]
    client.cookies.clear()
    return Session(token=token, csrf=response.json()["csrfToken"], body=response.json())

"""Statistics tests: the demo catalogue, a clock standing after the periods reported, and a signed-in leader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from backend.accounts.rules import Role
from backend.settings import Settings
from tests.accounts.staffing import Session, sign_in, staff
from tests.factories import seeded

LATER = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)

Report = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture(autouse=True)
def later(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    monkeypatch.setattr(Settings, "now", lambda _: LATER)
    return LATER


async def leader_of(client: httpx.AsyncClient, agency: str, role: Role = Role.LEADER) -> Session:
    return await sign_in(client, await staff(f"ld.{agency.lower().replace('.', '-')}.{role.value}", role, agency))


@pytest.fixture
async def province(client: httpx.AsyncClient) -> Session:
    """A leader of the province (H12): sees every unit of it."""
    await seeded()
    return await leader_of(client, "H12")


@pytest.fixture
def report(client: httpx.AsyncClient, province: Session) -> Report:
    async def get(path: str = "bieu-06", session: Session | None = None, **params: str) -> dict[str, Any]:
        response = await client.get(
            f"/api/staff/statistics/{path}", params=params, headers=(session or province).headers()
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    return get


def row_of(body: dict[str, Any], code: str, depth: int = 1) -> dict[str, Any]:
    return next(r["figures"] for r in body["rows"] if r["code"] == code and r["depth"] == depth)

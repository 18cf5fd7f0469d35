"""Helpers of the counter's tests: a signed-in officer and a dossier submitted to their centre."""

from __future__ import annotations

from typing import Any

import httpx

from backend.accounts.rules import Role
from tests.accounts.staffing import Session, sign_in, staff
from tests.factories import seeded, submitted

MARITAL = "1.004873"  # 3 working days, no photo required: the quickest dossier to make


async def officer(client: httpx.AsyncClient, name: str = "tiep.nhan", role: Role = Role.OFFICER) -> Session:
    return await sign_in(client, await staff(name, role))


async def dossier(client: httpx.AsyncClient, procedure: str = MARITAL, **changes: Any) -> dict[str, Any]:
    """A dossier submitted online to the centre of xã Can Lộc (H12.41.01), the officers' agency."""
    made = await submitted(client, procedure, **changes)
    return made


async def ready(client: httpx.AsyncClient) -> tuple[Session, dict[str, Any]]:
    await seeded()
    return await officer(client), await dossier(client)


def url(made: dict[str, Any], action: str = "") -> str:
    code = made["dossier"]["code"]
    return f"/api/staff/dossiers/{code}" + (f"/{action}" if action else "")

"""Helpers of the feedback tests: a phone's feedback body, and the unit's staff signed in."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import httpx

from backend.accounts.rules import Role
from tests.accounts.staffing import AGENCY, Session, sign_in, staff

COMMUNE_PROCEDURE = "1.004873"  # marital status: a commune-level procedure, no photo required
PROVINCE_PROCEDURE = "LLTP-01"  # criminal record: its competent agency is the Department of Justice, H12.02
TEXT = "Cán bộ hẹn trả kết quả nhưng đến ngày hẹn vẫn chưa có, đề nghị kiểm tra giúp."


def phone_feedback(**more: Any) -> dict[str, Any]:
    """What the phone sends: a fresh id and token each time, about the commune procedure at the centre."""
    body = {
        "id": str(uuid.uuid4()),
        "token": secrets.token_urlsafe(32),
        "kind": "report",
        "text": TEXT,
        "procedureCode": COMMUNE_PROCEDURE,
        "unitCode": AGENCY,
    }
    return {**body, **more}


async def send(client: httpx.AsyncClient, body: dict[str, Any], status: int = 201) -> dict[str, Any]:
    answer = await client.post("/api/feedback", json=body)
    assert answer.status_code == status, answer.text
    return dict(answer.json())


async def officer(
    client: httpx.AsyncClient, name: str = "canbo", agency: str = AGENCY, role: Role = Role.OFFICER
) -> Session:
    return await sign_in(client, await staff(name, role, agency))


async def answer(
    client: httpx.AsyncClient, who: Session, code: str, text: str = "Đã kiểm tra, kết quả trả ngày 30/12."
) -> httpx.Response:
    return await client.post(f"/api/staff/feedback/{code}/answer", json={"answer": text}, headers=who.headers())

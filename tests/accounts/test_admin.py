"""The administrator's account management: temporary passwords to replace at the first sign-in, changes
that take effect at once, and an administrator who cannot lock themselves out."""

from __future__ import annotations

import httpx
import pytest

from backend.accounts.rules import Role
from tests.accounts.staffing import AGENCY, OTHER_AGENCY, Session, login, sign_in, staff
from tests.factories import seeded

pytestmark = pytest.mark.usefixtures("db", "clock")


async def _admin(client: httpx.AsyncClient) -> Session:
    await seeded()
    return await sign_in(client, await staff("quan.tri", Role.ADMIN, "H12"))


async def _create(client: httpx.AsyncClient, admin: Session, **changes: str) -> httpx.Response:
    body = {"username": "le.cuong", "fullName": "Lê Cường", "role": "officer", "agencyCode": AGENCY, **changes}
    return await client.post("/api/staff/accounts", json=body, headers=admin.headers())


async def test_a_new_account_must_replace_its_temporary_password_before_working(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    created = await _create(client, admin)
    assert created.status_code == 201, created.text
    account, temporary = created.json()["account"], created.json()["temporaryPassword"]
    assert account["username"] == "le.cuong" and account["active"] and not account["demo"]
    assert account["lastLoginAt"] is None
    newcomer = await sign_in(client, "le.cuong", temporary)
    assert newcomer.body["staff"]["mustChangePassword"] is True
    assert newcomer.body["staff"]["agencyName"]["vi"].startswith("Trung tâm Phục vụ hành chính công")
    blocked = await client.get("/api/staff/agencies", headers=newcomer.headers())
    assert blocked.status_code == 403 and blocked.json()["code"] == "password_change_required"
    change = {"currentPassword": temporary, "newPassword": "mat-khau-cua-rieng-toi"}
    assert (await client.post("/api/staff/password", json=change, headers=newcomer.headers())).status_code == 204
    assert (await client.get("/api/staff/agencies", headers=newcomer.headers())).status_code == 200
    me = await client.get("/api/staff/session", headers=newcomer.cookie_only())
    assert me.json()["staff"]["mustChangePassword"] is False


async def test_an_account_of_an_unknown_agency_or_a_taken_username_is_refused(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    unknown = await _create(client, admin, agencyCode="H99.99")
    assert unknown.status_code == 422 and unknown.json()["code"] == "invalid_staff_account"
    assert (await _create(client, admin)).status_code == 201
    assert (await _create(client, admin)).json()["code"] == "staff_exists"


async def test_the_list_shows_every_account_with_its_last_sign_in(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    await staff("le.cuong", Role.LEADER, OTHER_AGENCY)
    listed = await client.get("/api/staff/accounts", headers=admin.headers())
    accounts = {a["username"]: a for a in listed.json()["accounts"]}
    assert set(accounts) == {"quan.tri", "le.cuong"}
    assert accounts["le.cuong"]["role"] == "leader" and accounts["le.cuong"]["agencyCode"] == OTHER_AGENCY
    assert accounts["le.cuong"]["lastLoginAt"] is None
    assert accounts["quan.tri"]["lastLoginAt"] is not None


async def test_a_change_of_role_or_agency_takes_effect_in_open_sessions(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    officer = await sign_in(client, await staff("le.cuong"))
    change = {"role": "specialist", "agencyCode": OTHER_AGENCY}
    changed = await client.patch("/api/staff/accounts/le.cuong", json=change, headers=admin.headers())
    assert changed.status_code == 200, changed.text
    assert changed.json()["account"]["role"] == "specialist"
    me = (await client.get("/api/staff/session", headers=officer.cookie_only())).json()["staff"]
    assert (me["role"], me["agencyCode"]) == ("specialist", OTHER_AGENCY)


async def test_deactivating_an_account_ends_its_sessions(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    officer = await sign_in(client, await staff("le.cuong"))
    off = await client.patch("/api/staff/accounts/le.cuong", json={"active": False}, headers=admin.headers())
    assert off.status_code == 200 and off.json()["account"]["active"] is False
    assert (await login(client, "le.cuong")).status_code == 401
    back = await client.patch("/api/staff/accounts/le.cuong", json={"active": True}, headers=admin.headers())
    assert back.status_code == 200
    stale = await client.get("/api/staff/session", headers=officer.cookie_only())
    assert stale.status_code == 401, "the session outlived the deactivation"
    assert (await login(client, "le.cuong")).status_code == 200


async def test_an_admin_cannot_deactivate_or_demote_themselves(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    for change in ({"active": False}, {"role": "officer"}):
        refused = await client.patch("/api/staff/accounts/quan.tri", json=change, headers=admin.headers())
        assert refused.status_code == 409 and refused.json()["code"] == "own_account"
    renamed = await client.patch("/api/staff/accounts/quan.tri", json={"fullName": "Quản Trị"}, headers=admin.headers())
    assert renamed.status_code == 200


async def test_a_demo_account_never_becomes_an_admin(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    await staff("canbo.demo", demo=True)
    refused = await client.patch("/api/staff/accounts/canbo.demo", json={"role": "admin"}, headers=admin.headers())
    assert refused.status_code == 422


async def test_a_password_reset_ends_the_sessions_and_asks_for_a_new_password(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    officer = await sign_in(client, await staff("le.cuong"))
    reset = await client.post("/api/staff/accounts/le.cuong/password-reset", headers=admin.headers())
    assert reset.status_code == 200
    assert (await client.get("/api/staff/session", headers=officer.cookie_only())).status_code == 401
    again = await sign_in(client, "le.cuong", reset.json()["temporaryPassword"])
    assert again.body["staff"]["mustChangePassword"] is True
    missing = await client.post("/api/staff/accounts/khong.co/password-reset", headers=admin.headers())
    assert missing.status_code == 404


async def test_the_agencies_are_listed_for_the_pickers(client: httpx.AsyncClient) -> None:
    admin = await _admin(client)
    agencies = (await client.get("/api/staff/agencies", headers=admin.headers())).json()["agencies"]
    centre = next(a for a in agencies if a["code"] == AGENCY)
    assert centre["kind"] == "centre" and centre["name"]["vi"].startswith("Trung tâm")
    commune = next(a for a in agencies if a["code"] == "H12.41")
    assert commune["kind"] == "commune" and commune["name"]["vi"].startswith("Ủy ban nhân dân xã")
    assert {"H12", "H12.41", AGENCY, OTHER_AGENCY} <= {a["code"] for a in agencies}

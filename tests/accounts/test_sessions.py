"""Staff sessions: sign-in with the argon2 hashes, sessions kept in the database (hash of the id only),
fixation, idle and absolute expiry, sign-out, password change, deactivation, and the sign-in limits."""

from __future__ import annotations

import argon2
import httpx
import pytest
from argon2 import PasswordHasher

from backend.accounts.rules import Role, token_hash
from backend.accounts.tables import Staff, StaffSession
from backend.settings import Settings
from tests.accounts.staffing import PASSWORD, Clock, login, sign_in, staff
from tests.conftest import app_client

pytestmark = pytest.mark.usefixtures("db", "clock")


async def _me(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
    return await client.get("/api/staff/session", headers=headers)


async def test_sign_in_gives_the_staff_member_a_session_and_a_csrf_token(client: httpx.AsyncClient) -> None:
    await staff("nguyen.an", Role.SPECIALIST)
    response = await login(client, "nguyen.an")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["staff"] == {
        "username": "nguyen.an",
        "fullName": "Cán bộ nguyen.an",
        "role": "specialist",
        "agencyCode": "H12.41.01",
        "agencyName": {"vi": "H12.41.01", "en": "H12.41.01"},  # no catalogue loaded: the code stands in
        "mustChangePassword": False,
    }
    assert len(body["csrfToken"]) >= 40
    assert response.headers["cache-control"] == "no-store"
    me = await _me(client, {"Cookie": f"motcua_staff={response.cookies['motcua_staff']}"})
    assert me.status_code == 200 and me.json() == body


async def test_the_cookie_is_httponly_strict_and_secure_behind_https(settings: Settings, db: object) -> None:
    await staff("nguyen.an")
    async with app_client(settings) as plain:
        cookie = (await login(plain, "nguyen.an")).headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower() and "Path=/" in cookie
    assert "Secure" not in cookie
    async with app_client(settings.model_copy(update={"public_url": "https://motcua.example"})) as https:
        assert "Secure" in (await login(https, "nguyen.an")).headers["set-cookie"]


async def test_the_database_keeps_only_a_hash_of_the_session_id(client: httpx.AsyncClient) -> None:
    await staff("nguyen.an")
    session = await sign_in(client, "nguyen.an")
    rows = await StaffSession.select(StaffSession.id_hash)
    assert rows == [{"id_hash": token_hash(session.token)}]
    assert session.token not in rows[0]["id_hash"]


async def test_a_wrong_password_an_unknown_user_and_a_disabled_account_get_the_same_answer(
    client: httpx.AsyncClient,
) -> None:
    await staff("nguyen.an")
    await staff("vo.em")
    await Staff.update({Staff.active: False}).where(Staff.username == "vo.em")
    answers = [
        await login(client, "nguyen.an", PASSWORD + "x"),
        await login(client, "khong.co"),
        await login(client, "vo.em"),
    ]
    assert {a.status_code for a in answers} == {401}
    assert answers[0].json() == answers[1].json() == answers[2].json()
    assert answers[0].json()["code"] == "invalid_login"
    assert "set-cookie" not in answers[0].headers


async def test_an_unknown_username_still_costs_one_argon2_verification(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await staff("nguyen.an")
    calls: list[str] = []
    original = PasswordHasher.verify

    def counted(self: PasswordHasher, hash: str, password: str | bytes) -> bool:
        calls.append(hash)
        return original(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counted)
    assert (await login(client, "khong.co")).status_code == 401
    assert (await login(client, "nguyen.an", "sai-mat-khau-roi")).status_code == 401
    assert len(calls) == 2
    assert all(h.startswith("$argon2id$") for h in calls)


async def test_an_old_weak_hash_is_replaced_at_sign_in(production_passwords: Settings) -> None:
    await staff("nguyen.an")
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    await Staff.update({Staff.password_hash: weak}).where(Staff.username == "nguyen.an")
    async with app_client(production_passwords) as client:
        await sign_in(client, "nguyen.an")
    row = await Staff.select(Staff.password_hash).where(Staff.username == "nguyen.an").first()
    assert row is not None and row["password_hash"] != weak
    assert not PasswordHasher().check_needs_rehash(row["password_hash"])
    assert PasswordHasher().verify(row["password_hash"], PASSWORD)
    assert argon2.extract_parameters(row["password_hash"]).time_cost > 1


async def test_a_session_id_known_before_sign_in_is_never_the_one_after(client: httpx.AsyncClient) -> None:
    await staff("nguyen.an")
    planted = "planted-by-someone-else-0123456789abcdef"
    response = await login(client, "nguyen.an", **{"Cookie": f"motcua_staff={planted}"})
    assert response.status_code == 200
    assert response.cookies["motcua_staff"] != planted
    client.cookies.clear()
    first = await sign_in(client, "nguyen.an")
    again = await login(client, "nguyen.an", **first.cookie_only())
    assert again.cookies["motcua_staff"] != first.token
    assert (await _me(client, first.cookie_only())).status_code == 401, "the replaced session still works"


async def test_a_session_ends_after_the_idle_time(client: httpx.AsyncClient, clock: Clock) -> None:
    await staff("nguyen.an")
    session = await sign_in(client, "nguyen.an")
    clock.advance(minutes=29)
    assert (await _me(client, session.cookie_only())).status_code == 200
    clock.advance(minutes=29)  # 58 minutes after sign-in, 29 after the last request
    assert (await _me(client, session.cookie_only())).status_code == 200
    clock.advance(minutes=31)
    answer = await _me(client, session.cookie_only())
    assert answer.status_code == 401 and answer.json()["code"] == "not_authenticated"
    assert await StaffSession.count() == 0


async def test_a_session_ends_after_the_working_day_even_when_busy(client: httpx.AsyncClient, clock: Clock) -> None:
    await staff("nguyen.an")
    session = await sign_in(client, "nguyen.an")
    for _ in range(29):  # a request every 20 minutes, up to 9 h 40 min
        clock.advance(minutes=20)
        assert (await _me(client, session.cookie_only())).status_code == 200
    clock.advance(minutes=20)  # 10 hours
    assert (await _me(client, session.cookie_only())).status_code == 401


async def test_sign_out_ends_the_session_on_the_server(client: httpx.AsyncClient) -> None:
    await staff("nguyen.an")
    session = await sign_in(client, "nguyen.an")
    out = await client.delete("/api/staff/session", headers=session.headers())
    assert out.status_code == 204
    assert 'motcua_staff=""' in out.headers["set-cookie"] or "motcua_staff=;" in out.headers["set-cookie"]
    assert "Max-Age=0" in out.headers["set-cookie"]
    client.cookies.clear()
    assert (await _me(client, session.cookie_only())).status_code == 401, "the old cookie still opens the session"


async def test_a_password_change_ends_every_other_session(client: httpx.AsyncClient) -> None:
    await staff("nguyen.an")
    here, elsewhere = await sign_in(client, "nguyen.an"), await sign_in(client, "nguyen.an")
    new = "mot-mat-khau-moi-dai-hon"
    changed = await client.post(
        "/api/staff/password", json={"currentPassword": PASSWORD, "newPassword": new}, headers=here.headers()
    )
    assert changed.status_code == 204, changed.text
    assert (await _me(client, here.cookie_only())).status_code == 200
    assert (await _me(client, elsewhere.cookie_only())).status_code == 401
    assert (await login(client, "nguyen.an")).status_code == 401
    assert (await login(client, "nguyen.an", new)).status_code == 200


async def test_a_password_change_needs_the_current_password_and_a_strong_new_one(client: httpx.AsyncClient) -> None:
    await staff("nguyen.an")
    session = await sign_in(client, "nguyen.an")
    change = {"currentPassword": "khong-phai-no", "newPassword": "x" * 20}
    wrong = await client.post("/api/staff/password", json=change, headers=session.headers())
    assert wrong.status_code == 403 and wrong.json()["code"] == "wrong_password"
    weak = await client.post(
        "/api/staff/password", json={"currentPassword": PASSWORD, "newPassword": "ngan"}, headers=session.headers()
    )
    assert weak.status_code == 422 and weak.json()["code"] == "invalid_staff_account"
    same = await client.post(
        "/api/staff/password", json={"currentPassword": PASSWORD, "newPassword": PASSWORD}, headers=session.headers()
    )
    assert same.status_code == 422 and same.json()["code"] == "invalid_staff_account"
    assert (await login(client, "nguyen.an")).status_code == 200


async def test_a_deactivated_account_loses_its_sessions_at_once(client: httpx.AsyncClient) -> None:
    await staff("nguyen.an")
    session = await sign_in(client, "nguyen.an")
    await Staff.update({Staff.active: False}).where(Staff.username == "nguyen.an")
    assert (await _me(client, session.cookie_only())).status_code == 401


async def test_a_sign_in_from_another_site_is_refused(client: httpx.AsyncClient) -> None:
    await staff("nguyen.an")
    foreign = await login(client, "nguyen.an", Origin="https://evil.example")
    assert foreign.status_code == 403 and foreign.json()["code"] == "csrf_failed"
    assert (await login(client, "nguyen.an", Origin="http://testserver")).status_code == 200


async def test_five_wrong_passwords_then_the_account_waits_30_seconds(client: httpx.AsyncClient, clock: Clock) -> None:
    await staff("nguyen.an")
    for n in range(5):
        address = f"203.0.113.{n}"  # from anywhere: the wait is the account's
        assert (await login(client, "nguyen.an", "sai-mat-khau", **{"X-Forwarded-For": address})).status_code == 401
    paused = await login(client, "nguyen.an")
    assert paused.status_code == 429 and paused.json()["code"] == "too_many_requests"
    assert paused.headers["retry-after"] == "30"
    clock.advance(seconds=30)
    assert (await login(client, "nguyen.an")).status_code == 200
    for _ in range(5):  # a success forgets the failures
        assert (await login(client, "nguyen.an", "sai-mat-khau")).status_code == 401


async def test_one_address_may_try_20_sign_ins_a_minute(client: httpx.AsyncClient, clock: Clock) -> None:
    here = {"X-Forwarded-For": "198.51.100.7"}
    for n in range(20):
        assert (await login(client, f"doan.{n}", **here)).status_code == 401
    refused = await login(client, "doan.20", **here)
    assert refused.status_code == 429 and refused.headers["retry-after"] == "60"  # the clock is at 09:00:00
    assert (await login(client, "doan.20", **{"X-Forwarded-For": "198.51.100.8"})).status_code == 401
    clock.advance(seconds=60)
    assert (await login(client, "doan.21", **here)).status_code == 401

"""Staff endpoints of the back office: signing in and out, one's own password, the administrator's account
management, and the agencies for pickers. Every route but the sign-in itself is behind `staff_required`."""

from __future__ import annotations

from urllib.parse import urlsplit

from litestar import Controller, Response, delete, get, patch, post
from litestar.datastructures import CacheControlHeader, Cookie
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts import admin, sessions
from backend.accounts.guard import COOKIE, CsrfFailed, session_policy, staff_required
from backend.accounts.rules import AgencyDirectory, Principal, Role
from backend.accounts.schemas import (
    AccountChange,
    AccountCreatedOut,
    AccountIn,
    AccountOut,
    AccountsOut,
    AgenciesOut,
    AgencyOut,
    LoginIn,
    PasswordChangeIn,
    SessionOut,
    StaffMe,
    TemporaryPasswordOut,
    TextOut,
)
from backend.http import AnyRequest, client_address
from backend.limits.service import Counters
from backend.settings import Settings

NO_STORE = CacheControlHeader(no_store=True)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _check_origin(request: AnyRequest, settings: Settings) -> None:
    """The sign-in has no session to hold a CSRF token yet: a browser's Origin must be this server's."""
    sent = request.headers.get("origin")
    if sent is None:
        return
    own = {_origin(str(request.base_url))}
    if settings.public_url:
        own.add(_origin(settings.public_url))
    if sent.lower().rstrip("/") not in own:
        raise CsrfFailed()


def _cookie(settings: Settings, value: str, *, clear: bool = False) -> Cookie:
    # No Max-Age: the cookie ends with the browser, the session itself with its idle and absolute expiry.
    return Cookie(
        key=COOKIE,
        value=value,
        path="/",
        httponly=True,
        samesite="strict",
        secure=bool(settings.public_url and settings.public_url.startswith("https://")),
        max_age=0 if clear else None,
    )


async def _session_out(staff: Principal, agencies: AgencyDirectory) -> SessionOut:
    names = {a.code: a.name for a in await agencies()}
    name = names.get(staff.agency_code)
    me = StaffMe(
        username=staff.username,
        full_name=staff.full_name,
        role=staff.role,
        agency_code=staff.agency_code,
        agency_name=TextOut(vi=name.vi, en=name.en) if name else TextOut(vi=staff.agency_code, en=staff.agency_code),
        must_change_password=staff.must_change_password,
    )
    return SessionOut(staff=me, csrf_token=staff.csrf_token)


class SessionController(Controller):
    path = "/api/staff/session"
    tags = ("staff",)
    cache_control = NO_STORE

    @post("/", status_code=200, summary="Sign in: a new session cookie and its CSRF token")
    async def sign_in(
        self,
        request: AnyRequest,
        data: JSONBody[LoginIn],
        settings: NamedDependency[Settings],
        counters: NamedDependency[Counters],
        agencies: NamedDependency[AgencyDirectory],
    ) -> Response[SessionOut]:
        _check_origin(request, settings)
        opened = await sessions.login(
            data.username,
            data.password,
            replacing=request.cookies.get(COOKIE),
            client=client_address(request),
            counters=counters,
            now=settings.now(),
            policy=session_policy(settings),
            per_minute=settings.staff_logins_per_minute,
        )
        body = await _session_out(opened.principal, agencies)
        return Response(body, cookies=[_cookie(settings, opened.token)])

    @get("/", guards=[staff_required(before_password_change=True)], summary="The signed-in staff member")
    async def me(self, staff: NamedDependency[Principal], agencies: NamedDependency[AgencyDirectory]) -> SessionOut:
        return await _session_out(staff, agencies)

    @delete("/", guards=[staff_required(before_password_change=True)], summary="Sign out: the session ends")
    async def sign_out(self, staff: NamedDependency[Principal], settings: NamedDependency[Settings]) -> Response[None]:
        await sessions.logout(staff)
        return Response(None, status_code=204, cookies=[_cookie(settings, "", clear=True)])


class PasswordController(Controller):
    path = "/api/staff/password"
    tags = ("staff",)
    cache_control = NO_STORE

    @post(
        "/",
        status_code=204,
        guards=[staff_required(before_password_change=True)],
        summary="Change one's own password; every other session of the account ends",
    )
    async def change(
        self,
        data: JSONBody[PasswordChangeIn],
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
        counters: NamedDependency[Counters],
    ) -> None:
        await sessions.change_password(
            staff, data.current_password, data.new_password, counters=counters, now=settings.now()
        )


async def _codes(agencies: AgencyDirectory) -> set[str]:
    return {a.code for a in await agencies()}


class AccountController(Controller):
    """Staff accounts, for the administrator only."""

    path = "/api/staff/accounts"
    tags = ("staff",)
    cache_control = NO_STORE
    guards = [staff_required(Role.ADMIN)]  # noqa: RUF012  (Litestar reads it from the class)

    @get("/", summary="Every staff account")
    async def list_accounts(self) -> AccountsOut:
        return AccountsOut(accounts=await admin.accounts())

    @post("/", summary="Create an account; its temporary password is shown once")
    async def create(self, data: JSONBody[AccountIn], agencies: NamedDependency[AgencyDirectory]) -> AccountCreatedOut:
        account, password = await admin.create_account(data, await _codes(agencies))
        return AccountCreatedOut(account=account, temporary_password=password)

    @patch("/{username:str}", summary="Change an account: name, role, agency, active")
    async def change(
        self,
        username: FromPath[str],
        data: JSONBody[AccountChange],
        staff: NamedDependency[Principal],
        agencies: NamedDependency[AgencyDirectory],
    ) -> AccountOut:
        return AccountOut(account=await admin.update_account(staff, username, data, await _codes(agencies)))

    @post("/{username:str}/password-reset", status_code=200, summary="A new temporary password, shown once")
    async def reset_password(self, username: FromPath[str]) -> TemporaryPasswordOut:
        return TemporaryPasswordOut(temporary_password=await admin.reset_password(username))


class AgencyController(Controller):
    path = "/api/staff/agencies"
    tags = ("staff",)
    cache_control = NO_STORE

    @get("/", guards=[staff_required()], summary="The agencies staff belong to")
    async def agencies(self, agencies: NamedDependency[AgencyDirectory]) -> AgenciesOut:
        return AgenciesOut(
            agencies=[
                AgencyOut(code=a.code, name=TextOut(vi=a.name.vi, en=a.name.en), kind=a.kind) for a in await agencies()
            ]
        )


STAFF_CONTROLLERS = (SessionController, PasswordController, AccountController, AgencyController)

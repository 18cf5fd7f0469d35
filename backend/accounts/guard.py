"""The guard of every staff endpoint, now and later: who is signed in (401), the CSRF token of unsafe
requests (403), the role (403), and the agency scope (404, as for a missing record).

How an endpoint declares it (in any domain's `api.py`)::

    @get("/api/staff/dossiers/{code:str}", guards=[staff_required(Role.OFFICER, Role.SPECIALIST)])
    async def dossier(self, code: str, staff: NamedDependency[Principal]) -> DossierOut:
        row = await service.dossier(code)            # raises DossierNotFound when missing
        ensure_same_agency(staff, row.agency_code, DossierNotFound)   # another agency's: the same 404
        ...

`staff_required()` with no role admits every role. Prefer filtering queries by `staff.agency_code` where
you can; `ensure_same_agency()` is for a record read first. The `staff` dependency is wired in the app shell.
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from backend.accounts import sessions
from backend.accounts.rules import Principal, Role, SessionPolicy
from backend.errors import DomainError, NotFound
from backend.settings import Settings

COOKIE = "motcua_staff"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_STATE_KEY = "staff"

Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]


class CsrfFailed(DomainError):
    status = 403
    code = "csrf_failed"
    message_vi = "Phiên làm việc không hợp lệ; vui lòng tải lại trang."
    message_en = "The request did not come from this application's page; reload it."


class RoleForbidden(DomainError):
    status = 403
    code = "forbidden"
    message_vi = "Bạn không có quyền thực hiện việc này."
    message_en = "You are not allowed to do this."


class PasswordChangeRequired(DomainError):
    status = 403
    code = "password_change_required"
    message_vi = "Vui lòng đổi mật khẩu tạm thời trước khi làm việc."
    message_en = "Change your temporary password before going on."


def session_policy(settings: Settings) -> SessionPolicy:
    return SessionPolicy(
        idle=dt.timedelta(minutes=settings.staff_idle_minutes),
        absolute=dt.timedelta(hours=settings.staff_session_hours),
    )


def _csrf_ok(connection: ASGIConnection[Any, Any, Any, Any], principal: Principal) -> bool:
    if connection.scope.get("method", "GET") in SAFE_METHODS:
        return True
    sent = connection.headers.get(CSRF_HEADER, "")
    return hmac.compare_digest(sent.encode(), principal.csrf_token.encode())


def staff_required(*roles: Role, before_password_change: bool = False) -> Guard:
    """A guard admitting a signed-in staff member of one of `roles` (none: any role). Unless
    `before_password_change`, an account holding a temporary password is refused until it changes it."""
    allowed = frozenset(roles) or frozenset(Role)

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        settings: Settings = connection.app.state["settings"]
        principal = await sessions.current(connection.cookies.get(COOKIE), settings.now(), session_policy(settings))
        if principal is None:
            raise sessions.NotAuthenticated()
        if not _csrf_ok(connection, principal):
            raise CsrfFailed()
        if principal.must_change_password and not before_password_change:
            raise PasswordChangeRequired()
        if principal.role not in allowed:
            raise RoleForbidden()
        connection.state[_STATE_KEY] = principal

    return guard


def current_staff(request: Request[Any, Any, Any]) -> Principal:
    """The `staff` dependency: the principal the guard admitted (a handler without the guard gets a 401)."""
    principal = request.state.get(_STATE_KEY)
    if not isinstance(principal, Principal):
        raise sessions.NotAuthenticated()
    return principal


def ensure_same_agency(
    principal: Principal, agency_code: str, missing: type[DomainError] = NotFound, **extra: Any
) -> None:
    """Another agency's record answers exactly as a missing one (`missing`, 404): its existence stays unknown."""
    if principal.agency_code != agency_code:
        raise missing(**extra)

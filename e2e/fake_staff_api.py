"""A fake of the staff API (STAFF-CONTRACT.md), answered in the browser by Playwright routing, for the staff
app's journeys until the real API is merged: test code only, never served by the product."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page, Route

CSRF = "csrf-token-1"
AGENCIES = [
    {
        "code": "H12.22.05",
        "name": {"vi": "UBND phường Hòa Khánh", "en": "Hoa Khanh Ward People's Committee"},
        "kind": "ward",
    },
    {
        "code": "H12.22",
        "name": {"vi": "UBND quận Liên Chiểu", "en": "Lien Chieu District People's Committee"},
        "kind": "district",
    },
]
INVALID_LOGIN = {"vi": "Tên đăng nhập hoặc mật khẩu không đúng.", "en": "Wrong username or password."}


@dataclass
class Account:
    username: str
    full_name: str
    role: str
    password: str
    agency_code: str = "H12.22.05"
    active: bool = True
    must_change_password: bool = False

    def me(self) -> dict[str, Any]:
        agency = next(a for a in AGENCIES if a["code"] == self.agency_code)
        return {
            "username": self.username,
            "fullName": self.full_name,
            "role": self.role,
            "agencyCode": self.agency_code,
            "agencyName": agency["name"],
            "mustChangePassword": self.must_change_password,
        }

    def listed(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "fullName": self.full_name,
            "role": self.role,
            "agencyCode": self.agency_code,
            "active": self.active,
            "demo": False,
            "createdAt": "2026-11-20T01:00:00Z",
            "lastLoginAt": None,
        }


def _problem(route: Route, status: int, code: str, vi: str, en: str, headers: dict[str, str] | None = None) -> None:
    body = {"type": "about:blank", "status": status, "code": code, "title": en, "message": {"vi": vi, "en": en}}
    route.fulfill(status=status, content_type="application/problem+json", body=json.dumps(body), headers=headers)


def _json(route: Route, status: int, body: dict[str, Any]) -> None:
    route.fulfill(status=status, content_type="application/json", body=json.dumps(body))


@dataclass
class FakeStaffApi:
    """The staff API's answers for a few accounts; `signed_in` plays the session cookie."""

    accounts: dict[str, Account] = field(default_factory=dict)
    signed_in: str | None = None
    wait_seconds: int = 0  # > 0: every login is refused with 429 and this Retry-After
    reject_csrf_once: bool = False  # the next unsafe request fails with csrf_failed (a stale token)
    unreachable: bool = False  # every request fails as if the network were down
    csrf: str = CSRF
    requests: list[str] = field(default_factory=list)

    def add(self, account: Account) -> Account:
        self.accounts[account.username] = account
        return account

    def install(self, page: Page) -> None:
        page.route("**/api/staff/**", self.answer)

    def answer(self, route: Route) -> None:
        request = route.request
        path = request.url.split("/api/staff", 1)[1].split("?", 1)[0]
        self.requests.append(f"{request.method} {path}")
        if self.unreachable:
            return route.abort("internetdisconnected")
        if request.method == "POST" and path == "/session":
            return self._login(route, json.loads(request.post_data or "{}"))
        me = self.accounts.get(self.signed_in or "")
        if me is None or not me.active:
            return _problem(route, 401, "not_authenticated", "Vui lòng đăng nhập.", "Please sign in.")
        if request.method != "GET" and (self.reject_csrf_once or request.headers.get("x-csrf-token") != self.csrf):
            self.reject_csrf_once = False
            self.csrf = "csrf-token-2"
            return _problem(route, 403, "csrf_failed", "Phiên làm việc không hợp lệ.", "The session check failed.")
        body = json.loads(request.post_data or "{}") if request.post_data else {}
        return self._signed_in(route, me, request.method, path, body)

    def _login(self, route: Route, body: dict[str, str]) -> None:
        if self.wait_seconds:
            vi = f"Quá nhiều yêu cầu; vui lòng thử lại sau {self.wait_seconds} giây."
            en = f"Too many requests; please try again in {self.wait_seconds} seconds."
            return _problem(route, 429, "too_many_requests", vi, en, {"Retry-After": str(self.wait_seconds)})
        account = self.accounts.get(body.get("username", ""))
        if account is None or not account.active or account.password != body.get("password"):
            return _problem(route, 401, "invalid_login", INVALID_LOGIN["vi"], INVALID_LOGIN["en"])
        self.signed_in = account.username
        return _json(route, 200, {"staff": account.me(), "csrfToken": self.csrf})

    def _signed_in(self, route: Route, me: Account, method: str, path: str, body: dict[str, Any]) -> None:
        if (method, path) == ("GET", "/session"):
            return _json(route, 200, {"staff": me.me(), "csrfToken": self.csrf})
        if (method, path) == ("DELETE", "/session"):
            self.signed_in = None
            return route.fulfill(status=204)
        if (method, path) == ("POST", "/password"):
            if body.get("currentPassword") != me.password:
                return _problem(
                    route, 403, "wrong_password", "Mật khẩu hiện tại không đúng.", "Wrong current password."
                )
            me.password, me.must_change_password = body["newPassword"], False
            return route.fulfill(status=204)
        if (method, path) == ("GET", "/agencies"):
            return _json(route, 200, {"agencies": AGENCIES})
        if me.role != "admin":
            return _problem(route, 403, "forbidden", "Bạn không có quyền.", "You are not allowed to do this.")
        return self._admin(route, method, path, body)

    def _admin(self, route: Route, method: str, path: str, body: dict[str, Any]) -> None:
        if (method, path) == ("GET", "/accounts"):
            return _json(route, 200, {"accounts": [a.listed() for a in self.accounts.values()]})
        if (method, path) == ("POST", "/accounts"):
            account = self.add(
                Account(body["username"], body["fullName"], body["role"], "Tạm-7xKq-29pW", body["agencyCode"])
            )
            account.must_change_password = True
            return _json(route, 201, {"account": account.listed(), "temporaryPassword": account.password})
        username = path.split("/")[2]
        account = self.accounts[username]
        if method == "PATCH":
            for key, attribute in (
                ("fullName", "full_name"),
                ("role", "role"),
                ("agencyCode", "agency_code"),
                ("active", "active"),
            ):
                if key in body:
                    setattr(account, attribute, body[key])
            return _json(route, 200, {"account": account.listed()})
        account.password, account.must_change_password = "Mới-3bNv-81Tz", True
        return _json(route, 200, {"temporaryPassword": account.password})

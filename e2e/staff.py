"""What an officer does in the browser journeys: an account made with `motcua create-staff`, then the staff
app in a desktop browser, or the staff HTTP API where a journey is about the phone alone."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from conftest import ROOT, AppServer
from playwright.sync_api import Browser, Locator, Page, expect

sys.path.insert(0, str(ROOT))  # the factories live with the unit tests
from tests.factories import submission

PASSWORD = "Quầy-một-cửa-2026"
DESKTOP = {"width": 1366, "height": 768}
# The demo's public service centre of Thiên Lộc: it receives the dossiers citizens send to the commune.
THIEN_LOC_CENTRE = "H12.42.01"


def create_officer(
    server: AppServer, agency: str, username: str = "lan.nt", full_name: str = "Nguyễn Thị Lan", role: str = "officer"
) -> None:
    """A staff account made with `motcua create-staff` (an officer unless `role` says otherwise)."""
    command = [sys.executable, "-m", "backend.cli", "create-staff", "--username", username, "--full-name"]
    command += [full_name, "--role", role, "--agency", agency, "--password-stdin"]
    subprocess.run(command, env=server.env, cwd=ROOT, input=PASSWORD + "\n", text=True, check=True, capture_output=True)


def sign_in(page: Page, url: str, username: str = "lan.nt") -> None:
    """Signs in on the staff app's own page; the header then names the officer."""
    page.goto(f"{url}/staff/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("who")).to_be_visible()


def open_queue(page: Page) -> None:
    """ "Hồ sơ" in the staff app's navigation: the counter's queue."""
    page.get_by_role("navigation", name=re.compile(".")).get_by_role("link", name="Hồ sơ", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hồ sơ tại quầy")


def row_of(page: Page, code: str) -> Locator:
    """The queue's row of one dossier."""
    return page.get_by_test_id("queue-row").filter(has=page.get_by_role("link", name=code, exact=True))


def tick_the_name_and_the_photo(page: Page) -> None:
    """On a birth registration's "Yêu cầu bổ sung" form (Mẫu 02): the child's name and the birth certificate's
    photo ticked, a note each; not sent yet."""
    child = page.get_by_role("group", name="Người được khai sinh")
    child.get_by_label("Họ, chữ đệm và tên", exact=True).check()
    child.get_by_label("Cần sửa gì ở “Họ, chữ đệm và tên”").fill("Tên viết sai dấu")
    documents = page.get_by_role("group", name="Giấy tờ")
    documents.get_by_label(re.compile("^Bản chính Giấy chứng sinh")).check()
    documents.get_by_label(re.compile("^Cần sửa gì ở “Bản chính Giấy chứng sinh")).fill("Ảnh bị mờ, chụp lại")


@contextmanager
def officer_at_the_counter(browser: Browser, server: AppServer) -> Iterator[Page]:
    """An officer of Thiên Lộc's centre, signed in to /staff/ at a desktop computer of the counter."""
    create_officer(server, THIEN_LOC_CENTRE)
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    try:
        page = context.new_page()
        sign_in(page, server.url)
        yield page
    finally:
        context.close()


class StaffApi:
    """An officer's session on the staff HTTP API (cookie and CSRF token), acting as the staff app does."""

    def __init__(self, server: AppServer, username: str = "lan.nt") -> None:
        self._http = httpx.Client(base_url=server.url)
        signed = self._http.post("/api/staff/session", json={"username": username, "password": PASSWORD})
        assert signed.is_success, signed.text
        self._csrf = {"X-CSRF-Token": signed.json()["csrfToken"]}

    def close(self) -> None:
        self._http.close()

    def _act(self, code: str, action: str, body: dict[str, Any]) -> dict[str, Any]:
        version = self._http.get(f"/api/staff/dossiers/{code}").json()["version"]
        url, body = f"/api/staff/dossiers/{code}/{action}", {"version": version, **body}
        done = self._http.post(url, json=body, headers=self._csrf)
        assert done.is_success, done.text
        return dict(done.json())

    def accept(self, code: str) -> dict[str, Any]:
        return self._act(code, "accept", {})

    def ask_for_corrections(self, code: str, items: list[dict[str, str]]) -> dict[str, Any]:
        return self._act(code, "request-corrections", {"items": items})

    def delivery_states(self, code: str) -> list[list[str]]:
        """The delivery states of the dossier's notices (one list per notice, one state per phone)."""
        answer = self._http.get(f"/api/staff/dossiers/{code}/notices")
        assert answer.is_success, answer.text
        return [[d["status"] for d in n["deliveries"]] for n in answer.json()["notices"]]


@contextmanager
def staff_api(server: AppServer) -> Iterator[StaffApi]:
    """An officer of Thiên Lộc's centre, signed in to the staff HTTP API."""
    create_officer(server, THIEN_LOC_CENTRE)
    api = StaffApi(server)
    try:
        yield api
    finally:
        api.close()


def accepted_from_a_phone(server: AppServer) -> dict[str, Any]:
    """A marriage-status dossier sent to xã Thiên Lộc from a phone (over HTTP) and accepted by its officer, which
    makes one notice; returned as the phone's "my dossiers" keeps it (pwa/src/data/db.ts StoredDossier)."""
    body = submission("1.004873", "H12.42")
    sent = httpx.post(f"{server.url}/api/submissions", json=body)
    assert sent.status_code == 201, sent.text
    code = sent.json()["code"]
    with staff_api(server) as officer:
        officer.accept(code)
    return {
        "code": code,
        "accessToken": body["accessToken"],
        "submissionId": body["submissionId"],
        "procedureCode": "1.004873",
        "agencyCode": sent.json()["agencyCode"],
        "status": "submitted",
        "submittedAt": sent.json()["submittedAt"],
        "view": None,
        "fetchedAt": None,
    }

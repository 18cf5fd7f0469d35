"""A new version of the app is deployed: the citizen is told and chooses when to reload, and nothing
drafted under the old version is lost, nor the inbox; a phone whose database predates the inbox keeps every
draft and dossier. The drafts also outlive closing the browser."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, build_app, serving
from pages import (
    BIRTH_CERTIFICATE,
    PHONE,
    add_photo,
    begin_birth_registration,
    complete_birth_registration,
    idb_all,
    keep,
    keep_dossier,
    open_app,
    photo_with_gps,
)
from playwright.sync_api import BrowserContext, BrowserType, Page, expect
from staff import THIEN_LOC_CENTRE, accepted_from_a_phone

VERSION = json.loads((ROOT / "pwa" / "package.json").read_text())["version"]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("builds")
    return {label: build_app(root / label, label) for label in ("A", "B")}


@pytest.fixture
def deployment(builds: dict[str, Path], tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """A server whose app folder can be switched from one build to another while it runs (`deploy.server`)."""
    served = tmp_path / "served"
    shutil.copytree(builds["A"], served)

    def deploy(label: str) -> None:
        for child in served.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        shutil.copytree(builds[label], served, dirs_exist_ok=True)

    with serving(served, tmp_path / "data") as server:
        deploy.server = server
        yield server.url, deploy


def _start_draft(page: Page, url: str) -> str:
    page.goto(f"{url}/#/thu-tuc/1.001193")
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    expect(page).to_have_url(re.compile(r"#/ho-so/[0-9a-f-]+"))
    drafts = idb_all(page, "drafts")
    assert len(drafts) == 1
    return str(drafts[0]["id"])


def test_an_update_waits_for_the_user_and_keeps_the_drafts(page: Page, deployment: tuple[str, Any]) -> None:
    url, deploy = deployment
    open_app(page, url)
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+A")).to_be_visible()
    draft_id = _start_draft(page, url)

    deploy("B")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    banner = page.get_by_role("alert")
    expect(banner).to_contain_text("Đã có phiên bản mới")
    # Until the citizen agrees, version A keeps running.
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+A")).to_be_visible()

    banner.get_by_role("button", name="Cập nhật ngay").click()
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+B")).to_be_visible()
    assert [d["id"] for d in idb_all(page, "drafts")] == [draft_id]
    page.goto(f"{url}/#/ho-so")
    expect(page.get_by_text("Đăng ký khai sinh").filter(visible=True).first).to_be_visible()


def test_a_draft_with_a_photo_survives_an_offline_reload_and_an_update(
    page: Page, context: Any, deployment: tuple[str, Any]
) -> None:
    url, deploy = deployment
    open_app(page, url)
    draft_id = _start_draft(page, url)
    page.goto(f"{url}/#/ho-so/{draft_id}/giay-to")
    expect(page.get_by_role("heading", name="Ảnh giấy tờ")).to_be_visible()
    add_photo(page, "giay_chung_sinh", photo_with_gps())
    [photo] = idb_all(page, "photos")

    context.set_offline(True)
    page.reload()
    expect(page.get_by_text("Không có mạng", exact=True)).to_be_visible()
    expect(page.locator(".photo-slot").get_by_role("img")).to_be_visible()

    context.set_offline(False)
    deploy("B")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.get_by_role("alert").get_by_role("button", name="Cập nhật ngay").click()
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+B")).to_be_visible()
    assert [d["id"] for d in idb_all(page, "drafts")] == [draft_id]
    assert idb_all(page, "photos") == [photo]
    expect(page.locator(".photo-slot").get_by_role("img")).to_be_visible()


def test_later_dismisses_the_prompt_and_keeps_the_old_version(page: Page, deployment: tuple[str, Any]) -> None:
    url, deploy = deployment
    open_app(page, url)
    deploy("B")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.get_by_role("alert").get_by_role("button", name="Để sau").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+A")).to_be_visible()


def test_a_draft_survives_closing_the_browser(browser_type: BrowserType, live_server: str, tmp_path: Path) -> None:
    profile = tmp_path / "profile"

    def launch() -> Any:
        return browser_type.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=PHONE
        )

    first = launch()
    page = first.new_page()
    open_app(page, live_server)
    draft_id = _start_draft(page, live_server)
    first.close()

    again = launch()
    page = again.new_page()
    page.goto(f"{live_server}/#/ho-so")
    expect(page.get_by_text("Đăng ký khai sinh").filter(visible=True).first).to_be_visible()
    assert [d["id"] for d in idb_all(page, "drafts")] == [draft_id]
    again.close()


def test_no_update_takes_over_while_a_dossier_waits_to_be_sent(page: Page, deployment: tuple[str, Any]) -> None:
    url, deploy = deployment
    open_app(page, url, "/#/thu-tuc/1.001193")
    begin_birth_registration(page)
    complete_birth_registration(page, {BIRTH_CERTIFICATE: photo_with_gps(1200, 900)})
    # The counter's server is down for now (for the page and for the worker): the dossier waits.
    unavailable = {"status": 503, "content_type": "application/problem+json", "body": '{"status": 503}'}
    page.context.route("**/api/submissions**", lambda route: route.fulfill(**unavailable))
    page.get_by_test_id("submit-dossier").click()
    expect(page.get_by_test_id("outbox-entry")).to_be_visible()

    deploy("B")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    banner = page.get_by_role("alert").filter(has_text="Đã có phiên bản mới")
    expect(banner).to_contain_text("sau khi gửi xong những gì đang chờ gửi (hồ sơ")
    expect(banner.get_by_role("button", name="Cập nhật ngay")).to_have_count(0)
    # The worker itself refuses to take over while the outbox holds work, whoever asks it to.
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.waiting.postMessage({type: 'SKIP_WAITING'}))")
    page.wait_for_timeout(1500)  # A refusal has no event to wait for: give the worker time to (wrongly) act.
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.waiting !== null)")
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+A")).to_be_visible()

    page.context.unroute("**/api/submissions**")
    page.get_by_test_id("send-now").click()
    expect(page.get_by_test_id("dossier-item")).to_have_attribute("data-status", "submitted", timeout=30_000)
    banner.get_by_role("button", name="Cập nhật ngay").click()
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+B")).to_be_visible()
    assert idb_all(page, "outbox") == [] and len(idb_all(page, "dossiers")) == 1


def test_no_update_takes_over_while_a_request_to_stop_waits_to_be_sent(page: Page, deployment: tuple[str, Any]) -> None:
    url, deploy = deployment
    dossier = accepted_from_a_phone(deploy.server)
    open_app(page, url)
    # No signal reaches the counter's server for now: the request to stop, kept with its dossier, cannot go.
    page.context.route("**/api/dossiers/stop-requests", lambda route: route.abort())
    body = {"submissionId": dossier["submissionId"], "accessToken": dossier["accessToken"],
            "requestId": "0b9d7f4e-6a51-4c1f-9a0e-3f2d5c7b8a91", "reason": "Tôi đã làm ở nơi khác"}  # fmt: skip
    stop = {"body": body, "askedAt": "2026-12-01T08:00:00.000Z", "state": "waiting", "attempts": 0,
            "nextAttemptAt": 0, "lastError": None}  # fmt: skip
    keep_dossier(page, {**dossier, "stopAsked": stop})
    assert idb_all(page, "outbox") == []  # nothing in the outbox: only the request waits

    _held_back_until_sent(page, deploy, "**/api/dossiers/stop-requests")
    assert [d.get("stopAsked") for d in idb_all(page, "dossiers")] == [None]


def test_no_update_takes_over_while_feedback_waits_to_be_sent(page: Page, deployment: tuple[str, Any]) -> None:
    url, deploy = deployment
    open_app(page, url)
    # A complaint written without signal, kept in its own store (not the outbox, not with a dossier).
    page.context.route("**/api/feedback", lambda route: route.abort())
    body = {"id": "3c1e9a52-8f0b-4d7e-a6c2-5b9d0e1f2a43", "token": "t" * 43, "kind": "report",
            "text": "Phải chờ quá lâu ở quầy", "procedureCode": "1.004873", "unitCode": THIEN_LOC_CENTRE}  # fmt: skip
    pending = {"state": "waiting", "attempts": 0, "nextAttemptAt": 0, "lastError": None}
    keep(page, "feedback", {"id": body["id"], "token": body["token"], "body": body, "dossierCode": None,
                            "createdAt": "2026-12-01T08:00:00.000Z", "pending": pending, "view": None})  # fmt: skip
    assert idb_all(page, "outbox") == [] and idb_all(page, "dossiers") == []
    _held_back_until_sent(page, deploy, "**/api/feedback")
    assert [item["pending"] for item in idb_all(page, "feedback")] == [None]


def _held_back_until_sent(page: Page, deploy: Any, route: str) -> None:
    """A new version is offered while work kept on the phone cannot reach `route`: it is held back (no "Cập nhật
    ngay", and the worker refuses to skip waiting) until the work is sent, then it may go."""
    deploy("B")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    banner = page.get_by_role("alert").filter(has_text="Đã có phiên bản mới")
    expect(banner).to_contain_text("sau khi gửi xong những gì đang chờ gửi")
    expect(banner.get_by_role("button", name="Cập nhật ngay")).to_have_count(0)
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.waiting.postMessage({type: 'SKIP_WAITING'}))")
    page.wait_for_timeout(1500)  # A refusal has no event to wait for: give the worker time to (wrongly) act.
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.waiting !== null)")
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+A")).to_be_visible()
    # Once the server has the work, the update may go.
    page.context.unroute(route)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    banner.get_by_role("button", name="Cập nhật ngay").click(timeout=30_000)
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+B")).to_be_visible()


# The app's database as version 2 made it, before the inbox (pwa/src/data/db.ts, `oldVersion < 2`), holding
# a draft and a dossier: what a phone that used the app before this version carries.
VERSION_2 = """([draft, dossier]) => new Promise((resolve, reject) => {
    const open = indexedDB.open("motcua", 2);
    open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore("catalogue");
        db.createObjectStore("calendar");
        db.createObjectStore("drafts", { keyPath: "id" }).createIndex("byUpdated", "updatedAt");
        db.createObjectStore("photos", { keyPath: ["draftId", "slot"] }).createIndex("byDraft", "draftId");
        db.createObjectStore("outbox", { keyPath: "submissionId" }).createIndex("byCreated", "createdAt");
        db.createObjectStore("dossiers", { keyPath: "code" }).createIndex("bySubmitted", "submittedAt");
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
        const tx = open.result.transaction(["drafts", "dossiers"], "readwrite");
        tx.objectStore("drafts").put(draft);
        tx.objectStore("dossiers").put(dossier);
        tx.oncomplete = () => { open.result.close(); resolve(true); };
        tx.onerror = () => reject(tx.error);
    };
})"""


def test_a_database_from_before_the_inbox_keeps_drafts_and_dossiers_and_the_inbox_outlives_updates(
    page: Page, context: BrowserContext, deployment: tuple[str, Any]
) -> None:
    url, deploy = deployment
    dossier = accepted_from_a_phone(deploy.server)
    draft = {
        "id": "nhap-truoc-hop-thu",
        "procedureCode": "1.001193",
        "procedureVersion": 1,
        "agencyCode": "H12.42",
        "answers": {"child": {"full_name": "Nguyễn Minh Khang"}},
        "createdAt": "2026-11-30T08:00:00.000Z",
        "updatedAt": "2026-11-30T08:05:00.000Z",
    }
    page.goto(f"{url}/api/health")  # the app's origin, before the app has ever run there
    page.evaluate(VERSION_2, [draft, dossier])

    open_app(page, url)  # version A upgrades the database to the inbox's version
    assert idb_all(page, "drafts") == [draft]
    assert [d["accessToken"] for d in idb_all(page, "dossiers")] == [dossier["accessToken"]]
    nav = page.get_by_test_id("nav-inbox")
    expect(nav).to_contain_text("1 thông báo chưa đọc")
    [notice] = idb_all(page, "notices")
    assert notice["code"] == dossier["code"] and notice["title"]["vi"] == "Hồ sơ đã được tiếp nhận"

    deploy("B")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.get_by_role("alert").get_by_role("button", name="Cập nhật ngay").click()
    expect(page.get_by_text(f"Ứng dụng phiên bản {VERSION}+B")).to_be_visible()
    assert idb_all(page, "drafts") == [draft]
    assert idb_all(page, "notices") == [notice]
    expect(nav).to_contain_text("1 thông báo chưa đọc")

    context.set_offline(True)
    page.reload()
    nav.click()
    expect(page.get_by_test_id("notice")).to_contain_text("Hồ sơ đã được tiếp nhận")
    assert idb_all(page, "drafts") == [draft] and idb_all(page, "notices") == [notice]

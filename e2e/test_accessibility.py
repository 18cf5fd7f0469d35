"""axe-core on the main pages, in both languages: no serious or critical accessibility violation."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import AppServer
from pages import (
    BIRTH_CERTIFICATE,
    BIRTH_REGISTRATION,
    begin_birth_registration,
    complete_birth_registration,
    keep_dossier,
    open_app,
)
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from staff import accepted_from_a_phone

AXE = Path(__file__).resolve().parent.parent / "pwa" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe_page(browser: Browser) -> Iterator[Page]:
    # axe is injected as an inline script, which the app's CSP rightly refuses: bypass it for the audit only.
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def _violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/", "Tìm thủ tục"),
        ("/#/thu-tuc/1.001193", "Hồ sơ cần nộp"),
        ("/#/ho-so", "Hồ sơ đang soạn"),
        ("/#/da-nop", "Hồ sơ đã nộp"),
        ("/#/tra-cuu", "Tra cứu hồ sơ"),
        ("/#/thong-bao", "Chưa có thông báo nào"),
    ],
)
def test_main_pages_have_no_serious_violations(axe_page: Page, live_server: str, path: str, ready: str) -> None:
    open_app(axe_page, live_server)
    axe_page.goto(live_server + path)
    expect(axe_page.get_by_text(ready).first).to_be_visible()
    assert _violations(axe_page) == []


def test_a_draft_step_has_no_serious_violations(axe_page: Page, live_server: str) -> None:
    open_app(axe_page, live_server)
    axe_page.goto(f"{live_server}/#/thu-tuc/1.001193")
    axe_page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    expect(axe_page.get_by_role("button", name="Tiếp tục").first).to_be_visible()
    assert _violations(axe_page) == []


def test_the_english_pages_have_no_serious_violations(axe_page: Page, live_server: str) -> None:
    open_app(axe_page, live_server)
    axe_page.get_by_role("button", name="English").click()
    expect(axe_page.get_by_text("Find a procedure")).to_be_visible()
    assert _violations(axe_page) == []


@pytest.mark.parametrize("path", ["/", "/#/thu-tuc/1.004873", "/#/ho-so", "/#/da-nop", "/#/tra-cuu", "/#/thong-bao"])
def test_pages_fit_a_small_phone_with_the_font_size_doubled(axe_page: Page, live_server: str, path: str) -> None:
    open_app(axe_page, live_server)
    axe_page.goto(live_server + path)
    # What Android's font-size setting does: the root size grows; everything in rem grows with it.
    axe_page.add_style_tag(content="html { font-size: 200% !important; }")
    expect(axe_page.get_by_role("heading", name="Một cửa")).to_be_visible()
    overflow = axe_page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_a_dossier_waiting_to_be_sent_has_no_serious_violations(axe_page: Page, live_server: str) -> None:
    open_app(axe_page, live_server, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    axe_page.context.set_offline(True)
    begin_birth_registration(axe_page)
    photo = io.BytesIO()
    Image.new("RGB", (800, 1000), (220, 210, 190)).save(photo, "JPEG")
    complete_birth_registration(axe_page, {BIRTH_CERTIFICATE: photo.getvalue()})
    assert _violations(axe_page) == []  # The check page, with its submit button.
    axe_page.get_by_test_id("submit-dossier").click()
    expect(axe_page.get_by_test_id("outbox-entry")).to_have_attribute("data-state", "waiting")
    assert _violations(axe_page) == []


def _overflow(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def test_the_offer_of_notices_and_the_inbox_have_no_serious_violations(axe_page: Page, server: AppServer) -> None:
    dossier = accepted_from_a_phone(server)
    open_app(axe_page, server.url)
    keep_dossier(axe_page, dossier)
    axe_page.goto(f"{server.url}/#/da-nop")
    axe_page.reload()
    expect(axe_page.get_by_role("heading", name="Nhận thông báo khi có kết quả?")).to_be_visible()
    assert _violations(axe_page) == []
    axe_page.get_by_test_id("nav-inbox").click()
    expect(axe_page.get_by_test_id("notice")).to_contain_text("Hồ sơ đã được tiếp nhận")
    assert _violations(axe_page) == []
    axe_page.get_by_role("button", name="English").click()
    expect(axe_page.get_by_test_id("notice")).to_contain_text("Your dossier was accepted")
    expect(axe_page.get_by_role("heading", name="Be notified when there is news?")).to_be_visible()
    assert _violations(axe_page) == []
    axe_page.add_style_tag(content="html { font-size: 200% !important; }")
    assert _overflow(axe_page) <= 0

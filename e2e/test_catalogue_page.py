"""A citizen looks up a procedure on a small phone: search without diacritics, read what to bring."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

PHONE = {"width": 360, "height": 740}
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"


def _open(page: Page, url: str) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.set_viewport_size(PHONE)
    page.goto(url)
    return problems


def test_the_page_is_in_vietnamese_and_lists_the_demo_catalogue(page: Page, live_server: str) -> None:
    problems = _open(page, live_server)
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_text("Đăng ký khai sinh", exact=True)).to_be_visible()
    expect(page.get_by_text("Dữ liệu minh họa")).to_be_visible()
    expect(page.get_by_text("Phiên bản danh mục 1")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "catalogue-360.png"), full_page=True)
    assert problems == [], "console errors or CSP violations: " + "; ".join(problems)


def test_search_without_diacritics_finds_birth_registration_first(page: Page, live_server: str) -> None:
    _open(page, live_server)
    page.get_by_label("Tìm thủ tục").fill("dang ky khai sinh")
    first = page.get_by_role("listitem").first
    expect(first).to_contain_text("Đăng ký khai sinh")
    expect(first).not_to_contain_text("Đăng ký lại")
    expect(page.get_by_text("Đăng ký kết hôn", exact=True)).to_have_count(0)


def test_a_procedure_page_shows_what_to_bring_and_survives_reload(page: Page, live_server: str) -> None:
    _open(page, live_server)
    page.get_by_label("Tìm thủ tục").fill("khai sinh")
    page.get_by_text("Đăng ký khai sinh", exact=True).click()
    expect(page.get_by_role("heading", name="Đăng ký khai sinh")).to_be_visible()
    expect(page.get_by_text("Giấy chứng sinh").first).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Đăng ký khai sinh")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_english_can_be_chosen_and_is_remembered(page: Page, live_server: str) -> None:
    _open(page, live_server)
    page.get_by_role("button", name="English").click()
    expect(page.get_by_text("Birth registration", exact=True)).to_be_visible()
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")

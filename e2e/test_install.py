"""The app can be installed on the home screen: Chrome's own installability check finds nothing missing."""

from __future__ import annotations

import struct
from pathlib import Path

from conftest import CHROMIUM, CHROMIUM_ARGS
from pages import PHONE, open_app
from playwright.sync_api import BrowserType, Page


def test_chromium_finds_no_installability_error(browser_type: BrowserType, live_server: str, tmp_path: Path) -> None:
    # A real profile: Playwright's default contexts are incognito, where Chrome installs nothing.
    context = browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=PHONE
    )
    try:
        page = context.new_page()
        open_app(page, live_server)
        errors = context.new_cdp_session(page).send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
    finally:
        context.close()


def test_the_manifest_is_vietnamese_standalone_with_icons(page: Page, live_server: str) -> None:
    open_app(page, live_server)
    link = page.locator('link[rel="manifest"]').get_attribute("href")
    assert link
    manifest = page.request.get(live_server + "/" + link.lstrip("/")).json()
    assert manifest["lang"] == "vi" and manifest["short_name"] == "Một cửa"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    assert manifest["theme_color"] == "#0b5394"
    purposes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
    for icon in manifest["icons"]:
        png = page.request.get(live_server + icon["src"]).body()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert f"{width}x{height}" == icon["sizes"]

"""A dossier waiting on a phone with a bad signal goes as soon as the connection is back, however often
"Gửi ngay" was tapped in vain: on the browser's `online`, on any answer from the server, else by itself
within 30 s, and exactly once. Figures (seconds from reconnection to the dossier on the server) are printed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from conftest import AppServer
from pages import (
    BIRTH_CERTIFICATE,
    BIRTH_REGISTRATION,
    begin_birth_registration,
    complete_birth_registration,
    open_app,
    records,
    server_dossiers,
    small_photo,
    submit,
    wait_until,
)
from playwright.sync_api import BrowserContext, Page, expect
from proxy import proxy_to

TAPS = 5


def _draft_ready(page: Page, url: str, colour: tuple[int, int, int]) -> None:
    """Opens the app at `url` and fills a birth registration up to its check page, photo included."""
    open_app(page, url, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    begin_birth_registration(page)
    complete_birth_registration(page, {BIRTH_CERTIFICATE: small_photo(colour)})


def _tap_send_now_in_vain(page: Page, taps: int) -> dict[str, Any]:
    """Taps "Gửi ngay" `taps` times, each time until its try has failed; returns the stored entry."""
    button = page.get_by_test_id("outbox-entry").get_by_test_id("send-now")
    for _ in range(taps):
        # The first request of a try asks which photos the server holds already.
        with page.expect_event("requestfailed", lambda r: r.url.endswith("/files")):
            button.click()  # Waits until the button is enabled again: the previous try has ended.
    expect(button).to_be_enabled()
    [entry] = records(page, "outbox")
    assert entry["state"] == "waiting"
    # Tries that never reached the server are not attempts: the back-off did not grow.
    assert entry["attempts"] == 0 and entry["lastError"]["vi"].startswith("Chưa gửi được")
    return entry


def _seconds_until_sent(server: AppServer, timeout: float) -> tuple[float, list[dict[str, Any]]]:
    started = time.monotonic()
    dossiers = wait_until(lambda: server_dossiers(server.data_dir), timeout=timeout)
    return time.monotonic() - started, dossiers


def _sent_once(page: Page, server: AppServer, dossiers: list[dict[str, Any]]) -> None:
    assert len(dossiers) == 1, dossiers
    item = page.get_by_test_id("dossier-item")
    expect(item).to_have_attribute("data-code", dossiers[0]["code"], timeout=15_000)
    expect(page.get_by_test_id("outbox-entry")).to_have_count(0)
    assert wait_until(lambda: records(page, "outbox") == [])
    assert len(server_dossiers(server.data_dir)) == 1


def test_back_online_the_dossier_goes_at_once_however_often_it_was_tapped_offline(
    page: Page, context: BrowserContext, server: AppServer
) -> None:
    _draft_ready(page, server.url, (200, 180, 160))
    context.set_offline(True)
    submit(page)
    _tap_send_now_in_vain(page, TAPS)

    # Before: five failed tries had pushed the next one 40–80 s away, and `online` waited for it.
    context.set_offline(False)
    seconds, dossiers = _seconds_until_sent(server, timeout=15)
    print(f"\nbrowser back online: dossier on the server {seconds:.1f} s later")
    _sent_once(page, server, dossiers)


def _look_up_a_dossier(page: Page) -> None:
    """The citizen looks up a dossier: the server's answer (404, unknown code) shows the link works."""
    page.get_by_role("link", name="Tra cứu", exact=True).click()
    page.get_by_label("Mã hồ sơ").fill("HS-2026-000000")
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.get_by_role("button", name="Tra cứu").click()


def _show_the_app_again(page: Page) -> None:
    """The citizen comes back to the app from another one: the page is shown again."""
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")


@pytest.mark.parametrize("sign", [_look_up_a_dossier, _show_the_app_again], ids=["server-answer", "shown-again"])
def test_on_a_weak_signal_a_sign_that_the_network_is_back_sends_the_dossier(
    page: Page, server: AppServer, sign: Callable[[Page], None]
) -> None:
    with proxy_to(server.port) as link:
        _draft_ready(page, link.url, (170, 190, 210))
        link.cut()  # The phone still believes it is online: no `online` event will ever come.
        submit(page)
        entry = _tap_send_now_in_vain(page, TAPS)
        # Six tries in a row did not reach the server: the timer's next one is 15–30 s after the last.
        due = entry["nextAttemptAt"]
        assert due - page.evaluate("Date.now()") > 10_000

        link.restore()
        sign(page)
        seconds, dossiers = _seconds_until_sent(server, timeout=10)
        print(f"\nweak signal, {sign.__name__}: dossier on the server {seconds:.1f} s later")
        # Sent before the timer was due: the sign sent it, not the timer.
        assert dossiers and page.evaluate("Date.now()") < due
        page.get_by_role("link", name="Hồ sơ đã nộp").click()
        _sent_once(page, server, dossiers)


def test_on_a_weak_signal_the_dossier_is_tried_again_within_30_seconds_and_never_twice_at_once(
    page: Page, server: AppServer
) -> None:
    with proxy_to(server.port) as link:
        _draft_ready(page, link.url, (150, 200, 150))
        link.cut()
        submit(page)
        _tap_send_now_in_vain(page, TAPS)

        # A link that hangs: the timer's next try (15–30 s after the last) stays under way, and "Gửi ngay"
        # cannot start a second one meanwhile.
        link.stall()
        entry = page.get_by_test_id("outbox-entry")
        expect(entry).to_have_attribute("data-state", "sending", timeout=35_000)
        expect(entry.get_by_test_id("send-now")).to_be_disabled()

        # The signal comes back and the hanging request fails. Nothing else happens (no `online`, no other
        # request): the timer tries again 2.5–30 s after that failure.
        link.restore()
        seconds, dossiers = _seconds_until_sent(server, timeout=40)
        print(f"\nweak signal, timer alone: dossier on the server {seconds:.1f} s after the signal came back")
        _sent_once(page, server, dossiers)

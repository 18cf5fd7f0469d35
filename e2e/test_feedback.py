"""Feedback and complaints (phản ánh, kiến nghị) end to end: a complaint about a procedure is written on the phone
without a connection, kept through a reload, sent once when the connection is back; the centre's officer answers
it in the staff app; the answer reaches the phone's inbox and, through the local push-service emulator, a push
notice shown by the app's service worker; "Phản ánh của tôi" shows the answer."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, AppServer, serving
from pages import open_app, records, wait_until
from playwright.sync_api import Browser, BrowserContext, Request, expect
from staff import THIEN_LOC_CENTRE, create_officer
from test_accessibility import _violations
from test_handling_journey import MONDAY_9_00, PHONE, staff_page
from test_push import STUB_PUSH, _deliver

sys.path.insert(0, str(ROOT))  # the push-service emulator lives with the unit tests
from tests.push_emulator import PushEmulator

COMPLAINT = "Tôi đến nộp hồ sơ hai lần nhưng quầy đều đóng cửa trước giờ niêm yết."
ANSWER = "Trung tâm xin lỗi ông/bà; từ tuần này quầy mở đúng giờ niêm yết, 7 giờ 30."
# Monday 7 December 2026 09:00, received the same day: 10 working days are Tuesday 8 to Friday 11 (4),
# Monday 14 to Friday 18 (9) and Monday 21 (10): no holiday in between, two weekends skipped.
DUE = "21/12/2026"


@pytest.fixture
def push_server(tmp_path: Path) -> Iterator[AppServer]:
    """A server on a stopped clock whose own delivery worker may send to the emulator on this machine."""
    settings = {"MOTCUA_PUSH_SERVICES": "http://127.0.0.1", "MOTCUA_PUSH_POLL_SECONDS": "0.1"}
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", settings, frozen_at=MONDAY_9_00) as running:
        yield running


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, locale="vi-VN", bypass_csp=True)  # axe's script
    yield context
    context.close()


def feedback_kept(server: AppServer) -> int:
    with sqlite3.connect(server.data_dir / "motcua.sqlite") as db:
        [(count,)] = db.execute("SELECT COUNT(*) FROM feedback").fetchall()
    return int(count)


def test_a_complaint_written_offline_is_answered_and_the_answer_reaches_the_phone(
    phone: BrowserContext, browser: Browser, push_server: AppServer
) -> None:
    url = push_server.url
    context, page = phone, phone.new_page()
    key = httpx.get(f"{url}/api/push/key").json()["publicKey"]
    posts: list[Request] = []
    page.on("request", lambda r: posts.append(r) if r.method == "POST" and r.url.endswith("/api/feedback") else None)
    with PushEmulator(key) as push:
        page.add_init_script(f"({STUB_PUSH})({json.dumps([push.subscription()])})")
        context.grant_permissions(["notifications"], origin=url)
        open_app(page, url, "/#/thu-tuc/1.004873")
        context.set_offline(True)
        page.get_by_test_id("feedback-procedure").click()
        form = page.get_by_test_id("feedback-form")
        expect(form).to_contain_text("Về thủ tục:")
        form.get_by_role("button", name="Gửi").click()
        expect(form.get_by_role("alert")).to_have_count(2)  # no unit chosen, no text written
        assert not _violations(page), _violations(page)
        form.get_by_label("Cơ quan, đơn vị nhận").select_option(THIEN_LOC_CENTRE)
        form.get_by_label("Nội dung").fill(COMPLAINT)
        form.get_by_role("button", name="Gửi").click()
        expect(page).to_have_url(f"{url}/#/phan-anh")
        item = page.get_by_test_id("feedback-item")
        expect(item.get_by_test_id("feedback-state")).to_have_text("Chờ có mạng để gửi")
        page.reload()  # offline: the service worker serves the app, IndexedDB holds the complaint
        expect(item.get_by_test_id("feedback-state")).to_have_text("Chờ có mạng để gửi")
        assert feedback_kept(push_server) == 0 and posts == []

        context.set_offline(False)
        expect(item.get_by_test_id("feedback-state")).to_have_text(f"Đã gửi, hạn trả lời {DUE}", timeout=30_000)
        assert feedback_kept(push_server) == 1
        [kept] = records(page, "feedback")
        code = kept["view"]["code"]
        expect(item).to_contain_text(code)

        page.goto(f"{url}/#/thong-bao")  # the inbox offers notices to a phone that sent feedback
        with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/api/push/subscriptions")) as sub:
            page.get_by_role("button", name="Có, nhận thông báo").click()
        assert sub.value.post_data_json["tokens"] == [kept["token"]]
        expect(page.get_by_test_id("notice-offer")).to_contain_text("Đã bật thông báo")

        create_officer(push_server, THIEN_LOC_CENTRE)
        officer = staff_page(browser, push_server, "lan.nt")
        officer.get_by_role("link", name="Phản ánh, kiến nghị").click()
        expect(officer.get_by_role("heading", level=1)).to_have_text("Phản ánh, kiến nghị")
        waiting = officer.get_by_test_id("feedback-open").get_by_test_id("feedback-item")
        expect(waiting).to_have_count(1)
        expect(waiting).to_contain_text(COMPLAINT)
        expect(waiting.get_by_test_id("feedback-due")).to_have_text(f"Hạn trả lời {DUE}")
        assert not _violations(officer), _violations(officer)
        waiting.get_by_label(f"Trả lời {code}").fill(ANSWER)
        waiting.get_by_role("button", name="Gửi trả lời").click()
        expect(officer.get_by_test_id("feedback-said")).to_contain_text(f"Đã gửi trả lời {code}")
        answered = officer.get_by_test_id("feedback-answered")
        expect(answered).to_contain_text("Nguyễn Thị Lan trả lời lúc 09:00 07/12/2026")
        officer.context.close()

        [received] = push.wait_for(1)
    assert received.status == 201, received.problem  # VAPID checked, payload decrypted
    assert received.payload is not None
    assert (received.payload["kind"], received.payload["url"]) == ("feedback_answered", "/#/phan-anh")
    shown = _deliver(page, context, url, received.payload)
    assert shown["title"] == f"Đã có trả lời phản ánh {code}"
    assert shown["body"] == f"Trung tâm Phục vụ hành chính công xã Thiên Lộc trả lời: {ANSWER}"

    # The open page heard of it from the worker: the inbox holds the notice, and my feedback the answer.
    expect(page.get_by_test_id("nav-inbox")).to_contain_text("1 thông báo chưa đọc")
    notice = page.get_by_test_id("notice")
    expect(notice).to_contain_text(f"Đã có trả lời phản ánh {code}")
    notice.get_by_role("link", name=f"Đã có trả lời phản ánh {code}").click()
    expect(page).to_have_url(f"{url}/#/phan-anh")
    expect(item.get_by_test_id("feedback-state")).to_have_text("Đã trả lời ngày 07/12/2026")
    expect(item.get_by_test_id("feedback-answer")).to_contain_text(ANSWER)
    assert not _violations(page), _violations(page)
    assert wait_until(lambda: len(posts) == 1) and len(posts) == 1  # sent exactly once

"""The result was issued with a scan: the citizen's phone offers "Tải bản chụp kết quả" on the dossier's page and
downloads the file with the dossier's token, sent in a header and never in the address; without a connection it
says so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, AppServer, serving
from pages import PHONE, idb_all
from playwright.sync_api import Browser, Page, Request, expect
from test_handling_journey import MONDAY_9_00, api_step, phone_shows, sent_accepted_and_assigned

from tests.factories import pdf_bytes, sha256

PASSWORD = "Quầy-một-cửa-2026"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    with serving(ROOT / "pwa" / "dist", tmp_path / "data", frozen_at=MONDAY_9_00) as running:
        yield running


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="vi-VN", accept_downloads=True)
    yield context.new_page()
    context.close()


def issued_with_a_scan(server: AppServer, code: str, scan: bytes) -> None:
    """The handler's grant approved by the head; the handler uploads the scan and issues the result with it."""
    api_step(server, "minh.pv", code, "submit-for-approval", {"outcome": "granted", "text": "Đủ điều kiện"})
    api_step(server, "hoa.lt", code, "approve", {})
    with httpx.Client(base_url=server.url) as client:  # a scan is held for the session that uploaded it
        signed = client.post("/api/staff/session", json={"username": "minh.pv", "password": PASSWORD})
        csrf = {"X-CSRF-Token": signed.json()["csrfToken"]}
        kept = client.put(f"/api/staff/result-scans/{sha256(scan)}", content=scan,
                          headers={**csrf, "Content-Type": "application/pdf"})  # fmt: skip
        assert kept.status_code == 201, kept.text
        version = client.get(f"/api/staff/dossiers/{code}").json()["version"]
        body = {"version": version, "note": "Giấy xác nhận đã ký", "scan": sha256(scan)}
        issued = client.post(f"/api/staff/dossiers/{code}/result", json=body, headers=csrf)
        assert issued.is_success, issued.text


def test_the_phone_downloads_the_results_scan_with_its_token(server: AppServer, phone: Page) -> None:
    code = sent_accepted_and_assigned(server, phone)
    phone_shows(phone, server, code, "Đang giải quyết")
    expect(phone.get_by_test_id("result-scan")).to_have_count(0)  # no result yet

    scan = pdf_bytes(3)
    issued_with_a_scan(server, code, scan)
    phone_shows(phone, server, code, "Đã có kết quả, đang chuyển về nơi nộp")
    offer = phone.get_by_test_id("result-scan")
    expect(offer).to_contain_text("bản chính vẫn được trả tại Bộ phận Một cửa")
    asked: list[Request] = []
    phone.on("request", lambda r: asked.append(r) if "/result-scan" in r.url else None)
    with phone.expect_download() as downloading:
        offer.get_by_role("button", name="Tải bản chụp kết quả").click()
    download = downloading.value
    assert download.suggested_filename == f"ket-qua-{code}.pdf"
    assert Path(download.path()).read_bytes() == scan
    [request] = asked
    [token] = [d["accessToken"] for d in idb_all(phone, "dossiers") if d["code"] == code]
    assert request.headers["authorization"] == f"Bearer {token}" and token not in request.url

    phone.context.set_offline(True)
    offer.get_by_role("button", name="Tải bản chụp kết quả").click()
    expect(offer.get_by_role("alert")).to_have_text("Không có mạng nên chưa tải được. Vui lòng thử lại khi có mạng.")

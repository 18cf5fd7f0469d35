"""The staff app at /staff/: signing in, the shell, the admin's accounts page, keyboard use and axe, against a
fake staff API (e2e/fake_staff_api.py); and the citizen service worker leaving /staff/ alone."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_staff_api import Account, FakeStaffApi
from pages import open_app
from playwright.sync_api import Browser, Error, Page, expect
from test_accessibility import _violations

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "e2e" / "screenshots"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 360, "height": 740}
OFFICER = Account("lan.nt", "Nguyễn Thị Lan", "officer", "Đúng-mật-khẩu-1")
ADMIN = Account("quantri", "Trần Văn Minh", "admin", "Quản-trị-2026!")


@pytest.fixture
def fake() -> FakeStaffApi:
    api = FakeStaffApi()
    api.add(Account(**vars(OFFICER)))
    api.add(Account(**vars(ADMIN)))
    return api


@pytest.fixture
def staff(browser: Browser, fake: FakeStaffApi) -> Iterator[Page]:
    # axe is injected as an inline script, which the app's CSP rightly refuses: bypass it for the audit only.
    context = browser.new_context(bypass_csp=True, viewport=DESKTOP)
    page = context.new_page()
    fake.install(page)
    yield page
    context.close()


def sign_in(page: Page, url: str, account: Account, path: str = "/staff/") -> None:
    page.goto(url + path)
    page.get_by_label("Tên đăng nhập").fill(account.username)
    page.get_by_label("Mật khẩu").fill(account.password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("who")).to_contain_text(account.full_name)


def test_an_officer_signs_in_and_the_home_page_shows_name_role_and_agency(
    staff: Page, live_server: str, fake: FakeStaffApi
) -> None:
    sign_in(staff, live_server, OFFICER)
    header = staff.get_by_test_id("who")
    expect(header).to_contain_text("Cán bộ tiếp nhận và trả kết quả")
    expect(header).to_contain_text("UBND phường Hòa Khánh")
    expect(staff.get_by_role("heading", level=1)).to_have_text("Xin chào, Nguyễn Thị Lan")
    expect(staff.get_by_role("link", name="Tài khoản cán bộ", exact=True)).to_have_count(0)
    assert fake.requests[:2] == ["GET /session", "POST /session"]


def test_a_wrong_password_shows_the_servers_message_in_the_chosen_language(staff: Page, live_server: str) -> None:
    staff.goto(f"{live_server}/staff/")
    staff.get_by_label("Tên đăng nhập").fill(OFFICER.username)
    staff.get_by_label("Mật khẩu").fill("sai-mật-khẩu")
    staff.get_by_role("button", name="Đăng nhập").click()
    expect(staff.get_by_role("alert")).to_have_text("Tên đăng nhập hoặc mật khẩu không đúng.")
    expect(staff.get_by_label("Mật khẩu")).to_have_value("")
    staff.get_by_role("button", name="English").click()
    expect(staff.get_by_role("alert")).to_have_text("Wrong username or password.")
    expect(staff.locator("html")).to_have_attribute("lang", "en")


def test_too_many_attempts_show_the_wait(staff: Page, live_server: str, fake: FakeStaffApi) -> None:
    fake.wait_seconds = 90
    staff.goto(f"{live_server}/staff/")
    staff.get_by_label("Tên đăng nhập").fill(OFFICER.username)
    staff.get_by_label("Mật khẩu").fill(OFFICER.password)
    staff.get_by_role("button", name="Đăng nhập").click()
    alert = staff.get_by_role("alert")
    expect(alert).to_contain_text("vui lòng thử lại sau 90 giây")
    expect(alert).to_contain_text(re.compile(r"Có thể đăng nhập lại từ \d\d:\d\d:\d\d\."))


def test_keyboard_only_sign_in_in_a_logical_order_with_visible_focus(staff: Page, live_server: str) -> None:
    staff.goto(f"{live_server}/staff/")
    expect(staff.get_by_label("Tên đăng nhập")).to_be_visible()
    focused = "document.activeElement.textContent.trim() || document.activeElement.id"
    order = []
    for _ in range(3):
        staff.keyboard.press("Tab")
        order.append(staff.evaluate(focused))
        assert staff.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    assert order == ["Bỏ qua, đến nội dung chính", "English", "login-username"]
    staff.keyboard.type(OFFICER.username)
    staff.keyboard.press("Tab")
    staff.keyboard.type(OFFICER.password)
    staff.keyboard.press("Enter")
    expect(staff.get_by_test_id("who")).to_contain_text(OFFICER.full_name)


def test_the_skip_link_moves_to_the_main_content(staff: Page, live_server: str) -> None:
    sign_in(staff, live_server, OFFICER)
    staff.keyboard.press("Tab")
    expect(staff.get_by_role("link", name="Bỏ qua, đến nội dung chính")).to_be_focused()
    staff.keyboard.press("Enter")
    expect(staff.locator("main")).to_be_focused()


def test_an_admin_creates_an_account_and_sees_its_temporary_password_once(
    staff: Page, live_server: str, fake: FakeStaffApi
) -> None:
    sign_in(staff, live_server, ADMIN)
    staff.get_by_role("link", name="Tài khoản cán bộ", exact=True).click()
    expect(staff).to_have_url(f"{live_server}/staff/tai-khoan")
    expect(staff.get_by_test_id("account")).to_have_count(2)
    staff.get_by_label("Tên đăng nhập").fill("hoa.pt")
    staff.get_by_label("Họ và tên").fill("Phạm Thị Hòa")
    staff.get_by_label("Vai trò").select_option(label="Chuyên viên xử lý")
    staff.get_by_label("Cơ quan").select_option(label="UBND quận Liên Chiểu")
    staff.get_by_role("button", name="Tạo tài khoản").click()
    secret = staff.get_by_test_id("temporary-password")
    expect(secret).to_contain_text("Mật khẩu tạm thời của hoa.pt:")
    expect(secret.locator("code")).to_have_text("Tạm-7xKq-29pW")
    expect(secret).to_be_focused()
    created = staff.locator("[data-username='hoa.pt']")
    expect(created).to_contain_text("Chuyên viên xử lý")
    expect(created).to_contain_text("UBND quận Liên Chiểu")
    added = fake.accounts["hoa.pt"]
    assert (added.full_name, added.role, added.agency_code) == ("Phạm Thị Hòa", "specialist", "H12.22")
    staff.reload()  # shown once: leaving the page forgets it
    expect(staff.get_by_test_id("account")).to_have_count(3)
    expect(staff.get_by_test_id("temporary-password")).to_have_count(0)


def test_an_admin_deactivates_resets_and_changes_a_role(staff: Page, live_server: str, fake: FakeStaffApi) -> None:
    sign_in(staff, live_server, ADMIN, "/staff/tai-khoan")
    officer = staff.locator(f"[data-username='{OFFICER.username}']")
    officer.get_by_role("button", name="Khóa tài khoản").click()
    expect(officer).to_contain_text("Đã khóa")
    officer.get_by_role("button", name="Mở lại tài khoản").click()
    expect(officer).to_contain_text("Đang hoạt động")
    officer.get_by_role("button", name="Cấp lại mật khẩu").click()
    question = officer.get_by_text(f"Cấp lại mật khẩu cho {OFFICER.username}?")
    expect(question).to_be_focused()
    assert fake.accounts[OFFICER.username].password == OFFICER.password  # asked first
    officer.get_by_role("button", name="Cấp lại mật khẩu").click()
    expect(staff.get_by_test_id("temporary-password").locator("code")).to_have_text("Mới-3bNv-81Tz")
    officer.get_by_role("button", name=f"Sửa: {OFFICER.username}").click()
    officer.get_by_label("Vai trò").select_option(label="Lãnh đạo phê duyệt")
    officer.get_by_role("button", name="Lưu").click()
    expect(officer).to_contain_text("Lãnh đạo phê duyệt")
    assert fake.accounts[OFFICER.username].role == "leader" and fake.accounts[OFFICER.username].active
    # Their own account: no deactivation offered.
    expect(
        staff.locator(f"[data-username='{ADMIN.username}']").get_by_role("button", name="Khóa tài khoản")
    ).to_have_count(0)


def test_a_stale_csrf_token_is_renewed_and_the_action_goes_through(
    staff: Page, live_server: str, fake: FakeStaffApi
) -> None:
    sign_in(staff, live_server, ADMIN, "/staff/tai-khoan")
    fake.reject_csrf_once = True
    staff.locator(f"[data-username='{OFFICER.username}']").get_by_role("button", name="Khóa tài khoản").click()
    expect(staff.locator(f"[data-username='{OFFICER.username}']")).to_contain_text("Đã khóa")
    assert fake.requests[-3:] == [
        f"PATCH /accounts/{OFFICER.username}",
        "GET /session",
        f"PATCH /accounts/{OFFICER.username}",
    ]


def test_a_temporary_password_must_be_changed_first(staff: Page, live_server: str, fake: FakeStaffApi) -> None:
    fake.accounts[OFFICER.username].must_change_password = True
    sign_in(staff, live_server, OFFICER)
    expect(staff.get_by_text("Đây là mật khẩu tạm thời.")).to_be_visible()
    expect(staff.get_by_role("navigation")).to_have_count(0)
    staff.get_by_label("Mật khẩu hiện tại").fill(OFFICER.password)
    staff.get_by_label("Mật khẩu mới", exact=True).fill("Mật-khẩu-mới-dài-2026")
    staff.get_by_label("Nhập lại mật khẩu mới").fill("Mật-khẩu-mới-dài-2026")
    staff.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Xin chào, Nguyễn Thị Lan")
    assert fake.accounts[OFFICER.username].password == "Mật-khẩu-mới-dài-2026"


def test_signing_out_shows_the_login_page_only_once_the_server_ended_the_session(
    staff: Page, live_server: str, fake: FakeStaffApi
) -> None:
    sign_in(staff, live_server, OFFICER)
    fake.unreachable = True
    staff.get_by_role("button", name="Đăng xuất").click()
    expect(staff.get_by_role("alert")).to_contain_text("Chưa đăng xuất được")
    expect(staff.get_by_test_id("who")).to_be_visible()
    fake.unreachable = False
    staff.get_by_role("button", name="Đăng xuất").click()
    expect(staff.get_by_label("Tên đăng nhập")).to_be_visible()
    assert fake.signed_in is None
    staff.reload()
    expect(staff.get_by_label("Tên đăng nhập")).to_be_visible()


def test_signing_out_of_a_session_that_already_ended_shows_the_login_page(
    staff: Page, live_server: str, fake: FakeStaffApi
) -> None:
    sign_in(staff, live_server, OFFICER)
    fake.signed_in = None  # ended on the server (idle expiry, or a password change elsewhere)
    staff.get_by_role("button", name="Đăng xuất").click()
    expect(staff.get_by_label("Tên đăng nhập")).to_be_visible()
    expect(staff.get_by_role("alert")).to_have_count(0)


def test_moving_to_another_page_puts_the_focus_on_its_title(staff: Page, live_server: str) -> None:
    sign_in(staff, live_server, ADMIN)
    staff.get_by_role("link", name="Đổi mật khẩu").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Đổi mật khẩu")
    expect(staff.get_by_role("heading", level=1)).to_be_focused()
    expect(staff).to_have_title("Đổi mật khẩu — Một cửa — Cán bộ")
    staff.go_back()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Xin chào, Trần Văn Minh")


def test_an_ended_session_brings_back_the_login_page(staff: Page, live_server: str, fake: FakeStaffApi) -> None:
    sign_in(staff, live_server, ADMIN)
    fake.signed_in = None  # idle expiry on the server
    staff.get_by_role("link", name="Tài khoản cán bộ", exact=True).click()
    expect(staff.get_by_text("Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.")).to_be_visible()
    expect(staff.get_by_label("Tên đăng nhập")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "360"])
def test_login_home_and_accounts_have_no_serious_violations(
    staff: Page, live_server: str, viewport: dict[str, int]
) -> None:
    staff.set_viewport_size(viewport)
    staff.goto(f"{live_server}/staff/")
    expect(staff.get_by_label("Tên đăng nhập")).to_be_visible()
    assert _violations(staff) == []
    staff.get_by_label("Tên đăng nhập").fill(ADMIN.username)
    staff.get_by_label("Mật khẩu").fill("sai")
    staff.get_by_role("button", name="Đăng nhập").click()
    expect(staff.get_by_role("alert")).to_be_visible()
    assert _violations(staff) == []  # with the error shown
    sign_in(staff, live_server, ADMIN)
    assert _violations(staff) == []
    staff.get_by_role("link", name="Tài khoản cán bộ", exact=True).click()
    expect(staff.get_by_test_id("account")).to_have_count(2)
    assert _violations(staff) == []
    overflow = staff.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_screenshots_of_the_login_and_accounts_pages(staff: Page, live_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    staff.goto(f"{live_server}/staff/")
    expect(staff.get_by_label("Tên đăng nhập")).to_be_visible()
    staff.screenshot(path=str(SCREENSHOTS / "staff-login-1366.png"))
    sign_in(staff, live_server, ADMIN, "/staff/tai-khoan")
    staff.get_by_label("Tên đăng nhập").fill("hoa.pt")
    staff.get_by_label("Họ và tên").fill("Phạm Thị Hòa")
    staff.get_by_role("button", name="Tạo tài khoản").click()
    expect(staff.get_by_test_id("temporary-password")).to_be_visible()
    staff.mouse.click(1, 700)  # the screenshot without the focus ring
    staff.screenshot(path=str(SCREENSHOTS / "staff-accounts-1366.png"), full_page=True)


def test_the_citizen_worker_precaches_nothing_of_the_staff_app() -> None:
    dist = ROOT / "pwa" / "dist"
    precached = re.findall(r'"url":"([^"]+)"', (dist / "sw.js").read_text(encoding="utf-8"))
    assert "index.html" in precached
    assert [url for url in precached if url.startswith(("staff/", "assets/staff/"))] == []
    staff_page = (dist / "staff" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script type="module" crossorigin src="/assets/staff/[\w-]+\.js">', staff_page)
    assert "manifest" not in staff_page
    assert json.loads((dist / "manifest.webmanifest").read_text(encoding="utf-8"))["start_url"] == "/"


def test_under_the_citizen_worker_staff_navigations_reach_the_staff_app(page: Page, live_server: str) -> None:
    open_app(page, live_server)  # the citizen's worker is installed and controls the page
    page.goto(f"{live_server}/staff/tai-khoan")
    expect(page).to_have_title("Một cửa — Cán bộ")
    expect(page.get_by_text("Một cửa — Cán bộ")).to_be_visible()
    expect(page.get_by_label("Tìm thủ tục")).to_have_count(0)


def test_offline_staff_navigations_are_not_answered_with_the_citizen_app(page: Page, live_server: str) -> None:
    open_app(page, live_server)
    page.context.set_offline(True)
    with pytest.raises(Error, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(f"{live_server}/staff/")
    expect(page.get_by_label("Tìm thủ tục")).to_have_count(0)
    page.goto(f"{live_server}/")  # the citizen app itself still opens offline
    expect(page.get_by_label("Tìm thủ tục")).to_be_visible()

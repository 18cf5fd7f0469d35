"""A citizen prepares a birth registration on a small phone: one step per page, errors in Vietnamese,
answers kept on the phone, photos made small and stripped of their GPS position, drafts discarded."""

from __future__ import annotations

import io
import re
from typing import Any

from pages import (
    BIRTH_CERTIFICATE,
    add_photo,
    fill_child,
    fill_declarant,
    fill_mother,
    next_step,
    open_app,
    photo_with_gps,
    records,
    start_birth_registration,
    wait_until,
)
from PIL import Image
from playwright.sync_api import Page, expect


def _draft(page: Page) -> dict[str, Any]:
    drafts = records(page, "drafts")
    assert len(drafts) == 1
    return drafts[0]


def test_missing_answer_and_bad_identity_number_are_explained_in_vietnamese(page: Page, live_server: str) -> None:
    start_birth_registration(page, live_server)
    fill_child(page, ethnicity=None)
    next_step(page)

    summary = page.get_by_role("alert").filter(has_text="Có lỗi cần sửa")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Vui lòng nhập Dân tộc.")).to_be_visible()
    ethnicity = page.get_by_label("Dân tộc")
    expect(ethnicity).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{ethnicity.get_attribute('aria-describedby').split()[-1]}")).to_contain_text(
        "Vui lòng nhập Dân tộc."
    )
    summary.get_by_role("link", name="Vui lòng nhập Dân tộc.").click()
    expect(ethnicity).to_be_focused()

    ethnicity.fill("Kinh")
    expect(ethnicity).not_to_have_attribute("aria-invalid", "true")
    next_step(page)
    expect(page.get_by_role("heading", name="Thông tin người mẹ")).to_be_visible()
    expect(page.get_by_text("Bước 3/7")).to_be_visible()

    fill_mother(page, id_number="04219400351")
    next_step(page)
    expect(page.get_by_role("link", name="Số định danh cá nhân: gồm đúng 12 chữ số; bạn đã nhập 11.")).to_be_visible()
    page.get_by_label("Số định danh cá nhân").fill("042194003517")
    next_step(page)
    expect(page.get_by_role("heading", name="Thông tin người cha (không bắt buộc)")).to_be_visible()


def test_numbers_typed_with_spaces_are_accepted_and_hidden_characters_refused(page: Page, live_server: str) -> None:
    start_birth_registration(page, live_server)
    fill_child(page)
    # A right-to-left override hidden in the child's name would print another name than the one shown.
    name = page.get_by_label("Họ, chữ đệm và tên", exact=True)
    name.fill("Nguyễn Minh \u202eKhang")
    next_step(page)
    expect(page.get_by_role("link", name="Họ, chữ đệm và tên: có ký tự không hợp lệ", exact=False)).to_be_visible()
    name.fill("  Nguyễn   Minh Khang ")
    next_step(page)

    fill_mother(page, id_number="042 194 003 517")
    expect(page.get_by_label("Số định danh cá nhân")).to_have_attribute("inputmode", "numeric")
    next_step(page)
    next_step(page)  # No father.
    expect(page.get_by_role("heading", name="Người đi đăng ký khai sinh và liên hệ")).to_be_visible()
    fill_declarant(page)
    phone = page.get_by_label("Số điện thoại di động")
    phone.fill("0912 345 678")
    phone.blur()
    expect(phone).to_have_value("0912345678")  # Shown as it is kept once the citizen leaves the field.
    next_step(page)
    expect(page.get_by_role("heading", name="Ảnh giấy tờ")).to_be_visible()

    answers = _draft(page)["answers"]
    assert answers["child"]["full_name"] == "Nguyễn Minh Khang"
    assert answers["mother"]["id_number"] == "042194003517"
    assert answers["declarant"]["phone"] == "0912345678"


def test_an_answer_left_while_typing_is_tidied_when_the_draft_is_opened_again(page: Page, live_server: str) -> None:
    start_birth_registration(page, live_server)
    page.get_by_label("Họ, chữ đệm và tên", exact=True).fill("Nguyễn  Minh Khang ")  # Typed, never left.
    assert wait_until(lambda: _draft(page)["answers"].get("child", {}).get("full_name") == "Nguyễn  Minh Khang ")
    page.reload()
    expect(page.get_by_label("Họ, chữ đệm và tên", exact=True)).to_have_value("Nguyễn Minh Khang")
    assert wait_until(lambda: _draft(page)["answers"]["child"]["full_name"] == "Nguyễn Minh Khang")


def test_answers_are_kept_on_the_phone_and_survive_a_reload(page: Page, live_server: str) -> None:
    draft_id = start_birth_registration(page, live_server)
    fill_child(page)
    page.get_by_label("Quê quán").fill("Xã Thiên Lộc")
    page.get_by_label("Quê quán").fill("")  # An emptied answer is removed, not kept as "".
    expect(page.get_by_text("Đã lưu trên máy")).to_be_visible()
    child = wait_until(lambda: _draft(page)["answers"].get("child", {}).get("nationality") == "Việt Nam")
    assert child, _draft(page)

    page.reload()
    expect(page.get_by_label("Họ, chữ đệm và tên", exact=True)).to_have_value("Nguyễn Minh Khang")
    expect(page.get_by_label("Nam", exact=True)).to_be_checked()
    expect(page.get_by_label("Ngày, tháng, năm sinh")).to_have_value("2024-03-14")
    stored = _draft(page)
    assert stored["id"] == draft_id
    assert stored["agencyCode"] == "H12.42"
    assert "hometown" not in stored["answers"]["child"]

    # Reopened from the list, the draft continues at the first step with something missing.
    page.goto(f"{live_server}/#/ho-so")
    page.get_by_role("link", name="Đăng ký khai sinh").click()
    expect(page.get_by_role("heading", name="Thông tin người mẹ")).to_be_visible()


def test_a_complete_dossier_with_no_father_is_ready_on_the_check_page(page: Page, live_server: str) -> None:
    start_birth_registration(page, live_server)
    fill_child(page)
    next_step(page)
    fill_mother(page)
    next_step(page)

    # The father's section is optional: started then emptied, it is dropped, not judged.
    page.get_by_label("Họ, chữ đệm và tên người cha").fill("X")
    page.get_by_label("Họ, chữ đệm và tên người cha").fill("")
    next_step(page)
    expect(page.get_by_role("heading", name="Người đi đăng ký khai sinh và liên hệ")).to_be_visible()
    assert "father" not in _draft(page)["answers"]

    fill_declarant(page)
    next_step(page)
    expect(page.get_by_role("heading", name="Ảnh giấy tờ")).to_be_visible()
    next_step(page)
    expect(page.get_by_role("link", name="Cần ảnh: Bản chính Giấy chứng sinh", exact=False)).to_be_visible()
    add_photo(page, BIRTH_CERTIFICATE, photo_with_gps())
    next_step(page)

    expect(page.get_by_role("heading", name="Kiểm tra hồ sơ")).to_be_visible()
    expect(page.get_by_role("heading", name="Hồ sơ đã đầy đủ")).to_be_visible()
    expect(page.get_by_test_id("submit-dossier")).to_be_enabled()
    expect(page.get_by_test_id("submit-dossier")).to_have_text("Nộp hồ sơ")
    expect(page.get_by_text("14/03/2024")).to_be_visible()
    expect(page.get_by_text("Không khai")).to_be_visible()
    expect(page.get_by_text("Ủy ban nhân dân xã Thiên Lộc")).to_be_visible()
    declarant = _draft(page)["answers"]["declarant"]
    assert declarant["extra_copies"] == 2
    assert declarant["commitment"] is True
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_photo_is_stored_small_upright_and_without_gps_then_removed(page: Page, live_server: str) -> None:
    draft_id = start_birth_registration(page, live_server)
    page.goto(f"{live_server}/#/ho-so/{draft_id}/giay-to")
    original = photo_with_gps()
    assert b"Exif" in original
    add_photo(page, BIRTH_CERTIFICATE, original)

    [photo] = records(page, "photos")
    data = bytes(photo["blob"])
    assert photo["slot"] == BIRTH_CERTIFICATE
    assert photo["blobType"] == photo["type"] == "image/jpeg"
    assert len(data) == photo["size"] < 400_000
    assert b"Exif" not in data  # No APP1 EXIF segment: orientation and GPS position are gone.
    decoded = Image.open(io.BytesIO(data))
    assert decoded.format == "JPEG"
    assert max(decoded.size) <= 1600
    assert decoded.size == (photo["width"], photo["height"])
    assert decoded.height > decoded.width  # Turned upright from the EXIF orientation.
    assert not decoded.getexif()

    box = page.locator(".photo-slot").filter(has=page.locator(f"#f-photo-{BIRTH_CERTIFICATE}"))
    expect(box).to_contain_text(" KB")
    box.get_by_role("button", name="Xóa").click()
    expect(box.get_by_role("button", name="Chụp ảnh")).to_be_visible()
    assert wait_until(lambda: records(page, "photos") == [])


def test_a_file_that_is_not_a_picture_is_refused(page: Page, live_server: str) -> None:
    draft_id = start_birth_registration(page, live_server)
    page.goto(f"{live_server}/#/ho-so/{draft_id}/giay-to")
    box = page.locator(".photo-slot").filter(has=page.locator(f"#f-photo-{BIRTH_CERTIFICATE}"))
    box.locator("input.photo-gallery").set_input_files(
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not a photo"}
    )
    expect(box.get_by_text("Tệp đã chọn không phải là ảnh.")).to_be_visible()
    assert records(page, "photos") == []


def test_a_draft_is_discarded_only_after_confirmation_with_its_photos(page: Page, live_server: str) -> None:
    draft_id = start_birth_registration(page, live_server)
    page.goto(f"{live_server}/#/ho-so/{draft_id}/giay-to")
    add_photo(page, BIRTH_CERTIFICATE, photo_with_gps(1200, 900))

    page.goto(f"{live_server}/#/ho-so")
    item = page.locator(".draft-item")
    expect(item).to_contain_text("Đăng ký khai sinh")
    expect(item).to_contain_text("Ủy ban nhân dân xã Thiên Lộc")
    expect(item).to_contain_text("Sửa lần cuối:")
    expect(item).to_contain_text("1 ảnh")
    expect(item).to_contain_text("Đã xong 3/6 bước")
    expect(page.get_by_text("Dữ liệu trên máy")).to_be_visible()

    item.get_by_role("button", name="Xóa").click()
    expect(item.get_by_text("Xóa bản nháp này? Ảnh đã chụp cũng bị xóa.")).to_be_visible()
    item.get_by_role("button", name="Hủy").click()
    assert len(records(page, "drafts")) == 1

    item.get_by_role("button", name="Xóa").click()
    item.get_by_role("button", name="Xóa").click()
    expect(page.locator(".draft-item")).to_have_count(0)
    expect(page.get_by_text("Bạn chưa có hồ sơ nào đang soạn.")).to_be_visible()
    assert records(page, "drafts") == []
    assert records(page, "photos") == []


def test_the_check_page_lists_what_is_still_missing(page: Page, live_server: str) -> None:
    draft_id = start_birth_registration(page, live_server)
    fill_child(page)
    page.goto(f"{live_server}/#/ho-so/{draft_id}/kiem-tra")

    problems = page.get_by_role("region", name="Hồ sơ còn", exact=False)
    expect(problems).to_contain_text("Vui lòng nhập Thông tin người mẹ.")
    expect(problems).to_contain_text("Cần ảnh: Bản chính Giấy chứng sinh")
    expect(page.get_by_test_id("submit-dossier")).to_have_count(0)
    expect(page.get_by_text("Nguyễn Minh Khang")).to_be_visible()

    problems.get_by_role("link", name="Vui lòng nhập Thông tin người mẹ.").click()
    expect(page.get_by_role("heading", name="Thông tin người mẹ")).to_be_visible()


def test_a_draft_that_is_gone_says_so_and_links_to_the_list(page: Page, live_server: str) -> None:
    open_app(page, live_server, "/#/ho-so/khong-con/child")
    expect(page.get_by_role("heading", name="Không tìm thấy hồ sơ này")).to_be_visible()
    page.get_by_role("link", name="Xem các hồ sơ đang soạn").click()
    expect(page.get_by_role("heading", name="Hồ sơ đang soạn")).to_be_visible()


def test_persistent_storage_is_asked_for_at_the_first_draft_and_use_is_shown(page: Page, live_server: str) -> None:
    # Record the app's calls to persist(): whether headless Chromium grants it is not the point.
    page.add_init_script(
        """window.__persistCalls = 0;
        const persist = StorageManager.prototype.persist;
        StorageManager.prototype.persist = function () { window.__persistCalls += 1; return persist.call(this); };"""
    )
    open_app(page, live_server)
    assert page.evaluate("window.__persistCalls") == 0, "asked before the citizen had anything to keep"
    start_birth_registration(page, live_server)
    assert page.evaluate("window.__persistCalls") >= 1
    page.goto(f"{live_server}/#/ho-so")
    expect(page.get_by_text("Dữ liệu trên máy")).to_be_visible()
    expect(page.locator("main")).to_contain_text(re.compile(r"\d+([.,]\d+)? ?(KB|MB)"))

"""What the browser journeys share: opening the app as a phone does, and reading its IndexedDB."""

from __future__ import annotations

import io
import json
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

PHONE = {"width": 360, "height": 740}


def open_app(page: Page, url: str, path: str = "/") -> None:
    """First visit: the service worker installs and precaches, the catalogue lands in IndexedDB; the
    page is then reloaded so the worker controls it, as on any later visit."""
    page.set_viewport_size(PHONE)
    page.goto(url + path)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    expect(page.get_by_text("Danh mục cập nhật lúc")).to_be_visible()
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    expect(page.get_by_text("Danh mục cập nhật lúc")).to_be_visible()


# Reads one store of the app's database; a photo's blob comes back as its size or, with `bytes`, its bytes.
_READ_STORE = """([store, bytes]) => new Promise((resolve, reject) => {
    const open = indexedDB.open("motcua");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
        const request = open.result.transaction(store).objectStore(store).getAll();
        request.onerror = () => reject(request.error);
        request.onsuccess = async () => {
            open.result.close();
            resolve(await Promise.all(request.result.map(async (r) => !r.blob ? r : bytes
                ? {...r, blobType: r.blob.type, blob: Array.from(new Uint8Array(await r.blob.arrayBuffer()))}
                : {...r, blob: r.blob.size})));
        };
    };
})"""


def idb_all(page: Page, store: str) -> list[dict[str, Any]]:
    """Every record of one object store of the app's database (blobs come back as their size)."""
    return page.evaluate(_READ_STORE, [store, False])


_KEEP = """([store, record]) => new Promise((resolve, reject) => {
    const open = indexedDB.open("motcua");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
        const tx = open.result.transaction(store, "readwrite");
        tx.objectStore(store).put(record);
        tx.oncomplete = () => { open.result.close(); resolve(true); };
        tx.onerror = () => reject(tx.error);
    };
})"""


def keep_dossier(page: Page, dossier: dict[str, Any]) -> None:
    """One more of "my dossiers" on the phone, as the app keeps a confirmed one (the app already opened)."""
    keep(page, "dossiers", dossier)


def keep(page: Page, store: str, record: dict[str, Any]) -> None:
    """One record more in one object store of the app's database (the app already opened)."""
    page.evaluate(_KEEP, [store, record])


def photo_with_gps(width: int = 3000, height: int = 2000) -> bytes:
    """A camera-like photo of a printed page, rotated by EXIF (orientation 6) and tagged with a GPS position."""
    image = Image.new("RGB", (width, height), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    rng = random.Random(7)
    for y in range(150, height - 100, 60):
        x = 150
        while x < width - 200:
            word = rng.randint(40, 220)
            draw.rectangle([x, y, x + word, y + 30], fill=(30, 30, 40))
            x += word + rng.randint(20, 50)
    image = Image.blend(image, Image.effect_noise((width, height), 12).convert("RGB"), 0.08)
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the phone was held upright.
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()


def small_photo(colour: tuple[int, int, int]) -> bytes:
    """A plain photo of one colour: small, quick to send, and different for each colour."""
    out = io.BytesIO()
    Image.new("RGB", (900, 1200), colour).save(out, "JPEG", quality=90)
    return out.getvalue()


def add_photo(page: Page, slot: str, photo: bytes) -> None:
    box = page.locator(".photo-slot").filter(has=page.locator(f"#f-photo-{slot}"))
    box.locator("input.photo-gallery").set_input_files(
        {"name": "giay-chung-sinh.jpg", "mimeType": "image/jpeg", "buffer": photo}
    )
    expect(box.get_by_role("img")).to_be_visible(timeout=15_000)


BIRTH_REGISTRATION = "1.001193"
BIRTH_CERTIFICATE = "giay_chung_sinh"  # The one paper whose photo is required.


def wait_until(check: Callable[[], Any], timeout: float = 5.0) -> Any:
    """IndexedDB writes finish a moment after the screen changes: poll instead of sleeping blindly."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.05)


def records(page: Page, store: str) -> list[dict[str, Any]]:
    """Every record of one store of the app's database; photo blobs come back as their bytes."""
    return page.evaluate(_READ_STORE, [store, True])


def draft_id_from_url(page: Page) -> str:
    return page.url.split("#/ho-so/")[1].split("/")[0]


def next_step(page: Page) -> None:
    page.get_by_role("button", name="Tiếp tục").click()


def start_birth_registration(page: Page, url: str) -> str:
    open_app(page, url, f"/#/thu-tuc/{BIRTH_REGISTRATION}")
    return begin_birth_registration(page)


def begin_birth_registration(page: Page) -> str:
    """From the birth registration's page of an app already open (online or not): a draft at Thiên Lộc."""
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    expect(page.get_by_role("heading", name="Xã, phường giải quyết hồ sơ")).to_be_visible()
    expect(page.get_by_text("Bước 1/7")).to_be_visible()
    page.get_by_label("Ủy ban nhân dân xã Thiên Lộc").check()
    next_step(page)
    expect(page.get_by_role("heading", name="Người được khai sinh")).to_be_visible()
    return draft_id_from_url(page)


def complete_birth_registration(page: Page, photos: dict[str, bytes]) -> None:
    """Answers every step of a draft begun with `begin_birth_registration`, adds `photos` (slot → bytes),
    and stops on the check page, with nothing missing."""
    fill_child(page)
    next_step(page)
    fill_mother(page)
    next_step(page)
    next_step(page)  # No father: the section is optional.
    fill_declarant(page)
    next_step(page)
    expect(page.get_by_role("heading", name="Ảnh giấy tờ")).to_be_visible()
    for slot, photo in photos.items():
        add_photo(page, slot, photo)
    next_step(page)
    expect(page.get_by_role("heading", name="Hồ sơ đã đầy đủ")).to_be_visible()


def fill_child(page: Page, *, ethnicity: str | None = "Kinh") -> None:
    page.get_by_label("Họ, chữ đệm và tên", exact=True).fill("Nguyễn Minh Khang")
    page.get_by_label("Ngày, tháng, năm sinh").fill("2024-03-14")
    page.get_by_label("Nam", exact=True).check()
    page.get_by_label("Nơi sinh", exact=True).fill("Bệnh viện Đa khoa tỉnh Hà Tĩnh")
    if ethnicity is not None:
        page.get_by_label("Dân tộc").fill(ethnicity)
    page.get_by_label("Quốc tịch").fill("Việt Nam")


def fill_mother(page: Page, id_number: str = "042194003517") -> None:
    page.get_by_label("Họ, chữ đệm và tên người mẹ").fill("Trần Thị Hoa")
    page.get_by_label("Ngày, tháng, năm sinh").fill("1994-07-02")
    page.get_by_label("Dân tộc").fill("Kinh")
    page.get_by_label("Quốc tịch").fill("Việt Nam")
    page.get_by_label("Nơi cư trú").fill("Thôn Phúc Lộc, xã Thiên Lộc, tỉnh Hà Tĩnh")
    page.get_by_label("Số định danh cá nhân").fill(id_number)


def fill_declarant(page: Page) -> None:
    page.get_by_label("Họ, chữ đệm và tên người yêu cầu").fill("Nguyễn Văn An")
    page.get_by_label("Quan hệ với người được khai sinh").select_option("cha")
    page.get_by_label("Số định danh cá nhân").fill("042091001284")
    page.get_by_label("Số điện thoại di động").fill("0912345678")
    page.get_by_label("Số bản sao Giấy khai sinh đề nghị cấp").fill("2")
    page.get_by_label("Tôi cam đoan", exact=False).check()


def submit(page: Page) -> None:
    """Taps "Nộp hồ sơ" on the check page: the dossier shows in the outbox, or already among those sent."""
    page.get_by_test_id("submit-dossier").click()
    expect(page.get_by_test_id("outbox-entry").or_(page.get_by_test_id("dossier-item")).first).to_be_visible()


def send_birth_registration(page: Page, url: str, data_dir: Path) -> str:
    """A birth registration drafted and sent from the app already open, until the server confirms it (the only
    dossier of that server); its code."""
    page.goto(f"{url}/#/thu-tuc/{BIRTH_REGISTRATION}")
    begin_birth_registration(page)
    complete_birth_registration(page, {BIRTH_CERTIFICATE: small_photo((200, 180, 160))})
    submit(page)
    expect(page.get_by_test_id("dossier-item")).to_have_attribute("data-status", "submitted", timeout=30_000)
    [dossier] = server_dossiers(data_dir)
    return str(dossier["code"])


def server_dossiers(data_dir: Path) -> list[dict[str, Any]]:
    """The dossiers as a test server stored them, read straight from its SQLite file."""
    with sqlite3.connect(data_dir / "motcua.sqlite") as db:
        db.row_factory = sqlite3.Row
        rows = db.execute("SELECT code, submission_id, status, channel, attachments FROM dossier").fetchall()
    return [{**dict(row), "attachments": json.loads(row["attachments"])} for row in rows]


def server_dossier(data_dir: Path, code: str) -> dict[str, Any]:
    """One dossier as a test server stored it: status, version, answers, files and any request for corrections."""
    with sqlite3.connect(data_dir / "motcua.sqlite") as db:
        db.row_factory = sqlite3.Row
        row = db.execute(
            "SELECT status, version, answers, attachments, correction_request FROM dossier WHERE code = ?", (code,)
        ).fetchone()
    return {**dict(row), "answers": json.loads(row["answers"]), "attachments": json.loads(row["attachments"])}

"""What the browser journeys share: opening the app as a phone does, and reading its IndexedDB."""

from __future__ import annotations

import io
import random
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


def idb_all(page: Page, store: str) -> list[dict[str, Any]]:
    """Every record of one object store of the app's database (blobs come back as their size)."""
    return page.evaluate(
        """store => new Promise((resolve, reject) => {
            const open = indexedDB.open("motcua");
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
                const request = open.result.transaction(store).objectStore(store).getAll();
                request.onsuccess = () => {
                    open.result.close();
                    resolve(request.result.map(r => r.blob ? {...r, blob: r.blob.size} : r));
                };
                request.onerror = () => reject(request.error);
            };
        })""",
        store,
    )


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


def add_photo(page: Page, slot: str, photo: bytes) -> None:
    box = page.locator(".photo-slot").filter(has=page.locator(f"#f-photo-{slot}"))
    box.locator("input.photo-gallery").set_input_files(
        {"name": "giay-chung-sinh.jpg", "mimeType": "image/jpeg", "buffer": photo}
    )
    expect(box.get_by_role("img")).to_be_visible(timeout=15_000)

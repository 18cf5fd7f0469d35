"""What the browser journeys share: opening the app as a phone does, and reading its IndexedDB."""

from __future__ import annotations

from typing import Any

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

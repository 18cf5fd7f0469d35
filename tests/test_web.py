"""Serving the citizen and staff apps: caching that survives deploys, client routing, and security headers."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from backend.app import create_app
from backend.settings import Settings

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def web(settings: Settings, tmp_path: Path) -> httpx.AsyncClient:  # type: ignore[misc]
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Một cửa</title>", encoding="utf-8")
    (dist / "staff").mkdir()
    (dist / "staff" / "index.html").write_text("<!doctype html><title>Một cửa — Cán bộ</title>", encoding="utf-8")
    (dist / "sw.js").write_text("self.addEventListener('fetch', () => {});", encoding="utf-8")
    (dist / "assets" / "index-abc123.js").write_text("console.log('motcua')", encoding="utf-8")
    (dist / "manifest.webmanifest").write_text('{"name": "Một cửa"}', encoding="utf-8")
    app = create_app(settings.model_copy(update={"pwa_dist": dist}))
    transport = httpx.ASGITransport(app=app)
    async with LifespanManager(app), httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_index_and_service_worker_are_revalidated_every_time(web: httpx.AsyncClient) -> None:
    for path in ("/", "/sw.js"):
        response = await web.get(path)
        assert response.status_code == 200
        assert response.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_immutable(web: httpx.AsyncClient) -> None:
    response = await web.get("/assets/index-abc123.js")
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "javascript" in response.headers["content-type"]


async def test_the_manifest_has_its_media_type(web: httpx.AsyncClient) -> None:
    assert (await web.get("/manifest.webmanifest")).headers["content-type"].startswith("application/manifest+json")


async def test_app_routes_without_a_file_get_the_app_page(web: httpx.AsyncClient) -> None:
    response = await web.get("/thu-tuc/1.001193/ho-so")
    assert response.status_code == 200 and "Một cửa" in response.text


@pytest.mark.parametrize("path", ["/staff", "/staff/", "/staff/tai-khoan", "/staff/ho-so/H12.22.05-261123-0007"])
async def test_staff_routes_get_the_staff_page_revalidated_under_the_app_csp(web: httpx.AsyncClient, path: str) -> None:
    response = await web.get(path)
    assert response.status_code == 200 and "Cán bộ" in response.text
    assert response.headers["cache-control"] == "no-cache"
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp


async def test_a_route_that_only_starts_like_staff_is_the_citizen_app(web: httpx.AsyncClient) -> None:
    response = await web.get("/staffing")
    assert response.status_code == 200 and "Cán bộ" not in response.text


async def test_a_missing_staff_file_is_404_not_a_page(web: httpx.AsyncClient) -> None:
    assert (await web.get("/assets/staff/staff-old999.js")).status_code == 404


async def test_a_missing_file_is_404_not_the_app_page(web: httpx.AsyncClient) -> None:
    response = await web.get("/assets/index-old999.js")
    assert response.status_code == 404
    assert response.json()["code"] == "page_not_found"


async def test_paths_cannot_escape_the_app_folder(web: httpx.AsyncClient) -> None:
    response = await web.get("/..%2F..%2Fetc%2Fpasswd")
    assert response.status_code == 404


async def test_app_pages_carry_the_app_csp_and_document_headers(web: httpx.AsyncClient) -> None:
    for path in ("/", "/thu-tuc/1.001193", "/assets/index-abc123.js"):
        headers = (await web.get(path)).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=(self)" in headers["permissions-policy"]


async def test_api_responses_carry_the_api_security_headers_errors_included(web: httpx.AsyncClient) -> None:
    for path in ("/api/health", "/api/procedures/none", "/api/catalogue", "/api/nothing"):
        headers = (await web.get(path)).headers
        assert headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["strict-transport-security"].startswith("max-age=")

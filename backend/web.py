"""Serving the built apps (pwa/dist: the citizen app, and the staff app under /staff/) and the security
headers every response carries.

`index.html` and the service worker are `no-cache` so a deploy is seen at once; hashed assets are
`immutable`, so a phone downloads each of them once.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from litestar import Response, Router, get
from litestar.params import FromPath
from litestar.response import File
from litestar.types import Message, Scope

from backend.errors import NotFound

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SHORT = "public, max-age=86400"

APP_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)
# JSON is never rendered as a document: the API gets the short set OWASP recommends for REST services.
API_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Strict-Transport-Security": "max-age=31536000",
}
APP_HEADERS = {
    **API_HEADERS,
    "Content-Security-Policy": APP_CSP,
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(self), geolocation=(), microphone=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _raw(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode(), value.encode()) for name, value in headers.items()]


_RAW_API, _RAW_APP = _raw(API_HEADERS), _raw(APP_HEADERS)


async def security_headers(message: Message, scope: Scope) -> None:
    """Adds each security header a handler did not set itself (on every response, errors included)."""
    if message["type"] == "http.response.start":
        wanted = _RAW_API if scope.get("path", "").startswith("/api/") else _RAW_APP
        present = {name.lower() for name, _ in message.get("headers", [])}
        missing = [pair for pair in wanted if pair[0] not in present]
        message["headers"] = [*message.get("headers", []), *missing]


class PageNotFound(NotFound):
    code = "page_not_found"
    message_vi = "Không tìm thấy trang này."
    message_en = "This page does not exist."


def _cache_control(relative: str) -> str:
    if relative.startswith("assets/"):
        return IMMUTABLE
    if relative.endswith((".html", ".js", ".webmanifest", ".json")):
        return REVALIDATE
    return SHORT


def _app_page(relative: str) -> str:
    """The page that owns a client route: the staff app's for /staff and below, else the citizen app's."""
    return "staff/index.html" if relative == "staff" or relative.startswith("staff/") else "index.html"


def pwa_router(dist: Path) -> Router:
    """Files of the built apps; any other path without a file extension gets its app's page (client routing)."""
    root = dist.resolve()

    def serve(relative: str) -> File | Response[bytes]:
        if relative.startswith("api/") or relative == "api":
            raise NotFound()
        if "\x00" in relative:  # no file name holds a NUL; the file system would refuse it (ValueError)
            raise PageNotFound()
        candidate = (root / relative).resolve() if relative else root / "index.html"
        if not candidate.is_relative_to(root):
            raise PageNotFound()
        if not candidate.is_file():
            page = _app_page(relative)
            # A missing asset is a 404, not a page; the staff app has no files of its own under /staff/ and
            # its routes hold dossier codes with dots (H12.41.01-261123-0007).
            if "." in Path(relative).name and page == "index.html":
                raise PageNotFound()
            candidate = root / page
        if not candidate.is_file():
            return Response(
                content=b"motcua: the app is not built yet (run `make run`).",
                media_type="text/plain; charset=utf-8",
                status_code=503,
            )
        media_type = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
        if candidate.suffix == ".webmanifest":
            media_type = "application/manifest+json"
        return File(
            path=candidate,
            media_type=media_type,
            content_disposition_type="inline",
            headers={"Cache-Control": _cache_control(str(candidate.relative_to(root)))},
        )

    @get("/", include_in_schema=False)
    async def index() -> File | Response[bytes]:
        return serve("")

    @get("/{path:path}", include_in_schema=False)
    async def any_file(path: FromPath[str]) -> File | Response[bytes]:
        return serve(path.lstrip("/"))

    return Router(path="/", route_handlers=[index, any_file])

"""HTTP helpers shared by the controllers: conditional requests, pre-compressed bodies, and the request class
that bounds what a JSON body may hold before any handler sees it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from litestar import Request
from litestar.enums import ScopeType
from litestar.response.base import ASGIResponse
from litestar.status_codes import HTTP_200_OK, HTTP_304_NOT_MODIFIED
from litestar.types import ASGIApp, Receive, Scope, Send

from backend.errors import DomainError

AnyRequest = Request[Any, Any, Any]

# No form nests its answers more than a few levels; the bound keeps every recursive step after decoding
# (validation, fingerprints, the database's JSON) far from Python's recursion limit.
MAX_JSON_DEPTH = 32


class JsonTooDeep(DomainError):
    status = 400
    code = "json_too_deep"
    message_vi = "Dữ liệu gửi lên lồng nhau quá sâu (tối đa {limit} cấp)."
    message_en = "The JSON sent is nested too deeply (at most {limit} levels)."

    def __init__(self) -> None:
        super().__init__(limit=MAX_JSON_DEPTH)


class UnstorableText(DomainError):
    status = 400
    code = "unstorable_text"
    message_vi = "Dữ liệu gửi lên có ký tự NUL, không thể lưu."
    message_en = "The JSON sent holds a NUL character, which cannot be stored."


def check_json(value: Any) -> None:
    """Raises `JsonTooDeep` or `UnstorableText` for a decoded body; walks without recursion."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            # PostgreSQL text and JSONB hold no NUL (msgspec already refuses JSON's lone surrogates).
            if "\x00" in item:
                raise UnstorableText()
        elif isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise JsonTooDeep()
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)


class HeadTooLarge(DomainError):
    status = 431
    code = "headers_too_large"
    message_vi = "Phần đầu yêu cầu (địa chỉ và các header) quá lớn."
    message_en = "The request's address and headers are too large."

    def __init__(self) -> None:
        super().__init__()
        self.headers = {"Connection": "close"}


def head_limit(max_bytes: int) -> Callable[[ASGIApp], ASGIApp]:
    """Middleware refusing a request whose path, query and headers exceed `max_bytes`. uvicorn bounds only
    a head that arrives in pieces (h11 checks its buffer while waiting for more); one sent whole gets here."""

    def middleware(app: ASGIApp) -> ASGIApp:
        async def bounded(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == ScopeType.HTTP:
                size = len(scope["raw_path"]) + len(scope["query_string"])
                size += sum(len(name) + len(value) + 4 for name, value in scope["headers"])
                if size > max_bytes:
                    raise HeadTooLarge()
            await app(scope, receive, send)

        return bounded

    return middleware


class BoundedRequest(Request[Any, Any, Any]):
    """Litestar's request, with JSON bodies bounded in depth and in the text they may carry."""

    async def json(self) -> Any:
        try:
            value = await super().json()
        except RecursionError as exc:  # msgspec's own depth guard, far beyond MAX_JSON_DEPTH
            raise JsonTooDeep() from exc
        check_json(value)
        return value


def client_address(request: AnyRequest) -> str:
    """The client's address, as the app shell worked it out behind trusted proxies (MOTCUA_TRUSTED_PROXIES)."""
    return request.client.host if request.client else "unknown"


class Representation(Protocol):
    """A document encoded in advance: plain, gzip and brotli bodies, and its ETag."""

    @property
    def body(self) -> bytes: ...
    @property
    def gzip(self) -> bytes: ...
    @property
    def br(self) -> bytes: ...
    @property
    def etag(self) -> str: ...


def _tokens(header: str) -> dict[str, float]:
    accepted: dict[str, float] = {}
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if name:
            accepted[name.strip().lower()] = q
    return accepted


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Weak comparison, as RFC 9110 asks for If-None-Match (proxies may weaken our strong tags)."""
    if not if_none_match:
        return False
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or etag in tags


def conditional(request: AnyRequest, rep: Representation, cache_control: str = "no-cache") -> ASGIResponse:
    """304 when the client holds this version, else the body in the best encoding it accepts.

    The bodies are encoded in advance, so the response is sent as it is, without Litestar's serialisation.
    """
    headers = {"etag": rep.etag, "cache-control": cache_control, "vary": "Accept-Encoding"}
    if etag_matches(request.headers.get("if-none-match"), rep.etag):
        return ASGIResponse(status_code=HTTP_304_NOT_MODIFIED, headers=headers)
    accepted = _tokens(request.headers.get("accept-encoding", ""))
    if accepted.get("br", 0) > 0:
        body, headers["content-encoding"] = rep.br, "br"
    elif accepted.get("gzip", 0) > 0:
        body, headers["content-encoding"] = rep.gzip, "gzip"
    else:
        body = rep.body
    return ASGIResponse(body=body, status_code=HTTP_200_OK, media_type="application/json", headers=headers)

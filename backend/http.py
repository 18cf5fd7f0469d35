"""HTTP helpers shared by the controllers: conditional requests and pre-compressed bodies."""

from __future__ import annotations

from typing import Any, Protocol

from litestar import Request
from litestar.response.base import ASGIResponse
from litestar.status_codes import HTTP_200_OK, HTTP_304_NOT_MODIFIED

AnyRequest = Request[Any, Any, Any]


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

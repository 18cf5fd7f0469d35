"""Turns every error into one problem response shape (RFC 9457): status, stable `code`, and a message
in Vietnamese and English. The only place that maps exceptions to HTTP."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Response
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from backend.errors import DomainError
from backend.http import AnyRequest

log = logging.getLogger(__name__)

# Framework errors get stable codes and bilingual messages too.
_BY_STATUS: dict[int, tuple[str, str, str]] = {
    400: ("invalid_request", "Yêu cầu không hợp lệ.", "The request is not valid."),
    401: ("not_authenticated", "Vui lòng đăng nhập.", "Please sign in."),
    403: ("forbidden", "Bạn không có quyền thực hiện việc này.", "You are not allowed to do this."),
    404: ("not_found", "Không tìm thấy địa chỉ này.", "There is nothing at this address."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ.", "This method is not allowed here."),
    413: ("too_large", "Dữ liệu gửi lên quá lớn.", "What was sent is too large."),
    429: ("too_many_requests", "Quá nhiều yêu cầu, vui lòng thử lại sau.", "Too many requests; try again later."),
    500: (
        "internal_error",
        "Hệ thống gặp lỗi; dữ liệu đã lưu không bị mất. Vui lòng thử lại.",
        "The server failed; nothing saved was lost. Please try again.",
    ),
}


def problem(
    status: int, code: str, vi: str, en: str, headers: dict[str, str] | None = None, **extra: Any
) -> Response[dict[str, Any]]:
    body = {"type": "about:blank", "status": status, "code": code, "title": en, "message": {"vi": vi, "en": en}}
    body.update(extra)
    # A problem answers one request (a wrong phone, a missing file): no cache should keep or replay it.
    headers = {"Cache-Control": "no-store", **(headers or {})}
    return Response(content=body, status_code=status, media_type="application/problem+json", headers=headers)


def _retry_after(headers: dict[str, str]) -> dict[str, str]:
    """Litestar's rate limiter says when its window resets (RateLimit-Reset); clients and proxies read
    Retry-After, so a 429 carries both."""
    reset = headers.get("RateLimit-Reset")
    if reset is None or "Retry-After" in headers:
        return headers
    return {**headers, "Retry-After": str(max(1, int(reset)))}


def domain_error(_: AnyRequest, exc: DomainError) -> Response[dict[str, Any]]:
    messages = exc.messages()
    extra: dict[str, Any] = {}
    if exc.detail:
        extra["detail"] = exc.detail
    for key in ("errors", "reason", "current", "currentVersion", "channel"):
        if key in exc.extra:
            extra[key] = exc.extra[key]
    return problem(exc.status, exc.code, messages["vi"], messages["en"], headers=exc.headers or None, **extra)


def http_error(_: AnyRequest, exc: HTTPException) -> Response[dict[str, Any]]:
    code, vi, en = _BY_STATUS.get(exc.status_code, ("http_error", "Yêu cầu không thực hiện được.", str(exc.detail)))
    extra: dict[str, Any] = {}
    if isinstance(exc, ValidationException) and exc.extra:
        extra["errors"] = exc.extra
    if exc.status_code >= 500:
        log.error("http error", extra={"status": exc.status_code, "detail": exc.detail})
    headers = dict(exc.headers or {})
    if exc.status_code == 429:
        headers = _retry_after(headers)
    return problem(exc.status_code, code, vi, en, headers=headers or None, **extra)


def unexpected_error(request: AnyRequest, exc: Exception) -> Response[dict[str, Any]]:
    log.error("unhandled error", extra={"path": request.url.path}, exc_info=exc)
    code, vi, en = _BY_STATUS[500]
    return problem(HTTP_500_INTERNAL_SERVER_ERROR, code, vi, en)


HANDLERS = {
    DomainError: domain_error,
    ValidationException: http_error,
    NotFoundException: http_error,
    HTTPException: http_error,
    Exception: unexpected_error,
}

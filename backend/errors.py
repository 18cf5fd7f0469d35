"""Domain errors: each carries a stable machine-readable code, an HTTP status and a message in
Vietnamese and English. The app shell turns them into problem responses (RFC 9457)."""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    """Base of every error a user can cause; subclasses set the class attributes."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    message_vi: ClassVar[str] = "Yêu cầu không hợp lệ."
    message_en: ClassVar[str] = "The request is not valid."

    def __init__(self, detail: str | None = None, **extra: Any) -> None:
        super().__init__(detail or self.message_en)
        self.detail = detail
        self.extra = extra
        self.headers: dict[str, str] = {}  # sent with the problem, e.g. Retry-After

    def messages(self) -> dict[str, str]:
        return {
            "vi": self.message_vi.format(**self.extra),
            "en": self.message_en.format(**self.extra),
        }


class NotFound(DomainError):
    status = 404
    code = "not_found"
    message_vi = "Không tìm thấy."
    message_en = "Not found."

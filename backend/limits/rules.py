"""Limit arithmetic with no I/O: fixed windows counted from local midnight, the growing back-off after
failures, and the refusal a client gets (429 with how long to wait)."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from backend.errors import DomainError

MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class Verdict:
    """Whether a request may go on; when not, the whole seconds to wait (at least 1)."""

    allowed: bool
    retry_after: int = 0


ALLOWED = Verdict(allowed=True)


def refused(wait: float) -> Verdict:
    return Verdict(allowed=False, retry_after=max(1, math.ceil(wait)))


def counter_key(*parts: str) -> str:
    """`name:subject:...`, readable in the table; a key too long for it (a client address is whatever a
    trusted proxy forwarded) keeps its name and a hash of the rest."""
    key = ":".join(parts)
    if len(key) <= MAX_KEY_LENGTH - 24:  # room for the window suffix
        return key
    return f"{parts[0]}:{hashlib.sha256(key.encode()).hexdigest()}"


@dataclass(frozen=True)
class Window:
    key: str
    ends_at: float  # Unix seconds


def window(key: str, seconds: int, now: dt.datetime) -> Window:
    """The fixed window of `seconds` that holds `now`. Windows are counted from local midnight (of `now`'s
    time zone), so a day's budget starts again at midnight where the agency is."""
    offset = now.utcoffset() or dt.timedelta(0)
    local = now.timestamp() + offset.total_seconds()
    index = int(local // seconds)
    return Window(key=f"{key}@{index}", ends_at=(index + 1) * seconds - offset.total_seconds())


@dataclass(frozen=True)
class Backoff:
    """After `free` failures, each attempt waits `first` seconds, doubled at every further failure, up to
    `cap`; failures are forgotten after `forget_after` seconds without an attempt."""

    free: int
    first: float
    cap: float
    forget_after: float

    def delay(self, failures: int) -> float:
        if failures < self.free:
            return 0.0
        # The exponent is bounded: the cap is reached long before, and 2**huge would only waste time.
        return min(math.ldexp(self.first, min(failures - self.free, 30)), self.cap)


class LimitReached(DomainError):
    """A 429 that says how long to wait (Retry-After, and `{seconds}` / `{hours}` in the messages)."""

    status = 429
    code = "too_many_requests"
    message_vi = "Quá nhiều yêu cầu; vui lòng thử lại sau {seconds} giây."
    message_en = "Too many requests; please try again in {seconds} seconds."

    def __init__(self, verdict: Verdict) -> None:
        seconds = max(1, verdict.retry_after)
        super().__init__(seconds=seconds, hours=math.ceil(seconds / 3600))
        self.headers = {"Retry-After": str(seconds)}

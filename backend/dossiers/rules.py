"""Dossier rules with no I/O: codes, statuses, submission fingerprints and access tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from enum import StrEnum
from typing import Any

import msgspec

SEQUENCE_DIGITS = 4
CODE = re.compile(r"^(?P<agency>[A-Z0-9.]+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")
TOKEN_BYTES = 32


class Channel(StrEnum):
    """How the dossier reached the counter (cách thức nộp): reports count each separately."""

    ONLINE = "online"  # trực tuyến
    IN_PERSON = "in_person"  # trực tiếp
    POSTAL = "postal"  # dịch vụ bưu chính công ích


class Status(StrEnum):
    """Where a dossier stands in the one-stop workflow (Decree 61/2018)."""

    SUBMITTED = "submitted"  # nộp trực tuyến, chờ cán bộ kiểm tra
    RECEIVED = "received"  # đã tiếp nhận, có giấy hẹn
    SUPPLEMENT_REQUESTED = "supplement_requested"  # yêu cầu bổ sung, hoàn thiện
    REFUSED = "refused"  # từ chối tiếp nhận
    IN_PROGRESS = "in_progress"  # đang giải quyết
    READY = "ready"  # có kết quả, chờ trả
    RETURNED = "returned"  # đã trả kết quả
    WITHDRAWN = "withdrawn"  # công dân rút hồ sơ


def dossier_code(agency_code: str, day: dt.date, sequence: int) -> str:
    """Agency code, receipt date (YYMMDD) and the day's sequence: `H12.22.05-261123-0007`.

    Printable, readable over the phone, and free of personal data.
    """
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    return f"{agency_code}-{day:%y%m%d}-{sequence:0{SEQUENCE_DIGITS}d}"


def parse_code(code: str) -> tuple[str, dt.date, int] | None:
    match = CODE.match(code)
    if match is None:
        return None
    digits = match["day"]
    try:
        # strptime's %y puts 69-99 in the 1900s; every dossier is from this century.
        day = dt.date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return match["agency"], day, int(match["seq"])


def fingerprint(content: Any) -> str:
    """The same submission always has the same fingerprint, whatever the key order."""
    return hashlib.sha256(msgspec.json.encode(content, order="sorted")).hexdigest()


def new_access_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """Tokens are long random secrets: a plain SHA-256 is enough, and lets a lookup use an index."""
    return hashlib.sha256(token.encode()).hexdigest()

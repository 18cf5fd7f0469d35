"""How the control slip and the register write times and lateness, and the register as CSV, with no I/O.

The CSV opens in Excel as it is: UTF-8 with a byte-order mark (else Excel reads Vietnamese as Windows-1252),
CRLF line ends, and a cell a citizen typed never starts a formula (a leading =, +, - or @ gets a quote)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from backend.errors import DomainError

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def clock_text(instant: dt.datetime | None, tz: ZoneInfo) -> str:
    """ "16 giờ 05 phút, ngày 23/11/2026", as the slip's hand-over column reads; "" for none."""
    if instant is None:
        return ""
    local = instant.astimezone(tz)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def day_text(value: dt.date | dt.datetime | None, tz: ZoneInfo) -> str:
    if value is None:
        return ""
    day = value.astimezone(tz).date() if isinstance(value, dt.datetime) else value
    return f"{day:%d/%m/%Y}"


def late_text(minutes: int, template: str) -> str:
    """ "quá hạn 4 giờ 00 phút làm việc" from working minutes late; "" when not late."""
    if minutes <= 0:
        return ""
    return template.format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(str(v)) for v in row] for row in rows)
    return (BOM + out.getvalue()).encode("utf-8")


def stamp_text(instant: dt.datetime | None, tz: ZoneInfo) -> str:
    """ "23/11/2026 09:00": a register's cell, which Excel reads as a date and time."""
    return "" if instant is None else f"{instant.astimezone(tz):%d/%m/%Y %H:%M}"


MAX_PERIOD_DAYS = 92  # a quarter: the register is printed by month or quarter
MAX_ROWS = 10_000


class PeriodInvalid(DomainError):
    status = 422
    code = "period_invalid"
    message_vi = "Khoảng thời gian không hợp lệ: từ ngày phải trước đến ngày, và không quá 92 ngày."
    message_en = "The period is not valid: it must start before it ends and last at most 92 days."


class RegisterTooLong(DomainError):
    status = 422
    code = "register_too_long"
    message_vi = "Sổ có hơn 10.000 hồ sơ trong khoảng thời gian này; vui lòng chọn khoảng ngắn hơn."
    message_en = "More than 10,000 dossiers in this period; choose a shorter one."


def ensure_period(start: dt.date, end: dt.date) -> None:
    if end < start or (end - start).days >= MAX_PERIOD_DAYS:
        raise PeriodInvalid()

"""Reporting periods with no I/O: the 15th-to-14th cut-off of Decree 09/2019 (month, quarter, six and nine
months, year) or any range of whole days, and the instants that bound them in the office's time zone.

A period named by its end: the month M runs 15/(M-1) to 14/M; quarter q 15/(3q-3) to 14/(3q) (Q1 from the
15th of December before); six months 15/12 to 14/06 (the second half 15/06 to 14/12); nine months 15/12 to
14/09; the year 15/12 to 14/12. Days are whole local days: a dossier received on the 14th at 16:59 is in the
period that ends that day, one received on the 15th at 00:00 in the next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from backend.errors import DomainError

CUT_OFF_DAY = 15  # a period starts on the 15th and ends on the 14th
MAX_RANGE_DAYS = 366 + 31  # a year and a little: longer ranges are the year's report, many times
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PeriodKind(StrEnum):
    """Kỳ báo cáo."""

    MONTH = "month"  # tháng
    QUARTER = "quarter"  # quý
    HALF = "half"  # 6 tháng (index 1: first half; 2: second half)
    NINE_MONTHS = "nine_months"  # 9 tháng
    YEAR = "year"  # năm
    RANGE = "range"  # any range of days


# How many periods of a kind a year holds, and the month each one ends in.
_ENDS: dict[PeriodKind, tuple[int, ...]] = {
    PeriodKind.MONTH: tuple(range(1, 13)),
    PeriodKind.QUARTER: (3, 6, 9, 12),
    PeriodKind.HALF: (6, 12),
    PeriodKind.NINE_MONTHS: (9,),
    PeriodKind.YEAR: (12,),
}
_MONTHS: dict[PeriodKind, int] = {
    PeriodKind.MONTH: 1,
    PeriodKind.QUARTER: 3,
    PeriodKind.HALF: 6,
    PeriodKind.NINE_MONTHS: 9,
    PeriodKind.YEAR: 12,
}


class PeriodInvalid(DomainError):
    status = 422
    code = "statistics_period_invalid"
    message_vi = (
        "Kỳ báo cáo không hợp lệ: chọn tháng (1-12), quý (1-4), 6 tháng (1-2), 9 tháng (1) hoặc năm từ {first} "
        "đến {last}; hoặc từ ngày đến ngày (từ ngày không sau đến ngày, không quá {days} ngày)."
    )
    message_en = (
        "The reporting period is not valid: choose a month (1-12), quarter (1-4), half (1-2), nine months (1) or "
        "year from {first} to {last}; or a range of days (start not after end, at most {days} days)."
    )

    def __init__(self) -> None:
        super().__init__(first=FIRST_YEAR, last=LAST_YEAR, days=MAX_RANGE_DAYS)


@dataclass(frozen=True)
class Period:
    """A reporting period: its first and last days (both included) and what it is."""

    kind: PeriodKind
    first_day: dt.date
    last_day: dt.date
    year: int | None = None
    index: int | None = None

    def start(self, tz: ZoneInfo) -> dt.datetime:
        """The instant it starts: midnight at the start of its first day, in the office's time zone."""
        return dt.datetime.combine(self.first_day, dt.time(), tzinfo=tz)

    def end(self, tz: ZoneInfo) -> dt.datetime:
        """The instant it ends (excluded): midnight after its last day."""
        return dt.datetime.combine(self.last_day + dt.timedelta(days=1), dt.time(), tzinfo=tz)


def _month_start(year: int, month: int) -> dt.date:
    """The 15th of the month before (year, month): where a period ending in that month begins."""
    return dt.date(year - 1, 12, CUT_OFF_DAY) if month == 1 else dt.date(year, month - 1, CUT_OFF_DAY)


def reporting_period(kind: PeriodKind, year: int, index: int = 1) -> Period:
    """The `index`-th period of `kind` in `year` (1-based), 15th to 14th."""
    ends = _ENDS.get(kind)
    if ends is None or not FIRST_YEAR <= year <= LAST_YEAR or not 1 <= index <= len(ends):
        raise PeriodInvalid()
    last_month = ends[index - 1]
    first_month = last_month - _MONTHS[kind] + 1  # 0 or less: in December of the year before
    first = dt.date(year - 1, 12, CUT_OFF_DAY) if first_month <= 1 else _month_start(year, first_month)
    return Period(kind, first, dt.date(year, last_month, CUT_OFF_DAY - 1), year, index)


def day_range(first_day: dt.date, last_day: dt.date) -> Period:
    """Any range of whole days, both included."""
    if last_day < first_day or (last_day - first_day).days >= MAX_RANGE_DAYS:
        raise PeriodInvalid()
    return Period(PeriodKind.RANGE, first_day, last_day)


def period_of(
    kind: str | None, year: int | None, index: int | None, first_day: dt.date | None, last_day: dt.date | None
) -> Period:
    """The period a request names: `from` and `to`, or a kind with its year and index (never both)."""
    if first_day is not None or last_day is not None:
        if first_day is None or last_day is None or kind not in (None, PeriodKind.RANGE) or year or index:
            raise PeriodInvalid()
        return day_range(first_day, last_day)
    if kind is None or kind not in _ENDS or year is None:
        raise PeriodInvalid()
    return reporting_period(PeriodKind(kind), year, 1 if index is None else index)


def months_of(period: Period) -> list[Period]:
    """The monthly periods whose end falls inside `period` (the months a quarter or a year is made of)."""
    out: list[Period] = []
    year, month = period.last_day.year, period.last_day.month
    while True:
        month_period = reporting_period(PeriodKind.MONTH, year, month)
        if month_period.first_day < period.first_day:
            return out[::-1]
        out.append(month_period)
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)

"""What the public may ask for, with no I/O: one of a fixed set of periods (the last completed month, quarter
or year, 15th to 14th), so that nobody can make the server count custom ranges, and the province a unit is in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum

from backend.errors import DomainError
from backend.statistics.periods import FIRST_YEAR, Period, PeriodKind, reporting_period
from backend.statistics.rules import UnitLike


class Choice(StrEnum):
    """The periods on offer: the last one of each kind that has ended (its figures no longer change)."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


_KINDS = {Choice.MONTH: PeriodKind.MONTH, Choice.QUARTER: PeriodKind.QUARTER, Choice.YEAR: PeriodKind.YEAR}
_COUNT = {Choice.MONTH: 12, Choice.QUARTER: 4, Choice.YEAR: 1}  # periods of the kind in a year


class PublicPeriodInvalid(DomainError):
    status = 422
    code = "public_statistics_period_invalid"
    message_vi = "Kỳ công khai phải là «month» (tháng trước), «quarter» (quý trước) hoặc «year» (năm trước)."
    message_en = "The period must be “month” (last month), “quarter” (last quarter) or “year” (last year)."


def choice_of(text: str | None) -> Choice:
    """The period asked for; none: the last month."""
    if not text:
        return Choice.MONTH
    if text not in Choice.__members__.values():
        raise PublicPeriodInvalid()
    return Choice(text)


def last_completed(choice: Choice, today: dt.date) -> Period:
    """The last period of `choice`'s kind whose last day is before `today`: on 14/3 the month that ends that
    day is still running, so "month" is 15/1-14/2; on 15/3 it is 15/2-14/3."""
    year = today.year
    while year >= FIRST_YEAR:
        for index in range(_COUNT[choice], 0, -1):
            period = reporting_period(_KINDS[choice], year, index)
            if period.last_day < today:
                return period
        year -= 1
    raise PublicPeriodInvalid()


def province_of(by_code: Mapping[str, UnitLike], unit: str | None) -> str | None:
    """The province above `unit` (or the unit itself); no unit: the catalogue's province (the first by code
    when it holds several). None when there is none: the statistics then say the unit is unknown."""
    if unit is None:
        provinces = sorted(code for code, u in by_code.items() if u.kind == "province")
        return provinces[0] if provinces else None
    seen: set[str] = set()
    found = by_code.get(unit)
    while found is not None and found.code not in seen:
        if found.kind == "province":
            return found.code
        seen.add(found.code)
        found = by_code.get(found.parent or "")
    return None

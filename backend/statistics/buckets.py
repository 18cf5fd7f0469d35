"""The buckets of a series with no I/O: a period cut into weeks (Monday to Sunday) or reporting months (15th
to 14th, as Biểu 06's periods), the first and last cut to the period's own days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from backend.errors import DomainError
from backend.statistics.periods import CUT_OFF_DAY, Period

MAX_BUCKETS = 54  # a year of weeks, cut at both ends (a leap year starting on a Sunday has 54)


class Step(StrEnum):
    WEEK = "week"  # tuần, Monday to Sunday
    MONTH = "month"  # tháng, 15th to 14th


class StepInvalid(DomainError):
    status = 422
    code = "statistics_step_invalid"
    message_vi = "Bước của biểu đồ phải là «week» (tuần) hoặc «month» (tháng)."
    message_en = "The chart's step must be “week” or “month”."


class SeriesTooLong(DomainError):
    status = 422
    code = "statistics_series_too_long"
    message_vi = "Kỳ quá dài cho biểu đồ: tối đa {most} tuần hoặc tháng; hãy chọn kỳ ngắn hơn hoặc xem theo tháng."
    message_en = "The period is too long for a chart: at most {most} weeks or months; choose a shorter one or months."

    def __init__(self) -> None:
        super().__init__(most=MAX_BUCKETS)


def step_of(text: str | None) -> Step:
    if not text:
        return Step.WEEK
    if text not in Step.__members__.values():
        raise StepInvalid()
    return Step(text)


@dataclass(frozen=True)
class Bucket:
    first_day: dt.date
    last_day: dt.date  # included


def _next_start(day: dt.date, step: Step) -> dt.date:
    """The first day of the bucket after the one holding `day`."""
    if step == Step.WEEK:
        return day + dt.timedelta(days=7 - day.weekday())
    if day.day < CUT_OFF_DAY:
        return day.replace(day=CUT_OFF_DAY)
    return dt.date(day.year + 1, 1, CUT_OFF_DAY) if day.month == 12 else dt.date(day.year, day.month + 1, CUT_OFF_DAY)


def buckets(period: Period, step: Step) -> list[Bucket]:
    """The period's days cut into buckets (422 `statistics_series_too_long` past MAX_BUCKETS)."""
    out: list[Bucket] = []
    first = period.first_day
    while first <= period.last_day:
        if len(out) == MAX_BUCKETS:
            raise SeriesTooLong()
        following = _next_start(first, step)
        out.append(Bucket(first, min(following - dt.timedelta(days=1), period.last_day)))
        first = following
    return out

"""Reporting periods run from the 15th to the 14th (Decree 09/2019 as the provinces restate it): each
expected date below is read off the rule by hand, not computed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from backend.statistics.periods import (
    PeriodInvalid,
    PeriodKind,
    day_range,
    months_of,
    period_of,
    reporting_period,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
D = dt.date


@pytest.mark.parametrize(
    ("kind", "year", "index", "first", "last"),
    [
        (PeriodKind.QUARTER, 2024, 1, D(2023, 12, 15), D(2024, 3, 14)),  # seed 002's quarter
        (PeriodKind.QUARTER, 2024, 2, D(2024, 3, 15), D(2024, 6, 14)),
        (PeriodKind.QUARTER, 2024, 4, D(2024, 9, 15), D(2024, 12, 14)),
        (PeriodKind.MONTH, 2024, 1, D(2023, 12, 15), D(2024, 1, 14)),
        (PeriodKind.MONTH, 2024, 3, D(2024, 2, 15), D(2024, 3, 14)),
        (PeriodKind.MONTH, 2026, 12, D(2026, 11, 15), D(2026, 12, 14)),
        (PeriodKind.HALF, 2024, 1, D(2023, 12, 15), D(2024, 6, 14)),
        (PeriodKind.HALF, 2024, 2, D(2024, 6, 15), D(2024, 12, 14)),
        (PeriodKind.NINE_MONTHS, 2024, 1, D(2023, 12, 15), D(2024, 9, 14)),
        (PeriodKind.YEAR, 2021, 1, D(2020, 12, 15), D(2021, 12, 14)),
    ],
)
def test_a_period_runs_from_the_15th_to_the_14th(
    kind: PeriodKind, year: int, index: int, first: dt.date, last: dt.date
) -> None:
    period = reporting_period(kind, year, index)
    assert (period.first_day, period.last_day) == (first, last)


def test_a_period_is_bounded_by_local_midnights() -> None:
    q1 = reporting_period(PeriodKind.QUARTER, 2024, 1)
    # Midnight in Vietnam is 17:00 UTC the day before.
    assert q1.start(VN) == dt.datetime(2023, 12, 14, 17, 0, tzinfo=dt.UTC)
    assert q1.end(VN) == dt.datetime(2024, 3, 14, 17, 0, tzinfo=dt.UTC)
    received_on_the_14th_at_16_59 = dt.datetime(2024, 3, 14, 16, 59, tzinfo=VN)
    assert q1.start(VN) <= received_on_the_14th_at_16_59 < q1.end(VN)


def test_a_quarter_is_made_of_its_three_months() -> None:
    months = months_of(reporting_period(PeriodKind.QUARTER, 2024, 1))
    assert [(m.first_day, m.last_day) for m in months] == [
        (D(2023, 12, 15), D(2024, 1, 14)),
        (D(2024, 1, 15), D(2024, 2, 14)),
        (D(2024, 2, 15), D(2024, 3, 14)),
    ]


def test_any_range_of_whole_days_is_a_period() -> None:
    period = period_of(None, None, None, D(2021, 1, 1), D(2021, 11, 30))
    assert (period.kind, period.first_day, period.last_day) == (PeriodKind.RANGE, D(2021, 1, 1), D(2021, 11, 30))
    assert period.end(VN) == dt.datetime(2021, 12, 1, tzinfo=VN)


@pytest.mark.parametrize(
    ("kind", "year", "index", "first", "last"),
    [
        ("quarter", 2024, 5, None, None),
        ("month", 2024, 0, None, None),
        ("month", 2024, 13, None, None),
        ("half", 2024, 3, None, None),
        ("nine_months", 2024, 2, None, None),
        ("week", 2024, 1, None, None),
        ("quarter", None, 1, None, None),
        ("quarter", 1999, 1, None, None),
        (None, None, None, None, None),
        (None, None, None, D(2024, 3, 14), D(2024, 3, 13)),  # ends before it starts
        (None, None, None, D(2020, 1, 1), D(2024, 1, 1)),  # years long
        (None, None, None, D(2024, 1, 1), None),
        ("quarter", 2024, 1, D(2024, 1, 1), D(2024, 1, 2)),  # both ways at once
    ],
)
def test_a_period_that_cannot_be_is_refused(
    kind: str | None, year: int | None, index: int | None, first: dt.date | None, last: dt.date | None
) -> None:
    with pytest.raises(PeriodInvalid):
        period_of(kind, year, index, first, last)


def test_a_single_day_is_a_range() -> None:
    assert day_range(D(2024, 3, 14), D(2024, 3, 14)).end(VN) == dt.datetime(2024, 3, 15, tzinfo=VN)

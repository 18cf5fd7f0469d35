"""The series behind the charts, worked out by hand: dossiers received per channel, results in time and late
and citizens' ratings per week or reporting month (15th to 14th), the edges of a bucket, a restarted deadline
and an apology's new date counted as Biểu 06 counts them; the buckets' cap and a bad step (422 with their
codes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from backend.statistics.buckets import Step, buckets
from backend.statistics.periods import PeriodKind, day_range, reporting_period
from tests.accounts.staffing import Session
from tests.factories import keep, kept, local, resolved
from tests.statistics.conftest import Report, leader_of
from tests.statistics.test_satisfaction import _rated

pytestmark = pytest.mark.usefixtures("db")
D = dt.date
Q1 = {"period": "quarter", "year": "2024", "index": "1"}


async def _quarter() -> None:
    """Q1 2024 (15/12/2023-14/3/2024) of the province H12, a few dossiers each placed by hand."""
    rows: list[dict[str, Any]] = []
    # Received online on 10/1 (month 1), both resolved in time on 15/1 at 09:00 (month 2).
    rows += resolved("H12.41", local(2024, 1, 10), D(2024, 1, 17), local(2024, 1, 15), 2, channel="online")
    # The edges of month 1: 14/1 at 23:59 is in it, 15/1 at 00:00 in month 2 (both in person, still open).
    rows += kept("H12.41", local(2024, 1, 14, 23, 59), D(2024, 1, 21), status="in_progress")
    rows += kept("H12.41", local(2024, 1, 15, 0, 0), D(2024, 1, 22), status="in_progress")
    # In person on 20/1, due 27/1, resolved 29/1: late (month 2).
    rows += resolved("H12.42", local(2024, 1, 20), D(2024, 1, 27), local(2024, 1, 29))
    # By post on 1/3, resolved on its due day 8/3 at 16:00: on time (month 3).
    rows += resolved("H12.02", local(2024, 3, 1), D(2024, 3, 8), local(2024, 3, 8, 16), channel="postal")
    # Received before the quarter (in no received count); the original 8/12 passed, but the count restarted
    # to 28/12 and the result came on 27/12: in time (month 1).
    rows += resolved("H12.02", local(2023, 12, 1), D(2023, 12, 28), local(2023, 12, 27),
                     deadlines=[("original", D(2023, 12, 8), local(2023, 12, 1)),
                                ("restarted", D(2023, 12, 28), local(2023, 12, 12))])  # fmt: skip
    # In person on 3/1, legal date 10/1, an apology's new date 15/1, resolved 12/1: late all the same (month 1).
    rows += resolved("H12.42", local(2024, 1, 3), D(2024, 1, 15), local(2024, 1, 12), apologies=1,
                     deadlines=[("original", D(2024, 1, 10), local(2024, 1, 3)),
                                ("extended", D(2024, 1, 15), local(2024, 1, 9))])  # fmt: skip
    # Outside: another province's, and one received after the quarter.
    rows += resolved("H13", local(2024, 1, 10), D(2024, 1, 17), local(2024, 1, 12), 4, channel="online")
    rows += kept("H12.41", local(2024, 3, 15, 0, 0), D(2024, 3, 22), status="in_progress")
    await keep(rows)


def _table(body: dict[str, Any]) -> list[tuple[Any, ...]]:
    keys = ("firstDay", "lastDay", "receivedOnline", "receivedInPerson", "receivedPostal", "resolvedInTime",
            "resolvedLate", "onTimeShare", "rated", "satisfied", "satisfiedShare")  # fmt: skip
    return [tuple(b[k] for k in keys) for b in body["buckets"]]


async def test_a_quarter_by_reporting_month(report: Report) -> None:
    await _quarter()
    body = await report("series", **Q1, step="month")
    assert (body["unit"], body["step"], body["period"]["firstDay"]) == ("H12", "month", "2023-12-15")
    assert _table(body) == [
        # 2 online + 2 in person (3/1, 14/1 23:59); the restarted one in time, the apology's late: 1 of 2.
        ("2023-12-15", "2024-01-14", 2, 2, 0, 1, 1, 50.0, 0, 0, None),
        # 2 in person (15/1 00:00, 20/1); 2 in time (15/1) and 1 late (29/1): 2 of 3 = 66.7 %.
        ("2024-01-15", "2024-02-14", 0, 2, 0, 2, 1, 66.7, 0, 0, None),
        # 1 by post, resolved on its due day.
        ("2024-02-15", "2024-03-14", 0, 0, 1, 1, 0, 100.0, 0, 0, None),
    ]
    # The same dossiers as Biểu 06's total: 7 newly received (2 + 5), 6 resolved of which 2 late.
    total = (await report(**Q1, detail="unit"))["rows"][0]["figures"]
    assert (total["receivedOnline"], total["receivedInPerson"], total["resolved"], total["resolvedLate"]) == (
        2,
        5,
        6,
        2,
    )


async def test_weeks_run_monday_to_sunday_cut_to_the_range(report: Report) -> None:
    await _quarter()
    body = await report("series", **{"from": "2024-01-10", "to": "2024-01-21"})  # a Wednesday to a Sunday
    assert _table(body) == [
        # 10/1-14/1: 2 online, 1 in person (14/1 23:59); the apology's, late on 12/1.
        ("2024-01-10", "2024-01-14", 2, 1, 0, 0, 1, 0.0, 0, 0, None),
        # 15/1-21/1: 2 in person (15/1 00:00, 20/1); 2 in time on 15/1.
        ("2024-01-15", "2024-01-21", 0, 2, 0, 2, 0, 100.0, 0, 0, None),
    ]


async def test_a_commune_gets_its_own_series_only(client: httpx.AsyncClient, report: Report) -> None:
    await _quarter()
    commune: Session = await leader_of(client, "H12.41")
    own = await report("series", session=commune, **Q1, step="month")
    assert [(b["receivedOnline"], b["receivedInPerson"], b["resolvedInTime"]) for b in own["buckets"]] == [
        (2, 1, 0),
        (0, 1, 2),
        (0, 0, 0),
    ]
    other = await client.get("/api/staff/statistics/series", params={**Q1, "unit": "H12.42"}, headers=commune.headers())
    assert other.status_code == 403 and other.json()["code"] == "statistics_unit_forbidden"


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({**Q1, "step": "fortnight"}, "statistics_step_invalid"),
        # 1/1/2024 (a Monday) to 31/1/2025: 57 weeks, over the 54 a chart takes.
        ({"from": "2024-01-01", "to": "2025-01-31"}, "statistics_series_too_long"),
        ({"period": "quarter", "year": "2024", "index": "7"}, "statistics_period_invalid"),
    ],
)
async def test_a_bad_series_is_refused_with_its_code(
    client: httpx.AsyncClient, province: Session, params: dict[str, str], code: str
) -> None:
    for path in ("series", "series.csv"):
        response = await client.get(f"/api/staff/statistics/{path}", params=params, headers=province.headers())
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["code"] == code and body["message"]["vi"] != body["message"]["en"]


async def test_the_same_long_range_by_month_is_fourteen_buckets(report: Report) -> None:
    body = await report("series", **{"from": "2024-01-01", "to": "2025-01-31"}, step="month")
    days = [(b["firstDay"], b["lastDay"]) for b in body["buckets"]]
    # 1/1-14/1, then the twelve months 15/1/2024-14/1/2025, then 15/1-31/1/2025.
    assert len(days) == 14
    assert days[0] == ("2024-01-01", "2024-01-14")
    assert days[1] == ("2024-01-15", "2024-02-14")
    assert days[-1] == ("2025-01-15", "2025-01-31")


def test_buckets_of_a_quarter_and_a_year() -> None:
    q1 = reporting_period(PeriodKind.QUARTER, 2024, 1)  # 15/12/2023 (a Friday) to 14/3/2024 (a Thursday)
    weeks = buckets(q1, Step.WEEK)
    # Friday to Sunday, 12 whole weeks from Monday 18/12, then Monday 11/3 to Thursday 14/3.
    assert len(weeks) == 14
    assert (weeks[0].first_day, weeks[0].last_day) == (D(2023, 12, 15), D(2023, 12, 17))
    assert (weeks[-1].first_day, weeks[-1].last_day) == (D(2024, 3, 11), D(2024, 3, 14))
    year = buckets(reporting_period(PeriodKind.YEAR, 2024), Step.MONTH)
    assert [(b.first_day.month, b.last_day.month) for b in year] == [(12, 1)] + [(m, m + 1) for m in range(1, 12)]
    # A leap year's 366 days from a Sunday touch 54 weeks: the most a chart takes.
    assert len(buckets(day_range(D(2023, 12, 31), D(2024, 12, 30)), Step.WEEK)) == 54


async def test_satisfaction_per_month_by_the_time_the_rating_was_given(report: Report) -> None:
    """Ratings of dossiers resolved before the quarter, counted when given, for the dossier's competent agency:
    satisfied is very satisfied or satisfied, of every rating (backend/satisfaction, README "Satisfaction")."""
    rows = resolved("H12.41", local(2023, 12, 1), D(2023, 12, 8), local(2023, 12, 6), 7)
    rows += resolved("H13", local(2023, 12, 1), D(2023, 12, 8), local(2023, 12, 6))
    await _rated(
        rows,
        ("very_satisfied", local(2023, 12, 20)),
        ("unsatisfied", local(2024, 1, 14, 23, 59)),  # the last minute of month 1
        ("satisfied", local(2024, 1, 15, 0, 0)),  # the first of month 2
        ("satisfied", local(2024, 2, 1)),
        ("very_satisfied", local(2024, 2, 10)),
        ("unsatisfied", local(2024, 3, 15, 0, 0)),  # the next quarter's
        ("unsatisfied", local(2023, 12, 14, 23, 59)),  # the last quarter's
        ("unsatisfied", local(2024, 2, 1)),  # another province's
    )
    body = await report("series", **Q1, step="month")
    assert [(b["rated"], b["satisfied"], b["satisfiedShare"]) for b in body["buckets"]] == [
        (2, 1, 50.0),  # 20/12 very satisfied, 14/1 23:59 not
        (3, 3, 100.0),  # 15/1 00:00, 1/2, 10/2
        (0, 0, None),
    ]
    assert {b["receivedOnline"] + b["receivedInPerson"] + b["resolvedInTime"] for b in body["buckets"]} == {0}

"""Biểu 06/VPCP/KSTT against the seeds: the figures expected are the articles' own (seeds 002 and 000), the
dossiers were chosen by hand to give them (tests/statistics/seeds.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.factories import keep
from tests.statistics.conftest import Report, row_of
from tests.statistics.seeds import chiem_hoa_quarter, nghen_year

pytestmark = pytest.mark.usefixtures("db")


def _columns(f: dict[str, int]) -> tuple[int, ...]:
    return (
        f["received"], f["receivedOnline"], f["receivedInPerson"], f["carriedOver"],
        f["resolved"], f["resolvedEarly"], f["resolvedOnTime"], f["resolvedLate"],
        f["inProgress"], f["inProgressWithin"], f["inProgressOverdue"],
    )  # fmt: skip


async def test_seed_002s_quarter_gives_the_articles_figures(report: Report) -> None:
    await keep(chiem_hoa_quarter())
    body = await report(period="quarter", year="2024", index="1", detail="unit")
    assert (body["period"]["firstDay"], body["period"]["lastDay"]) == ("2023-12-15", "2024-03-14")
    total = body["rows"][0]["figures"]
    assert body["rows"][0]["code"] == "H12" and body["rows"][0]["depth"] == 0
    # 1,373 received (480 online, 871 in person or by post, 22 carried), 1,360 resolved, 13 in progress.
    assert _columns(total) == (1373, 480, 871, 22, 1360, 661, 689, 10, 13, 12, 1)
    assert total["resolvedEarly"] + total["resolvedOnTime"] == 1350
    assert (total["waitingForCitizen"], total["returnedOrWithdrawn"], total["apologies"]) == (1, 0, 11)
    assert total["satisfactionRate"] is None  # no ratings yet
    # The commune of the article: 906 = 380 online + 511 in person or by post + 15 carried over, all in time.
    assert _columns(row_of(body, "H12.41")) == (906, 380, 511, 15, 906, 361, 545, 0, 0, 0, 0)
    assert _columns(row_of(body, "H12.42")) == (300, 100, 200, 0, 290, 200, 85, 5, 10, 9, 1)
    assert _columns(row_of(body, "H12.02")) == (167, 0, 160, 7, 164, 100, 59, 5, 3, 3, 0)
    # Every unit of the province is listed, those with nothing too.
    assert [r["code"] for r in body["rows"] if r["depth"] == 1] == [
        "H12",
        "H12.02",
        "H12.03",
        "H12.41",
        "H12.42",
        "H12.43",
    ]
    assert _columns(row_of(body, "H12.43")) == (0,) * 11


async def test_what_is_in_progress_at_a_quarters_end_is_carried_into_the_next(report: Report) -> None:
    await keep(chiem_hoa_quarter())
    body = await report(period="quarter", year="2024", index="2", detail="unit")
    total = body["rows"][0]["figures"]
    # The 13 in progress on 14/3, and the 12 received on 15/3 at midnight; none resolved since.
    assert (total["carriedOver"], total["received"], total["resolved"], total["inProgress"]) == (13, 25, 0, 25)


async def test_seed_000s_eleven_months_give_the_articles_figures(report: Report) -> None:
    await keep(nghen_year())
    body = await report(**{"from": "2021-01-01", "to": "2021-11-30", "unit": "H12.43"})
    total = body["rows"][0]["figures"]
    assert _columns(total) == (6064, 2063, 4001, 0, 6063, 4000, 2063, 0, 1, 1, 0)
    assert body["unit"] == "H12.43" and body["rows"][0]["depth"] == 0


async def test_a_commune_report_is_by_field_then_procedure(report: Report) -> None:
    await keep(nghen_year())
    body = await report(**{"from": "2021-01-01", "to": "2021-11-30", "unit": "H12.43", "detail": "procedure"})
    assert [(r["depth"], r["kind"], r["code"]) for r in body["rows"]] == [
        (0, "unit", "H12.43"),
        (1, "field", "ho-tich"),
        (2, "procedure", "1.004873"),
    ]
    assert body["rows"][2]["nameVi"] == "Cấp Giấy xác nhận tình trạng hôn nhân"
    assert body["rows"][1]["figures"] == body["rows"][2]["figures"] == body["rows"][0]["figures"]

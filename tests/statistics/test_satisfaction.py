"""The satisfaction figures of the statistics, worked out by hand: Biểu 06's rate, Decision 766's share
satisfied and the commune ranking with it. A rating counts in the period it was given (whatever the period of
its dossier's result), for the dossier's competent agency and procedure; satisfied is very satisfied or
satisfied, of every rating. Quarter 1 of 2024 runs 15/12/2023 to 14/3/2024."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid

import httpx
import pytest

from backend.dossiers.tables import Dossier
from backend.satisfaction.tables import Rating
from tests.accounts.staffing import Session
from tests.factories import keep, local, resolved
from tests.statistics.conftest import Report, row_of

pytestmark = pytest.mark.usefixtures("db")
D = dt.date
Q1 = {"period": "quarter", "year": "2024", "index": "1"}


async def _rated(rows: list[dict[str, object]], *given: tuple[str, dt.datetime]) -> None:
    """Keeps the dossiers, then rates them in order: (level, when) each."""
    await keep(rows)
    for row, (level, at) in zip(rows, given, strict=True):
        [found] = await Dossier.select(Dossier.id).where(Dossier.code == row["code"])
        await Rating(
            rating_id=uuid.uuid4(),
            dossier=found["id"],
            receiving_unit_code=row["receiving_unit_code"],
            competent_agency_code=row["competent_agency_code"],
            procedure_code=row["procedure_code"],
            channel="app",
            level=level,
            rated_at=at,
        ).save()


async def _quarter() -> None:
    """H12.41: 4 received in Q1 (2 online), all resolved early; rated 2 very satisfied, 1 satisfied, 1 not; and a
    dossier resolved before Q1 rated very satisfied in it: 4 satisfied of 5. H12.42: 4 received in Q1 (1 online),
    3 in time and 1 late; rated satisfied, and not satisfied at 23:59 on 14/3, one satisfied at 00:00 on 15/3
    (quarter 2), one not rated: 1 of 2. H12.02: only a dossier of the year before, rated in Q1, very satisfied."""
    received, due = local(2024, 1, 8), D(2024, 1, 15)
    early = local(2024, 1, 12)
    rows = [
        *resolved("H12.41", received, due, early, 2, channel="online"),
        *resolved("H12.41", received, due, early, 2),
    ]
    before = resolved("H12.41", local(2023, 12, 1), D(2023, 12, 8), local(2023, 12, 6))
    at = local(2024, 2, 1)
    await _rated(
        [*rows, *before],
        ("very_satisfied", at), ("very_satisfied", at), ("satisfied", at), ("unsatisfied", at), ("very_satisfied", at),
    )  # fmt: skip
    on_time = resolved("H12.42", received, due, local(2024, 1, 15), channel="online")
    on_time += resolved("H12.42", received, due, local(2024, 1, 15), 2)
    late = resolved("H12.42", received, due, local(2024, 1, 17))
    await _rated(
        [on_time[0], on_time[1], on_time[2]],
        ("satisfied", at), ("unsatisfied", local(2024, 3, 14, 23, 59)), ("satisfied", local(2024, 3, 15, 0, 0)),
    )  # fmt: skip
    await keep(late)
    await _rated(resolved("H12.02", local(2023, 11, 1), D(2023, 11, 20), local(2023, 11, 10)), ("very_satisfied", at))


async def test_bieu_06_gives_the_satisfaction_rate_of_the_ratings_given_in_the_period(report: Report) -> None:
    await _quarter()
    body = await report(**Q1, detail="procedure")
    total = body["rows"][0]["figures"]
    # 4 + 1 + 1 satisfied of 5 + 2 + 1 ratings given in the quarter: 6 / 8 = 75 %.
    assert (total["rated"], total["ratedSatisfied"], total["satisfactionRate"]) == (8, 6, 75.0)
    can_loc = row_of(body, "H12.41")
    assert (can_loc["received"], can_loc["rated"], can_loc["satisfactionRate"]) == (4, 5, 80.0)
    assert row_of(body, "H12.42")["satisfactionRate"] == 50.0
    # A unit whose only dossier was resolved the year before: no dossier counted, its rating counted.
    justice = row_of(body, "H12.02")
    assert (justice["received"], justice["resolved"], justice["rated"], justice["satisfactionRate"]) == (0, 0, 1, 100.0)
    rows = body["rows"]
    under = rows[next(i for i, r in enumerate(rows) if r["code"] == "H12.41") :]
    marital = next(r["figures"] for r in under if r["code"] == "1.004873")
    assert marital["satisfactionRate"] == 80.0  # H12.41's procedure line, beneath its field
    assert row_of(body, "H12.43")["satisfactionRate"] is None  # no rating: "—"


async def test_the_csv_prints_the_rate(client: httpx.AsyncClient, province: Session, report: Report) -> None:
    await _quarter()
    nghen = next(r["nameVi"] for r in (await report(**Q1))["rows"] if r["code"] == "H12.43")
    response = await client.get("/api/staff/statistics/bieu-06.csv", params=Q1, headers=province.headers())
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[1][-1] == "75.0"
    assert next(line for line in lines if line[1] == "Ủy ban nhân dân xã Can Lộc")[-1] == "80.0"
    assert next(line for line in lines if line[1] == nghen)[-1] == "—"


async def test_the_share_satisfied_and_the_ranking_count_the_ratings(report: Report) -> None:
    await _quarter()
    found = {u["unit"]: u for u in (await report("indicators", **Q1))["units"]}
    assert {code: u["satisfiedShare"] for code, u in found.items() if code.startswith("H12.4")} == {
        "H12.41": 80.0,
        "H12.42": 50.0,
        "H12.43": None,
    }
    ranked = [(c["rank"], c["indicator"]["unit"], c["score"]) for c in (await report("ranking", **Q1))["communes"]]
    # H12.41: on time 100, online 2/4 = 50, scanned 0, satisfied 80: 230 / 4 = 57.5.
    # H12.42: on time 3/4 = 75, online 1/4 = 25, scanned 0, satisfied 50: 150 / 4 = 37.5.
    assert ranked == [(1, "H12.41", 57.5), (2, "H12.42", 37.5), (3, "H12.43", None)]

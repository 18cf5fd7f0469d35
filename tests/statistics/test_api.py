"""The statistics endpoints: the CSV as Excel opens it, bad parameters (422 with a code and both languages),
who sees which unit, and the Decision 766 indicators and commune ranking worked out by hand."""

from __future__ import annotations

import csv
import datetime as dt
import io

import httpx
import pytest

from backend.accounts.rules import Role
from backend.statistics.rules import rank
from tests.accounts.staffing import Session
from tests.factories import keep, kept, local, resolved
from tests.statistics.conftest import Report, leader_of

pytestmark = pytest.mark.usefixtures("db")
D = dt.date
Q1 = {"period": "quarter", "year": "2024", "index": "1"}
PHOTO = [{"slot": "to_khai", "sha256": "b" * 64, "size": 1000, "contentType": "image/jpeg"}]


async def test_the_csv_opens_in_excel_with_its_vietnamese_headings(
    client: httpx.AsyncClient, province: Session
) -> None:
    await keep(resolved("H12.41", local(2024, 1, 3), D(2024, 1, 10), local(2024, 1, 9), 2, channel="online"))
    await keep(kept("H12.42", local(2024, 3, 1), D(2024, 3, 8), status="in_progress"))
    response = await client.get("/api/staff/statistics/bieu-06.csv", params=Q1, headers=province.headers())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="bieu-06-H12-20231215-20240314.csv"' in response.headers["content-disposition"]
    assert response.content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:4] == [
        "STT",
        "Đơn vị, lĩnh vực, thủ tục",
        "Số hồ sơ nhận giải quyết: tổng số",
        "Trong đó: trực tuyến",
    ]
    assert lines[0][-1] == "Tỷ lệ hài lòng (%)"
    total = lines[1]
    assert total[:2] == ["", "Tổng cộng: Ủy ban nhân dân tỉnh Hà Tĩnh"]
    # 3 received (2 online), 2 resolved early, 1 overdue; no rating yet.
    assert total[2:13] == ["3", "2", "1", "0", "2", "2", "0", "0", "1", "0", "1"]
    assert total[-1] == "—"
    can_loc = next(line for line in lines if line[1] == "Ủy ban nhân dân xã Can Lộc")
    field = lines[lines.index(can_loc) + 1]
    assert (can_loc[0], can_loc[2], field[0], field[1], field[2]) == ("4", "2", "4.1", "Hộ tịch", "2")


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"period": "quarter", "year": "2024", "index": "5"}, "statistics_period_invalid"),
        ({"period": "quarter", "year": "hai nghìn"}, "statistics_period_invalid"),
        ({"period": "fortnight", "year": "2024"}, "statistics_period_invalid"),
        ({"from": "2024-03-14", "to": "2024-01-01"}, "statistics_period_invalid"),
        ({"from": "14/03/2024", "to": "2024-04-01"}, "statistics_period_invalid"),
        ({}, "statistics_period_invalid"),
        ({**Q1, "detail": "everything"}, "statistics_detail_invalid"),
        ({**Q1, "unit": "H99"}, "statistics_unit_unknown"),
        ({**Q1, "unit": "H12.41.01"}, "statistics_unit_unknown"),  # a centre receives, it decides nothing
    ],
)
async def test_a_bad_parameter_is_refused_with_its_code_in_both_languages(
    client: httpx.AsyncClient, province: Session, params: dict[str, str], code: str
) -> None:
    for path in ("bieu-06", "bieu-06.csv", "indicators", "ranking"):
        if path in ("indicators", "ranking") and "detail" in params:
            continue
        response = await client.get(f"/api/staff/statistics/{path}", params=params, headers=province.headers())
        assert response.status_code == 422, (path, response.text)
        body = response.json()
        assert body["code"] == code
        assert body["message"]["vi"] and body["message"]["en"] and body["message"]["vi"] != body["message"]["en"]


async def test_a_commune_sees_its_own_figures_and_not_another_communes(
    client: httpx.AsyncClient, report: Report
) -> None:
    await keep(resolved("H12.41", local(2024, 1, 3), D(2024, 1, 10), local(2024, 1, 9), 2))
    await keep(resolved("H12.42", local(2024, 1, 3), D(2024, 1, 10), local(2024, 1, 9), 5))
    commune = await leader_of(client, "H12.41")
    centre = await leader_of(client, "H12.41.01", Role.ADMIN)  # the commune's centre answers for the commune
    for session in (commune, centre):
        own = await report(session=session, **Q1)
        assert (own["unit"], own["rows"][0]["figures"]["received"]) == ("H12.41", 2)
        other = await client.get(
            "/api/staff/statistics/bieu-06", params={**Q1, "unit": "H12.42"}, headers=session.headers()
        )
        assert other.status_code == 403 and other.json()["code"] == "statistics_unit_forbidden"
        province = await client.get(
            "/api/staff/statistics/bieu-06", params={**Q1, "unit": "H12"}, headers=session.headers()
        )
        assert province.status_code == 403
    whole = await report(**Q1)  # the province's leader
    assert whole["rows"][0]["figures"]["received"] == 7


async def _month_of_three_communes() -> None:
    """The month 15/1-14/2/2024. H12.41: 4 new, 3 online (2 with photos), 3 of 4 in time. H12.42: 2 in person,
    1 with a scan, both in time. H12.43: nothing."""
    due = D(2024, 1, 27)
    await keep(resolved("H12.41", local(2024, 1, 20), due, local(2024, 1, 26), 2, channel="online", attachments=PHOTO))
    await keep(resolved("H12.41", local(2024, 1, 20), due, local(2024, 1, 27), channel="online"))
    await keep(resolved("H12.41", local(2024, 1, 20), due, local(2024, 1, 29)))
    await keep(resolved("H12.42", local(2024, 1, 20), due, local(2024, 1, 27), attachments=PHOTO))
    await keep(resolved("H12.42", local(2024, 1, 20), due, local(2024, 1, 25)))


async def test_the_decision_766_indicators_per_unit(report: Report) -> None:
    await _month_of_three_communes()
    body = await report("indicators", period="month", year="2024", index="2")
    found = {u["unit"]: u for u in body["units"]}
    assert list(found) == ["H12", "H12.02", "H12.03", "H12.41", "H12.42", "H12.43"]
    shares = {
        code: (u["onTimeShare"], u["onlineShare"], u["scannedShare"], u["satisfiedShare"]) for code, u in found.items()
    }
    assert shares["H12.41"] == (75.0, 75.0, 50.0, None)
    assert shares["H12.42"] == (100.0, 0.0, 50.0, None)
    assert shares["H12.43"] == (None, None, None, None)


async def test_communes_are_ranked_on_the_mean_of_their_shares(report: Report) -> None:
    await _month_of_three_communes()
    body = await report("ranking", period="month", year="2024", index="2")
    ranked = [(c["rank"], c["indicator"]["unit"], c["score"]) for c in body["communes"]]
    # H12.41: (75 + 75 + 50) / 3 = 66.7; H12.42: (100 + 0 + 50) / 3 = 50.0; H12.43 has nothing to score.
    assert ranked == [(1, "H12.41", 66.7), (2, "H12.42", 50.0), (3, "H12.43", None)]


def test_equal_scores_share_a_rank() -> None:
    assert rank(["a", "b", "c", "d"], [[80.0], [60.0, None], [60.0], [None]]) == [
        (1, "a", 80.0),
        (2, "b", 60.0),
        (2, "c", 60.0),
        (4, "d", None),
    ]

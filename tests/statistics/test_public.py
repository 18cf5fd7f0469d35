"""The public transparency page's endpoint: last month's figures per unit worked out by hand, no personal data,
cacheable, only the periods on offer, and limited per client address."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest

from backend.settings import Settings
from backend.transparency.rules import Choice, last_completed
from tests.conftest import app_client
from tests.factories import keep, kept, local, resolved, seeded

pytestmark = pytest.mark.usefixtures("db")
D = dt.date
PHOTO = [{"slot": "to_khai", "sha256": "c" * 64, "size": 1000, "contentType": "image/jpeg"}]
PERSONAL = {"contact_phone": "0912345678", "id_number": "001203004567", "assignee": "cv.nguyen-van-an"}
URL = "/api/public/statistics"


async def _last_month() -> list[str]:
    """The clock stands at 23/11/2026 (tests/statistics/conftest.py): last month is 15/10-14/11/2026.
    H12.41: 2 online with photos, early; 1 in person, late (29/10 for 27/10).
    H12.42: 1 carried over (received 1/10), early; 1 in person with a scan, on its day; 1 overdue at the end.
    H12.02: 1 by post, on its day. Outside: one received on 15/11 at 00:00, in this month's period.
    Every dossier carries a phone, an ID number and an officer: none of it may reach the public."""
    due = D(2026, 10, 27)
    rows = resolved("H12.41", local(2026, 10, 20), due, local(2026, 10, 26), 2, channel="online", attachments=PHOTO,
                    **PERSONAL)  # fmt: skip
    rows += resolved("H12.41", local(2026, 10, 20), due, local(2026, 10, 29), **PERSONAL)
    rows += resolved("H12.42", local(2026, 10, 1), D(2026, 10, 20), local(2026, 10, 16), **PERSONAL)
    rows += resolved("H12.42", local(2026, 10, 20), due, local(2026, 10, 27, 15), attachments=PHOTO, **PERSONAL)
    rows += kept("H12.42", local(2026, 11, 2), D(2026, 11, 9), status="in_progress", **PERSONAL)
    rows += resolved("H12.02", local(2026, 11, 5), D(2026, 11, 12), local(2026, 11, 12, 10), channel="postal",
                     **PERSONAL)  # fmt: skip
    rows += kept("H12.41", local(2026, 11, 15, 0, 0), D(2026, 11, 22), **PERSONAL)
    await keep(rows)
    return [r["code"] for r in rows]


async def test_anyone_sees_last_months_figures_per_unit_without_personal_data(client: httpx.AsyncClient) -> None:
    await seeded()
    codes = await _last_month()
    response = await client.get(URL, params={"period": "month"})  # no session, no token
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["period"] == {"kind": "month", "firstDay": "2026-10-15", "lastDay": "2026-11-14", "year": 2026,
                              "index": 11}  # fmt: skip
    assert (body["choice"], body["unit"], body["nameVi"]) == ("month", "H12", "Ủy ban nhân dân tỉnh Hà Tĩnh")
    units = {u["unit"]: u for u in body["units"]}
    assert list(units) == ["H12", "H12.02", "H12.03", "H12.41", "H12.42", "H12.43"]
    columns = ("received", "receivedOnline", "receivedInPerson", "carriedOver", "resolved", "resolvedEarly",
               "resolvedOnTime", "resolvedLate", "inProgress", "inProgressWithin", "inProgressOverdue",
               "returnedOrWithdrawn", "apologies")  # fmt: skip

    def counts(figures: dict[str, Any]) -> tuple[int, ...]:
        return tuple(figures[c] for c in columns)

    assert counts(units["H12.41"]["figures"]) == (3, 2, 1, 0, 3, 2, 0, 1, 0, 0, 0, 0, 0)
    assert counts(units["H12.42"]["figures"]) == (3, 0, 2, 1, 2, 1, 1, 0, 1, 0, 1, 0, 0)
    assert counts(units["H12.02"]["figures"]) == (1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0)
    assert counts(units["H12.43"]["figures"]) == (0,) * 13
    assert counts(body["total"]) == (7, 2, 4, 1, 6, 3, 2, 1, 1, 0, 1, 0, 0)
    shares = {code: (u["onTimeShare"], u["onlineShare"], u["scannedShare"]) for code, u in units.items()}
    # H12.41: 2 of 3 in time, 2 of 3 new online, 2 of 3 new scanned; H12.42: 2 of 2, 0 of 2, 1 of 2.
    assert shares["H12.41"] == (66.7, 66.7, 66.7)
    assert shares["H12.42"] == (100.0, 0.0, 50.0)
    assert shares["H12.02"] == (100.0, 0.0, 0.0)
    assert shares["H12.43"] == (None, None, None)
    assert all("satisfiedShare" in u and "satisfactionRate" in u["figures"] for u in body["units"])

    text = response.text
    for personal in [*codes, *PERSONAL.values(), "K-00"]:
        assert personal not in text
    assert set(body) == {"choice", "period", "unit", "nameVi", "nameEn", "total", "units"}
    assert {key for u in body["units"] for key in u} == {
        "unit", "nameVi", "nameEn", "kind", "figures", "onTimeShare", "onlineShare", "scannedShare", "satisfiedShare",
    }  # fmt: skip


async def test_the_answer_is_cacheable_and_revalidated_with_its_etag(client: httpx.AsyncClient) -> None:
    await seeded()
    await _last_month()
    first = await client.get(URL, params={"period": "month"})
    assert first.headers["cache-control"] == "public, max-age=900"
    etag = first.headers["etag"]
    again = await client.get(URL, params={"period": "month"}, headers={"If-None-Match": etag})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)
    # Kept in memory for max-age: a dossier recorded meanwhile changes nothing until then.
    await keep(resolved("H12.43", local(2026, 10, 20), D(2026, 10, 27), local(2026, 10, 26)))
    kept_answer = await client.get(URL, params={"period": "month"})
    assert kept_answer.headers["etag"] == etag and kept_answer.json() == first.json()
    quarter = await client.get(URL, params={"period": "quarter"})
    assert quarter.headers["etag"] != etag
    assert quarter.json()["period"]["firstDay"] == "2026-06-15"


async def test_one_commune_alone(client: httpx.AsyncClient) -> None:
    await seeded()
    await _last_month()
    body = (await client.get(URL, params={"period": "month", "unit": "H12.42"})).json()
    assert body["unit"] == "H12.42" and [u["unit"] for u in body["units"]] == ["H12.42"]
    assert body["units"][0]["figures"] == body["total"] and body["total"]["received"] == 3


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"period": "range"}, "public_statistics_period_invalid"),
        ({"period": "half"}, "public_statistics_period_invalid"),
        ({"period": "month", "unit": "H99"}, "statistics_unit_unknown"),
        ({"period": "month", "unit": "H12.41.01"}, "statistics_unit_unknown"),  # a centre decides nothing
    ],
)
async def test_only_the_periods_on_offer_and_deciding_units(
    client: httpx.AsyncClient, params: dict[str, str], code: str
) -> None:
    await seeded()
    response = await client.get(URL, params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == code and body["message"]["vi"] != body["message"]["en"]


async def test_requests_are_limited_per_client_address(settings: Settings) -> None:
    async with app_client(settings.model_copy(update={"public_statistics_requests_per_minute": 2})) as client:
        await seeded()
        assert [(await client.get(URL)).status_code for _ in range(2)] == [200, 200]
        refused = await client.get(URL)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert json.loads(refused.text)["message"]["vi"].startswith("Đang có quá nhiều yêu cầu")


@pytest.mark.parametrize(
    ("choice", "today", "first", "last"),
    [
        (Choice.MONTH, D(2024, 3, 14), D(2024, 1, 15), D(2024, 2, 14)),  # the month ending today still runs
        (Choice.MONTH, D(2024, 3, 15), D(2024, 2, 15), D(2024, 3, 14)),
        (Choice.MONTH, D(2025, 1, 10), D(2024, 11, 15), D(2024, 12, 14)),
        (Choice.QUARTER, D(2026, 12, 1), D(2026, 6, 15), D(2026, 9, 14)),
        (Choice.QUARTER, D(2026, 3, 15), D(2025, 12, 15), D(2026, 3, 14)),
        (Choice.YEAR, D(2026, 12, 1), D(2024, 12, 15), D(2025, 12, 14)),
        (Choice.YEAR, D(2026, 12, 15), D(2025, 12, 15), D(2026, 12, 14)),
    ],
)
def test_the_last_completed_period(choice: Choice, today: dt.date, first: dt.date, last: dt.date) -> None:
    period = last_completed(choice, today)
    assert (period.first_day, period.last_day) == (first, last)

"""An issued paper keeps the facts it was issued with: a later catalogue edit never changes it; the place
and date line and the headers come from the receiving unit's People's Committee."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import httpx
import pytest

from backend.review import rules
from tests.factories import demo_catalogue, renamed, seeded
from tests.review.desk import MARITAL, ready, url

pytestmark = pytest.mark.usefixtures("db", "clock")
PAPER_DATES = json.loads((Path(__file__).parent.parent / "vectors" / "paper_dates.json").read_text(encoding="utf-8"))


async def test_a_catalogue_edit_does_not_change_an_issued_paper(client: httpx.AsyncClient) -> None:
    me, made = await ready(client)
    accepted = await client.post(url(made, "accept"), json={"version": 1}, headers=me.headers())
    assert accepted.status_code == 200
    await seeded(renamed(demo_catalogue(), MARITAL, "Tên thủ tục đã đổi"))
    paper = await client.get(url(made, "papers/01"), headers=me.headers())
    assert paper.status_code == 200
    assert paper.json()["data"]["procedure"]["name"] == "Cấp Giấy xác nhận tình trạng hôn nhân"
    assert paper.json()["data"] == accepted.json()["paper"]["data"]


async def test_a_paper_not_issued_is_not_found(client: httpx.AsyncClient) -> None:
    me, made = await ready(client)
    answer = await client.get(url(made, "papers/03"), headers=me.headers())
    assert answer.status_code == 404 and answer.json()["code"] == "paper_not_found"


@pytest.mark.parametrize(
    ("committee", "place"),
    [
        ("Ủy ban nhân dân xã Thiên Lộc", "Thiên Lộc"),
        ("Ủy ban nhân dân phường Bắc Hồng Lĩnh", "Bắc Hồng Lĩnh"),
        ("Ủy ban nhân dân tỉnh Hà Tĩnh", "Hà Tĩnh"),
        ("Ban quản lý khu kinh tế", "Ban quản lý khu kinh tế"),
    ],
)
def test_the_place_is_the_committees_name_without_its_title(committee: str, place: str) -> None:
    assert rules.place_name(committee) == place


def test_the_date_line_names_the_place_then_the_date() -> None:
    assert rules.date_line("Thiên Lộc", dt.date(2026, 12, 1)) == "Thiên Lộc, ngày 01 tháng 12 năm 2026"


@pytest.mark.parametrize("vector", PAPER_DATES, ids=[v["date"] for v in PAPER_DATES])
def test_a_paper_writes_its_dates_as_decree_30_has_them(vector: dict[str, str]) -> None:
    # Hand-written (tests/vectors/paper_dates.json, shared with the phone): days below 10, January and
    # February with a leading zero; March to December without.
    assert rules.date_words(dt.date.fromisoformat(vector["date"])) == vector["words"]

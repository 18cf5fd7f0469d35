"""The statistics page's other tables as CSV (the indicators, the ranking, the series), as Excel opens them:
UTF-8 with a BOM, Vietnamese headings, the figures worked out by hand, "—" for a share with nothing to share."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from tests.accounts.staffing import Session
from tests.statistics.test_api import _month_of_three_communes
from tests.statistics.test_series import Q1, _quarter

pytestmark = pytest.mark.usefixtures("db")
MONTH_2 = {"period": "month", "year": "2024", "index": "2"}  # 15/1-14/2/2024


async def _sheet(client: httpx.AsyncClient, session: Session, path: str, params: dict[str, str]) -> list[list[str]]:
    response = await client.get(f"/api/staff/statistics/{path}", params=params, headers=session.headers())
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    name = response.headers["content-disposition"].split('filename="')[1].rstrip('"')
    return [[name], *csv.reader(io.StringIO(response.content.decode("utf-8-sig")))]


async def test_the_indicators_and_the_ranking_as_csv(client: httpx.AsyncClient, province: Session) -> None:
    await _month_of_three_communes()
    [name], header, *lines = await _sheet(client, province, "indicators.csv", MONTH_2)
    assert name == "chi-so-766-H12-20240115-20240214.csv"
    assert header == ["Mã đơn vị", "Đơn vị", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Đúng hạn (%)",
                      "Trực tuyến (%)", "Số hóa (%)", "Hài lòng (%)"]  # fmt: skip
    assert [line[0] for line in lines] == ["H12", "H12.02", "H12.03", "H12.41", "H12.42", "H12.43"]
    # H12.41: 4 received and resolved, 3 in time, 3 online, 2 with photos; H12.43 nothing to share.
    assert lines[3] == ["H12.41", "Ủy ban nhân dân xã Can Lộc", "4", "4", "75.0", "75.0", "50.0", "—"]
    assert lines[5][2:] == ["0", "0", "—", "—", "—", "—"]

    [name], header, *lines = await _sheet(client, province, "ranking.csv", MONTH_2)
    assert name == "xep-hang-xa-H12-20240115-20240214.csv"
    assert header[:4] == ["Hạng", "Mã đơn vị", "Xã", "Điểm trung bình"]
    # (75 + 75 + 50) / 3 = 66.7; (100 + 0 + 50) / 3 = 50.0; the commune with nothing comes last, unscored.
    assert [line[:2] + line[3:4] for line in lines] == [["1", "H12.41", "66.7"], ["2", "H12.42", "50.0"],
                                                        ["3", "H12.43", "—"]]  # fmt: skip
    assert lines[1][4:] == ["100.0", "0.0", "50.0", "—"]


async def test_the_series_as_csv(client: httpx.AsyncClient, province: Session) -> None:
    await _quarter()
    [name], header, *lines = await _sheet(client, province, "series.csv", {**Q1, "step": "month"})
    assert name == "bieu-do-month-H12-20231215-20240314.csv"
    assert header[:3] == ["Từ ngày", "Đến ngày", "Nhận mới: trực tuyến"]
    assert header[-1] == "Tỷ lệ hài lòng (%)"
    assert lines == [
        ["15/12/2023", "14/01/2024", "2", "2", "0", "1", "1", "50.0", "0", "0", "—"],
        ["15/01/2024", "14/02/2024", "0", "2", "0", "2", "1", "66.7", "0", "0", "—"],
        ["15/02/2024", "14/03/2024", "0", "0", "1", "1", "0", "100.0", "0", "0", "—"],
    ]

"""The working calendar the queue and the handling steps count with is kept by each process, per catalogue
stamp: a day off seeded after a request (by this process or by `motcua seed` in another) counts from the
next request, and a database emptied and seeded again at the same version is not answered from the old."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from backend.catalogue.datafiles import DatedName
from backend.catalogue.service import working_calendar
from backend.catalogue.tables import CalendarDay, CatalogueState
from backend.settings import DEMO_CATALOGUE_DIR
from tests.accounts.staffing import Session
from tests.conftest import run_cli
from tests.factories import demo_catalogue, seeded
from tests.review.desk import dossier, officer

pytestmark = pytest.mark.usefixtures("db", "clock")
VN = dt.timezone(dt.timedelta(hours=7))
# Submitted Monday 23 Nov 2026 09:00 (the tests' clock); Tuesday 24 is a holiday (Ngày Văn hóa Việt Nam), so
# the 8 working hours (390 minutes on Monday, 90 more) end on Wednesday 25 at 09:00.
DUE = dt.datetime(2026, 11, 25, 9, 0, tzinfo=VN)
# With Wednesday 25 a day off too, they end on Thursday 26 at 09:00.
DUE_AFTER_A_DAY_OFF = dt.datetime(2026, 11, 26, 9, 0, tzinfo=VN)
DAY_OFF = "Nghỉ bù (theo Thông báo của tỉnh)"


async def _check_due(client: httpx.AsyncClient, me: Session) -> dt.datetime:
    answer = await client.get("/api/staff/queue", params={"list": "to_check"}, headers=me.headers())
    assert answer.status_code == 200, answer.text
    [item] = answer.json()["items"]
    return dt.datetime.fromisoformat(item["checkDueAt"])


def _with_day_off() -> Any:
    data = demo_catalogue()
    data.calendar.extra_days_off = [DatedName(date=dt.date(2026, 11, 25), name=DAY_OFF)]
    return data


async def test_a_day_off_seeded_after_a_request_counts_from_the_next(client: httpx.AsyncClient) -> None:
    await seeded()
    me = await officer(client)
    await dossier(client)
    assert await _check_due(client, me) == DUE
    assert (await seeded(_with_day_off())).version == 2
    assert await _check_due(client, me) == DUE_AFTER_A_DAY_OFF
    assert (await seeded()).version == 3  # and taken back
    assert await _check_due(client, me) == DUE


async def test_a_day_off_seeded_by_another_process_counts_from_the_next_request(
    client: httpx.AsyncClient, settings_env: dict[str, str], tmp_path: Path
) -> None:
    await seeded()
    me = await officer(client)
    await dossier(client)
    assert await _check_due(client, me) == DUE
    folder = tmp_path / "catalogue"
    shutil.copytree(DEMO_CATALOGUE_DIR, folder)
    calendar = folder / "calendar.yaml"
    calendar.write_text(
        calendar.read_text(encoding="utf-8").replace(
            "extra_days_off: []", f'extra_days_off:\n  - {{date: 2026-11-25, name: "{DAY_OFF}"}}'
        ),
        encoding="utf-8",
    )
    done = run_cli(settings_env, "seed", "--dir", str(folder))
    assert done.returncode == 0, done.stderr + done.stdout
    assert "catalogue version 2" in done.stdout
    assert await _check_due(client, me) == DUE_AFTER_A_DAY_OFF


async def test_a_database_emptied_and_seeded_again_at_the_same_version_is_read_again() -> None:
    """Version 1 twice, with different calendars (as the tests' database between two tests)."""
    monday, hanoi = dt.datetime(2026, 11, 23, 9, tzinfo=VN), ZoneInfo("Asia/Ho_Chi_Minh")
    await seeded()
    assert (await working_calendar(hanoi, monday)).is_working_day(dt.date(2026, 11, 25))
    await CalendarDay.delete(force=True)
    await CatalogueState.delete(force=True)
    assert (await seeded(_with_day_off())).version == 1
    assert not (await working_calendar(hanoi, monday)).is_working_day(dt.date(2026, 11, 25))

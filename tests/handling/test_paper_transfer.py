"""The transfer at receipt through the staff API (Decree 118/2025 Art 18): a paper dossier brought to the centre
of xã Can Lộc (H12.41.01) for the commune's People's Committee (H12.41) is handed over the same working day,
or the next working morning when received after 15:00; the agency confirms it received it. Demo calendar:
07:30-12:00 and 13:30-17:00; Tuesday 24 November 2026 is a holiday (Ngày Văn hóa Việt Nam)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.accounts.staffing import Clock
from tests.factories import NOW
from tests.handling.journey import desk, kept, paper_dossier

pytestmark = pytest.mark.usefixtures("db")
VN = NOW.tzinfo


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=VN)


def _line(h: dict[str, object]) -> tuple[object, ...]:
    return h["step"], h["from_unit"], h["from_user"], h["to_unit"], h["to_user"], h["medium"], h["at"], h["due_at"]


async def test_a_paper_received_in_the_morning_goes_the_same_day_and_the_agency_confirms_it(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await paper_dossier(d)  # Monday 23 November, 09:00
    await d.later(hours=7)  # 16:00
    await d.ok("officer", made, "paper-handover", recipient="Văn thư UBND xã")
    await d.later(minutes=30)
    await d.ok("leader", made, "paper-received")
    lines = [_line(h) for h in (await kept(made))["handovers"]]
    assert lines == [
        ("transfer", "H12.41.01", "hs.officer", "H12.41", "", "electronic", at(23, 9), at(23, 9)),
        ("paper_transfer", "H12.41.01", "hs.officer", "H12.41", "Văn thư UBND xã", "paper", at(23, 16), at(23, 17)),
        ("paper_received", "H12.41.01", "hs.officer", "H12.41", "hs.leader", "paper", at(23, 16, 30), at(23, 17)),
    ]


async def test_a_paper_received_after_15_00_is_due_the_next_working_morning(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    await d.later(hours=6, minutes=30)  # Monday 15:30
    made = await paper_dossier(d)
    await d.later(days=2)  # Wednesday 15:30; logged as handed over at 09:00 that morning
    await d.ok("officer", made, "paper-handover", handedAt=at(25, 9).isoformat())
    handed = (await kept(made))["handovers"][1]
    # After 15:00 on Monday; Tuesday 24th is a holiday: Wednesday, within its first working hour (by 08:30).
    assert (handed["step"], handed["at"], handed["due_at"]) == ("paper_transfer", at(25, 9), at(25, 8, 30))


async def test_the_paper_hand_over_is_logged_once_for_a_paper_dossier_only(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    online = await d.received()  # sent online: no paper travels
    refused = await d.act("officer", online, "paper-handover")
    assert (refused.status_code, refused.json()["code"]) == (409, "paper_not_expected")
    made = await paper_dossier(d)
    early = await d.act("officer", made, "paper-handover", handedAt=at(23, 8).isoformat())  # before the receipt
    assert (early.status_code, early.json()["code"]) == (422, "handed_at_invalid")
    future = await d.act("officer", made, "paper-handover", handedAt=at(23, 10).isoformat())
    assert (future.status_code, future.json()["code"]) == (422, "handed_at_invalid")
    await d.ok("officer", made, "paper-handover")
    again = await d.act("officer", made, "paper-handover")
    assert (again.status_code, again.json()["code"]) == (409, "paper_already_handed_over")


async def test_the_agency_confirms_a_paper_once_and_only_after_it_was_handed_over(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await paper_dossier(d)
    too_soon = await d.act("leader", made, "paper-received")
    assert (too_soon.status_code, too_soon.json()["code"]) == (409, "paper_not_handed_over")
    await d.ok("officer", made, "paper-handover")
    counter = await d.act("officer", made, "paper-received")  # the counter cannot confirm for the agency
    assert counter.status_code == 403
    stranger = await d.act("stranger", made, "paper-received")  # another commune's leader: no such dossier
    assert stranger.status_code == 404
    specialist = await d.act("specialist", made, "paper-received")  # any of the agency's staff may sign
    assert specialist.status_code == 200, specialist.text
    again = await d.act("leader", made, "paper-received")
    assert (again.status_code, again.json()["code"]) == (409, "paper_already_acknowledged")

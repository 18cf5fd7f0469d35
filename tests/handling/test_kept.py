"""What a dossier keeps from its receipt on, as rows: the original due date with why and when, and the
instant its count started."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from backend.dossiers import timeline
from backend.dossiers.tables import Dossier
from tests.factories import NOW
from tests.review.desk import ready, url

pytestmark = pytest.mark.usefixtures("db", "clock")


async def test_the_receipt_keeps_the_original_due_date_and_the_start_of_the_count(client: httpx.AsyncClient) -> None:
    me, made = await ready(client)
    answer = await client.post(url(made, "accept"), json={"version": 1}, headers=me.headers())
    assert answer.status_code == 200, answer.text
    row = await Dossier.select().where(Dossier.code == made["dossier"]["code"]).first()
    kept = await timeline.kept(row["id"])
    # Received Monday 23 November 2026 at 09:00, for 3 working days; Tuesday 24th is a holiday (Ngày Văn hóa
    # Việt Nam): Wed 25, Thu 26, Fri 27.
    assert [(d["kind"], d["due_date"], d["counted_from"]) for d in kept["deadlines"]] == [
        ("original", dt.date(2026, 11, 27), NOW)
    ]
    assert row["clock_started_at"] == NOW and row["appointment_date"] == dt.date(2026, 11, 27)
    assert kept["waits"] == [] and kept["parts"] == []
    # The centre of xã Can Lộc received it; the commune's People's Committee decides it: the electronic file
    # went to it at the moment of receipt, due at once (Decree 118/2025 Art 18).
    [transfer] = kept["handovers"]
    sent = ("transfer", "H12.41.01", "tiep.nhan", "H12.41", "electronic", NOW, NOW)
    names = ("step", "from_unit", "from_user", "to_unit", "medium", "at", "due_at")
    assert tuple(transfer[n] for n in names) == sent

"""How the report counts the dossiers the rules make hard: the period's last minute, a restarted deadline, an
apology's new date, a refusal after appraisal, a wait for the citizen, a stop and a close (the convention in
backend/dossiers/tally.py). Each figure is worked out by hand from the few dossiers of the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import keep, kept, local, resolved
from tests.statistics.conftest import Report

pytestmark = pytest.mark.usefixtures("db")
D = dt.date
Q1 = {"period": "quarter", "year": "2024", "index": "1", "unit": "H12.41"}
Q2 = {**Q1, "index": "2"}


async def _total(report: Report, params: dict[str, str]) -> dict[str, int]:
    body = await report(**params)
    return dict(body["rows"][0]["figures"])


async def test_a_dossier_received_on_the_14th_at_16_59_is_in_the_period_ending_that_day(report: Report) -> None:
    await keep(kept("H12.41", local(2024, 3, 14, 16, 59), D(2024, 3, 21)))
    await keep(kept("H12.41", local(2024, 3, 15, 0, 0), D(2024, 3, 22)))
    q1, q2 = await _total(report, Q1), await _total(report, Q2)
    assert (q1["received"], q1["inProgressWithin"]) == (1, 1)
    assert (q2["carriedOver"], q2["receivedInPerson"], q2["received"]) == (1, 1, 2)


async def test_a_restarted_deadline_replaces_the_original_one(report: Report) -> None:
    # Due 5/2; a supplement during appraisal completed on 6/2 restarted the count to 20/2.
    restart = [("original", D(2024, 2, 5), local(2024, 1, 29)), ("restarted", D(2024, 2, 20), local(2024, 2, 6))]
    await keep(resolved("H12.41", local(2024, 1, 29), D(2024, 2, 20), local(2024, 2, 15), deadlines=restart))
    again = [restart[0], ("restarted", D(2024, 3, 20), local(2024, 3, 1))]
    await keep(kept("H12.41", local(2024, 1, 29), D(2024, 3, 20), status="in_progress", deadlines=again))
    total = await _total(report, Q1)
    # Resolved on 15/2, five days after its original date but before the restarted one: early, not late.
    assert (total["resolvedEarly"], total["resolvedLate"]) == (1, 0)
    # Still open on 14/3, its original date long gone, its restarted date 20/3 ahead: within.
    assert (total["inProgressWithin"], total["inProgressOverdue"]) == (1, 0)


async def test_an_apologys_new_date_does_not_make_a_late_dossier_on_time(report: Report) -> None:
    moved = [("original", D(2024, 2, 5), local(2024, 1, 29)), ("extended", D(2024, 2, 9), local(2024, 2, 2))]
    await keep(resolved("H12.41", local(2024, 1, 29), D(2024, 2, 9), local(2024, 2, 7), apologies=1, deadlines=moved))
    # Another given a new date on 2/3, still open on 14/3: its legal 10/3 has passed.
    later = [("original", D(2024, 3, 10), local(2024, 3, 1)), ("extended", D(2024, 3, 25), local(2024, 3, 2))]
    await keep(kept("H12.41", local(2024, 3, 1), D(2024, 3, 25), status="in_progress", apologies=1, deadlines=later))
    total = await _total(report, Q1)
    assert (total["resolvedOnTime"], total["resolvedLate"]) == (0, 1)
    assert (total["inProgressWithin"], total["inProgressOverdue"]) == (0, 1)
    assert total["apologies"] == 2
    # The apologies were given in Q1: Q2 counts none, though the open one is carried into it.
    q2 = await _total(report, Q2)
    assert (q2["apologies"], q2["carriedOver"]) == (0, 1)


async def test_a_refusal_after_appraisal_is_resolved(report: Report) -> None:
    refused = {"status": "appraisal_refused", "result_kind": "refused"}
    await keep(resolved("H12.41", local(2024, 1, 29), D(2024, 2, 5), local(2024, 2, 5, 16), **refused))
    await keep(resolved("H12.41", local(2024, 1, 29), D(2024, 2, 5), local(2024, 2, 6, 8), **refused))
    total = await _total(report, Q1)
    assert (total["resolved"], total["resolvedOnTime"], total["resolvedLate"], total["inProgress"]) == (2, 1, 1, 0)


async def test_a_result_on_the_due_day_is_on_time_and_the_day_before_early(report: Report) -> None:
    await keep(resolved("H12.41", local(2024, 1, 29), D(2024, 2, 5), local(2024, 2, 5, 23, 59)))
    await keep(resolved("H12.41", local(2024, 1, 29), D(2024, 2, 5), local(2024, 2, 4, 23, 59)))
    await keep(resolved("H12.41", local(2024, 1, 29), D(2024, 2, 5), local(2024, 2, 6, 0, 0)))
    total = await _total(report, Q1)
    assert (total["resolvedEarly"], total["resolvedOnTime"], total["resolvedLate"]) == (1, 1, 1)


async def test_a_dossier_waiting_for_the_citizen_is_within_its_deadline(report: Report) -> None:
    # Due 5/3, waiting since 1/3: on 14/3 its due date has passed, but its count is stopped.
    await keep(kept("H12.41", local(2024, 2, 26), D(2024, 3, 5), status="appraisal_supplement",
                    waiting_since=local(2024, 3, 1)))  # fmt: skip
    # One that waited from 1/2 to 10/2 and is being handled again, past its date: overdue.
    await keep(kept("H12.41", local(2024, 1, 29), D(2024, 2, 20), status="in_progress",
                    waits=[(local(2024, 2, 1), local(2024, 2, 10), "completed")]))  # fmt: skip
    total = await _total(report, Q1)
    assert (total["inProgressWithin"], total["inProgressOverdue"], total["waitingForCitizen"]) == (1, 1, 1)
    # Judged in the month that ended 14/2, the second was waiting then.
    month = await _total(report, {"period": "month", "year": "2024", "index": "2", "unit": "H12.41"})
    assert (month["waitingForCitizen"], month["inProgressWithin"], month["inProgressOverdue"]) == (0, 1, 0)
    first_days = await _total(report, {"from": "2024-02-01", "to": "2024-02-05", "unit": "H12.41"})
    assert (first_days["waitingForCitizen"], first_days["inProgressWithin"]) == (1, 1)


async def test_a_stopped_or_closed_dossier_is_returned_or_withdrawn_in_the_period_it_ended(report: Report) -> None:
    await keep(kept("H12.41", local(2024, 1, 29), D(2024, 2, 5), status="stopped", stopped_at=local(2024, 2, 1)))
    await keep(kept("H12.41", local(2024, 1, 29), D(2024, 2, 5), status="closed",
                    waits=[(local(2024, 2, 1), local(2024, 3, 18), "closed")]))  # fmt: skip
    q1, q2 = await _total(report, Q1), await _total(report, Q2)
    # The stop in Q1; the close on 18/3 (after 15 days' wait) in Q2, so in progress (waiting) at Q1's end.
    assert (q1["received"], q1["returnedOrWithdrawn"], q1["inProgress"], q1["waitingForCitizen"]) == (2, 1, 1, 1)
    assert (q2["carriedOver"], q2["returnedOrWithdrawn"], q2["inProgress"], q2["resolved"]) == (1, 1, 0, 0)


async def test_received_equals_resolved_plus_in_progress_plus_returned(report: Report) -> None:
    await keep(resolved("H12.41", local(2024, 1, 3), D(2024, 1, 10), local(2024, 1, 9), 4))
    await keep(kept("H12.41", local(2024, 1, 3), D(2024, 1, 10), 3, status="in_progress"))
    await keep(kept("H12.41", local(2024, 1, 3), D(2024, 1, 10), 2, status="stopped", stopped_at=local(2024, 1, 5)))
    total = await _total(report, Q1)
    assert total["received"] == total["resolved"] + total["inProgress"] + total["returnedOrWithdrawn"] == 9
    assert (total["resolved"], total["inProgressOverdue"], total["returnedOrWithdrawn"]) == (4, 3, 2)

"""The hand-over rules (Decree 118/2025 Art 18, 20) on the calendar of tests/handling/hand_calendar.py (lunch
11:30-13:30, weekends, Tết 2027 from Thursday 4 to Wednesday 10 February). Monday 23 November 2026 starts
the week used below; Tuesday 24th is a working day here. Every expected instant was counted by hand."""

from __future__ import annotations

import pytest

from backend.handling.handovers import (
    PartOutstanding,
    PartsInvalid,
    PartWanted,
    ensure_parts,
    judge,
    late_by_minutes,
    needs_paper_transfer,
    paper_transfer_due,
    part_due,
)
from tests.handling.hand_calendar import CAL, OFFICE, VN, at


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-11-23 09:00", "2026-11-23 17:00"),  # Monday morning: the same day, by closing time
        ("2026-11-23 12:30", "2026-11-23 17:00"),  # in the lunch break, before 15:00: the same day
        ("2026-11-23 15:00", "2026-11-23 17:00"),  # 15:00 itself is not "after 15:00"
        ("2026-11-23 15:01", "2026-11-24 08:30"),  # after 15:00: Tuesday, within its first working hour
        ("2026-11-26 07:00", "2026-11-26 17:00"),  # Thursday before opening: still that day
        ("2026-11-27 16:00", "2026-11-30 08:30"),  # Friday after 15:00: across the weekend, Monday
        ("2026-11-27 17:30", "2026-11-30 08:30"),  # Friday after closing: Monday too
        ("2026-11-28 09:00", "2026-11-30 08:30"),  # a Saturday reception: Monday morning
        ("2027-02-03 14:00", "2027-02-03 17:00"),  # the last day before Tết, before 15:00: that day
        ("2027-02-03 15:30", "2027-02-11 08:30"),  # after 15:00 on it: across Tết to Thursday 11 February
        ("2027-02-06 10:00", "2027-02-11 08:30"),  # received during Tết (a Saturday reception): the same
    ],
)
def test_a_paper_dossier_goes_the_same_day_or_the_next_working_morning(received: str, due: str) -> None:
    assert paper_transfer_due(at(received), CAL, OFFICE) == at(due)


def test_only_a_paper_dossier_received_by_another_unit_is_carried() -> None:
    assert needs_paper_transfer("in_person", "H12.41.01", "H12.02")
    assert needs_paper_transfer("postal", "H12.41.01", "H12.41")
    assert not needs_paper_transfer("online", "H12.41.01", "H12.02")  # the electronic file went at once
    assert not needs_paper_transfer("in_person", "H12.02", "H12.02")  # received where it is decided


@pytest.mark.parametrize(
    ("done", "due", "verdict"),
    [
        ("2026-11-23 16:59", "2026-11-23 17:00", "on_time"),
        ("2026-11-23 17:00", "2026-11-23 17:00", "on_time"),  # at the deadline exactly
        ("2026-11-23 17:00:01", "2026-11-23 17:00", "late"),
        ("2026-11-20 10:00", "2026-11-23 17:00", "early"),  # a day before the deadline's day
        ("2026-11-24 08:31", "2026-11-24 08:30", "late"),
    ],
)
def test_a_hand_over_is_early_on_time_or_late(done: str, due: str, verdict: str) -> None:
    assert judge(at(done), at(due), VN) == verdict


def test_a_hand_over_without_a_deadline_has_no_verdict() -> None:
    assert judge(at("2026-11-23 09:00"), None, VN) is None


@pytest.mark.parametrize(
    ("done", "due", "minutes"),
    [
        ("2026-11-24 14:00", "2026-11-24 08:30", 210),  # 08:30-11:30 and 13:30-14:00: the lunch break is free
        ("2027-02-11 08:00", "2027-02-03 17:00", 30),  # across Tết and a weekend: Thursday 07:30-08:00 only
        ("2026-11-23 16:00", "2026-11-23 17:00", 0),  # on time
    ],
)
def test_lateness_counts_office_time_only(done: str, due: str, minutes: int) -> None:
    assert late_by_minutes(at(done), at(due), CAL, OFFICE) == minutes


@pytest.mark.parametrize(
    ("sent", "days", "due"),
    [
        ("2026-11-23 10:00", 2, "2026-11-25 17:00"),  # Monday: Tuesday, Wednesday
        ("2026-11-27 17:30", 3, "2026-12-03 17:00"),  # Friday after closing counts from Monday: Tue, Wed, Thu
        ("2027-02-03 10:00", 2, "2027-02-12 17:00"),  # before Tết: Thursday 11 and Friday 12 February
    ],
)
def test_a_part_sent_to_another_agency_is_due_after_its_working_days(sent: str, days: int, due: str) -> None:
    assert part_due(at(sent), days, CAL, OFFICE) == at(due)


KNOWN = ("H12.41", "H12.02", "H12.03")


def _part(agency: str, days: int = 3, task: str = "Xác minh") -> PartWanted:
    return PartWanted(agency, task, days)


def test_a_slip_names_other_known_agencies_once_each_with_a_task_and_a_deadline() -> None:
    ensure_parts([_part("H12.02"), _part("H12.03", 60)], "H12.41", KNOWN, [])
    for wrong in (
        [_part("H12.41")],  # the lead itself
        [_part("H12.02"), _part("H12.02")],
        [_part("H12.99")],
        [_part("H12.02", 0)],
        [_part("H12.02", 61)],
        [_part("H12.02", task="  ")],
    ):
        with pytest.raises(PartsInvalid) as refused:
            ensure_parts(wrong, "H12.41", KNOWN, [])
        assert refused.value.status == 422


def test_an_agency_still_holding_a_part_gets_no_second_one() -> None:
    with pytest.raises(PartOutstanding) as refused:
        ensure_parts([_part("H12.03"), _part("H12.02")], "H12.41", KNOWN, ["H12.02"])
    assert refused.value.status == 409 and refused.value.extra == {"agency": "H12.02"}

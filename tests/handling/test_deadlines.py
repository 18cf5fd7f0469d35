"""The deadline rules of handling (Decree 118/2025 Art 19(5), 19(6)) on a calendar written out by hand:
weekends, the lunch break 11:30-13:30 and Tết Nguyên Đán 2027 (Thursday 4 to Wednesday 10 February off,
as tests/vectors/calendar.json has it). Every expected date below was counted on a wall calendar. Tuesday
24 November 2026 (Ngày Văn hóa Việt Nam) is left out of this calendar: these cases are about the rules."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.handling.rules import (
    ApologyAlreadyIssued,
    ApologyTooLate,
    CloseTooEarly,
    NewDateInvalid,
    SupplementAlreadyRequested,
    SupplementWindowPassed,
    apology_last_day,
    ensure_apology_allowed,
    ensure_may_close,
    ensure_supplement_allowed,
    forecast_late,
    may_close,
    restarted_due_date,
    supplement_close_last_day,
    supplement_in_time,
    supplement_window_last_day,
)
from tests.handling.hand_calendar import CAL, OFFICE, VN, at

D = dt.date


# The window of a supplement during appraisal: 3 working days after the receipt day.
@pytest.mark.parametrize(
    ("received", "last_day"),
    [
        ("2026-11-23 10:00", D(2026, 11, 26)),  # Monday: Tue, Wed, Thu
        ("2026-11-25 09:00", D(2026, 11, 30)),  # Wednesday: Thu, Fri, (weekend), Mon
        ("2026-11-27 17:30", D(2026, 12, 3)),  # Friday after closing counts as Monday: Tue, Wed, Thu
        ("2026-11-28 09:00", D(2026, 12, 3)),  # a Saturday counts as Monday too
        ("2027-02-02 10:00", D(2027, 2, 12)),  # Tuesday before Tết: Wed 3, (Tết), Thu 11, Fri 12
        ("2027-02-03 17:15", D(2027, 2, 16)),  # Wednesday after closing counts as Thu 11: Fri 12, Mon 15, Tue 16
    ],
)
def test_the_supplement_window_ends_three_working_days_after_receipt(received: str, last_day: dt.date) -> None:
    assert supplement_window_last_day(at(received), CAL) == last_day


def test_the_window_holds_all_of_its_last_day_and_not_the_next_morning() -> None:
    received = at("2026-11-23 10:00")
    assert supplement_in_time(received, at("2026-11-26 16:59"), CAL)
    assert supplement_in_time(received, at("2026-11-26 20:00"), CAL)  # the day ends at 24:00 (Civil Code 148(6))
    assert not supplement_in_time(received, at("2026-11-27 07:30"), CAL)
    # Across Tết: received Tuesday 2 February, still in time on Friday 12th, a fortnight later.
    assert supplement_in_time(at("2027-02-02 10:00"), at("2027-02-12 15:00"), CAL)
    assert not supplement_in_time(at("2027-02-02 10:00"), at("2027-02-15 08:00"), CAL)


def test_a_supplement_during_appraisal_is_asked_once_and_in_time() -> None:
    received = at("2026-11-23 10:00")
    ensure_supplement_allowed(0, received, at("2026-11-25 09:00"), CAL, None)
    with pytest.raises(SupplementAlreadyRequested):
        ensure_supplement_allowed(1, received, at("2026-11-25 09:00"), CAL, None)
    with pytest.raises(SupplementWindowPassed) as late:
        ensure_supplement_allowed(0, received, at("2026-11-27 08:00"), CAL, None)
    assert late.value.status == 409 and late.value.extra == {"lastDay": "26/11/2026"}


# The restart: the procedure's whole time again from the completion, never the days that were left.
@pytest.mark.parametrize(
    ("completed", "days", "due"),
    [
        ("2026-11-30 09:00", 5, D(2026, 12, 7)),  # Monday + 5: Tue, Wed, Thu, Fri, Mon
        ("2026-12-04 16:59", 3, D(2026, 12, 9)),  # Friday before closing: Mon, Tue, Wed
        ("2026-12-04 17:00", 3, D(2026, 12, 10)),  # Friday at closing counts as Monday: Tue, Wed, Thu
        ("2026-12-05 10:00", 1, D(2026, 12, 8)),  # Saturday counts as Monday: Tue
        ("2027-02-12 15:30", 5, D(2027, 2, 19)),  # Friday after Tết: Mon 15 ... Fri 19
        ("2027-02-03 17:15", 5, D(2027, 2, 18)),  # counts as Thu 11: Fri 12, Mon 15, Tue 16, Wed 17, Thu 18
        ("2027-02-03 12:00", 2, D(2027, 2, 12)),  # at lunch on Wednesday 3rd: still that day; Thu 11, Fri 12
    ],
)
def test_a_completed_supplement_restarts_the_count_from_zero(completed: str, days: int, due: dt.date) -> None:
    assert restarted_due_date(at(completed), days, CAL) == due


def test_the_restart_is_not_the_time_that_was_left() -> None:
    # Received Monday 23 November for 5 working days (due Monday 30th); asked on Tuesday 24th, with four days
    # left; completed on Thursday 3 December. Resumed, it would be due four days on (Wednesday 9th); restarted,
    # it gets all five: Fri 4, Mon 7, Tue 8, Wed 9, Thu 10.
    assert restarted_due_date(at("2026-12-03 10:00"), 5, CAL) == D(2026, 12, 10)


# The close: 15 calendar days after the notice, the notice's day not counted, a day off moving to the next
# working day.
@pytest.mark.parametrize(
    ("notice", "days", "last_day"),
    [
        ("2026-11-23 10:00", None, D(2026, 12, 8)),  # Monday + 15 = Tuesday 8 December
        ("2026-11-20 10:00", None, D(2026, 12, 7)),  # Friday + 15 = Saturday 5th, so Monday 7th
        ("2027-01-22 10:00", None, D(2027, 2, 11)),  # Friday + 15 = Saturday 6 Feb, Tết until Wed 10th
        ("2026-12-17 16:00", None, D(2027, 1, 4)),  # Thursday + 15 = Friday 1 January, a holiday; then Mon 4th
        ("2026-11-23 10:00", 30, D(2026, 12, 23)),  # sector law's 30 days: Wednesday 23 December
    ],
)
def test_an_unanswered_supplement_closes_after_its_last_day(notice: str, days: int | None, last_day: dt.date) -> None:
    assert supplement_close_last_day(at(notice), CAL, days) == last_day
    assert not may_close(at(notice), dt.datetime.combine(last_day, dt.time(23, 59), tzinfo=VN), CAL, days)
    assert may_close(
        at(notice), dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(0, 1), tzinfo=VN), CAL, days
    )


def test_closing_too_early_names_the_last_day() -> None:
    with pytest.raises(CloseTooEarly) as early:
        ensure_may_close(at("2026-11-23 10:00"), at("2026-12-08 16:00"), CAL, None)
    assert early.value.extra == {"lastDay": "08/12/2026"}
    ensure_may_close(at("2026-11-23 10:00"), at("2026-12-09 08:00"), CAL, None)


# The apology (Mẫu 04): no later than the working day before the deadline, once, for a later working day.
@pytest.mark.parametrize(
    ("due", "last_day"),
    [
        (D(2026, 11, 26), D(2026, 11, 25)),  # Thursday: Wednesday
        (D(2026, 11, 30), D(2026, 11, 27)),  # Monday: the Friday before
        (D(2027, 2, 11), D(2027, 2, 3)),  # Thursday after Tết: Wednesday 3rd, before the holiday
        (D(2027, 1, 4), D(2026, 12, 31)),  # Monday after New Year's Day: Thursday 31 December
    ],
)
def test_the_apology_comes_the_working_day_before_the_deadline_at_the_latest(due: dt.date, last_day: dt.date) -> None:
    assert apology_last_day(due, CAL) == last_day


def test_the_apology_is_issued_once_in_time_for_a_later_working_day() -> None:
    due = D(2027, 2, 11)
    ensure_apology_allowed(0, at("2027-02-03 16:00"), due, D(2027, 2, 16), CAL)
    with pytest.raises(ApologyAlreadyIssued):
        ensure_apology_allowed(1, at("2027-02-03 16:00"), due, D(2027, 2, 16), CAL)
    with pytest.raises(ApologyTooLate) as late:
        ensure_apology_allowed(0, at("2027-02-11 08:00"), due, D(2027, 2, 16), CAL)
    assert late.value.extra == {"lastDay": "03/02/2027"}
    for wrong in (D(2027, 2, 11), D(2027, 2, 10), D(2027, 2, 13)):  # not later, or not a working day
        with pytest.raises(NewDateInvalid):
            ensure_apology_allowed(0, at("2027-02-03 16:00"), due, wrong, CAL)


# The late forecast: one working day (7.5 hours of office time) or less before closing on the due date.
@pytest.mark.parametrize(
    ("now", "due", "late"),
    [
        ("2026-11-25 16:59", D(2026, 11, 26), False),  # 1 minute on Wednesday + 7.5 hours on Thursday
        ("2026-11-25 17:00", D(2026, 11, 26), True),  # exactly Thursday's 7.5 hours left
        ("2026-11-24 12:30", D(2026, 11, 25), False),  # lunch on Tuesday: 3.5 h that afternoon + 7.5 h Wednesday
        ("2026-11-25 07:00", D(2026, 11, 25), True),  # the due day's morning
        ("2026-11-25 12:00", D(2026, 11, 25), True),
        ("2026-11-27 18:00", D(2026, 11, 30), True),  # Friday evening, due Monday: only Monday left
        ("2026-11-27 16:00", D(2026, 11, 30), False),  # Friday 16:00: 1 hour + Monday
        ("2027-02-03 16:00", D(2027, 2, 11), False),  # before Tết: 1 hour on the 3rd + Thursday 11th
        ("2027-02-03 17:00", D(2027, 2, 11), True),  # Tết leaves only Thursday 11th
        ("2027-02-12 09:00", D(2027, 2, 11), True),  # overdue
    ],
)
def test_a_dossier_is_forecast_late_within_one_working_day_of_its_deadline(now: str, due: dt.date, late: bool) -> None:
    assert forecast_late(at(now), due, CAL, OFFICE) is late


def test_a_handler_may_declare_it_late_and_a_result_ends_the_forecast() -> None:
    assert forecast_late(at("2026-11-23 08:00"), D(2026, 12, 31), CAL, OFFICE, declared=True)
    assert not forecast_late(at("2026-11-25 12:00"), D(2026, 11, 25), CAL, OFFICE, has_result=True)
    assert not forecast_late(at("2026-11-25 12:00"), D(2026, 11, 25), CAL, OFFICE, declared=True, has_result=True)

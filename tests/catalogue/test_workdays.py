"""The working-day calendar: appointment dates counted in working days, as Decree 118/2025 asks."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.catalogue.workdays import (
    CalendarError,
    DayNote,
    WorkCalendar,
    appointment_date,
    build_calendar,
    working_days_between,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def calendar(days_off: list[str] = (), working: list[str] = (), closes: str = "17:00") -> WorkCalendar:  # type: ignore[assignment]
    return build_calendar(
        public_holidays=[DayNote(dt.date.fromisoformat(d), "off") for d in days_off],
        extra_days_off=[],
        make_up_days=[DayNote(dt.date.fromisoformat(d), "work") for d in working],
        years=(2025, 2028),
        tz=VN,
        closes=dt.time.fromisoformat(closes),
    )


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN)


PLAIN = calendar()


def test_same_day_procedure_received_in_office_hours_is_due_that_day() -> None:
    assert appointment_date(at("2026-11-23 09:00"), 0, PLAIN) == dt.date(2026, 11, 23)


def test_three_working_days_from_monday_is_thursday() -> None:
    assert appointment_date(at("2026-11-23 09:00"), 3, PLAIN) == dt.date(2026, 11, 26)


def test_weekend_is_skipped() -> None:
    assert appointment_date(at("2026-11-27 10:00"), 1, PLAIN) == dt.date(2026, 11, 30)


def test_received_after_closing_counts_from_the_next_working_day() -> None:
    assert appointment_date(at("2026-11-23 17:00"), 0, PLAIN) == dt.date(2026, 11, 24)
    assert appointment_date(at("2026-11-27 18:30"), 1, PLAIN) == dt.date(2026, 12, 1)


def test_received_on_a_sunday_counts_from_monday() -> None:
    assert appointment_date(at("2026-11-29 08:00"), 0, PLAIN) == dt.date(2026, 11, 30)


def test_public_holidays_are_not_working_days() -> None:
    cal = calendar(days_off=["2026-09-01", "2026-09-02"])
    assert appointment_date(at("2026-08-31 09:00"), 1, cal) == dt.date(2026, 9, 3)


def test_make_up_working_saturday_counts() -> None:
    cal = calendar(working=["2026-08-22"])
    assert appointment_date(at("2026-08-21 09:00"), 1, cal) == dt.date(2026, 8, 22)


def test_make_up_day_overrides_a_day_off() -> None:
    cal = calendar(days_off=["2026-08-24"], working=["2026-08-24"])
    assert cal.is_working_day(dt.date(2026, 8, 24))


def test_time_zone_of_the_receipt_is_vietnam() -> None:
    # 09:30 UTC is 16:30 in Hanoi (before closing); 10:30 UTC is 17:30 (after closing).
    assert appointment_date(dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC), 0, PLAIN) == dt.date(2026, 11, 23)
    assert appointment_date(dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.UTC), 0, PLAIN) == dt.date(2026, 11, 24)


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(CalendarError):
        appointment_date(dt.datetime(2026, 11, 23, 9, 0), 1, PLAIN)


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(CalendarError):
        appointment_date(at("2026-11-23 09:00"), -1, PLAIN)


def test_dates_outside_the_covered_years_are_refused() -> None:
    with pytest.raises(CalendarError):
        appointment_date(at("2030-01-02 09:00"), 1, PLAIN)


def test_a_calendar_without_working_days_fails_instead_of_looping() -> None:
    every_day = [(dt.date(2026, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(400)]
    with pytest.raises(CalendarError):
        appointment_date(at("2026-01-01 09:00"), 1, calendar(days_off=every_day))


# Property-based: random calendars, receipts and durations.
dates = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 10, 31))
receipts = st.builds(
    lambda d, minutes: dt.datetime.combine(d, dt.time()).replace(tzinfo=VN) + dt.timedelta(minutes=minutes),
    dates,
    st.integers(min_value=0, max_value=24 * 60 - 1),
)
calendars = st.builds(
    lambda off, work: build_calendar(
        public_holidays=[DayNote(d, "off") for d in off],
        extra_days_off=[],
        make_up_days=[DayNote(d, "work") for d in work],
        years=(2025, 2028),
        tz=VN,
        closes=dt.time(17),
    ),
    st.sets(dates, max_size=40),
    st.sets(dates.filter(lambda d: d.weekday() == 5), max_size=5),
)
durations = st.integers(min_value=0, max_value=30)


@settings(max_examples=300, deadline=None)
@given(receipts, durations, calendars)
def test_the_appointment_is_always_a_working_day(received: dt.datetime, days: int, cal: WorkCalendar) -> None:
    assert cal.is_working_day(appointment_date(received, days, cal))


@settings(max_examples=300, deadline=None)
@given(receipts, durations, calendars)
def test_exactly_n_working_days_lie_between_receipt_and_appointment(
    received: dt.datetime, days: int, cal: WorkCalendar
) -> None:
    receipt = cal.receipt_day(received)
    due = appointment_date(received, days, cal)
    assert receipt >= received.date()
    assert working_days_between(receipt, due, cal) == days


@settings(max_examples=200, deadline=None)
@given(receipts, durations, calendars)
def test_one_more_working_day_is_never_earlier(received: dt.datetime, days: int, cal: WorkCalendar) -> None:
    assert appointment_date(received, days + 1, cal) > appointment_date(received, days, cal)


@settings(max_examples=200, deadline=None)
@given(receipts, st.integers(min_value=1, max_value=72 * 60), durations, calendars)
def test_a_later_receipt_is_never_due_earlier(
    received: dt.datetime, later_by: int, days: int, cal: WorkCalendar
) -> None:
    later = received + dt.timedelta(minutes=later_by)
    assert appointment_date(later, days, cal) >= appointment_date(received, days, cal)


@settings(max_examples=200, deadline=None)
@given(dates, durations, calendars)
def test_after_hours_equals_next_working_morning(day: dt.date, days: int, cal: WorkCalendar) -> None:
    evening = dt.datetime.combine(day, dt.time(18, 0)).replace(tzinfo=VN)
    next_day = cal.next_working_day(day)
    morning = dt.datetime.combine(next_day, dt.time(8, 0)).replace(tzinfo=VN)
    assert appointment_date(evening, days, cal) == appointment_date(morning, days, cal)

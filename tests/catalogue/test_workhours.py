"""Working hours: deadlines counted in office time (the 8-hour online check of Decree 118 Art 17(2)),
their properties on random calendars and office hours, and the refusals."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.catalogue.workdays import CalendarError, DayNote, OfficeHours, WorkCalendar, build_calendar
from backend.catalogue.workhours import (
    add_working_hours,
    add_working_minutes,
    deadline_band,
    end_of_working_day,
    working_minutes_between,
    working_seconds_between,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DEMO = OfficeHours(dt.time(7, 30), dt.time(17), (dt.time(11, 30), dt.time(13, 30)))


def plain(days_off: list[dt.date] = (), working: list[dt.date] = ()) -> WorkCalendar:  # type: ignore[assignment]
    return build_calendar(
        public_holidays=[DayNote(d, "off") for d in days_off],
        extra_days_off=[],
        make_up_days=[DayNote(d, "work") for d in working],
        years=(2025, 2028),
        tz=VN,
        hours=DEMO,
    )


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN)


PLAIN = plain()


def test_eight_working_hours_from_monday_morning_end_on_tuesday() -> None:
    # 09:00-11:30 and 13:30-17:00 are 360 minutes; the other 120 run from Tuesday 07:30.
    assert add_working_hours(at("2026-12-07 09:00"), 8, PLAIN, DEMO) == at("2026-12-08 09:30")


def test_the_deadline_is_read_on_the_counters_clock_whatever_the_zone_given() -> None:
    due = add_working_hours(dt.datetime(2026, 12, 7, 2, tzinfo=dt.UTC), 2, PLAIN, DEMO)
    assert due == dt.datetime(2026, 12, 7, 4, tzinfo=dt.UTC) and due.tzinfo == VN


def test_old_calendars_without_a_lunch_break_count_straight_through() -> None:
    office = OfficeHours(dt.time(7, 30), dt.time(17))
    assert add_working_hours(at("2026-12-07 11:00"), 2, PLAIN, office) == at("2026-12-07 13:00")


def test_an_agency_with_its_own_hours_is_read_from_the_calendar() -> None:
    own = OfficeHours(dt.time(7), dt.time(16), (dt.time(11), dt.time(12)))
    cal = build_calendar(
        public_holidays=[], extra_days_off=[], make_up_days=[], years=(2026, 2027), tz=VN, hours_by_agency={"X": own}
    )
    assert cal.office_hours("X") == own and cal.office_hours("Y") == cal.office_hours() == OfficeHours()
    # Appointment dates use the agency's closing time: 16:30 is after closing for X, before it for the rest.
    assert cal.receipt_day(at("2026-12-07 16:30"), "X") == dt.date(2026, 12, 8)
    assert cal.receipt_day(at("2026-12-07 16:30")) == dt.date(2026, 12, 7)


def test_the_working_day_in_progress_ends_at_closing_or_the_next_working_day() -> None:
    assert end_of_working_day(at("2026-12-07 16:59"), PLAIN, DEMO) == at("2026-12-07 17:00")
    assert end_of_working_day(at("2026-12-07 17:00"), PLAIN, DEMO) == at("2026-12-08 17:00")
    assert end_of_working_day(at("2026-12-12 10:00"), PLAIN, DEMO) == at("2026-12-14 17:00")


def test_a_band_never_reads_a_clock_without_a_zone() -> None:
    with pytest.raises(CalendarError):
        deadline_band(dt.datetime(2026, 12, 7, 9), at("2026-12-07 09:00"), at("2026-12-08 09:00"), PLAIN, DEMO)


@pytest.mark.parametrize(
    ("opens", "closes", "lunch"),
    [("08:00", "08:00", None), ("08:00", "17:00", ("12:00", "12:00")), ("08:00", "17:00", ("18:00", "19:00"))],
)
def test_office_hours_out_of_order_are_refused(opens: str, closes: str, lunch: tuple[str, str] | None) -> None:
    with pytest.raises(CalendarError):
        OfficeHours(
            dt.time.fromisoformat(opens),
            dt.time.fromisoformat(closes),
            (dt.time.fromisoformat(lunch[0]), dt.time.fromisoformat(lunch[1])) if lunch else None,
        )


def test_negative_minutes_and_naive_times_are_refused() -> None:
    with pytest.raises(CalendarError):
        add_working_minutes(at("2026-12-07 09:00"), -1, PLAIN, DEMO)
    with pytest.raises(CalendarError):
        add_working_minutes(dt.datetime(2026, 12, 7, 9), 60, PLAIN, DEMO)


def test_a_deadline_past_the_calendar_fails_instead_of_looping() -> None:
    with pytest.raises(CalendarError):
        add_working_hours(at("2028-12-29 09:00"), 100, PLAIN, DEMO)


# Property-based: random calendars, office hours, starts (any second of the day) and durations.
dates = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 6, 30))
starts = st.builds(
    lambda d, seconds: dt.datetime.combine(d, dt.time(), tzinfo=VN) + dt.timedelta(seconds=seconds),
    dates,
    st.integers(min_value=0, max_value=86399),
)
calendars = st.builds(
    plain, st.lists(dates, max_size=40), st.lists(dates.filter(lambda d: d.weekday() == 5), max_size=5)
)


@st.composite
def offices(draw: st.DrawFn) -> OfficeHours:
    """Opening, optional lunch and closing on the quarter hour, in order."""
    marks = sorted(draw(st.sets(st.integers(min_value=20, max_value=80), min_size=4, max_size=4)))
    times = [dt.time(m // 4, m % 4 * 15) for m in marks]
    lunch = (times[1], times[2]) if draw(st.booleans()) else None
    return OfficeHours(times[0], times[3], lunch)


minutes = st.integers(min_value=0, max_value=40 * 60)


@settings(max_examples=300, deadline=None)
@given(starts, minutes, minutes, calendars, offices())
def test_adding_h1_then_h2_equals_adding_h1_plus_h2(
    start: dt.datetime, h1: int, h2: int, cal: WorkCalendar, office: OfficeHours
) -> None:
    once = add_working_minutes(start, h1 + h2, cal, office)
    assert add_working_minutes(add_working_minutes(start, h1, cal, office), h2, cal, office) == once


@settings(max_examples=300, deadline=None)
@given(starts, minutes, calendars, offices())
def test_the_time_between_a_start_and_its_deadline_is_the_time_added(
    start: dt.datetime, added: int, cal: WorkCalendar, office: OfficeHours
) -> None:
    due = add_working_minutes(start, added, cal, office)
    assert working_minutes_between(start, due, cal, office) == added
    assert working_minutes_between(due, start, cal, office) == -added


@settings(max_examples=200, deadline=None)
@given(starts, st.integers(min_value=1, max_value=40 * 60), calendars, offices())
def test_a_deadline_is_the_earliest_instant_inside_office_hours(
    start: dt.datetime, added: int, cal: WorkCalendar, office: OfficeHours
) -> None:
    due = add_working_minutes(start, added, cal, office).astimezone(VN)
    seconds = due.hour * 3600 + due.minute * 60 + due.second
    assert cal.is_working_day(due.date())
    # Never at an opening (that time was already owed at the previous closing), always within a period.
    assert any(begin < seconds <= end for begin, end in office.periods())
    one_second_earlier = due - dt.timedelta(seconds=1)
    assert working_seconds_between(start, one_second_earlier, cal, office) == added * 60 - 1


@settings(max_examples=200, deadline=None)
@given(starts, starts, starts, calendars, offices())
def test_working_time_adds_up_along_the_way(
    a: dt.datetime, b: dt.datetime, c: dt.datetime, cal: WorkCalendar, office: OfficeHours
) -> None:
    ab, bc = working_seconds_between(a, b, cal, office), working_seconds_between(b, c, cal, office)
    assert ab + bc == working_seconds_between(a, c, cal, office)

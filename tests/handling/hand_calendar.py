"""The calendar the handling rules are tested on, written out by hand: office hours 07:30-11:30 and 13:30-17:00
(7.5 hours a day), weekends, 1 January 2027 and Tết Nguyên Đán 2027 (Thursday 4 to Wednesday 10 February
off, as tests/vectors/calendar.json has it). Tuesday 24 November 2026 is left a working day here."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from backend.catalogue.workdays import DayNote, OfficeHours, build_calendar

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OFFICE = OfficeHours(dt.time(7, 30), dt.time(17), (dt.time(11, 30), dt.time(13, 30)))
TET_2027 = [dt.date(2027, 2, day) for day in range(4, 11)]
CAL = build_calendar(
    public_holidays=[DayNote(dt.date(2027, 1, 1), "Tết Dương lịch"), *(DayNote(d, "Tết") for d in TET_2027)],
    extra_days_off=[],
    make_up_days=[],
    years=(2026, 2027),
    tz=VN,
    hours=OFFICE,
)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN)

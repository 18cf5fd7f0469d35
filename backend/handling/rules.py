"""Rules of handling with no I/O (Decree 118/2025 Art 19): the window of a supplement during appraisal, the
restart of the count, the close of an unanswered supplement, the apology's window and the late forecast.

Why the 15 days of the close are calendar days: Art 19(5) writes "03 ngày làm việc" for the window and, in the
same clause, "15 ngày" for the wait; the decree says "ngày làm việc" wherever it means working days, so a bare
"ngày" is a calendar day. The Civil Code (91/2015/QH13) counts it: the day of the notice is not counted (Art
147(2)), and a last day that is a weekend or holiday moves to the next working day (Art 148(5)). Sector law
may set another period: the procedure's `supplement_close_days`.
"""

from __future__ import annotations

import datetime as dt

from backend.catalogue import workhours
from backend.catalogue.workdays import (
    MAX_CONSECUTIVE_DAYS_OFF,
    CalendarError,
    OfficeHours,
    WorkCalendar,
    appointment_date,
)
from backend.errors import DomainError

SUPPLEMENT_WINDOW_WORKING_DAYS = 3  # Art 19(5): the notice no later than 3 working days after receipt
SUPPLEMENT_CLOSE_DAYS = 15  # Art 19(5): not completed 15 days after the notice, the counter closes it
LATE_WARNING_WORKING_DAYS = 1  # issue 15: forecast late within one working day of the deadline


def _local_day(instant: dt.datetime, calendar: WorkCalendar) -> dt.date:
    if instant.tzinfo is None:
        raise CalendarError("times must carry a time zone")
    return instant.astimezone(calendar.tz).date()


def supplement_window_last_day(received_at: dt.datetime, calendar: WorkCalendar, agency: str | None = None) -> dt.date:
    """The last day the counter may issue a supplement request during appraisal: the third working day
    after the day the dossier counts as received (after closing time, the next working day)."""
    return appointment_date(received_at, SUPPLEMENT_WINDOW_WORKING_DAYS, calendar, agency)


def supplement_in_time(
    received_at: dt.datetime, now: dt.datetime, calendar: WorkCalendar, agency: str | None = None
) -> bool:
    return _local_day(now, calendar) <= supplement_window_last_day(received_at, calendar, agency)


def restarted_due_date(
    completed_at: dt.datetime, working_days: int, calendar: WorkCalendar, agency: str | None = None
) -> dt.date:
    """The new appointment once the citizen completes the supplement: the procedure's whole time again,
    counted from the completion as from a receipt ("tính lại từ đầu", Art 19(5)), not the time that was left."""
    return appointment_date(completed_at, working_days, calendar, agency)


def supplement_close_last_day(notice_at: dt.datetime, calendar: WorkCalendar, days: int | None = None) -> dt.date:
    """The last day the citizen may complete a supplement asked for at `notice_at` (see the module's note)."""
    last = _local_day(notice_at, calendar) + dt.timedelta(days=SUPPLEMENT_CLOSE_DAYS if days is None else days)
    return last if calendar.is_working_day(last) else calendar.next_working_day(last)


def may_close(notice_at: dt.datetime, now: dt.datetime, calendar: WorkCalendar, days: int | None = None) -> bool:
    """The counter closes the dossier only once its last day has ended."""
    return _local_day(now, calendar) > supplement_close_last_day(notice_at, calendar, days)


def previous_working_day(day: dt.date, calendar: WorkCalendar) -> dt.date:
    for offset in range(1, MAX_CONSECUTIVE_DAYS_OFF + 1):
        candidate = day - dt.timedelta(days=offset)
        if calendar.is_working_day(candidate):
            return candidate
    raise CalendarError(f"no working day within {MAX_CONSECUTIVE_DAYS_OFF} days before {day}")


def apology_last_day(due: dt.date, calendar: WorkCalendar) -> dt.date:
    """Mẫu 04 comes no later than one day before the deadline (Art 19(6)): the working day before it, when
    the counter can still change the date and tell the citizen."""
    return previous_working_day(due, calendar)


def deadline_instant(due: dt.date, calendar: WorkCalendar, office: OfficeHours) -> dt.datetime:
    """When a due date ends for the one definition of on time: the office's closing time that day."""
    return dt.datetime.combine(due, office.closes, tzinfo=calendar.tz)


def forecast_late(
    now: dt.datetime,
    due: dt.date,
    calendar: WorkCalendar,
    office: OfficeHours,
    *,
    declared: bool = False,
    has_result: bool = False,
) -> bool:
    """Whether a dossier is expected to be late (Art 19(6)): no result yet, and the handler said so, or at
    most one working day of office time is left before its deadline (or it has passed)."""
    if has_result:
        return False
    if declared:
        return True
    end = deadline_instant(due, calendar, office)
    left = workhours.working_seconds_between(now, end, calendar, office)
    return left <= LATE_WARNING_WORKING_DAYS * office.seconds_per_day


class SupplementWindowPassed(DomainError):
    status = 409
    code = "supplement_window_passed"
    message_vi = "Đã quá 03 ngày làm việc kể từ ngày tiếp nhận (hạn cuối {lastDay}); không thể yêu cầu bổ sung hồ sơ."
    message_en = "More than 3 working days have passed since receipt (last day {lastDay}); no supplement may be asked."


class SupplementAlreadyRequested(DomainError):
    status = 409
    code = "supplement_already_requested"
    message_vi = "Hồ sơ đã được yêu cầu bổ sung một lần trong quá trình giải quyết; chỉ được yêu cầu một lần."
    message_en = "A supplement was already asked for once during appraisal; only one request is allowed."


class CloseTooEarly(DomainError):
    status = 409
    code = "close_too_early"
    message_vi = "Công dân còn hạn bổ sung đến hết ngày {lastDay}; chưa thể kết thúc hồ sơ."
    message_en = "The citizen may complete the dossier until the end of {lastDay}; it cannot be closed yet."


class ApologyAlreadyIssued(DomainError):
    status = 409
    code = "apology_already_issued"
    message_vi = "Hồ sơ đã được hẹn lại ngày trả kết quả một lần; theo quy định không hẹn lại lần thứ hai."
    message_en = "The return date was already moved once; it may not be moved again."


class ApologyTooLate(DomainError):
    status = 409
    code = "apology_too_late"
    message_vi = "Văn bản xin lỗi phải gửi chậm nhất 01 ngày trước hạn ({lastDay}); đã quá thời điểm này."
    message_en = "The apology had to be sent at least one day before the deadline ({lastDay}); that has passed."


class NewDateInvalid(DomainError):
    status = 422
    code = "new_date_invalid"
    message_vi = "Ngày hẹn mới phải là một ngày làm việc sau ngày hẹn hiện tại ({due})."
    message_en = "The new date must be a working day after the current appointment ({due})."


def hours_text(hours: OfficeHours) -> str:
    """A counter's opening hours as a notice says them: "07:30–12:00, 13:30–17:00"."""
    return ", ".join(
        f"{start // 3600:02d}:{start % 3600 // 60:02d}–{end // 3600:02d}:{end % 3600 // 60:02d}"
        for start, end in hours.periods()
    )


def _dmy(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def ensure_supplement_allowed(
    requests_so_far: int, received_at: dt.datetime, now: dt.datetime, calendar: WorkCalendar, agency: str | None
) -> None:
    """One supplement during appraisal, within its window (Art 19(5))."""
    if requests_so_far:
        raise SupplementAlreadyRequested()
    if not supplement_in_time(received_at, now, calendar, agency):
        raise SupplementWindowPassed(lastDay=_dmy(supplement_window_last_day(received_at, calendar, agency)))


def ensure_may_close(notice_at: dt.datetime, now: dt.datetime, calendar: WorkCalendar, days: int | None) -> None:
    if not may_close(notice_at, now, calendar, days):
        raise CloseTooEarly(lastDay=_dmy(supplement_close_last_day(notice_at, calendar, days)))


def ensure_apology_allowed(
    apologies_so_far: int, now: dt.datetime, due: dt.date, new_due: dt.date, calendar: WorkCalendar
) -> None:
    """Mẫu 04 at most once, at least one day before the deadline, for a later working day (Art 19(6))."""
    if apologies_so_far:
        raise ApologyAlreadyIssued()
    last = apology_last_day(due, calendar)
    if _local_day(now, calendar) > last:
        raise ApologyTooLate(lastDay=_dmy(last))
    if new_due <= due or not calendar.is_working_day(new_due):
        raise NewDateInvalid(due=_dmy(due))


class NotTheAssignee(DomainError):
    status = 403
    code = "not_the_assignee"
    message_vi = "Hồ sơ này được giao cho cán bộ khác xử lý."
    message_en = "This dossier is assigned to another handler."


class UnknownSpecialist(DomainError):
    status = 422
    code = "unknown_specialist"
    message_vi = "«{username}» không phải chuyên viên đang làm việc của cơ quan giải quyết hồ sơ."
    message_en = "“{username}” is not an active specialist of the agency that decides the dossier."


class OutcomeNotApproved(DomainError):
    status = 409
    code = "outcome_not_approved"
    message_vi = "Lãnh đạo đã duyệt kết quả «{approved}»; không thể ban hành kết quả khác."
    message_en = "The leader approved the outcome “{approved}”; another one cannot be issued."


class TrackingNumberRequired(DomainError):
    status = 422
    code = "tracking_number_required"
    message_vi = "Vui lòng ghi số hiệu bưu gửi khi trả kết quả qua bưu chính."
    message_en = "Give the postal tracking number when the result is posted."


# Where the handler's work is under way: a reassignment, a delay declared or an apology fit here.
HANDLING = frozenset({"in_progress", "supplement_proposed", "appraisal_supplement", "awaiting_approval", "approved"})

"""Rules of hand-overs with no I/O (Decree 118/2025 Art 18, 20): by when a paper dossier must reach the
competent agency, the deadline of a part sent to another agency, and whether a hand-over was on time.

"Đầu giờ ngày làm việc tiếp theo" (Art 18(2)) names no minute: a paper received after 15:00 counts as on time
when handed over within the first working hour of the next working day (`START_OF_DAY_MINUTES`, to verify).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from backend.catalogue import workhours
from backend.catalogue.workdays import OfficeHours, WorkCalendar, appointment_date
from backend.errors import DomainError

TRANSFER_CUTOFF = dt.time(15, 0)  # Art 18(2): received after 15:00, the paper goes the next working morning
START_OF_DAY_MINUTES = 60  # "đầu giờ": the first working hour of that day
PAPER_CHANNELS = frozenset({"in_person", "postal"})  # an online dossier has no paper to carry
MAX_PART_WORKING_DAYS = 60

Judgement = Literal["early", "on_time", "late"]


def paper_transfer_due(received_at: dt.datetime, calendar: WorkCalendar, office: OfficeHours) -> dt.datetime:
    """By when the paper dossier must be with the competent agency: the closing time of the day of receipt,
    when received on a working day up to 15:00 (15:00 itself is not "after"); otherwise the end of the first
    working hour of the next working day (a Saturday or holiday receipt too)."""
    local = received_at.astimezone(calendar.tz)
    if calendar.is_working_day(local.date()) and local.time() <= TRANSFER_CUTOFF:
        return dt.datetime.combine(local.date(), office.closes, tzinfo=calendar.tz)
    opening = dt.datetime.combine(calendar.next_working_day(local.date()), office.opens, tzinfo=calendar.tz)
    return workhours.add_working_minutes(opening, START_OF_DAY_MINUTES, calendar, office)


def needs_paper_transfer(channel: str, receiving_unit: str, competent_agency: str) -> bool:
    return channel in PAPER_CHANNELS and receiving_unit != competent_agency


def part_due(
    sent_at: dt.datetime, working_days: int, calendar: WorkCalendar, office: OfficeHours, agency: str | None = None
) -> dt.datetime:
    """The deadline of a part sent to another agency: its working days counted as from a receipt (from the
    next working day; sent after closing, from the one after), ending at that day's closing time."""
    due = appointment_date(sent_at, working_days, calendar, agency)
    return dt.datetime.combine(due, office.closes, tzinfo=calendar.tz)


def judge(done_at: dt.datetime, due_at: dt.datetime | None, tz: ZoneInfo) -> Judgement | None:
    """The control slip's verdict (trước hạn, đúng hạn, quá hạn): late once the deadline instant has passed (the
    one definition of workhours.is_overdue); early when done on a day before the deadline's day; else on time.
    None when the hand-over had no deadline."""
    if due_at is None:
        return None
    if workhours.is_overdue(done_at, due_at):
        return "late"
    return "early" if done_at.astimezone(tz).date() < due_at.astimezone(tz).date() else "on_time"


def late_by_minutes(done_at: dt.datetime, due_at: dt.datetime, calendar: WorkCalendar, office: OfficeHours) -> int:
    """How much office time passed between the deadline and the hand-over (0 when on time): nights, lunch
    breaks and days off do not count against the agency."""
    return max(0, workhours.working_minutes_between(due_at, done_at, calendar, office))


@dataclass(frozen=True)
class PartWanted:
    """One line of a Phiếu chuyển xử lý as the lead agency asks: which agency, what task, how many working days."""

    agency: str
    task: str
    working_days: int


class PaperNotExpected(DomainError):
    status = 409
    code = "paper_not_expected"
    message_vi = (
        "Hồ sơ này không có hồ sơ giấy phải chuyển (nộp trực tuyến, hoặc nơi tiếp nhận cũng là cơ quan giải quyết)."
    )
    message_en = "This dossier has no paper to hand over (sent online, or received by the agency that decides it)."


class PaperAlreadyHandedOver(DomainError):
    status = 409
    code = "paper_already_handed_over"
    message_vi = "Hồ sơ giấy đã được ghi nhận bàn giao cho cơ quan giải quyết."
    message_en = "The paper dossier was already recorded as handed over."


class PaperNotHandedOver(DomainError):
    status = 409
    code = "paper_not_handed_over"
    message_vi = "Bộ phận Một cửa chưa ghi nhận bàn giao hồ sơ giấy; chưa thể xác nhận đã nhận."
    message_en = "The counter has not recorded handing the paper over; its receipt cannot be confirmed yet."


class PaperAlreadyAcknowledged(DomainError):
    status = 409
    code = "paper_already_acknowledged"
    message_vi = "Cơ quan giải quyết đã xác nhận nhận hồ sơ giấy."
    message_en = "The agency already confirmed it received the paper dossier."


class HandedAtInvalid(DomainError):
    status = 422
    code = "handed_at_invalid"
    message_vi = "Thời điểm bàn giao phải sau khi tiếp nhận hồ sơ và không muộn hơn hiện tại."
    message_en = "The hand-over time must be after the receipt and not in the future."


class PartsInvalid(DomainError):
    status = 422
    code = "parts_invalid"
    message_vi = "Phiếu chuyển xử lý không hợp lệ: {problem}"
    message_en = "The transfer slip is not valid: {problem_en}"


class PartOutstanding(DomainError):
    status = 409
    code = "part_outstanding"
    message_vi = "{agency} đang giữ một phần việc của hồ sơ chưa trả lại; không gửi thêm cho cơ quan này."
    message_en = "{agency} still holds a part of this dossier; no second part may be sent to it."


class PartsOutstanding(DomainError):
    status = 409
    code = "parts_outstanding"
    message_vi = "Còn phần việc liên thông chưa được trả lại ({agencies}); chưa thể ban hành kết quả."
    message_en = "Parts sent to other agencies are not back yet ({agencies}); the result cannot be issued."


class PartAlreadyReturned(DomainError):
    status = 409
    code = "part_already_returned"
    message_vi = "Cơ quan của ông/bà đã trả lại phần việc được giao cho hồ sơ này."
    message_en = "Your agency already returned its part of this dossier."


def ensure_parts(wanted: Sequence[PartWanted], lead: str, known: Iterable[str], outstanding: Iterable[str]) -> None:
    """A slip names known agencies other than the lead, each once, with a task and 1 to 60 working days; an
    agency still holding a part gets no second one (one lead, nothing lost between them)."""
    agencies = [p.agency for p in wanted]
    known_set = set(known)
    if lead in agencies:
        raise PartsInvalid(problem="cơ quan chủ trì không tự chuyển cho mình.", problem_en="the lead names itself.")
    if len(set(agencies)) != len(agencies):
        raise PartsInvalid(problem="mỗi cơ quan chỉ ghi một lần.", problem_en="an agency is named twice.")
    unknown = sorted(set(agencies) - known_set)
    if unknown:
        raise PartsInvalid(problem=f"không có cơ quan {', '.join(unknown)}.", problem_en=f"no agency {unknown}.")
    if any(not p.task.strip() or not 1 <= p.working_days <= MAX_PART_WORKING_DAYS for p in wanted):
        raise PartsInvalid(
            problem="mỗi phần việc cần nội dung và thời hạn từ 1 đến 60 ngày làm việc.",
            problem_en="each part needs a task and 1 to 60 working days.",
        )
    busy = sorted(set(agencies) & set(outstanding))
    if busy:
        raise PartOutstanding(agency=", ".join(busy))

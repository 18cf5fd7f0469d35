"""Rules of feedback with no I/O: its kinds and channels, its code, where it stands, what the citizen is told
when it is answered, and the errors a citizen or an officer can meet."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum

from backend.errors import DomainError

# The answer is due this many working days after the day the item counts as received (a setting:
# MOTCUA_FEEDBACK_ANSWER_DAYS). A decision, see the README: no time limit for feedback on the one-stop
# service was found in the sources this project keeps; 10 working days matches the shortest common one.
ANSWER_WORKING_DAYS = 10
TEXT_MIN_CHARS = 10  # a feedback item says at least this much (after spaces are tidied)
ANSWER_MIN_CHARS = 5
NOTICE_TEXT_CHARS = 300  # the answer's first characters in the notice; the app shows it whole


class Kind(StrEnum):
    """Phản ánh (a report of a problem met) or kiến nghị (a proposal for a change)."""

    REPORT = "report"  # phản ánh
    PROPOSAL = "proposal"  # kiến nghị


class Channel(StrEnum):
    APP = "app"  # sent from the citizen's phone
    COUNTER = "counter"  # given at the counter, written down by an officer


class State(StrEnum):
    OPEN = "open"  # chờ trả lời, due date not passed
    OVERDUE = "overdue"  # quá hạn trả lời
    ANSWERED = "answered"  # đã trả lời


def code_of(feedback_id: uuid.UUID) -> str:
    """What people call the item: "PA-" and the first eight hex digits of its id, upper case."""
    return "PA-" + feedback_id.hex[:8].upper()


def state(due_date: dt.date, answered_at: dt.datetime | None, today: dt.date) -> State:
    if answered_at is not None:
        return State.ANSWERED
    return State.OVERDUE if today > due_date else State.OPEN


def tidy(text: str) -> str:
    """Spaces run together and trimmed on each line; empty lines beyond one dropped."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def written(text: str, least: int) -> str:
    """The text tidied, refused when shorter than `least` characters (blank included)."""
    tidied = tidy(text)
    if len(tidied) < least:
        raise TextTooShort(least=least)
    return tidied


@dataclass(frozen=True)
class Text:
    vi: str
    en: str


KIND_NAMES = {Kind.REPORT: Text("phản ánh", "report"), Kind.PROPOSAL: Text("kiến nghị", "proposal")}


def _cut(text: str, chars: int = NOTICE_TEXT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= chars else flat[: chars - 1].rstrip() + "…"


def answer_notice(kind: Kind, code: str, unit: Text, answer: str) -> tuple[Text, Text]:
    """The notice's title and body when an item is answered (inbox and Web Push)."""
    name = KIND_NAMES[kind]
    title = Text(f"Đã có trả lời {name.vi} {code}", f"Your {name.en} {code} has been answered")
    body = Text(f"{unit.vi} trả lời: {_cut(answer)}", f"{unit.en} answered: {_cut(answer)}")
    return title, body


class FeedbackNotFound(DomainError):
    status = 404
    code = "feedback_not_found"
    message_vi = "Không tìm thấy phản ánh, kiến nghị này."
    message_en = "This feedback item was not found."


class FeedbackIdTaken(DomainError):
    status = 409
    code = "feedback_id_taken"
    message_vi = "Mã phản ánh này đã được dùng; vui lòng gửi lại từ ứng dụng."
    message_en = "This feedback id is already used; send it again from the app."


class AboutNothing(DomainError):
    status = 422
    code = "feedback_about_required"
    message_vi = "Vui lòng chọn thủ tục hoặc hồ sơ mà ông/bà phản ánh, kiến nghị (chỉ một trong hai)."
    message_en = "Name the procedure or the dossier the feedback is about (one of the two)."


class UnknownProcedure(DomainError):
    status = 422
    code = "feedback_procedure_unknown"
    message_vi = "Không có thủ tục mã {procedure}."
    message_en = "There is no procedure with code {procedure}."


class UnitRequired(DomainError):
    status = 422
    code = "feedback_unit_required"
    message_vi = "Vui lòng chọn cơ quan, đơn vị nhận phản ánh, kiến nghị."
    message_en = "Choose the agency the feedback is for."


class UnknownUnit(DomainError):
    status = 422
    code = "feedback_unit_unknown"
    message_vi = "Không có cơ quan, đơn vị mã {unit}."
    message_en = "There is no agency with code {unit}."


class AlreadyAnswered(DomainError):
    status = 409
    code = "feedback_already_answered"
    message_vi = "Phản ánh, kiến nghị này đã được trả lời."
    message_en = "This feedback item has already been answered."


class TextTooShort(DomainError):
    status = 422
    code = "feedback_text_too_short"
    message_vi = "Nội dung quá ngắn: vui lòng viết ít nhất {least} ký tự."
    message_en = "The text is too short: write at least {least} characters."

"""The pure rules of feedback: where an item stands on a given day, its code, and the answer's notice (cut to fit
a push message, whole in the app)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from backend.feedback import rules

DUE = dt.date(2026, 12, 8)


@pytest.mark.parametrize(
    ("today", "answered_at", "state"),
    [
        (dt.date(2026, 12, 8), None, rules.State.OPEN),  # the due date itself is still in time
        (dt.date(2026, 12, 9), None, rules.State.OVERDUE),
        (dt.date(2026, 12, 20), dt.datetime(2026, 12, 10, 9, tzinfo=dt.UTC), rules.State.ANSWERED),  # even late
    ],
)
def test_an_item_is_open_until_its_due_date_ends_and_answered_once_answered(
    today: dt.date, answered_at: dt.datetime | None, state: rules.State
) -> None:
    assert rules.state(DUE, answered_at, today) == state


def test_the_code_is_pa_and_the_ids_first_eight_hex_digits() -> None:
    assert rules.code_of(uuid.UUID("5b1f0c2e-3a4d-4e6f-8a9b-0c1d2e3f4a5b")) == "PA-5B1F0C2E"


def test_the_notice_names_the_item_and_the_unit_and_cuts_a_long_answer() -> None:
    unit = rules.Text("Trung tâm Phục vụ hành chính công xã Can Lộc", "Can Loc Centre")
    answer = "Đã xử lý. " * 40  # 400 characters
    title, body = rules.answer_notice(rules.Kind.PROPOSAL, "PA-5B1F0C2E", unit, answer)
    assert title.vi == "Đã có trả lời kiến nghị PA-5B1F0C2E"
    assert title.en == "Your proposal PA-5B1F0C2E has been answered"
    prefix = "Trung tâm Phục vụ hành chính công xã Can Lộc trả lời: "
    assert body.vi.startswith(prefix + "Đã xử lý. Đã xử lý.") and body.vi.endswith("…")
    assert len(body.vi) == len(prefix) + rules.NOTICE_TEXT_CHARS


def test_text_is_tidied_and_a_blank_one_refused() -> None:
    assert rules.written("  Quầy   đóng cửa\n\n\n  sớm  ", 5) == "Quầy đóng cửa\n\nsớm"
    with pytest.raises(rules.TextTooShort):
        rules.written(" \n\t ", 5)

"""Web Push rules without I/O: which moves notify, how a dossier is named, the payload's size, what each
push-service answer means (retry, back-off, give up, forget the subscription), and which endpoints are
push services."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from backend.push import rules
from backend.push.rules import State

NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
DAYS_3 = dt.timedelta(hours=72)
BIRTH_FORM = {
    "ui": {
        "sections": [
            {"key": "child", "fields": [{"key": "full_name"}, {"key": "birth_date"}]},
            {"key": "declarant", "fields": [{"key": "full_name"}, {"key": "phone"}]},
        ]
    }
}


def test_accepting_asking_for_corrections_refusing_and_result_ready_notify_other_moves_do_not() -> None:
    kinds = [rules.kind_for("accept", s) for s in ("received", "supplement_requested", "refused", "ready")]
    assert [k.name if k else None for k in kinds] == ["accepted", "corrections", "refused", "ready"]
    assert rules.kind_for("resubmit", "submitted") is None
    assert rules.kind_for("assign", None) is None


def test_only_result_ready_is_urgent() -> None:
    assert {k.name: k.urgency for k in rules.KINDS.values()} == {
        "accepted": "normal",
        "corrections": "normal",
        "refused": "normal",
        "ready": "high",
        "new_date": "normal",
        "stopped": "normal",
        "closed": "normal",
    }


def test_a_dossier_is_named_by_its_procedure_and_the_person_of_the_forms_first_section() -> None:
    answers = {"child": {"full_name": "Trần Minh Khang"}, "declarant": {"full_name": "Trần Văn Hùng"}}
    person = rules.subject_name(BIRTH_FORM, answers)
    name = rules.dossier_name(rules.Text("Đăng ký khai sinh", "Birth registration"), person)
    assert name == rules.Text("Đăng ký khai sinh cho Trần Minh Khang", "Birth registration for Trần Minh Khang")
    assert rules.dossier_name(rules.Text("Khai tử", "Death registration"), "") == rules.Text(
        "Khai tử", "Death registration"
    )
    assert rules.subject_name(BIRTH_FORM, {}) == ""


def test_the_corrections_notice_lists_each_item_with_the_officers_note() -> None:
    row = {"correction_request": {"items": [{"label": "Giấy chứng sinh", "note": "Ảnh mờ"}, {"label": "Quê quán"}]}}
    known = rules.facts(rules.Text("Khai sinh cho An", "Birth for An"), row, "")
    _, body = rules.compose(rules.KINDS["supplement_requested"], known)
    assert (
        body.vi
        == "Khai sinh cho An: cần bổ sung, sửa lại: Giấy chứng sinh (Ảnh mờ); Quê quán. Mở hồ sơ để sửa và gửi lại."
    )


def _notice(body: str) -> dict[str, object]:
    return {
        "id": 7,
        "kind": "refused",
        "dossier_code": "H12.41.01-261123-0001",
        "title_vi": "Hồ sơ bị từ chối tiếp nhận",
        "title_en": "Your dossier was refused",
        "body_vi": body,
        "body_en": "x",
        "url": "/#/da-nop/H12.41.01-261123-0001",
    }


def test_a_payload_is_cut_to_3000_bytes_and_stays_valid_json() -> None:
    long = "Thiếu chữ ký của người đề nghị; " * 200  # about 7 KB of Vietnamese (multi-byte) text
    encoded = rules.payload(_notice(long), "vi")
    message = json.loads(encoded)
    assert len(encoded) <= 3000 and message["body"].endswith("…")
    assert long.startswith(message["body"][:-1])
    assert json.loads(rules.payload(_notice("ngắn"), "vi"))["body"] == "ngắn"


def test_the_topic_is_at_most_32_base64url_characters_one_per_dossier() -> None:
    first, again, other = (
        rules.topic("H12.41.01-261123-0001"),
        rules.topic("H12.41.01-261123-0001"),
        rules.topic("H12.41.01-261123-0002"),
    )
    assert len(first) == 32 and set(first) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert first == again != other


@pytest.mark.parametrize(
    ("status", "retry_after", "attempts", "expected"),
    [
        (201, None, 1, rules.Decision(State.SENT)),
        (429, "120", 1, rules.Decision(State.QUEUED, NOW + dt.timedelta(seconds=120), reason="429: will retry")),
        (429, "5", 1, rules.Decision(State.QUEUED, NOW + dt.timedelta(seconds=30), reason="429: will retry")),
        (500, None, 3, rules.Decision(State.QUEUED, NOW + dt.timedelta(seconds=120), reason="500: will retry")),
        (503, None, 20, rules.Decision(State.QUEUED, NOW + dt.timedelta(hours=1), reason="503: will retry")),
        (None, None, 2, rules.Decision(State.QUEUED, NOW + dt.timedelta(seconds=60), reason="network: will retry")),
        (410, None, 1, rules.Decision(State.FAILED, forget_subscription=True, reason="410: subscription gone")),
        (404, None, 1, rules.Decision(State.FAILED, forget_subscription=True, reason="404: subscription gone")),
        (413, None, 1, rules.Decision(State.FAILED, reason="413: refused")),
        (403, None, 1, rules.Decision(State.FAILED, reason="403: refused")),
    ],
)
def test_what_a_push_services_answer_means(
    status: int | None, retry_after: str | None, attempts: int, expected: rules.Decision
) -> None:
    assert rules.decide(status, retry_after, attempts, NOW, NOW, give_up_after=DAYS_3) == expected


def test_a_retry_that_would_fall_after_72_hours_is_given_up() -> None:
    written = NOW - DAYS_3 + dt.timedelta(seconds=29)
    decision = rules.decide(500, None, 1, written, NOW, give_up_after=DAYS_3)
    assert decision.state == State.EXPIRED
    assert rules.decide(429, "86400", 1, NOW, NOW, give_up_after=DAYS_3).state == State.QUEUED
    assert rules.decide(429, str(73 * 3600), 1, NOW, NOW, give_up_after=DAYS_3).state == State.EXPIRED


def test_retry_after_is_read_as_seconds_or_as_an_http_date() -> None:
    assert rules.retry_after("90", NOW) == dt.timedelta(seconds=90)
    assert rules.retry_after("Mon, 23 Nov 2026 02:05:00 GMT", NOW) == dt.timedelta(minutes=5)
    assert rules.retry_after("Mon, 23 Nov 2026 01:00:00 GMT", NOW) == dt.timedelta(0)
    assert rules.retry_after("soon", NOW) is None and rules.retry_after(None, NOW) is None


@pytest.mark.parametrize(
    ("endpoint", "allowed"),
    [
        ("https://fcm.googleapis.com/fcm/send/abc", True),
        ("https://updates.push.services.mozilla.com/wpush/v2/abc", True),
        ("https://web.push.apple.com/QO0", True),
        ("https://push.apple.com.evil.example/x", False),
        ("https://evilpush.apple.com/x", False),
        ("http://fcm.googleapis.com/fcm/send/abc", False),
        ("https://fcm.googleapis.com.evil.example/", False),
        ("http://[", False),
    ],
)
def test_only_push_services_are_accepted_as_endpoints(endpoint: str, allowed: bool) -> None:
    services = ["https://fcm.googleapis.com", "https://*.push.services.mozilla.com", "https://*.push.apple.com"]
    assert rules.endpoint_allowed(endpoint, services) is allowed


def test_vapid_claims_name_the_push_service_and_end_within_24_hours() -> None:
    claims = rules.vapid_claims("https://fcm.googleapis.com/fcm/send/abc", "mailto:ops@motcua.example", NOW)
    assert claims["aud"] == "https://fcm.googleapis.com"
    assert 0 < claims["exp"] - NOW.timestamp() <= 24 * 3600

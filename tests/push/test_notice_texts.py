"""What each notice says, in both languages, worked out by hand: the name of the dossier, the next step, the
last day of a supplement, the new appointment date and its reason, where and when to collect a result, the
originals to bring, the stop and the close; and which move makes which notice."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.push import rules
from backend.push.rules import Text

NAME = Text("Khai sinh cho Trần Minh Khang", "Birth registration for Trần Minh Khang")
DUE = {"appointment_date": dt.date(2026, 12, 7)}
FORM = {
    "ui": {
        "sections": [
            {
                "key": "child",
                "fields": [
                    {"key": "full_name", "label": {"vi": "Họ, chữ đệm và tên", "en": "Full name"}},
                    {"key": "hometown", "label": {"vi": "Quê quán"}},
                ],
            }
        ]
    }
}


def _say(key: str, row: dict[str, object], told: dict[str, str], **more: object) -> tuple[Text, Text]:
    return rules.compose(rules.KINDS[key], rules.facts(NAME, row, "", told, **more))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("action", "target", "kind"),
    [
        ("issue_supplement", "appraisal_supplement", "corrections"),
        ("resubmit", "in_progress", None),  # the citizen's own move, at receipt: nothing to tell
        ("restarted", "in_progress", "new_date"),
        ("apologise", None, "new_date"),
        ("stop", "stopped", "stopped"),
        ("close", "closed", "closed"),
        ("refuse_after_appraisal", "appraisal_refused", "refused"),
        ("declare_late", None, None),
    ],
)
def test_which_move_makes_which_notice(action: str, target: str | None, kind: str | None) -> None:
    found = rules.kind_for(action, target)
    assert (found.name if found else None) == kind


def test_a_supplement_in_appraisal_says_what_and_until_when_with_english_labels_where_the_form_has_them() -> None:
    request = {
        "items": [
            {"kind": "field", "path": "child.full_name", "label": "Họ, chữ đệm và tên", "note": "Sai dấu"},
            {"kind": "field", "path": "child.hometown", "label": "Quê quán", "note": ""},
            {"kind": "document", "slot": "giay_chung_sinh", "label": "Giấy chứng sinh", "note": ""},
        ]
    }
    title, body = _say(
        "appraisal_supplement",
        {"correction_request": request},
        {"until": "08/12/2026"},
        labels_en=rules.field_labels_en(FORM),
    )
    assert title == Text("Hồ sơ cần bổ sung", "Your dossier needs corrections")
    assert body.vi == (
        "Khai sinh cho Trần Minh Khang: cần bổ sung, sửa lại: Họ, chữ đệm và tên (Sai dấu); Quê quán; Giấy chứng "
        "sinh. Hạn bổ sung: đến hết ngày 08/12/2026. Mở hồ sơ để sửa và gửi lại."
    )
    assert body.en == (
        "Birth registration for Trần Minh Khang: please add or correct: Full name (Sai dấu); Quê quán; Giấy chứng "
        "sinh. Please send it by the end of 08/12/2026. Open the dossier to correct it and send it again."
    )
    assert rules.tap_url(rules.KINDS["appraisal_supplement"], "C-1") == "/#/da-nop/C-1/sua"


def test_a_supplement_at_receipt_has_no_last_day_to_say() -> None:
    request = {"items": [{"kind": "field", "path": "child.hometown", "label": "Quê quán", "note": ""}]}
    _, body = _say("supplement_requested", {"correction_request": request}, {})
    assert body.vi == "Khai sinh cho Trần Minh Khang: cần bổ sung, sửa lại: Quê quán. Mở hồ sơ để sửa và gửi lại."


def test_the_restart_after_a_supplement_gives_the_new_date() -> None:
    title, body = _say("restarted", DUE, {})
    assert title == Text("Ngày hẹn trả kết quả mới", "A new date for your result")
    assert body.vi == (
        "Khai sinh cho Trần Minh Khang: đã nhận đủ hồ sơ bổ sung, thời hạn giải quyết được tính lại từ đầu. Hẹn "
        "trả kết quả ngày 07/12/2026. Bạn chưa cần làm gì thêm."
    )
    assert body.en == (
        "Birth registration for Trần Minh Khang: your additions were received and the time to handle it starts "
        "again. The result is now due on 07/12/2026. Nothing more is needed from you for now."
    )


def test_the_apology_gives_the_old_date_the_reason_and_the_new_date() -> None:
    title, body = _say("apologise", DUE, {"reason": "Chờ xác minh.", "old_date": "27/11/2026"})
    assert title == Text("Hẹn lại ngày trả kết quả", "Your result is delayed")
    assert body.vi == (
        "Khai sinh cho Trần Minh Khang: xin lỗi, hồ sơ chưa giải quyết kịp ngày hẹn 27/11/2026. Lý do: Chờ xác "
        "minh. Ngày hẹn trả kết quả mới: 07/12/2026. Bạn không cần làm gì thêm."
    )
    assert body.en == (
        "Birth registration for Trần Minh Khang: we are sorry, it could not be done by 27/11/2026. Reason: Chờ "
        "xác minh. The result is now due on 07/12/2026. Nothing is needed from you."
    )


def test_the_stop_and_the_close_say_what_happened_and_what_the_citizen_may_do() -> None:
    _, stopped = _say("stopped", {}, {"reason": "Không cần nữa."})
    assert stopped.vi == (
        "Khai sinh cho Trần Minh Khang: đã dừng giải quyết theo đề nghị của bạn. Lý do: Không cần nữa. Văn bản "
        "thông báo có tại nơi nộp hồ sơ; khi cần, bạn có thể nộp hồ sơ mới."
    )
    _, closed = _say("closed", {}, {"until": "08/12/2026"})
    assert closed.vi == (
        "Khai sinh cho Trần Minh Khang: đã kết thúc giải quyết vì chưa được bổ sung trong hạn (đến hết ngày "
        "08/12/2026). Nếu vẫn cần, bạn có thể nộp hồ sơ mới."
    )
    assert closed.en == (
        "Birth registration for Trần Minh Khang: it was closed because the additions asked for were not sent in "
        "time (by the end of 08/12/2026). If you still need it, you may send a new dossier."
    )


def test_an_early_result_says_so_where_to_collect_it_and_the_opening_hours() -> None:
    told = {
        "place": "Trung tâm xã Can Lộc, xã Can Lộc",
        "place_en": "Can Loc Centre, xã Can Lộc",
        "hours": "07:30–12:00, 13:30–17:00",
        "early": "07/12/2026",
    }
    title, body = _say("ready", DUE, told)
    assert (title.vi, rules.KINDS["ready"].urgency) == ("Đã có kết quả", "high")
    assert body.vi == (
        "Khai sinh cho Trần Minh Khang: đã có kết quả, sớm hơn ngày hẹn 07/12/2026. Mời bạn đến nhận tại Trung "
        "tâm xã Can Lộc, xã Can Lộc (giờ làm việc 07:30–12:00, 13:30–17:00, các ngày làm việc); mang theo giấy "
        "tiếp nhận và giấy tờ tùy thân."
    )
    assert body.en == (
        "Birth registration for Trần Minh Khang: the result is ready, earlier than the appointment (07/12/2026). "
        "Collect it at Can Loc Centre, xã Can Lộc (open 07:30–12:00, 13:30–17:00 on working days); bring the "
        "receipt and your identity card."
    )
    _, on_time = _say("ready", DUE, {})
    assert on_time.vi == (
        "Khai sinh cho Trần Minh Khang: đã có kết quả. Mời bạn đến nhận tại nơi nộp hồ sơ; mang theo giấy tiếp "
        "nhận và giấy tờ tùy thân."
    )


def test_acceptance_lists_the_originals_sent_as_photos_and_those_to_show() -> None:
    documents = [
        ("to_khai", "Tờ khai", "original"),
        ("giay_chung_sinh", "Bản chính Giấy chứng sinh; trường hợp không có thì văn bản người làm chứng", "original"),
        ("ket_hon", "Giấy chứng nhận kết hôn", "copy"),
        ("can_cuoc", "Thẻ Căn cước", "present_original"),
        ("uy_quyen", "Văn bản ủy quyền", "original_or_certified_copy"),
    ]
    originals = rules.originals_to_bring(documents, {"giay_chung_sinh", "ket_hon"})
    assert originals == ["Bản chính Giấy chứng sinh", "Thẻ Căn cước"]
    _, body = _say("received", DUE, {}, originals=originals)
    assert body.vi == (
        "Khai sinh cho Trần Minh Khang: hẹn trả kết quả ngày 07/12/2026. Khi đến nhận, mang theo giấy tiếp nhận và "
        "các giấy tờ sau (bản chính): Bản chính Giấy chứng sinh; Thẻ Căn cước."
    )
    assert body.en == (
        "Birth registration for Trần Minh Khang: the result is due on 07/12/2026. When you come for it, bring the "
        "receipt and these papers (originals): Bản chính Giấy chứng sinh; Thẻ Căn cước."
    )

"""The notices of handling (Decree 118/2025 Art 19-22) through the staff API and the phone: a supplement asked
during appraisal (with its last day), the restart after it is completed, the apology's new date (Mẫu 04), the
stop (Mẫu 05), the close of an unanswered supplement and an early result. Each writes exactly one notice, in
the transaction of its move: a move that fails after writing it leaves neither. Receipt on Monday 23 November
2026 09:00 for 3 working days, Tuesday 24th a holiday: due Friday 27th."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from backend.push import outbox
from backend.push.tables import PushNotice
from tests.accounts.staffing import Clock
from tests.handling.journey import Desk, corrected, desk, row

pytestmark = pytest.mark.usefixtures("db")
NAME = {"kind": "field", "path": "applicant.full_name", "note": "Họ tên khác với căn cước"}
THAO = "Cấp Giấy xác nhận tình trạng hôn nhân cho Bùi Thị Phương Thảo"
HOA = "Cấp Giấy xác nhận tình trạng hôn nhân cho Nguyễn Thị Hoa"
Step = Callable[[], Awaitable[httpx.Response]]


async def _supplement_issued(d: Desk) -> dict[str, Any]:
    made = await d.assigned()
    await d.ok("specialist", made, "propose-supplement", items=[NAME])
    await d.ok("officer", made, "issue-supplement")
    return made


async def _restart(d: Desk) -> tuple[dict[str, Any], Step]:
    made = await _supplement_issued(d)
    await d.later(days=9, hours=1)  # completed on Wednesday 2 December 10:00: due Monday 7 December
    return made, lambda: corrected(d.client, made, "Nguyễn Thị Hoa")


async def _apology(d: Desk) -> tuple[dict[str, Any], Step]:
    made = await d.assigned()
    return made, lambda: d.act(
        "specialist", made, "apology", newDate="2026-12-01", reason="Chờ xác minh của công an xã"
    )


async def _stop(d: Desk) -> tuple[dict[str, Any], Step]:
    made = await d.assigned()
    return made, lambda: d.act("officer", made, "stop", reason="Tôi không cần giấy xác nhận nữa", requestedVia="app")


async def _close(d: Desk) -> tuple[dict[str, Any], Step]:
    made = await _supplement_issued(d)
    await d.later(days=16)  # Wednesday 9 December 09:00: the last day, Tuesday 8th, has ended
    return made, lambda: d.act("officer", made, "close")


MOVES = {
    "restart": (
        _restart,
        "new_date",
        f"{HOA}: đã nhận đủ hồ sơ bổ sung, thời hạn giải quyết được tính lại từ đầu. Hẹn trả kết quả ngày "
        "07/12/2026. Bạn chưa cần làm gì thêm.",
    ),
    "apology": (
        _apology,
        "new_date",
        f"{THAO}: xin lỗi, hồ sơ chưa giải quyết kịp ngày hẹn 27/11/2026. Lý do: Chờ xác minh của công an xã. "
        "Ngày hẹn trả kết quả mới: 01/12/2026. Bạn không cần làm gì thêm.",
    ),
    "stop": (
        _stop,
        "stopped",
        f"{THAO}: đã dừng giải quyết theo đề nghị của bạn. Lý do: Tôi không cần giấy xác nhận nữa. Văn bản thông "
        "báo có tại nơi nộp hồ sơ; khi cần, bạn có thể nộp hồ sơ mới.",
    ),
    "close": (
        _close,
        "closed",
        f"{THAO}: đã kết thúc giải quyết vì chưa được bổ sung trong hạn (đến hết ngày 08/12/2026). Nếu vẫn cần, "
        "bạn có thể nộp hồ sơ mới.",
    ),
}


async def _notices(made: dict[str, Any]) -> list[dict[str, Any]]:
    code = made["dossier"]["code"]
    return list(await PushNotice.select().where(PushNotice.dossier_code == code).order_by(PushNotice.id))


@pytest.mark.parametrize("move", list(MOVES))
async def test_each_move_writes_one_notice_naming_the_dossier_and_the_next_step(
    push_client: httpx.AsyncClient, clock: Clock, move: str
) -> None:
    prepare, kind, body = MOVES[move]
    made, step = await prepare(await desk(push_client, clock))
    before = await _notices(made)
    answer = await step()
    assert answer.status_code == 200, answer.text
    after = await _notices(made)
    assert len(after) == len(before) + 1
    notice = after[-1]
    assert (notice["kind"], notice["body_vi"]) == (kind, body)
    assert notice["url"] == f"/#/da-nop/{made['dossier']['code']}"
    inbox = await push_client.post("/api/push/inbox", json={"tokens": [made["sent"]["accessToken"]]})
    newest = inbox.json()["notices"][0]  # the phone's inbox has it, newest first
    assert (newest["id"], newest["kind"], newest["body"]["vi"]) == (notice["id"], kind, body)


@pytest.mark.parametrize("move", list(MOVES))
async def test_a_move_that_fails_after_writing_its_notice_leaves_neither(
    push_client: httpx.AsyncClient, clock: Clock, move: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, step = await MOVES[move][0](await desk(push_client, clock))
    before, state = await _notices(made), await row(made)
    written = outbox.notify

    async def notify_then_fail(*args: Any) -> int | None:
        assert await written(*args) is not None
        raise RuntimeError("the database went away")

    monkeypatch.setattr(outbox, "notify", notify_then_fail)
    assert (await step()).status_code == 500
    assert await _notices(made) == before
    after = await row(made)
    assert (after["status"], after["version"], after["appointment_date"]) == (
        state["status"],
        state["version"],
        state["appointment_date"],
    )


async def test_a_supplement_in_appraisal_says_until_when(push_client: httpx.AsyncClient, clock: Clock) -> None:
    made = await _supplement_issued(await desk(push_client, clock))
    notice = (await _notices(made))[-1]
    assert notice["kind"] == "corrections" and notice["url"].endswith("/sua")
    assert notice["body_vi"] == (
        f"{THAO}: cần bổ sung, sửa lại: Họ, chữ đệm và tên (Họ tên khác với căn cước). Hạn bổ sung: đến hết ngày "
        "08/12/2026. Mở hồ sơ để sửa và gửi lại."
    )
    assert notice["body_en"] == (
        "Certificate of marital status for Bùi Thị Phương Thảo: please add or correct: Full name (Họ tên khác với "
        "căn cước). Please send it by the end of 08/12/2026. Open the dossier to correct it and send it again."
    )


async def test_an_early_result_says_where_and_when_to_collect_it(push_client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(push_client, clock)
    made = await d.assigned()
    await d.ok("specialist", made, "submit-for-approval", outcome="granted", text="Đủ điều kiện cấp")
    await d.ok("leader", made, "approve")
    await d.ok("specialist", made, "result", note="Đã ký")
    await d.ok("officer", made, "ready")
    notice = (await _notices(made))[-1]
    assert (notice["kind"], notice["urgency"]) == ("ready", "high")
    assert notice["body_vi"] == (
        f"{THAO}: đã có kết quả, sớm hơn ngày hẹn 27/11/2026. Mời bạn đến nhận tại Trung tâm Phục vụ hành chính "
        "công xã Can Lộc, xã Can Lộc, tỉnh Hà Tĩnh (giờ làm việc 07:30–12:00, 13:30–17:00, các ngày làm việc); "
        "mang theo giấy tiếp nhận và giấy tờ tùy thân."
    )
    assert notice["body_en"].startswith(
        "Certificate of marital status for Bùi Thị Phương Thảo: the result is ready, earlier than the appointment "
        "(27/11/2026). Collect it at Can Loc Commune Public Administrative Service Centre, xã Can Lộc, tỉnh Hà Tĩnh "
        "(open 07:30–12:00, 13:30–17:00 on working days)"
    )


async def test_staff_of_the_deciding_agency_read_the_notices_and_their_delivery(
    push_client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(push_client, clock)
    made, step = await _apology(d)
    assert (await step()).status_code == 200
    for who in ("officer", "specialist"):
        answer = await push_client.get(
            f"/api/staff/dossiers/{made['dossier']['code']}/notices", headers=d.sessions[who].headers()
        )
        assert answer.status_code == 200, answer.text
        notices = answer.json()["notices"]
        assert [(n["kind"], n["title"], n["deliveries"]) for n in notices] == [
            ("accepted", "Hồ sơ đã được tiếp nhận", []),
            ("new_date", "Hẹn lại ngày trả kết quả", []),
        ]

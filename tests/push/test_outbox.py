"""The outbox: a status change and its notices are written in one transaction. Accepting, asking for
corrections and refusing each write one notice naming the dossier and the next step, with one delivery per
subscribed phone; a change that fails writes no notice, and a move that tells the citizen nothing writes none."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.dossiers import moves
from backend.dossiers.tables import Dossier, DossierAudit, DossierPaper
from backend.push import keys, outbox
from backend.push.tables import PushDelivery, PushNotice
from tests.factories import NOW, seeded, submitted
from tests.push.phone import subscribe
from tests.push_emulator import PushEmulator
from tests.review.desk import officer, url

pytestmark = pytest.mark.usefixtures("db", "clock")
MARITAL = "1.004873"
CODE = "H12.41.01-261123-0001"  # the first dossier of the day (23 Nov 2026) at the centre of xã Can Lộc
NAME_VI = "Cấp Giấy xác nhận tình trạng hôn nhân cho Bùi Thị Phương Thảo"
NAME_EN = "Certificate of marital status for Bùi Thị Phương Thảo"


async def _dossier(client: httpx.AsyncClient, procedure: str = MARITAL) -> tuple[dict[str, Any], str]:
    await seeded()
    made = await submitted(client, procedure)
    return made, str(made["sent"]["accessToken"])


async def _notices() -> list[dict[str, Any]]:
    return list(await PushNotice.select().order_by(PushNotice._meta.primary_key))


async def test_accepting_writes_a_notice_with_the_appointment_date_and_a_delivery_per_phone(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey
) -> None:
    made, token = await _dossier(push_client)
    for _ in range(2):  # two phones of the family follow the dossier
        await subscribe(push_client, emulator, vapid, [token])
    me = await officer(push_client)
    answer = await push_client.post(url(made, "accept"), json={"version": 1}, headers=me.headers())
    assert answer.status_code == 200, answer.text
    [notice] = await _notices()
    # Monday 23 Nov 2026 09:00, 3 working days, Tuesday 24 Nov a holiday: due Friday 27 Nov.
    assert (notice["dossier_code"], notice["kind"], notice["urgency"]) == (CODE, "accepted", "normal")
    assert notice["title_vi"] == "Hồ sơ đã được tiếp nhận"
    # No photo was sent (none is required); the identity paper is shown in the original (present_original).
    assert notice["body_vi"] == (
        f"{NAME_VI}: hẹn trả kết quả ngày 27/11/2026. Khi đến nhận, mang theo giấy tiếp nhận và các giấy tờ sau "
        "(bản chính): Hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân hoặc giấy tờ khác có dán ảnh và thông tin cá "
        "nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng của người yêu cầu."
    )
    assert notice["body_en"].startswith(f"{NAME_EN}: the result is due on 27/11/2026.")
    assert notice["url"] == f"/#/da-nop/{CODE}"
    rows = await PushDelivery.select(PushDelivery.notice, PushDelivery.status, PushDelivery.attempts)
    assert rows == [{"notice": notice["id"], "status": "queued", "attempts": 0}] * 2


async def test_asking_for_corrections_says_what_and_opens_the_correction_page(push_client: httpx.AsyncClient) -> None:
    made, _ = await _dossier(push_client)
    me = await officer(push_client)
    items = [
        {"kind": "field", "path": "applicant.full_name", "note": "Ghi đúng như trên căn cước"},
        {"kind": "document", "slot": "giay_to_tuy_than"},
    ]
    answer = await push_client.post(
        url(made, "request-corrections"), json={"version": 1, "items": items}, headers=me.headers()
    )
    assert answer.status_code == 200, answer.text
    [notice] = await _notices()
    paper = "Hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân hoặc giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan"
    assert notice["kind"] == "corrections" and notice["title_vi"] == "Hồ sơ cần bổ sung"
    assert notice["body_vi"].startswith(
        f"{NAME_VI}: cần bổ sung, sửa lại: Họ, chữ đệm và tên (Ghi đúng như trên căn cước); {paper}"
    )
    assert notice["body_vi"].endswith(". Mở hồ sơ để sửa và gửi lại.")
    # In English the form's own English label; a document's name is published in Vietnamese only.
    assert notice["body_en"].startswith(
        f"{NAME_EN}: please add or correct: Full name (Ghi đúng như trên căn cước); {paper}"
    )
    assert notice["url"] == f"/#/da-nop/{CODE}/sua"
    assert await PushDelivery.count() == 0  # no phone subscribed: the notice waits in the inbox


async def test_refusing_gives_the_reasons(push_client: httpx.AsyncClient) -> None:
    made, token = await _dossier(push_client)
    me = await officer(push_client)
    reasons = ["Không thuộc thẩm quyền của xã", "Thiếu chữ ký"]
    answer = await push_client.post(url(made, "refuse"), json={"version": 1, "reasons": reasons}, headers=me.headers())
    assert answer.status_code == 200, answer.text
    [notice] = await _notices()
    assert notice["kind"] == "refused"
    assert notice["body_vi"] == (
        f"{NAME_VI}: Không thuộc thẩm quyền của xã; Thiếu chữ ký. Xem lý do trong ứng dụng; bạn có thể nộp hồ sơ "
        "mới khi đã khắc phục."
    )
    inbox = await push_client.post("/api/push/inbox", json={"tokens": [token]})
    assert [(n["code"], n["kind"], n["title"]["en"]) for n in inbox.json()["notices"]] == [
        (CODE, "refused", "Your dossier was refused")
    ]


async def test_a_birth_registration_is_named_for_the_child(push_client: httpx.AsyncClient) -> None:
    made, _ = await _dossier(push_client, "1.001193")
    me = await officer(push_client)
    await push_client.post(url(made, "refuse"), json={"version": 1, "reasons": ["Sai nơi nộp"]}, headers=me.headers())
    [notice] = await _notices()
    assert notice["body_vi"].startswith("Đăng ký khai sinh cho Nguyễn Minh Khang: Sai nơi nộp.")
    assert notice["body_en"].startswith("Birth registration for Nguyễn Minh Khang: Sai nơi nộp.")


async def test_a_stale_click_changes_nothing_and_writes_no_notice(push_client: httpx.AsyncClient) -> None:
    made, _ = await _dossier(push_client)
    me = await officer(push_client)
    answer = await push_client.post(url(made, "accept"), json={"version": 7}, headers=me.headers())
    assert answer.status_code == 409
    assert await PushNotice.count() == 0


async def test_a_change_that_fails_after_its_notice_was_written_leaves_neither(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, token = await _dossier(push_client)
    await subscribe(push_client, emulator, vapid, [token])
    written = outbox.notify

    async def notify_then_fail(*args: Any) -> int | None:
        assert await written(*args) is not None
        assert await PushNotice.count() == 1  # written, inside the transaction
        raise RuntimeError("the database went away")

    monkeypatch.setattr(outbox, "notify", notify_then_fail)
    with pytest.raises(RuntimeError):
        await moves.apply(CODE, 1, moves.Move(action="refuse", target=moves.Status.REFUSED), moves.Actor("x"), NOW)
    assert await PushNotice.count() == 0 and await PushDelivery.count() == 0
    assert (await Dossier.select(Dossier.status).first())["status"] == "submitted"
    assert made["dossier"]["code"] == CODE


async def test_a_notice_that_cannot_be_written_undoes_the_change(
    push_client: httpx.AsyncClient, emulator: PushEmulator, vapid: keys.VapidKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, token = await _dossier(push_client)
    await subscribe(push_client, emulator, vapid, [token])
    me = await officer(push_client)

    def broken(*_: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr(PushDelivery, "insert", broken)
    answer = await push_client.post(
        url(made, "refuse"), json={"version": 1, "reasons": ["Thiếu"]}, headers=me.headers()
    )
    assert answer.status_code == 500
    assert await PushNotice.count() == 0
    assert (await Dossier.select(Dossier.status, Dossier.version).first()) == {"status": "submitted", "version": 1}
    assert await DossierAudit.count() == 0 and await DossierPaper.count() == 0


async def test_a_move_that_tells_the_citizen_nothing_writes_no_notice(push_client: httpx.AsyncClient) -> None:
    await _dossier(push_client)
    move = moves.Move(action="assign", target=None, changes={"assignee": "chuyen.vien"})
    await moves.apply(CODE, 1, move, moves.Actor("lanh.dao"), NOW)
    assert await PushNotice.count() == 0

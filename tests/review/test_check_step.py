"""The check step (Decree 118/2025 Art 17) through the API: accept with Mẫu 01, ask once for corrections with
Mẫu 02, refuse with Mẫu 03; each action once, whoever clicks twice or second (409 stale_version)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from backend.dossiers.tables import Dossier, DossierAudit, DossierEvent
from tests.accounts.staffing import Session
from tests.review.desk import officer, ready, url

pytestmark = pytest.mark.usefixtures("db", "clock")
FIELD = {"kind": "field", "path": "applicant.full_name", "note": "Ghi đúng họ tên như trên căn cước"}
DOCUMENT = {"kind": "document", "slot": "giay_to_tuy_than", "note": "Ảnh mờ, chụp lại"}


async def _post(
    client: httpx.AsyncClient, who: Session, made: dict[str, Any], action: str, body: dict[str, Any]
) -> Any:
    return await client.post(url(made, action), json=body, headers=who.headers())


async def _events(made: dict[str, Any]) -> list[str]:
    row = await Dossier.select(Dossier._meta.primary_key).where(Dossier.code == made["dossier"]["code"]).first()
    events = await DossierEvent.select(DossierEvent.status).where(DossierEvent.dossier == row["id"])
    return [e["status"] for e in events]


async def _audit(made: dict[str, Any]) -> list[dict[str, Any]]:
    row = await Dossier.select(Dossier._meta.primary_key).where(Dossier.code == made["dossier"]["code"]).first()
    return list(await DossierAudit.select().where(DossierAudit.dossier == row["id"]).order_by(DossierAudit.at))


async def test_accepting_receives_the_dossier_with_its_receipt(client: httpx.AsyncClient) -> None:
    me, made = await ready(client)
    answer = await _post(client, me, made, "accept", {"version": 1, "note": "đủ giấy tờ"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["status"], body["version"]) == ("received", 2)
    paper = body["paper"]["data"]
    # Monday 23 Nov 2026, 09:00 at the centre of xã Can Lộc; 3 working days, Tuesday 24 Nov a holiday
    # (Ngày Văn hóa Việt Nam): Friday 27 Nov.
    assert paper["appointmentDate"] == "2026-11-27"
    assert paper["placeDate"] == "Can Lộc, ngày 23 tháng 11 năm 2026"
    assert paper["agencyHeader"] == {
        "committee": "Ủy ban nhân dân xã Can Lộc",
        "unit": "Trung tâm Phục vụ hành chính công xã Can Lộc",
    }
    assert paper["procedure"] == {"code": "1.004873", "name": "Cấp Giấy xác nhận tình trạng hôn nhân"}
    assert paper["officer"] == "Cán bộ tiep.nhan"
    [audit] = await _audit(made)
    assert (audit["action"], audit["actor_username"], audit["internal_note"]) == ("accept", "tiep.nhan", "đủ giấy tờ")
    assert (audit["from_status"], audit["to_status"], audit["version_after"]) == ("submitted", "received", 2)


async def test_a_second_officer_acting_on_the_same_version_gets_409(client: httpx.AsyncClient) -> None:
    first, made = await ready(client)
    second = await officer(client, "tiep.nhan.hai")
    accepted, refused = await asyncio.gather(
        _post(client, first, made, "accept", {"version": 1}),
        _post(client, second, made, "refuse", {"version": 1, "reasons": ["Không đúng thẩm quyền"]}),
    )
    statuses = sorted([accepted.status_code, refused.status_code])
    assert statuses == [200, 409]
    loser = accepted if accepted.status_code == 409 else refused
    winner = refused if loser is accepted else accepted
    assert loser.json()["code"] == "stale_version"
    assert loser.json()["current"] == {"status": winner.json()["status"], "version": 2}
    assert len(await _events(made)) == 2  # submitted, then one action only
    assert len(await _audit(made)) == 1


async def test_a_double_click_makes_one_event(client: httpx.AsyncClient) -> None:
    me, made = await ready(client)
    first = await _post(client, me, made, "accept", {"version": 1})
    again = await _post(client, me, made, "accept", {"version": 1})
    assert first.status_code == 200
    assert again.status_code == 409 and again.json()["code"] == "stale_version"
    assert again.json()["current"] == {"status": "received", "version": 2}
    assert await _events(made) == ["submitted", "received"]


async def test_corrections_name_the_forms_own_labels_and_the_citizen_sees_only_the_notes(
    client: httpx.AsyncClient,
) -> None:
    me, made = await ready(client)
    body = {"version": 1, "items": [FIELD, DOCUMENT], "internalNote": "nghi giả mạo"}
    answer = await _post(client, me, made, "request-corrections", body)
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "supplement_requested"
    items = answer.json()["paper"]["data"]["items"]
    assert [i["label"] for i in items] == [
        "Họ, chữ đệm và tên",
        "Hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân hoặc giấy tờ khác có dán ảnh và thông tin cá nhân do cơ "
        "quan có thẩm quyền cấp, còn giá trị sử dụng của người yêu cầu",
    ]
    mine = await client.post("/api/dossiers/mine", json={"tokens": [made["sent"]["accessToken"]]})
    history = str(mine.json())
    assert "Ghi đúng họ tên như trên căn cước" in history
    assert "nghi giả mạo" not in history
    row = await Dossier.select(Dossier.correction_request).where(Dossier.code == made["dossier"]["code"]).first()
    assert row is not None


async def test_corrections_are_asked_once(client: httpx.AsyncClient) -> None:
    me, made = await ready(client)
    first = await _post(client, me, made, "request-corrections", {"version": 1, "items": [FIELD]})
    assert first.status_code == 200
    # The citizen resubmits (the corrections helper's endpoint): here, straight in the table.
    await Dossier.update({Dossier.status: "submitted", Dossier.version: 3}).where(
        Dossier.code == made["dossier"]["code"]
    )
    second = await _post(client, me, made, "request-corrections", {"version": 3, "items": [FIELD]})
    assert second.status_code == 409 and second.json()["code"] == "correction_already_requested"


@pytest.mark.parametrize(
    "item",
    [
        {"kind": "field", "path": "applicant.no_such_field"},
        {"kind": "field", "path": "giay_to_tuy_than"},
        {"kind": "document", "slot": "applicant.full_name"},
        {"kind": "document", "slot": "no_such_document"},
    ],
)
async def test_corrections_must_name_real_fields_or_documents(client: httpx.AsyncClient, item: dict[str, str]) -> None:
    me, made = await ready(client)
    answer = await _post(client, me, made, "request-corrections", {"version": 1, "items": [FIELD, item]})
    assert answer.status_code == 422 and answer.json()["code"] == "unknown_correction_items"
    assert await _events(made) == ["submitted"]


async def test_refusing_gives_the_reasons_then_nothing_more_may_happen(client: httpx.AsyncClient) -> None:
    me, made = await ready(client)
    reasons = ["Không thuộc thẩm quyền của xã", "Thiếu giấy chứng sinh bản chính"]
    answer = await _post(client, me, made, "refuse", {"version": 1, "reasons": reasons})
    assert answer.status_code == 200, answer.text
    assert answer.json()["paper"]["data"]["reasons"] == reasons
    mine = await client.post("/api/dossiers/mine", json={"tokens": [made["sent"]["accessToken"]]})
    assert mine.json()["dossiers"][0]["refusalReasons"] == reasons, "the phone shows each reason, as written"
    late = await _post(client, me, made, "accept", {"version": 2})
    assert late.status_code == 409 and late.json()["code"] == "illegal_transition"


async def test_blank_reasons_are_refused(client: httpx.AsyncClient) -> None:
    me, made = await ready(client)
    answer = await _post(client, me, made, "refuse", {"version": 1, "reasons": ["  "]})
    assert answer.status_code == 422 and answer.json()["code"] == "reasons_required"


async def test_opening_marks_the_dossier_once(client: httpx.AsyncClient, clock: Any) -> None:
    me, made = await ready(client)
    first = await client.get(url(made), headers=me.headers())
    clock.advance(minutes=10)
    second = await client.get(url(made), headers=me.headers())
    assert first.status_code == second.status_code == 200
    assert first.json()["openedAt"] == second.json()["openedAt"] is not None
    assert [a["action"] for a in second.json()["audit"]] == ["open"]
    assert second.json()["version"] == 1

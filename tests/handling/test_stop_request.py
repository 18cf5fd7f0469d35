"""The citizen's own request to stop handling, from the app (Decree 118/2025 Art 21): kept on the dossier with
its audit row, listed for the receiving counter, which confirms it with Mẫu 05; and a stop closes the parts
still out at other agencies (liên thông, Art 20). Receipt on Monday 23 November 2026 09:00."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from backend.dossiers.tables import DossierAudit, DossierEvent
from tests.accounts.staffing import Clock
from tests.factories import NOW
from tests.handling.journey import Desk, desk, kept, phone_view, row, url
from tests.review.desk import dossier

pytestmark = pytest.mark.usefixtures("db")
REQUESTS = "/api/dossiers/stop-requests"
REASON = "Tôi đã làm được giấy này ở nơi khác"


def _request(made: dict[str, Any], request_id: uuid.UUID | None = None, **changes: Any) -> dict[str, Any]:
    sent = made["sent"]
    return {
        "submissionId": sent["submissionId"],
        "accessToken": sent["accessToken"],
        "requestId": str(request_id or uuid.uuid4()),
        "reason": REASON,
        **changes,
    }


async def _audit(made: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return list(
        await DossierAudit.select().where(
            DossierAudit.dossier == (await row(made))["id"], DossierAudit.action == action
        )
    )


async def _counter_list(d: Desk, name: str) -> tuple[int, list[dict[str, Any]]]:
    answer = await d.client.get(f"/api/staff/queue?list={name}", headers=d.sessions["officer"].headers())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return body["counts"][name], body["items"]


async def test_the_citizen_asks_to_stop_and_the_request_is_kept_with_its_audit_row(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    before = await row(made)
    asked = await client.post(REQUESTS, json=_request(made, reason="  Tôi đã làm được   giấy này ở nơi khác "))
    assert asked.status_code == 201, asked.text
    body = asked.json()
    assert (body["code"], body["status"], body["version"]) == (before["code"], "in_progress", before["version"] + 1)
    assert body["stopRequest"]["reason"] == REASON  # spaces tidied
    kept_row = await row(made)
    assert (kept_row["stop_requested_at"], kept_row["stop_request_reason"], kept_row["status"]) == (
        NOW,
        REASON,
        "in_progress",
    )
    [audit] = await _audit(made, "stop_request")
    assert (audit["actor_role"], audit["from_status"], audit["to_status"]) == ("citizen", "in_progress", "in_progress")
    view = await phone_view(client, made)
    assert view["stopRequest"]["reason"] == REASON
    assert "xin dừng giải quyết" in view["history"][-1]["note"] and REASON in view["history"][-1]["note"]


async def test_a_repeated_request_is_kept_once(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    request_id = uuid.uuid4()
    first = await client.post(REQUESTS, json=_request(made, request_id))
    again = await client.post(REQUESTS, json=_request(made, request_id))
    other = await client.post(REQUESTS, json=_request(made, reason="Lý do khác"))  # a second tap, another id
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 200)
    assert again.json() == first.json() and other.json() == first.json()
    assert len(await _audit(made, "stop_request")) == 1
    dossier_id = (await row(made))["id"]
    notes = await DossierEvent.select(DossierEvent.note).where(DossierEvent.dossier == dossier_id)
    assert sum("xin dừng" in n["note"] for n in notes) == 1


async def test_another_dossiers_token_finds_nothing(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    mine = await dossier(client)
    crossed = {**_request(made), "accessToken": mine["sent"]["accessToken"]}
    answer = await client.post(REQUESTS, json=crossed)
    assert answer.status_code == 404 and answer.json()["code"] == "dossier_not_found"
    assert (await row(made))["stop_requested_at"] is None


@pytest.mark.parametrize("reason", ["", "   "])
async def test_a_request_needs_a_reason(client: httpx.AsyncClient, clock: Clock, reason: str) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    answer = await client.post(REQUESTS, json=_request(made, reason=reason))
    assert answer.status_code == 400, answer.text
    assert (await row(made))["stop_requested_at"] is None


async def test_no_request_before_receipt_or_after_the_result(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    waiting = await dossier(client)  # sent online, not received yet: the citizen may withdraw it, not stop it
    early = await client.post(REQUESTS, json=_request(waiting))
    assert early.status_code == 409
    problem = early.json()
    assert problem["code"] == "not_stoppable"
    assert "chưa có kết quả" in problem["message"]["vi"] and "before its result" in problem["message"]["en"]
    made = await d.assigned()
    await d.ok("specialist", made, "submit-for-approval", outcome="granted", text="Xác nhận tình trạng hôn nhân")
    await d.ok("leader", made, "approve")
    await d.ok("specialist", made, "result", note="Giấy xác nhận đã ký")
    late = await client.post(REQUESTS, json=_request(made))
    assert late.status_code == 409 and late.json()["code"] == "not_stoppable"
    assert "result_issued" in late.json()["message"]["vi"]


async def test_the_counter_lists_the_request_and_confirms_it_with_mau_05(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    await d.ok("specialist", made, "submit-for-approval", outcome="granted", text="Xác nhận")  # not a counter list
    assert (await _counter_list(d, "stop_requested"))[0] == 0
    await client.post(REQUESTS, json=_request(made))
    count, items = await _counter_list(d, "stop_requested")
    assert count == 1 and [(i["code"], i["stopRequested"]) for i in items] == [(made["dossier"]["code"], True)]
    seen = await client.get(url(made, "handling"), headers=d.sessions["officer"].headers())
    assert seen.json()["stopRequestReason"] == REASON
    stopped = await d.ok("officer", made, "stop", reason=REASON, requestedVia="app")
    assert stopped["status"] == "stopped"
    assert stopped["paper"]["data"]["citizenRequest"]["reason"] == REASON
    assert (await _counter_list(d, "stop_requested"))[0] == 0  # confirmed: off the list
    view = await phone_view(client, made)
    assert (view["status"], view["stopRequest"]["reason"]) == ("stopped", REASON)


async def test_a_stop_closes_the_parts_still_out_at_other_agencies(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await d.assigned()
    parts = [
        {"agency": "H12.02", "task": "Xác minh tình trạng hôn nhân", "workingDays": 2},
        {"agency": "H12.03", "task": "Xác minh nhân thân", "workingDays": 3},
    ]
    await d.ok("specialist", made, "referral", parts=parts)
    await d.ok("police", made, "part-return", result="Đã xác minh")
    await d.ok("officer", made, "stop", reason=REASON, requestedVia="counter")
    justice = await client.get("/api/staff/parts", headers=d.sessions["justice"].headers())
    assert justice.status_code == 200 and justice.json()["items"] == []  # no longer on its to-do list
    by_agency = {p["agency_code"]: p for p in (await kept(made))["parts"]}
    assert (by_agency["H12.02"]["closed_at"], by_agency["H12.02"]["closed_reason"]) == (NOW, "stopped")
    assert by_agency["H12.03"]["closed_at"] is None  # returned before the stop: its answer stands
    late = await d.act("justice", made, "part-return", result="Đã xác minh")
    assert late.status_code == 409 and late.json()["code"] == "illegal_transition"
    listed = await client.get(url(made, "parts"), headers=d.sessions["officer"].headers())
    assert [(p["agency"], p["closedReason"]) for p in listed.json()["items"]] == [("H12.02", "stopped"), ("H12.03", "")]

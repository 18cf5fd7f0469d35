"""Use cases from the result to the citizen (Decree 118/2025 Art 19(6), 21, 22): ready for pickup, returned at
the counter or by post, a stop at the citizen's request (Mẫu 05), a delay declared and the apology with a new
date (Mẫu 04, once). Each is one transaction with its audit row, history line and rows."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.dossiers import moves, timeline
from backend.dossiers.rules import IllegalTransition, Status
from backend.handling import desk, papers, rules
from backend.handling.schemas import ApologyIn, ReturnIn, StepIn, StopIn
from backend.review import service as review

VIA = {"counter": "tại Bộ phận Một cửa", "app": "qua ứng dụng", "post": "qua bưu chính"}


async def ready(code: str, body: StepIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo) -> dict[str, Any]:
    """The result (or the refusal) is at the receiving counter: the citizen is told to come for it, and told
    when it comes earlier than the appointment (Art 22)."""
    row = await desk.at_counter(code, staff, body.version, Status.READY)
    due = row["appointment_date"]
    early = due is not None and now.astimezone(tz).date() < due
    text = "Kết quả đã có tại Bộ phận Một cửa; mời ông/bà đến nhận (mang theo giấy tiếp nhận)."
    if early:
        text += f" Kết quả có sớm hơn ngày hẹn ({papers.dmy(due)})."
    move = moves.Move(
        action="ready",
        target=Status.READY,
        changes={"ready_at": now},
        reason_for_citizen=text,
        internal_note=body.internal_note,
        records=(timeline.Handover("ready", staff.agency_code, staff.username).row(now),),
        notice_facts={**await desk.where_to_collect(row, tz, now), "early": papers.dmy(due) if early else ""},
    )
    return await desk.apply(row, body.version, move, staff, now)


async def hand_back(code: str, body: ReturnIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo) -> dict[str, Any]:
    """Trả kết quả: at the counter (originals handed back) or posted with its tracking number (judged on the
    control slip against the appointment)."""
    row = await desk.at_counter(code, staff, body.version, Status.RETURNED)
    due = await desk.appointment_due(row, tz, now)
    number = body.tracking_number.strip()
    if body.method == "post" and not number:
        raise rules.TrackingNumberRequired()
    if body.method == "post":
        text = f"Đã gửi kết quả qua bưu chính, số hiệu bưu gửi {number}."
    else:
        text = "Đã trả kết quả và giấy tờ bản chính tại Bộ phận Một cửa."
    move = moves.Move(
        action="return",
        target=Status.RETURNED,
        changes={"returned_at": now, "return_method": body.method, "tracking_number": number},
        reason_for_citizen=text,
        internal_note=body.internal_note,
        records=(
            timeline.Handover("returned", staff.agency_code, staff.username, medium="paper", due_at=due).row(now),
        ),
    )
    return await desk.apply(row, body.version, move, staff, now)


async def stop(
    code: str, body: StopIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> dict[str, Any]:
    """Dừng giải quyết (Art 21): the citizen asked (at the counter, in the app or by post) before the decision
    was issued; Mẫu 05 tells them, and an open wait for them ends."""
    row = await desk.at_counter(code, staff, body.version, Status.STOPPED)
    reason = papers.sentence(body.reason)
    facts = await review.paper_facts("05", row, staff, now=now, tz=tz, intake=intake, texts=papers.heading("05"))
    received = row["received_at"].astimezone(tz).date()
    data = {
        **facts,
        **papers.filled(
            "05",
            applicant=facts["applicant"],
            unit=facts["agencyHeader"]["unit"],
            code=row["code"],
            procedure=facts["procedure"]["name"],
            receivedDay=papers.dmy(received),
            reason=reason,
        ),
        "reason": reason,
        "requestedVia": body.requested_via,
    }
    if row["stop_requested_at"] is not None:  # the citizen's own request from the app, which this confirms
        data["citizenRequest"] = {
            "requestedAt": row["stop_requested_at"].isoformat(),
            "reason": row["stop_request_reason"],
        }
    records: list[Any] = [timeline.Handover("stopped", staff.agency_code, staff.username).row(now)]
    if row["waiting_since"] is not None:
        records.append(timeline.wait("appraisal_supplement", row["waiting_since"], now, "stopped"))
    move = moves.Move(
        action="stop",
        target=Status.STOPPED,
        changes={"stopped_at": now, "waiting_since": None, "correction_request": None},
        reason_for_citizen=f"Hồ sơ đã dừng giải quyết theo đề nghị của ông/bà ({VIA[body.requested_via]}).",
        internal_note=body.internal_note,
        paper=("05", data),
        records=tuple(records),
        notice_facts={"reason": reason},
        updates=(timeline.parts_closed(row["id"], at=now, reason="stopped"),),  # no agency works on it any more
    )
    return await desk.apply(row, body.version, move, staff, now)


def _still_handled(row: dict[str, Any], action: str) -> None:
    if row["status"] not in rules.HANDLING:
        raise IllegalTransition(current=row["status"], target=action)


async def declare_late(code: str, body: StepIn, staff: Principal, now: dt.datetime) -> dict[str, Any]:
    """The handler foresees the result will be late (Art 19(6)): the dossier needs Mẫu 04 before its deadline."""
    row = await desk.handled(code, staff, body.version, None)
    _still_handled(row, "late")
    move = moves.Move(
        action="declare_late", target=None, changes={"late_declared_at": now}, internal_note=body.internal_note
    )
    return await desk.apply(row, body.version, move, staff, now)


async def apologise(
    code: str, body: ApologyIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> dict[str, Any]:
    """Mẫu 04 (Art 19(6)): an apology with the reason and a new date, at least one working day before the
    deadline and once; the appointment moves and the citizen sees the new date."""
    row = await desk.handled(code, staff, body.version, None)
    _still_handled(row, "extended")
    calendar = await desk.calendar(tz, now)
    due = row["appointment_date"]
    rules.ensure_apology_allowed(row["apologies"], now, due, body.new_date, calendar)
    reason = papers.sentence(body.reason)
    facts = await review.paper_facts("04", row, staff, now=now, tz=tz, intake=intake, texts=papers.heading("04"))
    names = await catalogue.agency_names([row["competent_agency_code"]])
    agency = names[row["competent_agency_code"]].vi if row["competent_agency_code"] in names else ""
    fill = {"applicant": facts["applicant"], "code": row["code"], "procedure": facts["procedure"]["name"]}
    data = {
        **facts,
        **papers.filled(
            "04", agency=agency, due=papers.dmy(due), newDate=papers.dmy(body.new_date), reason=reason, **fill
        ),
        "appointmentDate": due.isoformat(),
        "newDate": body.new_date.isoformat(),
        "reason": reason,
    }
    extended = timeline.deadline(
        "extended",
        body.new_date,
        counted_from=row["clock_started_at"] or now,
        at=now,
        reason=reason,
        actor=staff.username,
    )
    move = moves.Move(
        action="apologise",
        target=None,
        changes={"appointment_date": body.new_date, "apologies": 1},
        reason_for_citizen=(
            f"Xin lỗi ông/bà: hồ sơ chưa giải quyết kịp ngày hẹn {papers.dmy(due)}. Lý do: {reason} "
            f"Ngày hẹn trả kết quả mới: {papers.dmy(body.new_date)}."
        ),
        internal_note=body.internal_note,
        paper=("04", data),
        records=(extended,),
        notice_facts={"reason": reason, "old_date": papers.dmy(due)},
    )
    return await desk.apply(row, body.version, move, staff, now)

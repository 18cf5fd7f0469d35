"""Use cases of appraisal (Decree 118/2025 Art 18-19): the head assigns a handler; a supplement the handler
proposes is issued by the counter, completed or closed; the leader approves or sends back; the result, or a
refusal after appraisal, is issued. Each is one transaction with its audit row, history line and rows."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts import service as accounts
from backend.accounts.rules import Principal, Role
from backend.catalogue import service as catalogue
from backend.dossiers import moves, timeline
from backend.dossiers.rules import IllegalTransition, Status
from backend.handling import desk, papers, rules
from backend.handling.schemas import (
    AssignIn,
    ForApprovalIn,
    RefuseAfterAppraisalIn,
    ResultIn,
    SendBackIn,
    StepIn,
    SupplementProposalIn,
)
from backend.review import counter
from backend.review import rules as review_rules
from backend.review import service as review

SUPPLEMENT = "appraisal_supplement"


def _pass(
    step: str, to_unit: str, to_user: str, staff: Principal, *, note: str = "", due_at: dt.datetime | None = None
) -> Any:
    """The hand-over of this step, from the acting staff member (the control slip's line)."""
    return timeline.Handover(step, staff.agency_code, staff.username, to_unit, to_user, due_at=due_at, note=note)


async def assign(code: str, body: AssignIn, staff: Principal, now: dt.datetime) -> dict[str, Any]:
    """Phân công: the head of the competent agency gives the dossier to a specialist; a second assignment
    while it is handled is a reassignment (logged, the status kept)."""
    row = await desk.deciding(code, staff, body.version, None)
    first = row["status"] == Status.RECEIVED.value
    target = Status.IN_PROGRESS if first else None
    if not first and row["status"] not in rules.HANDLING:
        raise IllegalTransition(current=row["status"], target=Status.IN_PROGRESS.value)
    if not await accounts.is_active(body.specialist, Role.SPECIALIST, row["competent_agency_code"]):
        raise rules.UnknownSpecialist(username=body.specialist)
    handover = _pass("assign" if first else "reassign", row["competent_agency_code"], body.specialist, staff)
    move = moves.Move(
        action="assign" if first else "reassign",
        target=target,
        changes={"assignee": body.specialist},
        reason_for_citizen="Hồ sơ đã được chuyển cán bộ chuyên môn giải quyết." if first else "",
        internal_note=body.internal_note or (f"Giao lại từ {row['assignee']}" if row["assignee"] else ""),
        records=(handover.row(now),),
    )
    return await desk.apply(row, body.version, move, staff, now)


async def propose_supplement(
    code: str, body: SupplementProposalIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo
) -> dict[str, Any]:
    """The handler proposes a supplement (never to the citizen directly, Art 5(1)(e)): the counter issues it,
    within 3 working days of receipt and once (Art 19(5))."""
    row = await desk.handled(code, staff, body.version, Status.SUPPLEMENT_PROPOSED)
    calendar = await desk.calendar(tz, now)
    rules.ensure_supplement_allowed(
        row["appraisal_supplements"], row["received_at"], now, calendar, row["receiving_unit_code"]
    )
    procedure = await desk.procedure(row["procedure_code"])
    documents = {d.key: d.name for d in procedure.documents}
    wanted = [{"kind": i.kind, "path": i.path, "slot": i.slot, "note": i.note} for i in body.items]
    items = review_rules.correction_items(wanted, review_rules.field_labels(procedure.form), documents)
    proposal: dict[str, Any] = {"items": items, "proposedAt": now.isoformat(), "by": staff.username}
    if body.message is not None:
        proposal["message"] = {"vi": body.message.vi, "en": body.message.en}
    handover = _pass("supplement_proposed", row["receiving_unit_code"], "", staff)
    move = moves.Move(
        action="propose_supplement",
        target=Status.SUPPLEMENT_PROPOSED,
        changes={"supplement_proposal": proposal},
        reason_for_citizen="Cơ quan giải quyết đang xem xét hồ sơ.",
        internal_note=body.internal_note,
        records=(handover.row(now),),
    )
    return await desk.apply(row, body.version, move, staff, now)


async def issue_supplement(
    code: str, body: StepIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> dict[str, Any]:
    """The counter issues the handler's proposal as Mẫu 02: the dossier waits for the citizen, who corrects
    exactly the items named, through the same path as at receipt."""
    row = await desk.at_counter(code, staff, body.version, Status.APPRAISAL_SUPPLEMENT)
    calendar = await desk.calendar(tz, now)
    rules.ensure_supplement_allowed(
        row["appraisal_supplements"], row["received_at"], now, calendar, row["receiving_unit_code"]
    )
    proposal = row["supplement_proposal"] or {}
    items = proposal.get("items", [])
    close_days = (await desk.procedure(row["procedure_code"])).supplement_close_days
    close_day = rules.supplement_close_last_day(now, calendar, close_days)
    facts = await review.paper_facts("02", row, staff, now=now, tz=tz, intake=intake)
    data = {
        **facts,
        **papers.filled(
            "02",
            agency=await desk.agency_name(row["competent_agency_code"]),
            applicant=facts["applicant"],
            code=row["code"],
            procedure=facts["procedure"]["name"],
            closeDay=papers.dmy(close_day),
        ),
        "stage": "appraisal",
        "items": items,
        "message": proposal.get("message"),
        "closeDay": close_day.isoformat(),
    }
    request = {"requestedAt": now.isoformat(), "version": row["version"], "items": items, "stage": "appraisal"}
    if proposal.get("message"):
        request["message"] = proposal["message"]
    move = moves.Move(
        action="issue_supplement",
        target=Status.APPRAISAL_SUPPLEMENT,
        changes={
            "correction_request": request,
            "supplement_proposal": None,
            "appraisal_supplements": 1,
            "waiting_since": now,
        },
        reason_for_citizen=review_rules.citizen_text_for_items(items)
        + f" Hạn bổ sung: đến hết ngày {papers.dmy(close_day)}.",
        internal_note=body.internal_note,
        paper=("02", data),
        notice_facts={"until": papers.dmy(close_day)},
    )
    return await desk.apply(row, body.version, move, staff, now)


async def close(code: str, body: StepIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo) -> dict[str, Any]:
    """The counter closes a dossier whose supplement was not completed in time (Art 19(5)), telling the citizen."""
    row = await desk.at_counter(code, staff, body.version, Status.CLOSED)
    calendar = await desk.calendar(tz, now)
    close_days = (await desk.procedure(row["procedure_code"])).supplement_close_days
    rules.ensure_may_close(row["waiting_since"], now, calendar, close_days)
    last = rules.supplement_close_last_day(row["waiting_since"], calendar, close_days)
    move = moves.Move(
        action="close",
        target=Status.CLOSED,
        changes={"waiting_since": None, "correction_request": None},
        reason_for_citizen=(
            f"Hồ sơ đã kết thúc giải quyết vì chưa được bổ sung trong hạn (đến hết ngày {papers.dmy(last)})."
        ),
        internal_note=body.internal_note,
        records=(timeline.wait(SUPPLEMENT, row["waiting_since"], now, "closed"),),
        notice_facts={"until": papers.dmy(last)},
    )
    return await desk.apply(row, body.version, move, staff, now)


async def submit_for_approval(code: str, body: ForApprovalIn, staff: Principal, now: dt.datetime) -> dict[str, Any]:
    """Trình phê duyệt: the handler's draft outcome goes to the agency's leader."""
    row = await desk.handled(code, staff, body.version, Status.AWAITING_APPROVAL)
    move = moves.Move(
        action="submit_for_approval",
        target=Status.AWAITING_APPROVAL,
        changes={"draft_result": {"kind": body.outcome, "text": body.text.strip()}},
        reason_for_citizen="Hồ sơ đang chờ lãnh đạo cơ quan giải quyết phê duyệt.",
        internal_note=body.internal_note,
        records=(_pass("for_approval", row["competent_agency_code"], "", staff).row(now),),
    )
    return await desk.apply(row, body.version, move, staff, now)


async def approve(code: str, body: StepIn, staff: Principal, now: dt.datetime) -> dict[str, Any]:
    row = await desk.deciding(code, staff, body.version, Status.APPROVED)
    move = moves.Move(
        action="approve",
        target=Status.APPROVED,
        changes={"approved_at": now},
        reason_for_citizen="Lãnh đạo đã phê duyệt; kết quả đang được ban hành.",
        internal_note=body.internal_note,
        records=(_pass("approved", row["competent_agency_code"], row["assignee"], staff).row(now),),
    )
    return await desk.apply(row, body.version, move, staff, now)


async def send_back(code: str, body: SendBackIn, staff: Principal, now: dt.datetime) -> dict[str, Any]:
    """The leader sends the draft back to the handler, with the reason (staff only)."""
    row = await desk.deciding(code, staff, body.version, Status.IN_PROGRESS)
    reason = body.reason.strip()
    move = moves.Move(
        action="send_back",
        target=Status.IN_PROGRESS,
        changes={"draft_result": None},
        reason_for_citizen="Hồ sơ đang được tiếp tục giải quyết.",
        internal_note=reason,
        records=(_pass("sent_back", row["competent_agency_code"], row["assignee"], staff, note=reason).row(now),),
    )
    return await desk.apply(row, body.version, move, staff, now)


def _approved_as(row: dict[str, Any], kind: str) -> None:
    approved = (row["draft_result"] or {}).get("kind", "")
    if approved != kind:
        raise rules.OutcomeNotApproved(approved=approved)


def _early(row: dict[str, Any], now: dt.datetime, tz: ZoneInfo) -> str:
    due = row["appointment_date"]
    if due is not None and now.astimezone(tz).date() < due:
        return f" Kết quả có sớm hơn ngày hẹn ({papers.dmy(due)})."
    return ""


async def issue_result(
    code: str, body: ResultIn, staff: Principal, *, now: dt.datetime, tz: ZoneInfo
) -> dict[str, Any]:
    """The result is issued as approved and goes back to the receiving counter (Art 20, 22)."""
    row = await desk.handled(code, staff, body.version, Status.RESULT_ISSUED)
    _approved_as(row, "granted")
    await desk.ensure_parts_back(row)
    due = await desk.appointment_due(row, tz, now)
    scan = await counter.held_scan(staff, body.scan) if body.scan else {}
    move = moves.Move(
        action="issue_result",
        target=Status.RESULT_ISSUED,
        changes={"result_kind": "granted", "result_at": now, "result_note": body.note.strip(), **scan},
        reason_for_citizen="Đã có kết quả giải quyết; Bộ phận Một cửa sẽ báo khi ông/bà có thể nhận."
        + _early(row, now, tz),
        internal_note=body.internal_note,
        records=(_pass("result_to_counter", row["receiving_unit_code"], "", staff, due_at=due).row(now),),
    )
    done = await desk.apply(row, body.version, move, staff, now)
    if body.scan:
        await counter.let_go_of_scan(staff, body.scan)
    return done


async def refuse_after_appraisal(
    code: str,
    body: RefuseAfterAppraisalIn,
    staff: Principal,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: catalogue.IntakeCatalogue,
) -> dict[str, Any]:
    """Từ chối giải quyết sau thẩm định (Art 19(3)): a result, issued within the deadline, returned through
    the counter with its reasons (the refusal paper)."""
    row = await desk.handled(code, staff, body.version, Status.APPRAISAL_REFUSED)
    _approved_as(row, "refused")
    await desk.ensure_parts_back(row)
    due = await desk.appointment_due(row, tz, now)
    reasons = [r.strip() for r in body.reasons if r.strip()]
    if not reasons:
        raise review_rules.ReasonsRequired()
    facts = await review.paper_facts("03", row, staff, now=now, tz=tz, intake=intake)
    data = {**facts, "stage": "appraisal", "reasons": reasons, "legalBasis": papers.texts()["legalBasis"]}
    move = moves.Move(
        action="refuse_after_appraisal",
        target=Status.APPRAISAL_REFUSED,
        changes={"result_kind": "refused", "result_at": now, "result_note": "\n".join(reasons)},
        reason_for_citizen="Hồ sơ không được giải quyết. Lý do:\n" + "\n".join(reasons),
        internal_note=body.internal_note,
        paper=("03", data),
        notice_facts={"reasons": "; ".join(reasons)},
        records=(_pass("result_to_counter", row["receiving_unit_code"], "", staff, due_at=due).row(now),),
    )
    return await desk.apply(row, body.version, move, staff, now)

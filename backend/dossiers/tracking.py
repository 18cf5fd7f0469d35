"""Use cases of following a dossier: a phone's own dossiers by their tokens (with the receipt once the
counter has received them), and public tracking by code and phone number (status and dates only)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import msgspec

from backend.catalogue import service as catalogue
from backend.dossiers import receipt, rules
from backend.dossiers.schemas import (
    AppointmentChangeOut,
    AttachmentOut,
    CorrectionRequestOut,
    DossierView,
    HistoryOut,
    PaperOut,
    QrOut,
    ReceiptOut,
    ResultScanView,
    StepOut,
    StopRequestView,
    TextOut,
    TrackingOut,
)
from backend.dossiers.tables import Dossier, DossierAudit, DossierDeadline, DossierEvent, DossierPaper
from backend.errors import DomainError
from backend.limits.rules import Backoff, LimitReached, counter_key
from backend.limits.service import Counters

log = logging.getLogger(__name__)
# Wrong phones for one code from one client address: three free, then 15 s, 30 s, 1 min ... up to 15 min
# between attempts; forgotten after a day without one. Per client, so nobody can lock the owner out.
TRACKING_BACKOFF = Backoff(free=3, first=15, cap=15 * 60, forget_after=24 * 3600)


class TrackedDossierNotFound(DomainError):
    """The same answer for an unknown code and for a wrong phone: tracking tells nothing about either."""

    status = 404
    code = "dossier_not_found"
    message_vi = "Không tìm thấy hồ sơ có mã và số điện thoại này; vui lòng kiểm tra lại."
    message_en = "No dossier has this code and phone number; check them again."


class TrackingPaused(LimitReached):
    """Neutral on purpose: the one waiting may be the owner sharing an address with someone guessing."""

    message_vi = "Chưa tra cứu được lúc này; vui lòng thử lại sau {seconds} giây."
    message_en = "Tracking is not available right now; please try again in {seconds} seconds."


def _text(value: catalogue.Bilingual | None, fallback: str) -> TextOut:
    return TextOut(vi=value.vi, en=value.en) if value else TextOut(vi=fallback, en=fallback)


def _attachments(row: dict[str, Any]) -> list[AttachmentOut]:
    return [
        AttachmentOut(slot=a["slot"], sha256=a["sha256"], size=a["size"], content_type=a["content_type"])
        for a in row["attachments"]
    ]


async def _history(dossier_ids: list[Any]) -> dict[Any, list[dict[str, Any]]]:
    rows = await (
        DossierEvent.select(DossierEvent.dossier, DossierEvent.at, DossierEvent.status, DossierEvent.note)
        .where(DossierEvent.dossier.is_in(dossier_ids))
        # The order events were written in: an audit trail does not trust clocks to be monotonic.
        .order_by(DossierEvent._meta.primary_key)
    )
    grouped: dict[Any, list[dict[str, Any]]] = {}
    for r in rows:
        grouped.setdefault(r["dossier"], []).append(r)
    return grouped


async def _context(
    rows: list[dict[str, Any]],
) -> tuple[dict[Any, list[dict[str, Any]]], dict[str, catalogue.IntakeProcedure], dict[str, catalogue.Bilingual]]:
    """What showing these dossiers needs besides their rows: their histories (by dossier id), and their
    procedures and agencies from the catalogue (by code, withdrawn ones included)."""
    history = await _history([r["id"] for r in rows])
    procedures = await catalogue.procedures_by_code([r["procedure_code"] for r in rows])
    agencies = await catalogue.agency_names(
        [r[c] for r in rows for c in ("receiving_unit_code", "competent_agency_code")]
    )
    return history, procedures, agencies


def _receipt(
    row: dict[str, Any], procedure: catalogue.IntakeProcedure | None, agency: TextOut, public_url: str
) -> ReceiptOut | None:
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả: only once the counter has received the dossier."""
    if row["received_at"] is None or row["appointment_date"] is None or procedure is None:
        return None
    contact, answers = procedure.contact, row["answers"]
    url = receipt.tracking_url(public_url, row["code"])
    qr = receipt.qr_code(url)
    papers = rules.listed_documents(procedure.documents, [a["slot"] for a in row["attachments"]])
    return ReceiptOut(
        agency_name=agency,
        code=row["code"],
        applicant_name=rules.answer_at(answers, contact.name if contact else None) or "",
        address=rules.answer_at(answers, contact.address if contact else None),
        phone=rules.answer_at(answers, contact.phone if contact else None) or row["contact_phone"],
        email=rules.answer_at(answers, contact.email if contact else None),
        procedure_name=_text(procedure.name, procedure.code),
        documents=[PaperOut(name=d.name, kind=d.kind, count=d.count) for d in papers],
        sets=procedure.sets,
        processing_text=procedure.processing_text,
        working_days=procedure.working_days,
        received_at=row["received_at"],
        appointment_date=row["appointment_date"],
        tracking_url=url,
        qr=QrOut(size=qr.size, path=qr.path),
    )


async def _refusal_reasons(dossier_ids: list[Any]) -> dict[Any, list[str]]:
    """Why each refused dossier was refused (Mẫu 03), from the audit's text for the citizen, one reason a
    line; never the internal note."""
    if not dossier_ids:
        return {}
    rows = await (
        DossierAudit.select(DossierAudit.dossier, DossierAudit.reason_for_citizen)
        .where(DossierAudit.dossier.is_in(dossier_ids), DossierAudit.to_status == rules.Status.REFUSED.value)
        .order_by(DossierAudit._meta.primary_key)
    )
    # The last refusal wins (there is one: refused is final).
    return {r["dossier"]: [line.strip() for line in r["reason_for_citizen"].splitlines() if line.strip()] for r in rows}


async def _appraisal_refusals(dossier_ids: list[Any]) -> dict[Any, list[str]]:
    """Why each dossier refused after appraisal was (Art 19(3)), until it is handed back and after: the
    reasons its refusal paper printed."""
    if not dossier_ids:
        return {}
    rows = await (
        DossierPaper.select(DossierPaper.dossier, DossierPaper.data)
        .where(DossierPaper.dossier.is_in(dossier_ids), DossierPaper.kind == "03")
        .order_by(DossierPaper._meta.primary_key)
        .output(load_json=True)
    )
    return {r["dossier"]: [str(reason) for reason in r["data"].get("reasons", [])] for r in rows}


async def _appointment_changes(dossier_ids: list[Any]) -> dict[Any, AppointmentChangeOut]:
    """The last change of each dossier's appointment, with why and the date it replaced (none: the receipt's)."""
    if not dossier_ids:
        return {}
    rows = await (
        DossierDeadline.select(
            DossierDeadline.dossier, DossierDeadline.kind, DossierDeadline.due_date, DossierDeadline.reason
        )
        .where(DossierDeadline.dossier.is_in(dossier_ids))
        .order_by(DossierDeadline._meta.primary_key)
    )
    dates: dict[Any, list[dict[str, Any]]] = {}
    for r in rows:
        dates.setdefault(r["dossier"], []).append(r)
    return {
        key: AppointmentChangeOut(kind=given[-1]["kind"], previous=given[-2]["due_date"], reason=given[-1]["reason"])
        for key, given in dates.items()
        if len(given) > 1 and given[-1]["kind"] != "original"
    }


def _correction_request(row: dict[str, Any]) -> CorrectionRequestOut | None:
    """The open request for corrections, exactly as the officer made it (kept in its wire shape)."""
    request = row["correction_request"]
    waiting = (rules.Status.SUPPLEMENT_REQUESTED, rules.Status.APPRAISAL_SUPPLEMENT)  # at receipt, or in appraisal
    if row["status"] not in waiting or not request:
        return None
    return msgspec.convert(request, CorrectionRequestOut)


def stop_request_view(row: dict[str, Any]) -> StopRequestView | None:
    """The citizen's request to stop (Art 21), if they made one (confirmed with Mẫu 05 or not yet)."""
    if row["stop_requested_at"] is None:
        return None
    return StopRequestView(requested_at=row["stop_requested_at"], reason=row["stop_request_reason"])


async def mine(tokens: list[str], public_url: str) -> list[DossierView]:
    """The dossiers these tokens open, newest first; a token that opens none is silently left out."""
    hashes = sorted({rules.token_hash(t) for t in tokens})
    rows = await (
        Dossier.select()
        .where(Dossier.access_token_hash.is_in(hashes))
        .order_by(Dossier.submitted_at, ascending=False)
        .order_by(Dossier._meta.primary_key, ascending=False)
        .output(load_json=True)
    )
    if not rows:
        return []
    history, procedures, agencies = await _context(rows)
    refusals = await _refusal_reasons([r["id"] for r in rows if r["status"] == rules.Status.REFUSED])
    refusals |= await _appraisal_refusals([r["id"] for r in rows if r["result_kind"] == "refused"])
    changes = await _appointment_changes([r["id"] for r in rows if r["received_at"] is not None])
    views = []
    for r in rows:
        procedure = procedures.get(r["procedure_code"])
        agency = _text(agencies.get(r["receiving_unit_code"]), r["receiving_unit_code"])
        views.append(
            DossierView(
                code=r["code"],
                submission_id=r["submission_id"],
                procedure_code=r["procedure_code"],
                procedure_name=_text(procedure.name if procedure else None, r["procedure_code"]),
                agency_code=r["receiving_unit_code"],
                agency_name=agency,
                competent_agency_code=r["competent_agency_code"],
                competent_agency_name=_text(agencies.get(r["competent_agency_code"]), r["competent_agency_code"]),
                channel=r["channel"],
                status=r["status"],
                submitted_at=r["submitted_at"],
                received_at=r["received_at"],
                appointment_date=r["appointment_date"],
                attachments=_attachments(r),
                history=[HistoryOut(at=e["at"], status=e["status"], note=e["note"]) for e in history.get(r["id"], [])],
                receipt=_receipt(r, procedure, agency, public_url),
                version=r["version"],
                correction_request=(request := _correction_request(r)),
                answers=r["answers"] if request else None,
                refusal_reasons=refusals.get(r["id"], []),
                appointment_change=changes.get(r["id"]),
                stop_request=stop_request_view(r),
                result_scan=ResultScanView(r["result_scan_type"], r["result_scan_size"]) if r["result_scan"] else None,
                rated_via=r["rated_via"] or None,
            )
        )
    return views


async def _admit(code: str, client: str, counters: Counters, now: dt.datetime, per_minute: int) -> str:
    """Counts this request against the client's budget and this attempt against its back-off for `code`;
    returns the back-off's key (to forget when the phone is right)."""
    verdict = await counters.hit(counter_key("tracking", client), 60, per_minute, now)
    if not verdict.allowed:
        raise TrackingPaused(verdict)
    # Counted for unknown codes too, so the back-off itself does not tell which codes exist.
    key = counter_key("tracking-failures", code, client)
    verdict = await counters.attempt(key, TRACKING_BACKOFF, now)
    if not verdict.allowed:
        raise TrackingPaused(verdict)
    return key


async def track(
    code: str, phone: str, *, client: str, counters: Counters, now: dt.datetime, per_minute: int
) -> TrackingOut:
    """Status and dates of the dossier `code` (any case, spaces around it ignored), for whoever knows its
    contact phone. `client` is the client's address, `per_minute` its budget of tracking requests."""
    code = rules.normalise_code(code)
    attempt = await _admit(code, client, counters, now, per_minute)
    row = (
        await Dossier.select(
            Dossier._meta.primary_key,
            Dossier.code,
            Dossier.procedure_code,
            Dossier.receiving_unit_code,
            Dossier.competent_agency_code,
            Dossier.status,
            Dossier.submitted_at,
            Dossier.received_at,
            Dossier.appointment_date,
            Dossier.contact_phone,
        )
        .where(Dossier.code == code)
        .first()
    )
    wanted = catalogue.tidy_phone(phone)
    if row is None or not wanted or row["contact_phone"] != wanted:
        raise TrackedDossierNotFound()  # the attempt stays counted as a failure
    await counters.forget(attempt)
    histories, procedures, agencies = await _context([row])
    procedure = procedures.get(row["procedure_code"])
    return TrackingOut(
        code=row["code"],
        procedure_name=_text(procedure.name if procedure else None, row["procedure_code"]),
        agency_name=_text(agencies.get(row["receiving_unit_code"]), row["receiving_unit_code"]),
        competent_agency_name=_text(agencies.get(row["competent_agency_code"]), row["competent_agency_code"]),
        status=row["status"],
        submitted_at=row["submitted_at"],
        received_at=row["received_at"],
        appointment_date=row["appointment_date"],
        history=[StepOut(at=e["at"], status=e["status"]) for e in histories.get(row["id"], [])],
    )


async def opened_by(tokens: list[str]) -> set[str]:
    """The hashes of those `tokens` that open a dossier: what a phone's push subscription may follow."""
    hashes = sorted({rules.token_hash(t) for t in tokens})
    rows = await Dossier.select(Dossier.access_token_hash).where(Dossier.access_token_hash.is_in(hashes))
    return {r["access_token_hash"] for r in rows}

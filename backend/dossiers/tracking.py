"""Use cases of following a dossier: a phone's own dossiers by their tokens (with the receipt once the
counter has received them), and public tracking by code and phone number (status and dates only)."""

from __future__ import annotations

import logging
from typing import Any

from litestar.stores.base import Store

from backend.catalogue import service as catalogue
from backend.dossiers import receipt, rules
from backend.dossiers.schemas import (
    AttachmentOut,
    DossierView,
    HistoryOut,
    PaperOut,
    QrOut,
    ReceiptOut,
    StepOut,
    TextOut,
    TrackingOut,
)
from backend.dossiers.tables import Dossier, DossierEvent
from backend.errors import DomainError

log = logging.getLogger(__name__)
FAILURE_WINDOW_SECONDS = 3600


class TrackedDossierNotFound(DomainError):
    """The same answer for an unknown code and for a wrong phone: tracking tells nothing about either."""

    status = 404
    code = "dossier_not_found"
    message_vi = "Không tìm thấy hồ sơ có mã và số điện thoại này; vui lòng kiểm tra lại."
    message_en = "No dossier has this code and phone number; check them again."


class TooManyAttempts(DomainError):
    status = 429
    code = "too_many_requests"
    message_vi = "Đã nhập sai số điện thoại quá nhiều lần cho mã hồ sơ này; vui lòng thử lại sau."
    message_en = "Too many wrong phone numbers for this dossier code; try again later."

    def __init__(self, retry_after: int) -> None:
        super().__init__()
        self.headers = {"Retry-After": str(max(1, retry_after))}


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
            )
        )
    return views


async def _count_failure(failures: Store, key: str) -> None:
    """One more wrong phone for a code, within the window opened by the first one."""
    held = await failures.get(key)
    left = await failures.expires_in(key) if held else None
    await failures.set(key, str(int(held or 0) + 1), expires_in=left or FAILURE_WINDOW_SECONDS)


async def track(code: str, phone: str, failures: Store, max_failures: int) -> TrackingOut:
    """Status and dates of the dossier `code`, for whoever knows its contact phone."""
    key = f"tracking-failures:{code}"
    if int(await failures.get(key) or 0) >= max_failures:
        raise TooManyAttempts(retry_after=await failures.expires_in(key) or FAILURE_WINDOW_SECONDS)
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
    wanted = rules.normalise_phone(phone)
    if row is None or not wanted or row["contact_phone"] != wanted:
        # Counted for unknown codes too, so the limit itself does not tell which codes exist.
        await _count_failure(failures, key)
        raise TrackedDossierNotFound()
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

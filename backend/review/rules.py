"""Rules of the check step with no I/O: what a request for corrections may name, the papers' place and date
line and headers, and the errors of the counter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from backend.errors import DomainError

# A People's Committee's name without its title: "Ủy ban nhân dân xã Thiên Lộc" is "Thiên Lộc" (the place
# a paper is issued at). Names the pattern does not fit are kept whole.
_COMMITTEE = re.compile(r"^(?:Ủy|Uỷ) ban nhân dân (?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố) ", re.IGNORECASE)
PAPER_TITLES = {
    "01": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "02": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "03": "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
}
# Both signature blocks of each paper (Circular 03/2025 forms): the applicant's, then the officer's.
SIGNATURES = {
    "01": ("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"),
    "02": ("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"),
    "03": ("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"),
}


class CorrectionAlreadyRequested(DomainError):
    status = 409
    code = "correction_already_requested"
    message_vi = "Hồ sơ đã được yêu cầu bổ sung một lần; theo quy định chỉ được yêu cầu một lần."
    message_en = "Corrections were already requested once for this dossier; only one request is allowed."


class UnknownCorrectionItems(DomainError):
    status = 422
    code = "unknown_correction_items"
    message_vi = "Yêu cầu bổ sung phải nêu các trường của tờ khai hoặc giấy tờ của thủ tục."
    message_en = "A request for corrections must name fields of the form or documents of the procedure."


class ReasonsRequired(DomainError):
    status = 422
    code = "reasons_required"
    message_vi = "Vui lòng nêu rõ lý do từ chối."
    message_en = "Give the reasons for the refusal."


class NotThisAgencysStep(DomainError):
    status = 403
    code = "not_this_agencys_step"
    message_vi = "Việc này do cơ quan khác thực hiện (Bộ phận Một cửa tiếp nhận hoặc cơ quan có thẩm quyền)."
    message_en = "Another agency does this step (the receiving one-stop unit or the competent agency)."


class PaperNotFound(DomainError):
    status = 404
    code = "paper_not_found"
    message_vi = "Hồ sơ chưa có phiếu này."
    message_en = "This paper was not issued for the dossier."


class ListNotYours(DomainError):
    status = 422
    code = "list_not_for_role"
    message_vi = "Danh sách «{list}» không dành cho vai trò của bạn; hãy chọn: {lists}."
    message_en = "The list “{list}” is not one of your role's; choose one of: {lists}."


class StatusNotInList(DomainError):
    status = 422
    code = "status_not_in_list"
    message_vi = "Danh sách «{list}» không có hồ sơ ở trạng thái «{status}»; hãy chọn: {allowed}."
    message_en = "The list “{list}” holds no dossier in status “{status}”; choose one of: {allowed}."


class UnknownField(DomainError):
    status = 422
    code = "unknown_field"
    message_vi = "Không có lĩnh vực «{field}» trong danh mục thủ tục."
    message_en = "There is no field “{field}” in the catalogue of procedures."


def place_name(committee_name: str) -> str:
    """The place of a paper's date line, from the People's Committee's name."""
    return _COMMITTEE.sub("", committee_name.strip(), count=1)


def date_words(day: dt.date) -> str:
    """ "ngày 04 tháng 12 năm 2026": as Decree 30/2020/NĐ-CP (Appendix I) dates a paper, a day below 10 and
    the months 1 and 2 take a leading zero, no other month does ("ngày 05 tháng 3 năm 2027")."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str, day: dt.date) -> str:
    """ "Thiên Lộc, ngày 01 tháng 12 năm 2026"."""
    return f"{place}, {date_words(day)}"


def field_labels(form: Mapping[str, Any]) -> dict[str, str]:
    """`section.field` -> the form's own Vietnamese label."""
    return {
        f"{section['key']}.{item['key']}": str(item.get("label", {}).get("vi", item["key"]))
        for section in form.get("ui", {}).get("sections", [])
        for item in section.get("fields", [])
    }


def correction_items(
    items: Iterable[Mapping[str, str]], labels: Mapping[str, str], documents: Mapping[str, str]
) -> list[dict[str, str]]:
    """The items as kept (with the form's or procedure's own label); 422 naming any that is neither."""
    kept, unknown = [], []
    for item in items:
        kind, note = item.get("kind"), item.get("note", "")
        if kind == "field" and item.get("path") in labels:
            path = item["path"]
            kept.append({"kind": "field", "path": path, "label": labels[path], "note": note})
        elif kind == "document" and item.get("slot") in documents:
            slot = item["slot"]
            kept.append({"kind": "document", "slot": slot, "label": documents[slot], "note": note})
        else:
            unknown.append({"kind": kind or "", "path": item.get("path") or item.get("slot") or ""})
    if unknown or not kept:
        raise UnknownCorrectionItems(errors=unknown)
    return kept


def citizen_text_for_items(items: Iterable[Mapping[str, str]]) -> str:
    """The history line the citizen sees: what to correct, in the officer's words."""
    parts = [f"{i['label']}: {i['note']}" if i["note"] else i["label"] for i in items]
    return "Cần bổ sung, hoàn thiện: " + "; ".join(parts) + "."

"""Dossier rules with no I/O: codes, statuses and their transitions, submission fingerprints, access
tokens, contact phones and the attachment slots a submission must fill."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, TypeVar

import msgspec

from backend.errors import DomainError

SEQUENCE_DIGITS = 4
CODE = re.compile(r"^(?P<agency>[A-Z0-9.]+)-(?P<day>\d{6})-(?P<seq>\d{4,})$")
TOKEN_BYTES = 32
SHA256 = r"^[0-9a-f]{64}$"


class Channel(StrEnum):
    """How the dossier reached the counter (cách thức nộp): reports count each separately."""

    ONLINE = "online"  # trực tuyến
    IN_PERSON = "in_person"  # trực tiếp
    POSTAL = "postal"  # dịch vụ bưu chính công ích


@dataclass(frozen=True)
class Counter:
    """A dossier brought to the counter (in person or by post): how it came, the identity check (VNeID,
    looked at by the officer, no integration) and whose scans hold its files (the staff session's)."""

    channel: Channel
    identity_checked: bool
    id_number: str
    scans: uuid.UUID

    def content(self) -> dict[str, Any]:
        """What the counter adds to the dossier's fingerprint (another content under the same id is refused)."""
        return {"channel": self.channel.value, "identityChecked": self.identity_checked, "idNumber": self.id_number}


class Status(StrEnum):
    """Where a dossier stands in the one-stop workflow (Decree 118/2025, Art 16-23)."""

    SUBMITTED = "submitted"  # nộp trực tuyến, chờ cán bộ kiểm tra
    RECEIVED = "received"  # đã tiếp nhận, có giấy hẹn
    SUPPLEMENT_REQUESTED = "supplement_requested"  # yêu cầu bổ sung, hoàn thiện khi tiếp nhận (Art 17)
    REFUSED = "refused"  # từ chối tiếp nhận
    IN_PROGRESS = "in_progress"  # đang giải quyết (đã giao chuyên viên)
    SUPPLEMENT_PROPOSED = "supplement_proposed"  # chuyên viên đề nghị bổ sung, chờ Bộ phận Một cửa ra phiếu
    APPRAISAL_SUPPLEMENT = "appraisal_supplement"  # chờ công dân bổ sung trong khi thẩm định (Art 19(5))
    AWAITING_APPROVAL = "awaiting_approval"  # chờ lãnh đạo phê duyệt
    APPROVED = "approved"  # lãnh đạo đã duyệt, chờ ban hành kết quả
    RESULT_ISSUED = "result_issued"  # đã có kết quả, chuyển về Bộ phận Một cửa
    APPRAISAL_REFUSED = "appraisal_refused"  # từ chối giải quyết sau thẩm định: một kết quả (Art 19(3))
    READY = "ready"  # kết quả tại Bộ phận Một cửa, chờ trả
    RETURNED = "returned"  # đã trả kết quả
    WITHDRAWN = "withdrawn"  # công dân rút hồ sơ trước khi được tiếp nhận
    STOPPED = "stopped"  # dừng giải quyết theo đề nghị của công dân (Art 21, Mẫu 05)
    CLOSED = "closed"  # kết thúc: không bổ sung trong hạn (Art 19(5))


# From receipt until the decision is issued the citizen may ask to stop handling (Decree 118/2025 Art 21).
_STOP = frozenset({Status.STOPPED})
# Which status may follow which (Decree 118/2025): the counter receives, asks once for a supplement or
# refuses; the competent agency's head assigns a handler; a supplement found missing during appraisal is
# proposed by the handler and issued by the counter (Art 5(1)(e), 19(5)), completed (the clock restarts) or
# closed; the leader approves or sends back; the result (or a refusal after appraisal, Art 19(3)) goes back
# to the counter, which returns it (Art 22). A citizen withdraws before receipt and stops after it.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.SUBMITTED: frozenset({Status.RECEIVED, Status.SUPPLEMENT_REQUESTED, Status.REFUSED, Status.WITHDRAWN}),
    Status.SUPPLEMENT_REQUESTED: frozenset({Status.SUBMITTED, Status.REFUSED, Status.WITHDRAWN}),
    Status.RECEIVED: frozenset({Status.IN_PROGRESS}) | _STOP,
    Status.IN_PROGRESS: frozenset({Status.SUPPLEMENT_PROPOSED, Status.AWAITING_APPROVAL}) | _STOP,
    Status.SUPPLEMENT_PROPOSED: frozenset({Status.APPRAISAL_SUPPLEMENT, Status.IN_PROGRESS}) | _STOP,
    Status.APPRAISAL_SUPPLEMENT: frozenset({Status.IN_PROGRESS, Status.CLOSED}) | _STOP,
    Status.AWAITING_APPROVAL: frozenset({Status.APPROVED, Status.IN_PROGRESS}) | _STOP,
    Status.APPROVED: frozenset({Status.RESULT_ISSUED, Status.APPRAISAL_REFUSED}) | _STOP,
    Status.RESULT_ISSUED: frozenset({Status.READY}),
    Status.APPRAISAL_REFUSED: frozenset({Status.READY}),
    Status.READY: frozenset({Status.RETURNED}),
    Status.REFUSED: frozenset(),
    Status.RETURNED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.STOPPED: frozenset(),
    Status.CLOSED: frozenset(),
}

# Where a stop may still be asked for: received, and no decision issued yet (Art 21).
STOPPABLE = frozenset(status for status, targets in TRANSITIONS.items() if Status.STOPPED in targets)


class IllegalTransition(DomainError):
    status = 409
    code = "illegal_transition"
    message_vi = "Hồ sơ đang ở trạng thái «{current}», không thể chuyển sang «{target}»."
    message_en = "The dossier is “{current}”; it cannot become “{target}”."


def can_move(current: Status, target: Status) -> bool:
    return target in TRANSITIONS[current]


def ensure_transition(current: str, target: Status) -> None:
    """Raises IllegalTransition unless a dossier in `current` may move to `target`."""
    if not can_move(Status(current), target):
        raise IllegalTransition(current=current, target=target.value)


def dossier_code(agency_code: str, day: dt.date, sequence: int) -> str:
    """Agency code, receipt date (YYMMDD) and the day's sequence: `H12.41.01-261123-0007` (Decree 118/2025
    Art 28; the agency is the receiving unit, see backend/catalogue/data/FORMAT.md).

    Printable, readable over the phone, and free of personal data.
    """
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    return f"{agency_code}-{day:%y%m%d}-{sequence:0{SEQUENCE_DIGITS}d}"


def parse_code(code: str) -> tuple[str, dt.date, int] | None:
    match = CODE.match(code)
    if match is None:
        return None
    digits = match["day"]
    try:
        # strptime's %y puts 69-99 in the 1900s; every dossier is from this century.
        day = dt.date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return match["agency"], day, int(match["seq"])


def fingerprint(content: Any) -> str:
    """The same submission always has the same fingerprint, whatever the key order."""
    return hashlib.sha256(msgspec.json.encode(content, order="sorted")).hexdigest()


def new_access_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """Tokens are long random secrets: a plain SHA-256 is enough, and lets a lookup use an index."""
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_code(text: str) -> str:
    """A dossier code as printed (upper case), however it was typed: " h12.22.05-261123-0007 " is found."""
    return text.strip().upper()


def answer_at(answers: Mapping[str, Any], path: str | None) -> str | None:
    """The text answered at `section.field`, or None when there is none."""
    if path is None:
        return None
    section, _, name = path.partition(".")
    value = answers.get(section, {}).get(name) if isinstance(answers.get(section), Mapping) else None
    return value if isinstance(value, str) and value.strip() else None


class Document(Protocol):
    """A document of the procedure (thành phần hồ sơ); `upload` is required, optional or none (no photo)."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def upload(self) -> str: ...


D = TypeVar("D", bound=Document)


_SLOT_MESSAGES = {
    "required": ("Vui lòng chụp ảnh giấy tờ: {name}.", "Please attach a photo of: {name}."),
    "unknown_slot": (
        "Giấy tờ «{key}» không nhận ảnh cho thủ tục này.",
        "The document “{key}” takes no photo in this procedure.",
    ),
    "duplicate_slot": ("Giấy tờ «{name}» chỉ nhận một tệp.", "Only one file is taken for “{name}”."),
    "not_uploaded": (
        "Tệp của giấy tờ «{name}» chưa được tải lên; ứng dụng sẽ gửi lại.",
        "The file for “{name}” has not been uploaded yet; the app will send it again.",
    ),
}


def slot_error(key: str, code: str, name: str = "") -> dict[str, Any]:
    """One problem with one attachment slot, in the shape of the answers' errors."""
    vi, en = _SLOT_MESSAGES[code]
    # Published names run long ("Bản chính Giấy chứng sinh ...; trường hợp không có ..."): the part before
    # the first semicolon names the paper.
    name = name.split(";", 1)[0].strip()
    return {
        "path": f"documents.{key}",
        "code": code,
        "message": {"vi": vi.format(key=key, name=name or key), "en": en.format(key=key, name=name or key)},
    }


def attachment_errors(slots: Iterable[str], documents: Iterable[Document]) -> list[dict[str, Any]]:
    """What is wrong with the slots a submission fills: unknown, repeated, or a required one missing."""
    by_key = {d.key: d for d in documents if d.upload in ("required", "optional")}
    errors: list[dict[str, Any]] = []
    seen: set[str] = set()
    repeated: set[str] = set()
    for key in slots:
        if key not in by_key:
            errors.append(slot_error(key, "unknown_slot"))
        elif key in seen and key not in repeated:
            errors.append(slot_error(key, "duplicate_slot", by_key[key].name))
            repeated.add(key)
        seen.add(key)
    missing = [d for d in by_key.values() if d.upload == "required" and d.key not in seen]
    return errors + [slot_error(d.key, "required", d.name) for d in missing]


def listed_documents(documents: Iterable[D], attached: Iterable[str]) -> list[D]:
    """The documents a receipt lists: all of the procedure's but the optional ones not attached (an
    optional item applies only to some cases, such as an abandoned child)."""
    slots = set(attached)
    return [d for d in documents if d.upload != "optional" or d.key in slots]


class StaleVersion(DomainError):
    """Someone acted on the dossier since this page was loaded (or the same button was pressed twice)."""

    status = 409
    code = "stale_version"
    message_vi = "Hồ sơ vừa được người khác xử lý hoặc đã thay đổi; vui lòng tải lại để xem tình trạng mới."
    message_en = "The dossier changed since you loaded it (another officer, or a second click); reload it."


def _changed(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    paths: list[str] = []
    for section in sorted(set(old) | set(new)):
        before, after = old.get(section), new.get(section)
        if isinstance(before, Mapping) and isinstance(after, Mapping):
            fields = sorted(set(before) | set(after))
            paths += [f"{section}.{f}" for f in fields if before.get(f) != after.get(f)]
        elif before != after:
            paths.append(section)
    return paths


def unrequested_changes(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    old_files: Mapping[str, str],
    new_files: Mapping[str, str],
    items: Iterable[Mapping[str, Any]],
) -> list[str]:
    """The paths a correction changes that the request for corrections did not name: answers at
    "section.field", files (slot → sha256) at "documents.<slot>"."""
    allowed = {i.get("path") for i in items if i.get("kind") == "field"}
    allowed |= {f"documents.{i.get('slot')}" for i in items if i.get("kind") == "document"}
    slots = sorted(set(old_files) | set(new_files))
    changed = _changed(old, new) + [f"documents.{s}" for s in slots if old_files.get(s) != new_files.get(s)]
    return [path for path in changed if path not in allowed]


def takes_new_files(dossier: Mapping[str, Any]) -> bool:
    """A dossier takes new files only while the officer's request for corrections (at receipt or during
    appraisal) names a document."""
    request = dossier.get("correction_request") or {}
    waiting = (Status.SUPPLEMENT_REQUESTED, Status.APPRAISAL_SUPPLEMENT)
    return dossier.get("status") in waiting and any(item.get("kind") == "document" for item in request.get("items", []))

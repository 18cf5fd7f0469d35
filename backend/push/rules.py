"""Web Push rules with no I/O: which moves notify and what the notice says, the payload and its headers,
what a push service's answer means for a delivery, and what a subscription must look like."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email.utils
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from backend.errors import DomainError

MAX_PAYLOAD_BYTES = 3000  # under 3 KB before encryption; push services take 4096 after it
VAPID_HOURS = 12  # a JWT's life (push services refuse over 24 h); renewed well before it ends
FIRST_RETRY_SECONDS, MAX_RETRY_SECONDS = 30, 3600
LANGS = ("vi", "en")


@dataclass(frozen=True)
class Text:
    vi: str
    en: str


@dataclass(frozen=True)
class NoticeKind:
    """What one kind of notice says (templates over the facts of `facts()`), where a tap leads, how urgent."""

    name: str
    title: Text
    body: Text
    opens: str = "dossier"  # "dossier" or "correction": the page of the citizen app a tap opens
    urgency: str = "normal"  # RFC 8030: very-low, low, normal, high


# The moves that notify, by action name or by target status (an action wins). A new kind is one line here.
_CORRECTIONS = NoticeKind(
    "corrections",
    Text("Hồ sơ cần bổ sung", "Your dossier needs corrections"),
    Text(
        "{name}: cần bổ sung, sửa lại: {items}.{until} Mở hồ sơ để sửa và gửi lại.",
        "{name}: please add or correct: {items}.{until} Open the dossier to correct it and send it again.",
    ),
    opens="correction",
)
KINDS: dict[str, NoticeKind] = {
    "received": NoticeKind(
        "accepted",
        Text("Hồ sơ đã được tiếp nhận", "Your dossier was accepted"),
        Text(
            "{name}: hẹn trả kết quả ngày {date}. Khi đến nhận, mang theo giấy tiếp nhận và {originals}.",
            "{name}: the result is due on {date}. When you come for it, bring the receipt and {originals}.",
        ),
    ),
    "supplement_requested": _CORRECTIONS,  # at receipt (Art 17)
    "appraisal_supplement": _CORRECTIONS,  # during appraisal, with its last day (Art 19(5))
    "restarted": NoticeKind(
        "new_date",
        Text("Ngày hẹn trả kết quả mới", "A new date for your result"),
        Text(
            "{name}: đã nhận đủ hồ sơ bổ sung, thời hạn giải quyết được tính lại từ đầu. Hẹn trả kết quả ngày "
            "{date}. Bạn chưa cần làm gì thêm.",
            "{name}: your additions were received and the time to handle it starts again. The result is now due "
            "on {date}. Nothing more is needed from you for now.",
        ),
    ),
    "apologise": NoticeKind(
        "new_date",
        Text("Hẹn lại ngày trả kết quả", "Your result is delayed"),
        Text(
            "{name}: xin lỗi, hồ sơ chưa giải quyết kịp ngày hẹn {old_date}. Lý do: {reason} Ngày hẹn trả kết quả "
            "mới: {date}. Bạn không cần làm gì thêm.",
            "{name}: we are sorry, it could not be done by {old_date}. Reason: {reason} The result is now due "
            "on {date}. Nothing is needed from you.",
        ),
    ),
    "refused": NoticeKind(
        "refused",
        Text("Hồ sơ bị từ chối tiếp nhận", "Your dossier was refused"),
        Text(
            "{name}: {reasons}. Xem lý do trong ứng dụng; bạn có thể nộp hồ sơ mới khi đã khắc phục.",
            "{name}: {reasons}. See the reasons in the app; you may send a new dossier once they are resolved.",
        ),
    ),
    "appraisal_refused": NoticeKind(
        "refused",
        Text("Hồ sơ không được giải quyết", "Your application was turned down"),
        Text(
            "{name}: {reasons}. Văn bản trả lời sẽ có tại nơi nộp hồ sơ; ứng dụng sẽ báo khi bạn có thể đến nhận.",
            "{name}: {reasons}. The written answer will be where you sent the dossier; the app will tell you "
            "when you can collect it.",
        ),
    ),
    "ready": NoticeKind(
        "ready",
        Text("Đã có kết quả", "Your result is ready"),
        Text(
            "{name}: đã có kết quả{early}. Mời bạn đến nhận tại {place}{hours}; mang theo giấy tiếp nhận và "
            "giấy tờ tùy thân.",
            "{name}: the result is ready{early}. Collect it at {place}{hours}; bring the receipt and your "
            "identity card.",
        ),
        urgency="high",
    ),
    "stopped": NoticeKind(
        "stopped",
        Text("Hồ sơ đã dừng giải quyết", "Your dossier was stopped"),
        Text(
            "{name}: đã dừng giải quyết theo đề nghị của bạn.{reason_said} Văn bản thông báo có tại nơi nộp hồ sơ; "
            "khi cần, bạn có thể nộp hồ sơ mới.",
            "{name}: handling was stopped as you asked.{reason_said} The written notice is where you sent the "
            "dossier; you may send a new dossier when you need to.",
        ),
    ),
    "closed": NoticeKind(
        "closed",
        Text("Hồ sơ đã kết thúc giải quyết", "Your dossier was closed"),
        Text(
            "{name}: đã kết thúc giải quyết vì chưa được bổ sung trong hạn{until_day}. Nếu vẫn cần, bạn có thể "
            "nộp hồ sơ mới.",
            "{name}: it was closed because the additions asked for were not sent in time{until_day}. If you "
            "still need it, you may send a new dossier.",
        ),
    ),
}
PAGES = {"dossier": "/#/da-nop/{code}", "correction": "/#/da-nop/{code}/sua"}


def kind_for(action: str, target: str | None) -> NoticeKind | None:
    """The notice a move makes, if any."""
    return KINDS.get(action) or (KINDS.get(target) if target else None)


def subject_name(form: Mapping[str, Any], answers: Mapping[str, Any]) -> str:
    """Whom the dossier is for: the `full_name` of the form's first section that has one (the child of a
    birth registration), as the receipt reads the applicant when nothing else is named."""
    for section in form.get("ui", {}).get("sections", []):
        if any(item.get("key") == "full_name" for item in section.get("fields", [])):
            value = answers.get(section["key"], {})
            name = value.get("full_name") if isinstance(value, Mapping) else None
            return str(name).strip() if name else ""
    return ""


def dossier_name(procedure: Text, person: str) -> Text:
    """ "Đăng ký khai sinh cho Trần Minh Khang": the procedure, and whom for when the form says."""
    if not person:
        return procedure
    return Text(f"{procedure.vi} cho {person}", f"{procedure.en} for {person}")


def field_labels_en(form: Mapping[str, Any]) -> dict[str, str]:
    """`section.field` -> the form's English label, where it has one (documents' names are Vietnamese only)."""
    return {
        f"{section['key']}.{item['key']}": str(item["label"]["en"])
        for section in form.get("ui", {}).get("sections", [])
        for item in section.get("fields", [])
        if isinstance(item.get("label"), Mapping) and item["label"].get("en")
    }


def _items(request: Mapping[str, Any], labels_en: Mapping[str, str]) -> Text:
    def one(item: Mapping[str, Any], label: str) -> str:
        return f"{label} ({item['note']})" if item.get("note") else label

    items = request.get("items", [])
    vi = "; ".join(one(i, str(i["label"])) for i in items)
    en = "; ".join(one(i, labels_en.get(i.get("path") or "", str(i["label"]))) for i in items)
    return Text(vi, en)


def _said(told: Mapping[str, str], key: str, vi: str, en: str) -> Text:
    """A sentence part that says `told[key]`, or nothing when the move did not tell it."""
    value = told.get(key, "")
    if not value:
        return Text("", "")
    return Text(vi.format(value), en.format(told.get(f"{key}_en") or value))


def _originals(names: Sequence[str]) -> Text:
    if not names:
        return Text("bản chính các giấy tờ đã nộp", "the originals of the papers you sent")
    listed = "; ".join(names)
    return Text(f"các giấy tờ sau (bản chính): {listed}", f"these papers (originals): {listed}")


ORIGINAL_KINDS = frozenset({"original", "original_or_certified_copy", "present_original"})


def originals_to_bring(documents: Sequence[tuple[str, str, str]], attached: set[str]) -> list[str]:
    """The originals of a dossier's papers its citizen brings at pickup: of each (key, name, kind) of the
    procedure an original of which is due, those a photo was sent of, and those to show (present_original);
    a name is cut at its first ';' (the published wording goes on with alternatives)."""
    return [
        name.split(";")[0].strip()
        for key, name, kind in documents
        if kind in ORIGINAL_KINDS and (key in attached or kind == "present_original")
    ]


def facts(
    name: Text,
    row: Mapping[str, Any],
    reason_for_citizen: str,
    told: Mapping[str, str] | None = None,
    *,
    labels_en: Mapping[str, str] | None = None,
    originals: Sequence[str] = (),
) -> dict[str, Text]:
    """What the templates may say: the dossier after the move, the move's text for the citizen, what the move
    tells besides (`told`: a last day, a reason, the old date, the place and hours; `<key>_en` in English)
    and the originals the citizen brings."""
    told = told or {}
    due = row.get("appointment_date")
    date = f"{due:%d/%m/%Y}" if isinstance(due, dt.date) else ""
    lines = "; ".join(line.strip() for line in reason_for_citizen.splitlines() if line.strip())
    reasons = (told.get("reasons") or lines).rstrip(".")  # the template ends the sentence
    return {
        "name": name,
        "date": Text(date, date),
        "items": _items(row.get("correction_request") or {}, labels_en or {}),
        "reasons": Text(reasons, reasons),
        "reason": Text(told.get("reason", ""), told.get("reason", "")),
        "old_date": Text(told.get("old_date", ""), told.get("old_date", "")),
        "until": _said(told, "until", " Hạn bổ sung: đến hết ngày {}.", " Please send it by the end of {}."),
        "until_day": _said(told, "until", " (đến hết ngày {})", " (by the end of {})"),
        "reason_said": _said(told, "reason", " Lý do: {}", " Reason: {}"),
        "early": _said(told, "early", ", sớm hơn ngày hẹn {}", ", earlier than the appointment ({})"),
        "place": _said(told, "place", "{}", "{}") if told.get("place") else Text("nơi nộp hồ sơ", "where you sent it"),
        "hours": _said(told, "hours", " (giờ làm việc {}, các ngày làm việc)", " (open {} on working days)"),
        "originals": _originals(originals),
    }


def compose(kind: NoticeKind, known: Mapping[str, Text]) -> tuple[Text, Text]:
    """The notice's title and body in both languages."""
    body = Text(
        kind.body.vi.format(**{k: v.vi for k, v in known.items()}),
        kind.body.en.format(**{k: v.en for k, v in known.items()}),
    )
    return kind.title, body


def tap_url(kind: NoticeKind, code: str) -> str:
    return PAGES[kind.opens].format(code=code)


def topic(code: str) -> str:
    """The Topic header of a dossier's notices (RFC 8030: at most 32 base64url characters): a push service
    keeps only the newest undelivered notice of a topic, and a resent one replaces itself."""
    digest = hashlib.sha256(code.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()[:32]


def tag(code: str) -> str:
    """The notification tag on the phone: one notice per dossier on screen, a duplicate replaces itself."""
    return f"motcua:{code}"


def payload(notice: Mapping[str, Any], lang: str) -> bytes:
    """What the service worker receives: small, in the phone's language; a long body is cut to fit."""
    lang = lang if lang in LANGS else "vi"
    message = {
        "id": notice["id"],
        "kind": notice["kind"],
        "code": notice["dossier_code"],
        "title": notice[f"title_{lang}"],
        "body": notice[f"body_{lang}"],
        "url": notice["url"],
        "tag": tag(notice["dossier_code"]),
    }
    encoded = _encode(message)
    while len(encoded) > MAX_PAYLOAD_BYTES and message["body"]:
        over = len(encoded) - MAX_PAYLOAD_BYTES
        message["body"] = message["body"][: max(0, len(message["body"]) - over - 1)].rstrip() + "…"
        encoded = _encode(message)
    return encoded


def _encode(message: Mapping[str, Any]) -> bytes:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode()


class State(StrEnum):
    """Where one delivery of a notice to one subscription stands."""

    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Decision:
    state: State
    next_attempt_at: dt.datetime | None = None
    forget_subscription: bool = False  # 404/410: the subscription is gone (if it still holds that endpoint)
    reason: str = ""


def backoff(attempts: int) -> dt.timedelta:
    """Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min ... at most an hour."""
    return dt.timedelta(seconds=min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** max(0, attempts - 1)))


def retry_after(header: str | None, now: dt.datetime) -> dt.timedelta | None:
    """Retry-After as seconds or an HTTP date; None when absent or unreadable."""
    if not header:
        return None
    text = header.strip()
    if text.isdigit():
        return dt.timedelta(seconds=int(text))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(dt.timedelta(0), when - now)


def decide(
    status: int | None,
    retry_after_header: str | None,
    attempts: int,
    written_at: dt.datetime,
    now: dt.datetime,
    *,
    give_up_after: dt.timedelta,
) -> Decision:
    """What a push service's answer (None: no answer, the network failed) means for the delivery."""
    if status is not None and 200 <= status < 300:
        return Decision(State.SENT)
    if status in (404, 410):
        return Decision(State.FAILED, forget_subscription=True, reason=f"{status}: subscription gone")
    if status is not None and status != 429 and status < 500:
        return Decision(State.FAILED, reason=f"{status}: refused")
    wait = max(backoff(attempts), retry_after(retry_after_header, now) or dt.timedelta(0))
    if now + wait > written_at + give_up_after:
        return Decision(State.EXPIRED, reason=f"{status or 'network'}: no delivery within the retry period")
    return Decision(State.QUEUED, next_attempt_at=now + wait, reason=f"{status or 'network'}: will retry")


class InvalidSubscription(DomainError):
    status = 422
    code = "invalid_subscription"
    message_vi = "Thông tin đăng ký nhận thông báo không hợp lệ ({field})."
    message_en = "The push subscription is not valid ({field})."


class PushServiceNotAllowed(DomainError):
    status = 422
    code = "push_service_not_allowed"
    message_vi = "Địa chỉ nhận thông báo không thuộc dịch vụ thông báo được chấp nhận."
    message_en = "The subscription's endpoint is not at an accepted push service."


def _b64(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def check_keys(p256dh: str, auth: str) -> None:
    """The phone's P-256 public key (65 bytes, uncompressed) and 16-byte auth secret, in base64url."""
    try:
        key, secret = _b64(p256dh), _b64(auth)
    except (binascii.Error, ValueError):
        raise InvalidSubscription(field="keys") from None
    if len(key) != 65 or key[0] != 4:
        raise InvalidSubscription(field="keys.p256dh")
    if len(secret) != 16:
        raise InvalidSubscription(field="keys.auth")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def endpoint_allowed(endpoint: str, services: list[str]) -> bool:
    """Whether `endpoint` is at one of `services` ("https://host" or "https://*.domain"; ports not compared)."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
    except ValueError:  # not a URL at all ("http://[")
        return False
    for service in services:
        scheme, _, place = service.strip().partition("://")
        wildcard = place.startswith("*.")
        pattern = place.removeprefix("*.").split("/")[0].split(":")[0].lower()
        if not host or scheme != parts.scheme:
            continue
        if host.endswith("." + pattern) if wildcard else host == pattern:
            return True
    return False


def vapid_claims(endpoint: str, contact: str, now: dt.datetime) -> dict[str, Any]:
    """The JWT claims for the push service of `endpoint`: its origin, `exp` VAPID_HOURS ahead (≤ 24 h)."""
    return {"aud": origin(endpoint), "exp": int(now.timestamp()) + VAPID_HOURS * 3600, "sub": contact}

"""Typed answers tidied as they will be printed on official papers: Unicode NFC, spaces, phone numbers and
digit codes, and the invisible characters refused. pwa/src/shared/answerText.ts is its twin, rule for rule."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any, Literal

# Spaces a phone keyboard or a copied text may bring; each run of them becomes one plain space.
_SPACES = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Control characters (C0 but the tab and line breaks, DEL, C1), the soft hyphen, zero-width and joiner
# characters, bidirectional marks, embeddings, overrides and isolates, the byte order mark: invisible on
# screen, yet they change what a printed name says. A line break is refused outside multi-line fields.
REFUSED = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029"
    "\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
)
_SPACE_RUN = re.compile(f"[{_SPACES}]+")
_REFUSED = re.compile(f"[{REFUSED}]")
_LINE_BREAK = re.compile("[\r\n]")
_PHONE_SEPARATORS = re.compile(r"[ .()-]")
_CODE_SEPARATORS = re.compile(r"[ .-]")
_COUNTRY_CODE = re.compile(r"^(?:\+84|0084|84(?=[0-9]{9}$))")
_DIGIT_CODE = re.compile(r"^\^\[0-9\]\{([0-9]+)\}\$$")

Kind = Literal["line", "lines", "phone", "digits"]


def digit_count(pattern: object) -> int | None:
    """N for a field of exactly N digits (its pattern is `^[0-9]{N}$`: an identity number), else None."""
    found = _DIGIT_CODE.match(pattern) if isinstance(pattern, str) else None
    return int(found.group(1)) if found else None


def tidy(text: str, kind: Kind) -> str:
    """`text` as it should be kept: NFC, runs of spaces made one, no spaces at either end (of each line in
    a multi-line field); a phone without separators and with 0 for +84; a digit code without separators."""
    text = unicodedata.normalize("NFC", text)
    if kind == "lines":
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "\n".join(_SPACE_RUN.sub(" ", line).strip(" ") for line in lines).strip("\n")
    text = _SPACE_RUN.sub(" ", text).strip(" \r\n")
    if kind == "phone":
        text = _PHONE_SEPARATORS.sub("", text)
        if _COUNTRY_CODE.match(text):
            national = _COUNTRY_CODE.sub("", text)
            text = national if national.startswith("0") else f"0{national}"
    elif kind == "digits":
        text = _CODE_SEPARATORS.sub("", text)
    return text


def has_refused(text: str, kind: Kind) -> bool:
    """Whether tidied `text` holds a character that may not go on paper."""
    return _REFUSED.search(text) is not None or (kind != "lines" and _LINE_BREAK.search(text) is not None)


def kind_of(widget: object, pattern: object) -> Kind:
    """How a field shown with `widget` and checked against `pattern` is tidied."""
    if digit_count(pattern) is not None:
        return "digits"
    return "lines" if widget == "textarea" else "phone" if widget == "tel" else "line"


def field_kinds(form: Mapping[str, Any]) -> dict[str, Kind]:
    """How each field of the form is tidied, by `section.field`."""
    sections = form.get("schema", {}).get("properties", {})
    kinds: dict[str, Kind] = {}
    for section in form.get("ui", {}).get("sections", []):
        props = sections.get(section.get("key"), {}).get("properties", {})
        for item in section.get("fields", []):
            pattern = props.get(item.get("key"), {}).get("pattern")
            kinds[f"{section.get('key')}.{item.get('key')}"] = kind_of(item.get("widget"), pattern)
    return kinds


def tidy_answers(form: Mapping[str, Any], answers: object) -> object:
    """`answers` with every text of a known field tidied, and texts left empty removed (blank is missing)."""
    if not isinstance(answers, Mapping):
        return answers
    kinds = field_kinds(form)
    tidied: dict[str, Any] = {}
    for key, fields in answers.items():
        if not isinstance(fields, Mapping):
            tidied[key] = fields
            continue
        section: dict[str, Any] = {}
        for name, value in fields.items():
            kind = kinds.get(f"{key}.{name}")
            text = tidy(value, kind) if kind and isinstance(value, str) else value
            if text != "" or kind is None:
                section[name] = text
        tidied[key] = section
    return tidied

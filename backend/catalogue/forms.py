"""Form definitions (JSON Schema with UI hints) and answer validation, with no I/O.

Forms use a small subset of JSON Schema 2020-12 (see `data/FORMAT.md`) so the PWA's validator can judge
answers exactly as the server does; `check_form()` refuses anything outside it when the catalogue is seeded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import SchemaError, ValidationError

from backend.catalogue.answer_text import Kind, digit_count, field_kinds, has_refused, tidy_answers

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Python's \d, \w, \s and \b match non-ASCII characters; ECMAScript's do not. Forms spell classes out.
_SHORTHAND = re.compile(r"\\[dDwWsSbB]")

ALLOWED_KEYWORDS = {
    "object": {"type", "properties", "required", "additionalProperties"},
    "string": {"type", "minLength", "maxLength", "pattern", "enum", "format"},
    "integer": {"type", "minimum", "maximum"},
    "boolean": {"type", "const"},
}
ALLOWED_FORMATS = {"date", "past-date"}
# The `tel` field is the contact phone, a Vietnamese mobile number: what its error message explains.
PHONE_PATTERN = "^0[0-9]{9}$"
WIDGETS = {
    "string": {"text", "textarea", "date", "select", "radio", "tel"},
    "integer": {"number", "select", "radio"},
    "boolean": {"checkbox"},
}

# One value gets one error: the first rule it breaks, in this order (the PWA follows the same order).
ERROR_ORDER = (
    "unknown_field",
    "required",
    "wrong_type",
    "invalid_characters",
    "not_in_options",
    "too_short",
    "too_long",
    "pattern",
    "phone_format",
    "digits_only",
    "digit_count",
    "invalid_date",
    "date_in_future",
    "too_small",
    "too_large",
    "must_accept",
)

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("Vui lòng nhập {label}.", "Please fill in {label}."),
    "wrong_type": ("{label}: giá trị không đúng kiểu.", "{label}: the value has the wrong type."),
    "not_in_options": ("{label}: vui lòng chọn một mục trong danh sách.", "{label}: choose one of the options."),
    "too_short": ("{label}: cần ít nhất {limit} ký tự.", "{label}: at least {limit} characters."),
    "too_long": ("{label}: tối đa {limit} ký tự.", "{label}: at most {limit} characters."),
    "invalid_characters": (
        "{label}: có ký tự không hợp lệ (ký tự ẩn hoặc ký tự điều khiển). Vui lòng xóa và gõ lại.",
        "{label}: contains a character that is not allowed (a hidden or control character). Please delete it"
        " and type it again.",
    ),
    "pattern": ("{label}: không đúng định dạng.", "{label}: the format is not right."),
    "phone_format": (
        "{label}: gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).",
        "{label}: 10 digits starting with 0 (for example 0912345678).",
    ),
    "digits_only": (
        "{label}: chỉ gồm chữ số từ 0 đến 9, đúng {limit} chữ số.",
        "{label}: digits 0 to 9 only, {limit} of them.",
    ),
    "digit_count": (
        "{label}: gồm đúng {limit} chữ số; bạn đã nhập {typed}.",
        "{label}: exactly {limit} digits; you typed {typed}.",
    ),
    "invalid_date": ("{label}: ngày không hợp lệ.", "{label}: not a valid date."),
    "date_in_future": ("{label}: ngày không được sau hôm nay.", "{label}: the date cannot be after today."),
    "too_small": ("{label}: tối thiểu là {limit}.", "{label}: the smallest allowed is {limit}."),
    "too_large": ("{label}: tối đa là {limit}.", "{label}: the largest allowed is {limit}."),
    # No full stop: the label of a commitment box is a sentence that ends with its own.
    "must_accept": ("Vui lòng xác nhận: {label}", "Please confirm: {label}"),
    "unknown_field": ("Trường «{path}» không có trong mẫu đơn.", "The field “{path}” is not part of this form."),
}


@dataclass(frozen=True)
class AnswerError:
    """One problem with one answer: where (`section.field`), what (a code from ERROR_ORDER), why."""

    path: str
    code: str
    message_vi: str
    message_en: str


def parse_date(value: str) -> dt.date | None:
    if not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def ecma_search(pattern: str, text: str) -> bool:
    """`re.search` with ECMAScript's `$`: Python's also matches before a final newline, the PWA's does not."""
    found = re.search(pattern, text)
    if found is None:
        return False
    return not (pattern.endswith("$") and text.endswith("\n") and found.end() == len(text) - 1)


def _ecma_pattern(
    validator: Any, pattern: str, instance: object, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not ecma_search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


FormValidator = validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})  # type: ignore[no-untyped-call]


def _format_checker(today: dt.date) -> FormatChecker:
    checker = FormatChecker(formats=())
    checker.checks("date")(lambda v: not isinstance(v, str) or parse_date(v) is not None)

    def past_date(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parsed = parse_date(value)
        return parsed is not None and parsed <= today

    checker.checks("past-date")(past_date)
    return checker


def _join(path: Iterator[Any] | Any) -> str:
    return ".".join(str(p) for p in path)


def _codes_for(error: ValidationError) -> list[tuple[str, str]]:
    """(path, code) pairs for one jsonschema error."""
    here = _join(error.absolute_path)
    prefix = f"{here}." if here else ""
    kind = error.validator
    instance: Any = error.instance
    rule: Any = error.validator_value
    schema: Any = error.schema
    if kind == "required":
        return [(prefix + name, "required") for name in rule if name not in instance]
    if kind == "additionalProperties":
        known = set(schema.get("properties", {}))
        return [(prefix + name, "unknown_field") for name in instance if name not in known]
    if kind == "format":
        parsed = parse_date(instance) if isinstance(instance, str) else None
        return [(here, "date_in_future" if parsed else "invalid_date")]
    simple = {
        "type": "wrong_type",
        "enum": "not_in_options",
        "minLength": "too_short",
        "maxLength": "too_long",
        "pattern": "pattern",
        "minimum": "too_small",
        "maximum": "too_large",
        "const": "must_accept",
    }
    return [(here, simple.get(str(kind), "wrong_type"))]


def _labels(ui: Mapping[str, Any], lang: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for section in ui.get("sections", []):
        labels[section["key"]] = section["title"][lang]
        for item in section.get("fields", []):
            labels[f"{section['key']}.{item['key']}"] = item["label"][lang]
    return labels


def _node(schema: Mapping[str, Any], path: str) -> Mapping[str, Any]:
    node: Mapping[str, Any] = schema
    for part in path.split(".") if path else []:
        node = node.get("properties", {}).get(part, {})
    return node


def _limit(node: Mapping[str, Any], code: str) -> object:
    if code in ("digits_only", "digit_count"):
        return digit_count(node.get("pattern"))
    keyword = {
        "too_short": "minLength",
        "too_long": "maxLength",
        "too_small": "minimum",
        "too_large": "maximum",
    }.get(code)
    return node.get(keyword, "") if keyword else ""


def _answer(answers: object, path: str) -> object:
    section, _, name = path.partition(".")
    fields = answers.get(section) if isinstance(answers, Mapping) else None
    return fields.get(name) if isinstance(fields, Mapping) else None


def _refine(code: str, kind: Kind | None, value: object) -> str:
    """A phone or a digit code that does not fit its pattern gets an error saying what is expected."""
    if code != "pattern" or kind not in ("phone", "digits"):
        return code
    if kind == "phone":
        return "phone_format"
    return "digit_count" if isinstance(value, str) and value.isascii() and value.isdigit() else "digits_only"


def _codes(form: Mapping[str, Any], answers: object, today: dt.date) -> dict[str, str]:
    """The first rule each path breaks, for answers already tidied."""
    validator = FormValidator(form["schema"], format_checker=_format_checker(today))
    kinds = field_kinds(form)
    found: dict[str, str] = {}

    def report(path: str, code: str) -> None:
        if path not in found or ERROR_ORDER.index(code) < ERROR_ORDER.index(found[path]):
            found[path] = code

    for error in validator.iter_errors(answers):
        for path, code in _codes_for(error):
            report(path, _refine(code, kinds.get(path), _answer(answers, path)))
    for path, kind in kinds.items():
        value = _answer(answers, path)
        if isinstance(value, str) and has_refused(value, kind):
            report(path, "invalid_characters")
    return found


@dataclass(frozen=True)
class CheckedAnswers:
    """Answers as they are kept (tidied: see answer_text.py), and every problem with them."""

    answers: object
    errors: list[AnswerError]


def check_answers(form: Mapping[str, Any], answers: object, today: dt.date) -> CheckedAnswers:
    """`answers` tidied, and every problem with them, at most one per path, in form order."""
    tidied = tidy_answers(form, answers)
    schema = form["schema"]
    vi, en = _labels(form.get("ui", {}), "vi"), _labels(form.get("ui", {}), "en")
    errors = []
    for path, code in _codes(form, tidied, today).items():
        value = _answer(tidied, path)
        typed = sum(c in "0123456789" for c in value) if isinstance(value, str) else 0
        fill = {"limit": _limit(_node(schema, path), code), "path": path, "typed": typed}
        msg_vi, msg_en = MESSAGES[code]
        errors.append(
            AnswerError(
                path=path,
                code=code,
                message_vi=msg_vi.format(label=vi.get(path, path), **fill),
                message_en=msg_en.format(label=en.get(path, path), **fill),
            )
        )
    order = list(vi)
    errors.sort(key=lambda e: (order.index(e.path) if e.path in order else len(order), e.path))
    return CheckedAnswers(answers=tidied, errors=errors)


def validate_answers(form: Mapping[str, Any], answers: object, today: dt.date) -> list[AnswerError]:
    """Every problem with `answers` (judged once tidied), at most one per path, in form order."""
    return check_answers(form, answers, today).errors


def _check_node(node: Mapping[str, Any], path: str, depth: int) -> list[str]:
    kind = node.get("type")
    if kind not in ALLOWED_KEYWORDS:
        return [f"{path or 'root'}: type must be one of {sorted(ALLOWED_KEYWORDS)}"]
    problems = [f"{path or 'root'}: keyword {k!r} is not allowed" for k in node if k not in ALLOWED_KEYWORDS[kind]]
    if kind == "object":
        if depth > 1:
            problems.append(f"{path}: objects may only be the root and its sections")
        if node.get("additionalProperties") is not False:
            problems.append(f"{path or 'root'}: additionalProperties must be false")
        props = node.get("properties", {})
        problems += [
            f"{path or 'root'}: required {r!r} is not a property" for r in node.get("required", []) if r not in props
        ]
        for name, child in props.items():
            problems += _check_node(child, f"{path}.{name}" if path else name, depth + 1)
    elif depth < 2:
        problems.append(f"{path or 'root'}: the root and its sections must be objects")
    if kind == "string" and "format" in node and node["format"] not in ALLOWED_FORMATS:
        problems.append(f"{path}: format {node['format']!r} is not allowed")
    if kind == "string" and "pattern" in node:
        pattern = node["pattern"]
        if not (pattern.startswith("^") and pattern.endswith("$")):
            problems.append(f"{path}: pattern must be anchored with ^...$")
        if _SHORTHAND.search(pattern.replace("\\\\", "")):
            problems.append(f"{path}: pattern must spell classes out ([0-9], not \\d): phone and server differ on them")
    if kind == "boolean" and node.get("const", True) is not True:
        problems.append(f"{path}: const is only allowed as true")
    return problems


def _check_ui(schema: Mapping[str, Any], ui: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    sections = schema.get("properties", {})
    ui_sections = [s.get("key") for s in ui.get("sections", [])]
    if sorted(ui_sections) != sorted(sections):
        problems.append(f"ui.sections {ui_sections} must list each section once: {list(sections)}")
    applicant = ui.get("applicant")
    if applicant is not None and "full_name" not in sections.get(applicant, {}).get("properties", {}):
        problems.append(f"ui.applicant {applicant!r} must name a section with a full_name field")
    for section in ui.get("sections", []):
        props = sections.get(section.get("key"), {}).get("properties", {})
        keys = [f.get("key") for f in section.get("fields", [])]
        if sorted(keys) != sorted(props):
            problems.append(
                f"ui section {section.get('key')}: fields {keys} must list each property once: {list(props)}"
            )
        for item in section.get("fields", []):
            node = props.get(item.get("key"), {})
            where = f"{section.get('key')}.{item.get('key')}"
            if item.get("widget") not in WIDGETS.get(node.get("type", ""), set()):
                problems.append(f"{where}: widget {item.get('widget')!r} does not fit type {node.get('type')!r}")
            if item.get("widget") == "tel" and node.get("pattern") != PHONE_PATTERN:
                problems.append(f"{where}: a tel field must have the pattern {PHONE_PATTERN}")
            if "enum" in node and sorted(item.get("options", {})) != sorted(node["enum"]):
                problems.append(f"{where}: options must match the enum {node['enum']}")
    return problems


def check_form(form: Mapping[str, Any]) -> list[str]:
    """Problems that make a form definition unusable; empty when it is fine."""
    schema = form.get("schema")
    if not isinstance(schema, Mapping):
        return ["form.schema is missing"]
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        return [f"form.schema is not valid JSON Schema: {exc}"]
    return _check_node(schema, "", 0) + _check_ui(schema, form.get("ui", {}))


@dataclass(frozen=True)
class ContactFields:
    """Where a form keeps its contact, as `section.field` paths.

    The phone is the form's one `tel` field; the applicant is the `full_name` of the section `ui.applicant`
    names, else of the phone's section, else of the first section that has one; with that section's
    `residence` or `address`, and its `id_number`.
    """

    phone: str
    name: str | None
    address: str | None
    email: str | None
    id_number: str | None = None  # the applicant's section's `id_number` (the counter finds a dossier by it)


def _section_fields(form: Mapping[str, Any]) -> dict[str, list[str]]:
    sections = form.get("ui", {}).get("sections", [])
    return {s.get("key"): [f.get("key") for f in s.get("fields", [])] for s in sections}


def tel_fields(form: Mapping[str, Any]) -> list[str]:
    """Paths of the fields shown with the `tel` widget, in form order."""
    return [
        f"{section.get('key')}.{item.get('key')}"
        for section in form.get("ui", {}).get("sections", [])
        for item in section.get("fields", [])
        if item.get("widget") == "tel"
    ]


def contact_fields(form: Mapping[str, Any]) -> ContactFields | None:
    """The contact of a form, or None when it does not have exactly one `tel` field."""
    tels = tel_fields(form)
    if len(tels) != 1:
        return None
    fields = _section_fields(form)
    contact = tels[0].split(".", 1)[0]
    with_name = [key for key, keys in fields.items() if "full_name" in keys]
    named = form.get("ui", {}).get("applicant")
    applicant = named if named in with_name else contact if contact in with_name else next(iter(with_name), None)
    address = next((k for k in ("residence", "address") if applicant and k in fields[applicant]), None)
    return ContactFields(
        phone=tels[0],
        name=f"{applicant}.full_name" if applicant else None,
        address=f"{applicant}.{address}" if applicant and address else None,
        email=f"{contact}.email" if "email" in fields[contact] else None,
        id_number=f"{applicant}.id_number" if applicant and "id_number" in fields[applicant] else None,
    )

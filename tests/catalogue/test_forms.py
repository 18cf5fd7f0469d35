"""Form definitions and answer validation; the shared vectors are the contract with the PWA."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from backend.catalogue.forms import ERROR_ORDER, MESSAGES, check_form, validate_answers
from tests.factories import demo_catalogue, procedure

VECTORS = json.loads((Path(__file__).parent.parent / "vectors" / "form_answers.json").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 23)


def _form(code: str) -> dict[str, Any]:
    return procedure(demo_catalogue(), code).form


@pytest.mark.parametrize("vector", VECTORS, ids=[f"{v['procedure']}: {v['description']}" for v in VECTORS])
def test_shared_form_vectors(vector: dict[str, Any]) -> None:
    errors = validate_answers(_form(vector["procedure"]), vector["answers"], TODAY)
    got = sorted((e.path, e.code) for e in errors)
    expected = sorted((e["path"], e["code"]) for e in vector["errors"])
    assert got == expected


def test_vectors_cover_every_error_code() -> None:
    used = {e["code"] for v in VECTORS for e in v["errors"]}
    assert used == set(ERROR_ORDER)


def test_every_demo_procedure_has_a_valid_vector() -> None:
    valid = {v["procedure"] for v in VECTORS if not v["errors"]}
    assert valid == {p.code for p in demo_catalogue().procedures}


def test_every_error_code_has_a_message_in_both_languages() -> None:
    assert set(MESSAGES) == set(ERROR_ORDER)
    assert all(vi and en and vi != en for vi, en in MESSAGES.values())


def test_error_messages_name_the_field_in_the_users_language() -> None:
    form = _form("1.001193")
    errors = validate_answers(form, {}, TODAY)
    assert errors, "an empty birth registration must be refused"
    first = errors[0]
    section = next(s for s in form["ui"]["sections"] if s["key"] == first.path)
    assert section["title"]["vi"] in first.message_vi
    assert section["title"]["en"] in first.message_en


def test_all_demo_forms_pass_the_definition_check() -> None:
    for proc in demo_catalogue().procedures:
        assert check_form(proc.form) == [], proc.code


def _with_schema(change: Any) -> dict[str, Any]:
    form = copy.deepcopy(_form("1.001193"))
    change(form)
    return form


def test_a_form_using_keywords_outside_the_subset_is_refused() -> None:
    def add_one_of(form: dict[str, Any]) -> None:
        first = next(iter(form["schema"]["properties"].values()))
        next(iter(first["properties"].values()))["oneOf"] = [{"type": "string"}]

    assert any("'oneOf' is not allowed" in p for p in check_form(_with_schema(add_one_of)))


def test_a_form_without_additional_properties_false_is_refused() -> None:
    def open_root(form: dict[str, Any]) -> None:
        del form["schema"]["additionalProperties"]

    assert any("additionalProperties" in p for p in check_form(_with_schema(open_root)))


def test_a_field_missing_from_the_ui_is_refused() -> None:
    def drop_field(form: dict[str, Any]) -> None:
        form["ui"]["sections"][0]["fields"].pop()

    assert any("must list each property once" in p for p in check_form(_with_schema(drop_field)))


def test_an_unanchored_pattern_is_refused() -> None:
    def loose(form: dict[str, Any]) -> None:
        section = form["schema"]["properties"]["declarant"]["properties"]
        key = next(k for k, v in section.items() if "pattern" in v)
        section[key]["pattern"] = "[0-9]+"

    assert any("anchored" in p for p in check_form(_with_schema(loose)))


def test_an_invalid_json_schema_is_refused() -> None:
    def broken(form: dict[str, Any]) -> None:
        form["schema"]["required"] = "child"

    assert any("not valid JSON Schema" in p for p in check_form(_with_schema(broken)))


@pytest.mark.parametrize("shorthand", [r"^\d{12}$", r"^\w+$", r"^a\sb$", r"^\bx$"])
def test_a_pattern_with_class_shorthands_is_refused(shorthand: str) -> None:
    # Python's \d also matches Arabic-Indic digits, ECMAScript's does not: the phone and server would differ.
    def use_shorthand(form: dict[str, Any]) -> None:
        section = form["schema"]["properties"]["declarant"]["properties"]
        key = next(k for k, v in section.items() if "pattern" in v)
        section[key]["pattern"] = shorthand

    assert any("spell classes out" in p for p in check_form(_with_schema(use_shorthand)))


def test_an_escaped_backslash_before_a_letter_is_not_a_shorthand() -> None:
    def literal(form: dict[str, Any]) -> None:
        section = form["schema"]["properties"]["declarant"]["properties"]
        key = next(k for k, v in section.items() if "pattern" in v)
        section[key]["pattern"] = r"^[0-9]+\\d$"

    assert not any("spell classes out" in p for p in check_form(_with_schema(literal)))


def test_a_tel_field_without_the_mobile_pattern_is_refused() -> None:
    # Its error message promises "10 digits starting with 0": the pattern must say the same.
    def landline(form: dict[str, Any]) -> None:
        form["schema"]["properties"]["declarant"]["properties"]["phone"]["pattern"] = "^0[0-9]{10}$"

    assert any("a tel field must have the pattern" in p for p in check_form(_with_schema(landline)))

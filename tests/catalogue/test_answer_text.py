"""Text that goes on official papers is tidied (NFC, spaces, phones, digit codes) and refused when it hides
characters; tests/vectors/answer_text.json is the contract with the PWA, which runs the same cases."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from backend.catalogue.answer_text import field_kinds, tidy
from backend.catalogue.forms import check_answers
from tests.factories import demo_catalogue, procedure, valid_answers

CASES = json.loads((Path(__file__).parent.parent / "vectors" / "answer_text.json").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 23)


def _answered(case: dict[str, Any]) -> dict[str, Any]:
    """Valid answers of the case's procedure with the case's text typed at its path."""
    answers = copy.deepcopy(valid_answers(case["procedure"]))
    section, name = case["path"].split(".")
    answers.setdefault(section, {})[name] = case["typed"]
    return answers


@pytest.mark.parametrize("case", CASES, ids=[c["description"] for c in CASES])
def test_shared_answer_text_cases(case: dict[str, Any]) -> None:
    checked = check_answers(procedure(demo_catalogue(), case["procedure"]).form, _answered(case), TODAY)
    section, name = case["path"].split(".")
    assert checked.answers[section].get(name) == case["kept"]  # type: ignore[index]
    errors = [(e.path, e.code) for e in checked.errors]
    assert errors == ([(case["path"], case["error"])] if case["error"] else [])
    if "message" in case:
        assert (checked.errors[0].message_vi, checked.errors[0].message_en) == tuple(case["message"].values())


@pytest.mark.parametrize("case", CASES, ids=[c["description"] for c in CASES])
def test_tidying_twice_changes_nothing(case: dict[str, Any]) -> None:
    kind = field_kinds(procedure(demo_catalogue(), case["procedure"]).form)[case["path"]]
    once = tidy(case["typed"], kind)
    assert tidy(once, kind) == once


def test_the_cases_cover_each_new_error_and_each_kind_of_field() -> None:
    form = procedure(demo_catalogue(), "1.001193").form
    kinds = {field_kinds(form)[c["path"]] for c in CASES}
    assert kinds == {"line", "lines", "phone", "digits"}
    assert {"invalid_characters", "phone_format", "digit_count", "digits_only", "required"} <= {
        c["error"] for c in CASES
    }

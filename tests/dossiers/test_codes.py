"""Dossier codes in the national style: agency, receipt date, the day's sequence; no personal data."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.dossiers.rules import dossier_code, fingerprint, parse_code, token_hash


def test_a_code_is_agency_date_and_sequence() -> None:
    assert dossier_code("H12.41.01", dt.date(2026, 11, 23), 7) == "H12.41.01-261123-0007"


def test_sequences_past_9999_still_make_valid_codes() -> None:
    assert dossier_code("H12.41.01", dt.date(2026, 11, 23), 12345) == "H12.41.01-261123-12345"


def test_sequence_zero_is_refused() -> None:
    with pytest.raises(ValueError):
        dossier_code("H12.41.01", dt.date(2026, 11, 23), 0)


@given(
    st.sampled_from(["H12", "H12.41", "H12.41.01", "000.00.22.H12"]),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(min_value=1, max_value=99_999),
)
def test_a_code_reads_back_as_what_made_it(agency: str, day: dt.date, sequence: int) -> None:
    assert parse_code(dossier_code(agency, day, sequence)) == (agency, day, sequence)


@pytest.mark.parametrize("text", ["", "H12.41.01", "H12.41.01-261399-0001", "h12-261123-0001", "H12-261123-01"])
def test_text_that_is_not_a_code_is_not_parsed(text: str) -> None:
    assert parse_code(text) is None


def test_the_fingerprint_ignores_key_order_but_not_content() -> None:
    assert fingerprint({"a": 1, "b": {"c": 2, "d": 3}}) == fingerprint({"b": {"d": 3, "c": 2}, "a": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})


def test_tokens_are_stored_as_hashes() -> None:
    assert token_hash("secret") != "secret" and len(token_hash("secret")) == 64

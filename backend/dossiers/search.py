"""The queue's search text of a dossier: its code, phone, ID number and short answers (the applicant's name
among them), lowercased and without Vietnamese diacritics, so "nguyen van an" finds "Nguyễn Văn An"."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

LONGEST_ANSWER = 120  # longer answers are free text (addresses, reasons), not what a counter searches by


def fold(text: str) -> str:
    """Lowercase, without tone marks or diacritics (đ becomes d)."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str) and len(value) <= LONGEST_ANSWER:
        yield value


def search_text(code: str, phone: str, id_number: str, answers: Any) -> str:
    """Kept in step with the backfill in migrations/motcua_2026_12_01t06_10_06_000000.py."""
    words = [code, phone, id_number, *_strings(answers)]
    return fold(" ".join(w for w in words if w))

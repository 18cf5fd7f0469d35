"""The texts of handling's papers as data (data/papers.json: Mẫu 02 during appraisal, 04 apology and new date,
05 stop notice), filled with a dossier's facts when issued, with their legal basis."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

TEXTS = Path(__file__).resolve().parent / "data" / "papers.json"


@cache
def texts() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(TEXTS.read_text(encoding="utf-8"))
    return loaded


def heading(kind: str) -> tuple[str, tuple[str, str]]:
    """The title and both signature blocks of paper `kind` (04 or 05)."""
    paper = texts()[kind]
    first, second = paper["signatures"]
    return paper["title"], (first, second)


def dmy(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def sentence(text: str) -> str:
    """A reason as the papers print it: trimmed, ending with a full stop."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def filled(kind: str, **facts: str) -> dict[str, Any]:
    """What paper `kind` adds to the common facts: its form number, body and legal basis."""
    paper = texts()[kind]
    return {
        "form": paper["form"],
        "body": paper["body"].format(**facts),
        "legalBasis": [paper["article"], *texts()["legalBasis"]],
    }

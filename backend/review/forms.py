"""The counter's papers' form numbers and legal basis as data (data/forms.json: Mẫu 01, 02, 03 at receipt),
copied into a paper when it is issued."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

TEXTS = Path(__file__).resolve().parent / "data" / "forms.json"


@cache
def texts() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(TEXTS.read_text(encoding="utf-8"))
    return loaded


def basis(kind: str) -> dict[str, Any]:
    """What paper `kind` prints under its number and at its foot: "Mẫu số 01", the article, the two texts."""
    paper = texts()[kind]
    return {"form": paper["form"], "legalBasis": [paper["article"], *texts()["legalBasis"]]}

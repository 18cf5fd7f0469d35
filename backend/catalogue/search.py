"""Catalogue search with no I/O: Vietnamese text folded to plain ASCII words, procedures ranked.

`dang ky khai sinh`, `ĐĂNG KÝ KHAI SINH` and `khai sinh` all find "Đăng ký khai sinh". The PWA
implements the same folding and ranking offline; `tests/vectors/search.json` keeps both sides alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A word is a run of letters and digits; dots survive only inside numbers such as the code 1.001193.
_WORD = re.compile(r"\d+(?:\.\d+)*|[a-z0-9]+")
# Đ/đ are letters of their own, not D with a mark: NFD leaves them alone, so map them first.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case ASCII words: diacritics removed, đ mapped to d, punctuation turned into spaces."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(bare.lower()))


@dataclass(frozen=True)
class SearchEntry:
    """What search knows of one procedure: its code, folded name, and the words of both and of the rest."""

    code: str
    name: str
    field: str
    level: str
    name_words: frozenset[str]
    other_words: frozenset[str]
    field_rank: int = 0


def make_entry(
    code: str, name: str, other_texts: Iterable[str], field: str, level: str, *, field_rank: int = 0
) -> SearchEntry:
    folded = fold(name)
    other = {word for text in other_texts for word in fold(text).split()}
    return SearchEntry(
        code=code,
        name=folded,
        field=field,
        level=level,
        name_words=frozenset(folded.split()),
        other_words=frozenset(other),
        field_rank=field_rank,
    )


def _token_score(token: str, entry: SearchEntry) -> int:
    if token in entry.name_words:
        return 10
    if any(w.startswith(token) for w in entry.name_words):
        return 6
    if token in entry.other_words:
        return 3
    if any(w.startswith(token) for w in entry.other_words):
        return 2
    return 0


def score(query: str, entry: SearchEntry) -> int:
    """0 when the procedure does not match; higher is better."""
    if not query:
        return 1
    if entry.code == query or entry.code.startswith(query):
        return 1000
    total = 0
    for token in query.split():
        points = _token_score(token, entry)
        if points == 0:
            return 0
        total += points
    if f" {query} " in f" {entry.name} ":
        total += 20
    if entry.name.startswith(query):
        total += 10
    return total


def search(
    entries: Sequence[SearchEntry],
    query: str,
    field: str | None = None,
    level: str | None = None,
) -> list[SearchEntry]:
    """Matching entries, best first; ties go to the shorter name, then the code.

    An empty query browses: everything (after the filters) by field, in the catalogue's order, then name.
    """
    folded = fold(query)
    ranked: list[tuple[int, SearchEntry]] = []
    for entry in entries:
        if (field and entry.field != field) or (level and entry.level != level):
            continue
        points = score(folded, entry)
        if points:
            ranked.append((points, entry))
    if not folded:
        ranked.sort(key=lambda pair: (pair[1].field_rank, pair[1].name, pair[1].code))
    else:
        ranked.sort(key=lambda pair: (-pair[0], len(pair[1].name), pair[1].code))
    return [entry for _, entry in ranked]

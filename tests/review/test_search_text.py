"""The queue's search text: folded without diacritics, and the migration's backfill of dossiers received
before it existed gives the same text as intake does now."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from backend.dossiers.search import fold, search_text
from tests.factories import valid_answers

BACKFILL = Path(__file__).resolve().parents[2] / "migrations" / "motcua_2026_12_01t06_10_06_000000.py"


def test_folding_drops_tone_marks_and_the_d_stroke() -> None:
    assert fold("Nguyễn Thị Đào, ĐƯỜNG Hòa") == "nguyen thi dao, duong hoa"


def test_the_backfill_gives_the_same_text_as_intake() -> None:
    spec = importlib.util.spec_from_file_location("backfill", BACKFILL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    answers = valid_answers("1.001193")
    row = {"code": "H12.41.01-261123-0001", "contact_phone": "0912345678", "answers": answers}
    expected = search_text("H12.41.01-261123-0001", "0912345678", "", answers)
    assert module._search_text(row) == expected
    assert "nguyen van an" in expected and "042091001284" in expected

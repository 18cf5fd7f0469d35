"""Catalogue search: Vietnamese folded to plain words, case and diacritics ignored, sensible ranking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backend.catalogue.search import fold, make_entry, search
from tests.factories import demo_catalogue

VECTORS = json.loads((Path(__file__).parent.parent / "vectors" / "search.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("ĐĂNG KÝ KHAI SINH", "dang ky khai sinh"),
        ("đăng ký", "dang ky"),
        ("Chứng thực bản sao từ bản chính", "chung thuc ban sao tu ban chinh"),
        ("Cấp giấy xác nhận tình trạng hôn nhân", "cap giay xac nhan tinh trang hon nhan"),
        ("Đăng ký nhận cha, mẹ, con", "dang ky nhan cha me con"),
        ("Thủ tục 1.001193.", "thu tuc 1.001193"),
        ("  nhiều   khoảng   trắng ", "nhieu khoang trang"),
        # Precomposed and decomposed forms of the same letters fold alike.
        ("Vi\u1ec7t", "viet"),
        ("Vie\u0323\u0302t", "viet"),
    ],
)
def test_fold_removes_case_and_diacritics_and_maps_d(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_d_with_stroke_has_no_decomposition_and_is_mapped_explicitly() -> None:
    assert fold("Đ") == "d" and fold("đ") == "d"


def _entries() -> list:  # type: ignore[type-arg]
    """Entries as the server builds them, each with its field's place in the catalogue."""
    data = demo_catalogue()
    rank = {f.code: i for i, f in enumerate(data.fields)}
    return [
        make_entry(p.code, p.name.vi, [p.name.en, p.result], p.field, p.level, field_rank=rank[p.field])
        for p in data.procedures
    ]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["query"] for v in VECTORS])
def test_shared_search_vectors(vector: dict) -> None:  # type: ignore[type-arg]
    found = [e.code for e in search(_entries(), vector["query"])]
    if "first" in vector:
        assert found[:1] == [vector["first"]], found
    for code in vector.get("includes", []):
        assert code in found
    for code in vector.get("excludes", []):
        assert code not in found


def test_every_query_word_must_match() -> None:
    assert search(_entries(), "khai sinh xe máy") == []


def test_words_match_by_prefix() -> None:
    assert [e.code for e in search(_entries(), "khai si")][:1] == ["1.001193"]


def test_filters_by_field_and_level() -> None:
    entries = _entries()
    certification = search(entries, "", field="chung-thuc")
    assert certification and all(e.field == "chung-thuc" for e in certification)
    assert [e.code for e in search(entries, "", level="province")] == ["LLTP-01"]


def test_empty_query_lists_everything() -> None:
    assert len(search(_entries(), "")) == len(demo_catalogue().procedures)


def test_an_empty_query_browses_by_field_in_catalogue_order_then_name() -> None:
    found = search(_entries(), "")
    keys = [(e.field_rank, e.name) for e in found]
    assert keys == sorted(keys)
    assert len({e.field_rank for e in found}) == len(demo_catalogue().fields), "every field has its own rank"
    assert found[0].field == demo_catalogue().fields[0].code

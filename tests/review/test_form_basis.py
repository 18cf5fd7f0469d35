"""The counter's papers print their form's number and legal basis (Circular 03/2025 Annex I: Mẫu 01, 02, 03),
copied when issued; their two common lines are handling's, word for word."""

from __future__ import annotations

import httpx
import pytest

from backend.handling import papers
from backend.review import forms
from tests.review.desk import ready, url

pytestmark = pytest.mark.usefixtures("db", "clock")
DECREE = "Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ"
CIRCULAR = "Thông tư số 03/2025/TT-VPCP của Văn phòng Chính phủ"


def test_the_counters_papers_and_handlings_cite_the_same_decree_and_circular() -> None:
    assert forms.texts()["legalBasis"] == papers.texts()["legalBasis"]
    decree, circular = forms.texts()["legalBasis"]
    assert decree.startswith(DECREE) and circular.startswith(CIRCULAR)


@pytest.mark.parametrize(
    ("action", "body", "kind"),
    [
        ("accept", {}, "01"),
        ("request-corrections", {"items": [{"kind": "field", "path": "applicant.full_name"}]}, "02"),
        ("refuse", {"reasons": ["Không thuộc thẩm quyền"]}, "03"),
    ],
)
async def test_a_counter_paper_carries_its_number_and_legal_basis(
    client: httpx.AsyncClient, action: str, body: dict[str, object], kind: str
) -> None:
    me, made = await ready(client)
    done = await client.post(url(made, action), json={"version": 1, **body}, headers=me.headers())
    assert done.status_code == 200, done.text
    data = done.json()["paper"]["data"]
    assert data["form"] == f"Mẫu số {kind}"
    article, decree, circular = data["legalBasis"]
    assert "Nghị định số 118/2025/NĐ-CP" in article
    assert decree.startswith(DECREE) and circular.startswith(CIRCULAR)

"""The two-tier organisation after 1 July 2025: province and communes, no district; which units decide,
which receive, and where a dossier goes (any centre of the province receives, Decree 118/2025 Art 14(2))."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest

from backend.catalogue.datafiles import InvalidCatalogueData, load_catalogue
from backend.catalogue.organisation import Refusal, Route, legacy, route, units
from backend.cli import DEMO_AGENCY
from backend.settings import DEMO_CATALOGUE_DIR
from tests.factories import seeded

# A small organisation written out here, independent of the demo files.
UNITS = units(
    [
        ("P1", "province", None, ()),
        ("P1.01", "centre", "P1", ()),
        ("P1.02", "department", "P1", ()),
        ("P1.A", "commune", "P1", ("OLD.A",)),
        ("P1.A.01", "centre", "P1.A", ()),
        ("P1.A.02", "reception_point", "P1.A.01", ()),
        ("P1.B", "commune", "P1", ()),
        ("P1.B.01", "centre", "P1.B", ()),
        ("P2", "province", None, ()),
        ("P2.01", "centre", "P2", ()),
        ("P2.C", "commune", "P2", ()),
    ]
)


def _copy_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(DEMO_CATALOGUE_DIR, folder)
    return folder


def _refused(folder: Path) -> str:
    with pytest.raises(InvalidCatalogueData) as caught:
        load_catalogue(folder)
    return caught.value.messages()["en"]


def test_a_commune_dossier_received_at_another_communes_centre_is_decided_by_the_commune_named() -> None:
    assert route(UNITS, "commune", None, "P1.B.01", "P1.A") == Route(receiving="P1.B.01", competent="P1.A")


def test_a_commune_dossier_defaults_to_the_commune_of_the_centre_or_point_that_received_it() -> None:
    assert route(UNITS, "commune", None, "P1.A.02", None) == Route(receiving="P1.A.02", competent="P1.A")
    # Named commune, no centre: the commune's own centre receives.
    assert route(UNITS, "commune", None, None, "P1.B") == Route(receiving="P1.B.01", competent="P1.B")


def test_the_provincial_centre_receives_commune_procedures_once_the_commune_is_named() -> None:
    assert route(UNITS, "commune", None, "P1.01", "P1.A") == Route(receiving="P1.01", competent="P1.A")
    assert route(UNITS, "commune", None, "P1.01", None) == Refusal("not_competent", "P1.01")


def test_a_province_procedure_is_decided_by_its_own_agency_and_received_anywhere_in_the_province() -> None:
    assert route(UNITS, "province", "P1.02", "P1.A.01", None) == Route(receiving="P1.A.01", competent="P1.02")
    assert route(UNITS, "province", "P1.02", None, None) == Route(receiving="P1.01", competent="P1.02")
    assert route(UNITS, "province", "P1.02", None, "P1.A") == Refusal("not_competent", "P1.A")


def test_a_centre_of_another_province_is_refused() -> None:
    assert route(UNITS, "commune", None, "P2.01", "P1.A") == Refusal("other_province", "P2.01")
    assert route(UNITS, "province", "P1.02", "P2.01", None) == Refusal("other_province", "P2.01")


def test_only_centres_and_reception_points_receive_and_only_communes_decide_commune_procedures() -> None:
    assert route(UNITS, "commune", None, "P1.A", "P1.A") == Refusal("not_receiving", "P1.A")
    assert route(UNITS, "commune", None, "P1.01", "P1.02") == Refusal("not_competent", "P1.02")
    assert route(UNITS, "commune", None, "NOWHERE", None) == Refusal("not_receiving", "NOWHERE")


def test_an_old_apps_single_agency_code_is_read_as_a_centre_or_as_the_deciding_agency() -> None:
    assert legacy(UNITS, "P1.A.01") == ("P1.A.01", None)
    assert legacy(UNITS, "P1.B") == (None, "P1.B")
    # A commune since merged into another: its old code leads to the new commune.
    assert legacy(UNITS, "OLD.A") == (None, "P1.A")
    assert route(UNITS, "commune", None, None, "OLD.A") == Route(receiving="P1.A.01", competent="P1.A")


def test_a_district_level_procedure_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    path = folder / "procedures" / "1.001193.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("level: commune", "level: district"), encoding="utf-8")
    message = _refused(folder)
    assert "procedures/1.001193: level 'district' no longer exists: districts were abolished on 1 July 2025" in message


def test_a_district_agency_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    path = folder / "agencies.yaml"
    text = path.read_text(encoding="utf-8").replace("code: H12.43\n", "code: H12.43\n  # was a district\n")
    path.write_text(
        text.replace(
            'kind: commune\n  parent: H12\n  address: "xã Tùng', 'kind: district\n  parent: H12\n  address: "xã Tùng'
        ),
        encoding="utf-8",
    )
    assert "agencies.yaml: H12.43: kind 'district' no longer exists" in _refused(folder)


def test_a_province_procedure_must_name_a_province_department_or_vertical_agency(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    path = folder / "procedures" / "1.004873.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("level: commune", "level: province"), encoding="utf-8")
    assert "procedures/1.004873: a province-level procedure needs competent_agency" in _refused(folder)
    path.write_text(path.read_text(encoding="utf-8") + "\ncompetent_agency: H12.02\n", encoding="utf-8")
    assert any(p.competent_agency == "H12.02" for p in load_catalogue(folder).procedures)


def test_a_centre_must_belong_to_a_province_or_a_commune(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    path = folder / "agencies.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  parent: H12.43\n", "  parent: H12.02\n"), encoding="utf-8"
    )
    assert "H12.43.01: a centre belongs to a province or commune, not a department" in _refused(folder)


def test_the_demo_is_one_province_of_communes_each_with_its_centre_and_no_district() -> None:
    data = load_catalogue(DEMO_CATALOGUE_DIR)
    kinds = [a.kind for a in data.agencies]
    assert kinds.count("province") == 1 and "district" not in kinds
    communes = {a.code for a in data.agencies if a.kind == "commune"}
    assert len(communes) == 3
    assert {a.parent for a in data.agencies if a.kind == "centre"} == communes | {"H12"}
    assert "huyện" not in data.catalogue.name.vi and "(dữ liệu minh họa)" in data.catalogue.name.vi
    # One province-level procedure, decided by the Department of Justice (LLTP-01: liên thông with the Police).
    assert {(p.code, p.competent_agency) for p in data.procedures if p.level == "province"} == {("LLTP-01", "H12.02")}
    assert {p.level for p in data.procedures} == {"commune", "province"}


@pytest.mark.usefixtures("db")
async def test_the_catalogue_tells_phones_what_each_unit_is(client: httpx.AsyncClient) -> None:
    await seeded()
    agencies = {a["code"]: a for a in (await client.get("/api/catalogue")).json()["agencies"]}
    centre, commune = agencies["H12.41.01"], agencies["H12.41"]
    assert (centre["kind"], centre["receives"], centre["level"], centre["provinceCode"]) == (
        "centre",
        True,
        None,
        "H12",
    )
    assert (commune["kind"], commune["receives"], commune["level"], commune["parentCode"]) == (
        "commune",
        False,
        "commune",
        "H12",
    )


@pytest.mark.usefixtures("db")
async def test_search_by_level_knows_province_and_commune_and_refuses_district(client: httpx.AsyncClient) -> None:
    await seeded()
    communes = (await client.get("/api/procedures", params={"level": "commune"})).json()
    assert communes["total"] > 0 and all(r["level"] == "commune" for r in communes["results"])
    province = (await client.get("/api/procedures", params={"level": "province"})).json()
    assert [r["code"] for r in province["results"]] == ["LLTP-01"]  # the demo's one province-level procedure
    response = await client.get("/api/procedures", params={"level": "district"})
    assert response.status_code == 400 and response.json()["code"] == "invalid_request"


def test_the_demo_officer_works_at_a_demo_commune_centre() -> None:
    agencies = {a.code: a for a in load_catalogue(DEMO_CATALOGUE_DIR).agencies}
    centre = agencies[DEMO_AGENCY]
    assert centre.kind == "centre" and agencies[centre.parent or ""].kind == "commune"

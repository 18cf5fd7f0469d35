"""Seeding the catalogue from data files: idempotent, versioned, and honest about what changed."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from backend.catalogue.datafiles import DatedName, InvalidCatalogueData, load_catalogue
from backend.catalogue.service import current_version
from backend.catalogue.tables import Agency, CalendarDay, Field, Procedure, RequiredDocument
from backend.settings import DEMO_CATALOGUE_DIR
from tests.factories import demo_catalogue, renamed, seeded, without

pytestmark = pytest.mark.usefixtures("db")


async def test_first_seed_writes_the_whole_demo_catalogue() -> None:
    data = demo_catalogue()
    report = await seeded(data)
    assert report.version == 1
    assert await Procedure.count() == len(data.procedures) >= 10
    assert await Agency.count() == len(data.agencies)
    assert await Field.count() == len(data.fields)
    documents = sum(len(p.documents) for p in data.procedures)
    assert await RequiredDocument.count() == documents


async def test_seeding_again_changes_nothing_and_keeps_the_version() -> None:
    await seeded()
    again = await seeded()
    assert again.version == 1
    assert not again.anything_changed
    assert await Procedure.count() == len(demo_catalogue().procedures)


async def test_a_changed_procedure_bumps_the_version_once_and_only_it_moves() -> None:
    await seeded()
    report = await seeded(renamed(demo_catalogue(), "2.000908", "Chứng thực bản sao từ bản chính (sửa)"))
    assert report.version == 2
    assert report.changed["procedures"] == ["2.000908"]
    versions = {r["code"]: r["version"] for r in await Procedure.select(Procedure.code, Procedure.version)}
    assert versions.pop("2.000908") == 2
    assert set(versions.values()) == {1}


async def test_a_procedure_removed_from_the_files_is_withdrawn_not_deleted() -> None:
    await seeded()
    report = await seeded(without(demo_catalogue(), "2.000884"))
    assert report.removed["procedures"] == ["2.000884"]
    row = await Procedure.select(Procedure.active, Procedure.version).where(Procedure.code == "2.000884").first()
    assert row == {"active": False, "version": 2}


async def test_a_withdrawn_procedure_comes_back_when_it_returns_to_the_files() -> None:
    await seeded()
    await seeded(without(demo_catalogue(), "2.000884"))
    report = await seeded()
    assert report.changed["procedures"] == ["2.000884"]
    row = await Procedure.select(Procedure.active).where(Procedure.code == "2.000884").first()
    assert row == {"active": True}


async def test_calendar_days_from_the_files_are_stored_and_a_change_bumps_the_version() -> None:
    await seeded()
    data = demo_catalogue()
    data.calendar.working_days.append(DatedName(date=dt.date(2027, 1, 9), name="Làm bù"))
    report = await seeded(data)
    assert report.version == 2
    assert await CalendarDay.select(CalendarDay.kind).where(CalendarDay.day == dt.date(2027, 1, 9)).first() == {
        "kind": "working_day"
    }
    assert await current_version() == 2


def _copy_demo(tmp_path: Path) -> Path:
    target = tmp_path / "catalogue"
    shutil.copytree(DEMO_CATALOGUE_DIR, target)
    return target


def test_an_unknown_key_in_a_data_file_is_reported_with_its_file(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    path = folder / "procedures" / "1.001193.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nunexpected_key: 1\n", encoding="utf-8")
    with pytest.raises(InvalidCatalogueData) as caught:
        load_catalogue(folder)
    assert "1.001193.yaml" in caught.value.messages()["en"]
    assert "unexpected_key" in caught.value.messages()["en"]


def test_a_procedure_in_an_unknown_field_is_refused(tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    path = folder / "procedures" / "1.001193.yaml"
    text = path.read_text(encoding="utf-8").replace("field: ho-tich", "field: khong-co")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidCatalogueData) as caught:
        load_catalogue(folder)
    assert "unknown field 'khong-co'" in caught.value.messages()["en"]


def test_a_folder_without_catalogue_yaml_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidCatalogueData):
        load_catalogue(tmp_path)


async def test_reordering_fields_in_the_file_is_a_change_that_phones_receive() -> None:
    await seeded()
    data = demo_catalogue()
    data.fields.reverse()
    report = await seeded(data)
    assert report.version == 2
    positions = {r["code"]: r["position"] for r in await Field.select(Field.code, Field.position)}
    assert positions == {f.code: i for i, f in enumerate(data.fields)}

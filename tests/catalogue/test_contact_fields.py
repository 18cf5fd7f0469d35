"""The contact of a form: a procedure accepted online has exactly one phone (`tel`) field, which tracking
and the receipt rely on; the applicant's name and address come from the same form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from backend.catalogue.datafiles import InvalidCatalogueData, load_catalogue
from backend.catalogue.forms import contact_fields
from backend.settings import DEMO_CATALOGUE_DIR
from tests.factories import demo_catalogue, procedure


def _folder_with(tmp_path: Path, code: str, old: str, new: str) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(DEMO_CATALOGUE_DIR, folder)
    path = folder / "procedures" / f"{code}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def test_every_demo_procedure_accepted_online_has_exactly_one_phone_field() -> None:
    online = [p for p in demo_catalogue().procedures if "online" in p.channels]
    assert online
    for item in online:
        contact = contact_fields(item.form)
        assert contact is not None, item.code
        assert contact.name is not None, item.code


def test_a_form_accepted_online_without_a_phone_field_is_refused(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "1.001193", "widget: tel", "widget: text")
    with pytest.raises(InvalidCatalogueData) as caught:
        load_catalogue(folder)
    assert "exactly one field with widget tel" in caught.value.messages()["en"]


def test_a_form_with_two_phone_fields_is_refused(tmp_path: Path) -> None:
    old = (
        "          - key: email\n"
        '            label: {vi: "Thư điện tử (nếu có)", en: "Email (optional)"}\n'
        "            widget: text"
    )
    folder = _folder_with(tmp_path, "1.001193", old, old.replace("widget: text", "widget: tel"))
    with pytest.raises(InvalidCatalogueData) as caught:
        load_catalogue(folder)
    assert "declarant.phone" in caught.value.messages()["en"] and "declarant.email" in caught.value.messages()["en"]


def test_a_procedure_only_done_in_person_needs_no_phone_field(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "2.000884", "channels: [in_person, online]", "channels: [in_person]")
    path = folder / "procedures" / "2.000884.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("widget: tel", "widget: text"), encoding="utf-8")
    assert procedure(load_catalogue(folder), "2.000884").channels == ["in_person"]


def test_the_applicant_is_the_phone_sections_full_name_with_its_residence() -> None:
    contact = contact_fields(procedure(demo_catalogue(), "1.000656").form)
    assert contact is not None
    assert (contact.phone, contact.name, contact.address, contact.email) == (
        "declarant.phone",
        "declarant.full_name",
        "declarant.residence",
        "declarant.email",
    )


def test_without_a_name_beside_the_phone_the_first_section_with_one_names_the_applicant() -> None:
    contact = contact_fields(procedure(demo_catalogue(), "1.004873").form)
    assert contact is not None
    assert (contact.phone, contact.name, contact.address) == (
        "contact.phone",
        "applicant.full_name",
        "applicant.residence",
    )


def test_a_form_may_name_the_section_of_the_applicant() -> None:
    contact = contact_fields(procedure(demo_catalogue(), "1.004746").form)
    assert contact is not None
    assert (contact.phone, contact.name, contact.address) == (
        "contact.phone",
        "guardian.full_name",
        "guardian.residence",
    )


def test_an_applicant_section_without_a_name_is_refused(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "1.004746", "applicant: guardian", "applicant: guardianship")
    with pytest.raises(InvalidCatalogueData) as caught:
        load_catalogue(folder)
    assert "ui.applicant 'guardianship' must name a section with a full_name field" in caught.value.messages()["en"]

"""Where a dossier goes: received by any centre of the province (Decree 118/2025 Art 14(2)), decided by
the competent agency; both are recorded, the receipt names the unit that received it, and old apps that
send one agency code are still heard."""

from __future__ import annotations

import importlib
import uuid
from typing import Any

import httpx
import pytest

from backend.catalogue.datafiles import AgencyFile, Text
from backend.dossiers import service
from backend.dossiers.tables import Dossier
from backend.settings import Settings
from tests.factories import NOW, demo_catalogue, seeded, submission, submitted, with_files

pytestmark = pytest.mark.usefixtures("db")


async def _send(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/api/submissions", json=await with_files(client, body))


async def _places(code: str) -> tuple[str, str, str]:
    row = await Dossier.select().where(Dossier.code == code).first()
    assert row is not None
    return row["agency_code"], row["receiving_unit_code"], row["competent_agency_code"]


async def test_a_commune_dossier_received_at_another_communes_centre_is_accepted_and_records_both(
    client: httpx.AsyncClient,
) -> None:
    await seeded()
    response = await _send(client, submission(competent="H12.41", receiving="H12.42.01"))
    assert response.status_code == 201, response.text
    dossier = response.json()
    assert dossier["code"].startswith("H12.42.01-")
    assert (dossier["receivingUnitCode"], dossier["competentAgencyCode"]) == ("H12.42.01", "H12.41")
    assert await _places(dossier["code"]) == ("H12.42.01", "H12.42.01", "H12.41")


async def test_a_dossier_sent_to_a_centre_of_another_province_is_refused(client: httpx.AsyncClient) -> None:
    data = demo_catalogue()
    data.agencies += [
        AgencyFile(code="T99", name=Text(vi="Tỉnh thử nghiệm", en="Test province"), kind="province"),
        AgencyFile(code="T99.01", name=Text(vi="Trung tâm thử nghiệm", en="Test centre"), kind="centre", parent="T99"),
    ]
    await seeded(data)
    response = await _send(client, submission(competent="H12.41", receiving="T99.01"))
    assert response.status_code == 422 and response.json()["code"] == "outside_province"
    assert await Dossier.count() == 0


async def test_a_commune_procedure_is_decided_by_a_commune_only(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await _send(client, submission(competent="H12.02"))  # the provincial Department of Justice
    assert response.status_code == 422 and response.json()["code"] == "agency_not_competent"


async def test_a_peoples_committee_is_not_a_receiving_unit(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await _send(client, submission(receiving="H12.42"))
    assert response.status_code == 422 and response.json()["code"] == "agency_not_accepted"


async def test_at_the_provincial_centre_the_commune_is_by_default_that_of_nobody(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await _send(client, submission(competent=None, receiving="H12.01"))
    assert response.status_code == 422 and response.json()["code"] == "agency_not_competent"
    named = await _send(client, submission(competent="H12.43", receiving="H12.01"))
    assert named.status_code == 201 and named.json()["code"].startswith("H12.01-")


@pytest.mark.parametrize(
    ("agency_code", "receiving", "competent"),
    [
        ("H12.41.01", "H12.41.01", "H12.41"),  # a centre: the commune is the centre's own
        ("H12.42", "H12.42.01", "H12.42"),  # a commune: its centre receives
        ("H12.22.06", "H12.42.01", "H12.42"),  # a commune of the demo before the 2025 merger
    ],
)
async def test_an_old_app_submission_with_only_an_agency_code_is_accepted(
    client: httpx.AsyncClient, agency_code: str, receiving: str, competent: str
) -> None:
    await seeded()
    body = submission(agency_code=agency_code)
    assert "receivingUnitCode" not in body and "competentAgencyCode" not in body
    response = await _send(client, body)
    assert response.status_code == 201, response.text
    assert await _places(response.json()["code"]) == (receiving, receiving, competent)
    again = await client.post("/api/submissions", json=await with_files(client, body))
    assert again.status_code == 200 and again.json()["code"] == response.json()["code"]


async def test_the_receipt_and_tracking_name_the_receiving_unit_and_the_deciding_commune(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    await seeded()
    made = await submitted(client, "1.004873", competent="H12.41", receiving="H12.42.01")
    await service.receive(made["dossier"]["code"], "canbo", NOW, settings.tz)
    mine = await client.post("/api/dossiers/mine", json={"tokens": [made["sent"]["accessToken"]]})
    [view] = mine.json()["dossiers"]
    assert view["agencyName"]["vi"] == "Trung tâm Phục vụ hành chính công xã Thiên Lộc"
    assert view["receipt"]["agencyName"]["vi"] == "Trung tâm Phục vụ hành chính công xã Thiên Lộc"
    assert (view["competentAgencyCode"], view["competentAgencyName"]["vi"]) == ("H12.41", "Ủy ban nhân dân xã Can Lộc")
    phone = made["sent"]["answers"]["contact"]["phone"]
    tracked = await client.post("/api/tracking", json={"code": view["code"], "phone": phone})
    assert tracked.status_code == 200, tracked.text
    assert tracked.json()["agencyName"]["vi"] == "Trung tâm Phục vụ hành chính công xã Thiên Lộc"
    assert tracked.json()["competentAgencyName"]["vi"] == "Ủy ban nhân dân xã Can Lộc"


async def test_dossiers_from_before_the_two_tier_model_are_received_and_decided_by_their_agency(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = Dossier(
        code="H12.22.05-261123-0001",
        submission_id=uuid.uuid4(),
        fingerprint="f",
        procedure_code="1.001193",
        procedure_version=1,
        agency_code="H12.22.05",
        channel="online",
        status="submitted",
        submitted_at=NOW,
        access_token_hash="h",
    )
    await Dossier.insert(old)  # as the migration finds it: both new columns at their default, ""
    # The migration finds the engine through piccolo_conf; here it is the test's own.
    monkeypatch.setattr("piccolo.engine.engine_finder", lambda *_, **__: Dossier._meta.db)
    migration = importlib.import_module("migrations.motcua_2026_12_01t05_27_11_000000")
    for step in (await migration.forwards()).raw:  # its one raw step, as `motcua migrate` runs it
        await step()
    assert await _places("H12.22.05-261123-0001") == ("H12.22.05", "H12.22.05", "H12.22.05")

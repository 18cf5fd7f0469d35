"""The counter receives a submitted dossier (tiếp nhận): it gets an appointment date in working days and
a receipt (giấy tiếp nhận và hẹn trả kết quả) with a QR code that leads to its tracking page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import httpx
import pytest
import segno

from backend.catalogue.datafiles import AgencyHours
from backend.catalogue.service import tidy_phone
from backend.dossiers import service
from backend.dossiers.receipt import qr_code, tracking_url
from backend.dossiers.rules import TRANSITIONS, IllegalTransition, Status, can_move
from backend.dossiers.tables import Dossier, DossierEvent
from backend.errors import DomainError
from backend.settings import Settings
from tests.factories import NOW, demo_catalogue, seeded, submitted

pytestmark = pytest.mark.usefixtures("db")
MONDAY_MORNING = NOW  # 2026-11-23 09:00 in Vietnam, a Monday


async def _view(client: httpx.AsyncClient, made: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/api/dossiers/mine", json={"tokens": [made["sent"]["accessToken"]]})
    [view] = response.json()["dossiers"]
    return dict(view)


async def test_receiving_sets_the_appointment_in_working_days(client: httpx.AsyncClient, settings: Settings) -> None:
    await seeded()
    made = await submitted(client, "1.004873")  # 3 working days
    code = made["dossier"]["code"]
    monday = dt.datetime(2026, 12, 7, 9, 0, tzinfo=settings.tz)
    due = await service.receive(code, "canbo.motcua", monday, settings.tz)
    assert due == dt.date(2026, 12, 10)
    row = await Dossier.select().where(Dossier.code == code).first()
    assert row is not None
    assert row["status"] == "received" and row["appointment_date"] == due
    assert row["received_at"] == monday
    events = await DossierEvent.select(DossierEvent.status, DossierEvent.actor).order_by(DossierEvent.at)
    assert events == [{"status": "submitted", "actor": "citizen"}, {"status": "received", "actor": "canbo.motcua"}]


async def test_receiving_counts_from_the_receiving_centres_own_closing_time(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    data = demo_catalogue()
    data.calendar.office_hours.by_agency["H12.42.01"] = AgencyHours(opens="07:00", closes="16:30")
    await seeded(data)
    # Received at Thiên Lộc's centre, which closes at 16:30, for xã Can Lộc, whose centre closes at 17:00.
    made = await submitted(client, "1.004873", competent="H12.41", receiving="H12.42.01")  # 3 working days
    monday_late = dt.datetime(2026, 12, 7, 16, 45, tzinfo=settings.tz)
    due = await service.receive(made["dossier"]["code"], "canbo", monday_late, settings.tz)
    # After the centre's closing: received Tuesday 8/12, so 3 working days end Friday 11/12 (not Thursday).
    assert due == dt.date(2026, 12, 11)


async def test_public_holidays_are_not_working_days(client: httpx.AsyncClient, settings: Settings) -> None:
    await seeded()
    made = await submitted(client, "1.004873")
    due = await service.receive(made["dossier"]["code"], "canbo", MONDAY_MORNING, settings.tz)
    assert due == dt.date(2026, 11, 27)  # Tuesday 24/11 is Vietnamese Culture Day (Ngày Văn hóa Việt Nam)


async def test_received_after_closing_on_friday_counts_from_monday(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    await seeded()
    made = await submitted(client, "1.004873")
    friday_evening = dt.datetime(2026, 11, 27, 17, 30, tzinfo=settings.tz)
    due = await service.receive(made["dossier"]["code"], "canbo", friday_evening, settings.tz)
    assert due == dt.date(2026, 12, 3)  # Monday 30/11 is the receipt day, then three working days


async def test_a_dossier_is_received_only_once(client: httpx.AsyncClient, settings: Settings) -> None:
    await seeded()
    code = (await submitted(client))["dossier"]["code"]
    await service.receive(code, "canbo", MONDAY_MORNING, settings.tz)
    with pytest.raises(IllegalTransition) as caught:
        await service.receive(code, "canbo", MONDAY_MORNING, settings.tz)
    assert caught.value.status == 409 and caught.value.code == "illegal_transition"
    assert "received" in caught.value.messages()["en"]
    assert await DossierEvent.count() == 2


async def test_receiving_an_unknown_code_is_a_not_found(settings: Settings) -> None:
    with pytest.raises(DomainError) as caught:
        await service.receive("H12.41.01-261123-9999", "canbo", MONDAY_MORNING, settings.tz)
    assert caught.value.status == 404


async def test_the_receipt_appears_only_once_the_dossier_is_received(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    await seeded()
    made = await submitted(client, "1.000656")
    code, answers = made["dossier"]["code"], made["sent"]["answers"]
    assert (await _view(client, made))["receipt"] is None
    await service.receive(code, "canbo", MONDAY_MORNING, settings.tz)
    view = await _view(client, made)
    assert view["status"] == "received" and view["appointmentDate"] == "2026-11-23"
    assert [h["status"] for h in view["history"]] == ["submitted", "received"]
    assert "23/11/2026" in view["history"][1]["note"] and "canbo" not in str(view["history"])
    receipt = view["receipt"]
    declarant = answers["declarant"]
    assert receipt["code"] == code
    assert receipt["applicantName"] == declarant["full_name"]
    assert receipt["address"] == declarant["residence"]
    assert receipt["phone"] == declarant["phone"]
    assert receipt["email"] == declarant.get("email")
    assert receipt["procedureName"]["vi"] == "Đăng ký khai tử" and receipt["agencyName"]["vi"]
    assert receipt["workingDays"] == 0 and receipt["sets"] == 1 and receipt["processingText"]
    assert receipt["appointmentDate"] == "2026-11-23" and receipt["receivedAt"] == view["receivedAt"]
    assert receipt["trackingUrl"] == f"http://testserver/#/tra-cuu/{code}"
    kinds = {d["kind"] for d in receipt["documents"]}
    assert {"original", "present_original"} <= kinds
    assert all(d["count"] >= 1 and d["name"] for d in receipt["documents"])


async def test_optional_papers_not_attached_are_left_off_the_receipt(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    await seeded()
    made = await submitted(client, "1.001193")
    await service.receive(made["dossier"]["code"], "canbo", MONDAY_MORNING, settings.tz)
    names = [d["name"] for d in (await _view(client, made))["receipt"]["documents"]]
    assert any("Giấy chứng sinh" in n for n in names)
    assert not any("bỏ rơi" in n for n in names)


async def test_the_receipt_names_the_applicant_from_another_section_when_the_contact_has_no_name(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    await seeded()
    made = await submitted(client, "1.004873")
    await service.receive(made["dossier"]["code"], "canbo", MONDAY_MORNING, settings.tz)
    receipt = (await _view(client, made))["receipt"]
    assert receipt["applicantName"] == made["sent"]["answers"]["applicant"]["full_name"]
    assert receipt["phone"] == made["sent"]["answers"]["contact"]["phone"]


def _rasterise(path: str, size: int) -> list[list[bool]]:
    """Draw the receipt's SVG path back into modules."""
    grid = [[False] * size for _ in range(size)]
    for x, y, w in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", path):
        for dx in range(int(w)):
            grid[int(y)][int(x) + dx] = True
    assert re.fullmatch(r"(M\d+ \d+h\d+v1h-\d+z)+", path)
    return grid


def test_the_qr_path_draws_exactly_the_qr_code_of_the_tracking_address() -> None:
    url = tracking_url("https://motcua.example/", "H12.41.01-261123-0007")
    assert url == "https://motcua.example/#/tra-cuu/H12.41.01-261123-0007"
    qr = qr_code(url)
    symbol = segno.make(url, micro=False, error="m")
    assert qr.size == symbol.symbol_size(border=0)[0] + 8
    expected = [[bool(cell) for cell in row] for row in symbol.matrix_iter(border=4)]
    assert _rasterise(qr.path, qr.size) == expected
    assert qr.path.startswith("M4 4h7v1h-7z")  # the top-left finder pattern, inside the quiet zone


def test_only_a_submitted_dossier_can_be_received() -> None:
    assert [s for s in Status if can_move(s, Status.RECEIVED)] == [Status.SUBMITTED]
    assert all(not TRANSITIONS[s] for s in (Status.REFUSED, Status.RETURNED, Status.WITHDRAWN))
    assert can_move(Status.SUPPLEMENT_REQUESTED, Status.SUBMITTED)
    assert not can_move(Status.READY, Status.WITHDRAWN)


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("0912 345 678", "0912345678"),
        ("+84 912-345-678", "0912345678"),
        ("84912345678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("0084 912.345.678", "0912345678"),
        ("", ""),
    ],
)
def test_tracking_reads_a_phone_as_the_form_keeps_it(written: str, normalised: str) -> None:
    assert tidy_phone(written) == normalised

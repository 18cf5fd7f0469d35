"""The result issued as a scan (issue 15): the deciding agency uploads it (checked by content, as a phone's files
are), names it in the result step, and the dossier keeps it; its staff read it, and so does the citizen whose
token opens that dossier, no one else. A scan the session did not upload, a disguised file or an oversized one
is refused and the dossier stays as it was."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from backend.dossiers import files
from backend.dossiers.purge import purge_uploads
from backend.settings import Settings
from tests.accounts.staffing import Clock
from tests.factories import bearer, jpeg_bytes, pdf_bytes, sha256
from tests.handling.journey import Desk, desk, row
from tests.review.desk import url

pytestmark = pytest.mark.usefixtures("db")


async def approved(d: Desk) -> dict[str, Any]:
    """A dossier received, assigned, its grant drafted by the handler and approved by the head."""
    made = await d.assigned()
    await d.ok("specialist", made, "submit-for-approval", outcome="granted", text="Đủ điều kiện cấp giấy xác nhận")
    await d.ok("leader", made, "approve")
    return made


async def upload(d: Desk, who: str, body: bytes, **headers: str) -> httpx.Response:
    return await d.client.put(
        f"/api/staff/result-scans/{sha256(body)}", content=body, headers=d.sessions[who].headers() | headers
    )


async def test_a_result_issued_with_its_scan_is_read_by_its_staff_and_its_own_citizen_only(
    client: httpx.AsyncClient, clock: Clock, settings: Settings
) -> None:
    d = await desk(client, clock)
    made, other = await approved(d), await d.received()
    scan = pdf_bytes(2)
    first, again = await upload(d, "specialist", scan), await upload(d, "specialist", scan)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == {"sha256": sha256(scan), "size": len(scan), "contentType": "application/pdf"}

    issued = await d.ok("specialist", made, "result", note="Giấy xác nhận đã ký", scan=sha256(scan))
    assert issued["status"] == "result_issued"
    kept = await row(made)
    assert (kept["result_scan"], kept["result_scan_type"], kept["result_scan_size"]) == (
        sha256(scan),
        "application/pdf",
        len(scan),
    )
    code = made["dossier"]["code"]
    handling = (await client.get(url(made, "handling"), headers=d.sessions["officer"].headers())).json()
    assert handling["resultScan"] == {
        "sha256": sha256(scan),
        "size": len(scan),
        "contentType": "application/pdf",
        "url": f"/api/staff/dossiers/{code}/result-scan",
    }

    # The receiving counter (who hands the result back) reads it; an agency it is not about does not.
    read = await client.get(url(made, "result-scan"), headers=d.sessions["officer"].headers())
    assert read.status_code == 200 and read.content == scan
    assert read.headers["content-type"] == "application/pdf"
    assert read.headers["content-disposition"] == f'attachment; filename="ket-qua-{code}.pdf"'
    assert (await client.get(url(made, "result-scan"), headers=d.sessions["stranger"].headers())).status_code == 404

    # The citizen reads it with the dossier's own token; another dossier's token, or none, does not.
    citizen = f"/api/dossiers/{code}/result-scan"
    mine = await client.get(citizen, headers=bearer(made["sent"]))
    assert mine.status_code == 200 and mine.content == scan
    theirs = await client.get(citizen, headers=bearer(other["sent"]))
    assert theirs.status_code == 404 and theirs.json()["code"] == "file_not_found"
    assert (await client.get(citizen)).status_code == 401
    # The phone learns of the scan with its dossiers (what a copy to download weighs); the other has none.
    tokens = [made["sent"]["accessToken"], other["sent"]["accessToken"]]
    views = (await client.post("/api/dossiers/mine", json={"tokens": tokens})).json()["dossiers"]
    assert {v["code"]: v["resultScan"] for v in views} == {
        code: {"contentType": "application/pdf", "size": len(scan)},
        other["dossier"]["code"]: None,
    }
    # The other dossier has no scan: its own token finds none either, with the same answer.
    none_yet = await client.get(f"/api/dossiers/{other['dossier']['code']}/result-scan", headers=bearer(other["sent"]))
    assert none_yet.status_code == 404 and none_yet.json() == theirs.json()

    # The scan left the session's uploads for the dossier. The head uploads the same file and never uses it: the
    # purge of old uploads removes that upload, and keeps the file, which the dossier's result needs.
    assert (await upload(d, "leader", scan)).status_code == 201
    purged = await purge_uploads(settings.attachments_dir, clock.at + dt.timedelta(days=365), dt.timedelta(days=1))
    assert purged.uploads == 1 and purged.files == 0
    assert files.path_of(settings.attachments_dir, sha256(scan)).is_file()
    assert (await client.get(citizen, headers=bearer(made["sent"]))).content == scan


async def test_a_result_may_still_be_issued_without_a_scan(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    made = await approved(d)
    await d.ok("specialist", made, "result", note="Bản giấy đã ký, chờ trả tại quầy")
    assert (await row(made))["result_scan"] == ""
    handling = (await client.get(url(made, "handling"), headers=d.sessions["specialist"].headers())).json()
    assert handling["resultScan"] is None
    assert (await client.get(url(made, "result-scan"), headers=d.sessions["officer"].headers())).status_code == 404


async def test_a_file_that_is_not_a_pdf_or_photo_is_refused_whatever_it_claims(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    page = b"<html><body>Giay xac nhan</body></html>" * 40
    as_pdf = {"Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="ket-qua.pdf"'}
    claimed = await upload(d, "specialist", page, **as_pdf)
    assert claimed.status_code == 415 and claimed.json()["code"] == "unsupported_file"
    assert {"vi", "en"} <= set(claimed.json()["message"])
    # A PDF's first bytes in front of something else are not a PDF either: one that cannot be opened.
    disguised = await upload(d, "specialist", b"%PDF-1.7\n" + page, **as_pdf)
    assert disguised.status_code == 415 and disguised.json()["code"] == "pdf_refused"
    # And neither is kept: the result step cannot name them.
    made = await approved(d)
    named = await d.act("specialist", made, "result", note="Giấy xác nhận đã ký", scan=sha256(page))
    assert named.status_code == 422 and named.json()["code"] == "result_scan_not_held"


async def test_a_scan_over_the_size_limit_is_refused(client: httpx.AsyncClient, clock: Clock) -> None:
    d = await desk(client, clock)
    big = jpeg_bytes(0) + b"\0" * files.MAX_FILE_BYTES
    answer = await upload(d, "leader", big)
    assert answer.status_code == 413 and answer.json()["code"] == "too_large"


async def test_only_the_deciding_agency_uploads_and_only_its_own_sessions_scan_is_taken(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    d = await desk(client, clock)
    made = await approved(d)
    photo = jpeg_bytes(3)
    counter = await upload(d, "officer", photo)
    assert counter.status_code == 403 and counter.json()["code"] == "forbidden"
    assert (await upload(d, "leader", photo)).status_code == 201
    # The handler names the scan the head's session uploaded: not this session's, refused, nothing changes.
    before = await row(made)
    refused = await d.act("specialist", made, "result", note="Giấy xác nhận đã ký", scan=sha256(photo))
    assert refused.status_code == 422 and refused.json()["code"] == "result_scan_not_held"
    assert (await row(made))["status"] == before["status"] == "approved"
    # The head issues it with the scan the head uploaded.
    await d.ok("leader", made, "result", note="Giấy xác nhận đã ký", scan=sha256(photo))
    read = await client.get(url(made, "result-scan"), headers=d.sessions["specialist"].headers())
    assert read.status_code == 200 and read.content == photo and read.headers["content-type"] == "image/jpeg"

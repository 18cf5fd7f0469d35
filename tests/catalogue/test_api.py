"""The public catalogue API: snapshot with a strong ETag, changes since a version, one procedure,
search, the calendar, and clear problems for bad requests."""

from __future__ import annotations

import gzip

import brotli
import httpx
import pytest

from tests.factories import demo_catalogue, renamed, seeded, without

pytestmark = pytest.mark.usefixtures("db")


async def test_snapshot_has_every_procedure_and_a_strong_etag(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await client.get("/api/catalogue", headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    etag = response.headers["etag"]
    assert etag.startswith('"1-') and not etag.startswith("W/")
    body = response.json()
    assert body["version"] == 1 and body["demo"] is True
    assert {p["code"] for p in body["procedures"]} == {p.code for p in demo_catalogue().procedures}
    birth = next(p for p in body["procedures"] if p["code"] == "1.001193")
    assert birth["name"]["vi"] == "Đăng ký khai sinh"
    assert birth["form"]["schema"]["type"] == "object"
    assert {"executingAgency", "onlineLevel", "legalBasis", "processing", "documents", "fees"} <= set(birth)


async def test_snapshot_is_304_when_the_client_holds_it(client: httpx.AsyncClient) -> None:
    await seeded()
    first = await client.get("/api/catalogue")
    again = await client.get("/api/catalogue", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]


async def test_a_weakened_etag_from_a_proxy_still_matches(client: httpx.AsyncClient) -> None:
    await seeded()
    etag = (await client.get("/api/catalogue")).headers["etag"]
    assert (await client.get("/api/catalogue", headers={"If-None-Match": f'"x", W/{etag}'})).status_code == 304


async def test_snapshot_etag_changes_when_the_catalogue_changes(client: httpx.AsyncClient) -> None:
    await seeded()
    old = (await client.get("/api/catalogue")).headers["etag"]
    await seeded(renamed(demo_catalogue(), "1.000656", "Đăng ký khai tử (mới)"))
    response = await client.get("/api/catalogue", headers={"If-None-Match": old})
    assert response.status_code == 200
    assert response.headers["etag"] != old
    assert response.json()["version"] == 2


@pytest.mark.parametrize(("encoding", "decode"), [("br", brotli.decompress), ("gzip", gzip.decompress)])
async def test_snapshot_is_compressed_for_clients_that_accept_it(
    client: httpx.AsyncClient, encoding: str, decode: object
) -> None:
    await seeded()
    plain = await client.get("/api/catalogue", headers={"Accept-Encoding": "identity"})
    # Ask httpx not to decode, so the bytes on the wire are checked.
    request = client.build_request("GET", "/api/catalogue", headers={"Accept-Encoding": encoding})
    response = await client.send(request, stream=True)
    raw = b"".join([chunk async for chunk in response.aiter_raw()])
    assert response.headers["content-encoding"] == encoding
    assert response.headers["vary"] == "Accept-Encoding"
    assert decode(raw) == plain.content  # type: ignore[operator]
    assert len(raw) < len(plain.content) / 3


async def test_changes_since_a_version_hold_only_what_changed(client: httpx.AsyncClient) -> None:
    await seeded()
    await seeded(without(renamed(demo_catalogue(), "2.000635", "Cấp bản sao trích lục hộ tịch (sửa)"), "2.000884"))
    body = (await client.get("/api/catalogue/changes", params={"since": 1})).json()
    assert body["version"] == 2 and body["since"] == 1
    assert [p["code"] for p in body["procedures"]] == ["2.000635"]
    assert body["removed"]["procedures"] == ["2.000884"]
    assert body["fields"] == [] and body["agencies"] == []


async def test_changes_since_the_current_version_are_empty(client: httpx.AsyncClient) -> None:
    await seeded()
    body = (await client.get("/api/catalogue/changes", params={"since": 1})).json()
    assert body["procedures"] == [] and body["removed"] == {"fields": [], "agencies": [], "procedures": []}


async def test_changes_since_zero_are_the_whole_catalogue(client: httpx.AsyncClient) -> None:
    await seeded()
    body = (await client.get("/api/catalogue/changes", params={"since": 0})).json()
    assert len(body["procedures"]) == len(demo_catalogue().procedures)


async def test_changes_since_a_future_version_ask_for_a_full_download(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await client.get("/api/catalogue/changes", params={"since": 99})
    assert response.status_code == 410
    problem = response.json()
    assert problem["code"] == "catalogue_version_unknown"
    assert "tải lại" in problem["message"]["vi"] and "download" in problem["message"]["en"]


async def test_changes_without_a_valid_since_are_a_clear_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/catalogue/changes", params={"since": "abc"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "invalid_request"
    assert response.json()["message"]["vi"]


async def test_one_procedure_by_code(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await client.get("/api/procedures/2.000908")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "2.000908" and body["field"] == "chung-thuc"
    assert (
        await client.get("/api/procedures/2.000908", headers={"If-None-Match": response.headers["etag"]})
    ).status_code == 304


async def test_an_unknown_code_is_a_404_problem_in_both_languages(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await client.get("/api/procedures/9.999999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "procedure_not_found" and problem["status"] == 404
    assert "9.999999" in problem["message"]["vi"] and "9.999999" in problem["message"]["en"]


async def test_a_withdrawn_procedure_is_404(client: httpx.AsyncClient) -> None:
    await seeded()
    await seeded(without(demo_catalogue(), "2.000884"))
    assert (await client.get("/api/procedures/2.000884")).status_code == 404


@pytest.mark.parametrize("query", ["dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "khai sinh", "Dang Ky Khai Sinh"])
async def test_search_ignores_case_and_diacritics(client: httpx.AsyncClient, query: str) -> None:
    await seeded()
    body = (await client.get("/api/procedures", params={"q": query})).json()
    assert body["results"][0]["code"] == "1.001193"
    assert body["results"][0]["name"]["vi"] == "Đăng ký khai sinh"


async def test_search_with_a_field_filter_and_a_limit(client: httpx.AsyncClient) -> None:
    await seeded()
    body = (await client.get("/api/procedures", params={"field": "ho-tich", "limit": 2})).json()
    assert len(body["results"]) == 2 and body["total"] > 2
    assert all(r["field"] == "ho-tich" for r in body["results"])


async def test_search_rejects_an_unknown_level(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/procedures", params={"level": "planet"})
    assert response.status_code == 400 and response.json()["code"] == "invalid_request"


async def test_calendar_lists_holidays_and_make_up_days_for_this_year_and_next(client: httpx.AsyncClient) -> None:
    await seeded()
    response = await client.get("/api/calendar")
    body = response.json()
    assert body["lastYear"] == body["firstYear"] + 1
    assert body["timezone"] == "Asia/Ho_Chi_Minh" and body["weekend"] == [6, 7]
    years = {d["date"][:4] for d in body["daysOff"]}
    assert years == {str(body["firstYear"]), str(body["lastYear"])}
    new_year = f"{body['firstYear']}-01-01"
    assert any(d["date"] == new_year for d in body["daysOff"])
    again = await client.get("/api/calendar", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


async def test_appointment_endpoint_counts_working_days_over_a_holiday(client: httpx.AsyncClient) -> None:
    await seeded()
    # Friday 2026-08-28, three working days: Mon 31/8, 1/9 and 2/9 are days off, so Thu 3/9, Fri 4/9, Mon 7/9.
    response = await client.get(
        "/api/calendar/appointment", params={"workingDays": 3, "receivedAt": "2026-08-28T10:00:00+07:00"}
    )
    body = response.json()
    assert body["receiptDay"] == "2026-08-28"
    assert body["appointmentDate"] == "2026-09-07"


async def test_a_same_day_procedure_received_after_its_cutoff_is_due_the_next_working_day(
    client: httpx.AsyncClient,
) -> None:
    await seeded()
    # Chứng thực bản sao (2.000908): "trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ".
    procedure = (await client.get("/api/procedures/2.000908")).json()
    assert procedure["processing"]["workingDays"] == 0
    assert procedure["processing"]["cutoff"] == "15:00"
    # Friday 2026-12-04 at 15:20: after the cut-off, so counted from Monday 2026-12-07.
    late = {"workingDays": 0, "receivedAt": "2026-12-04T15:20:00+07:00"}
    body = (await client.get("/api/calendar/appointment", params={**late, "cutoff": "15:00"})).json()
    assert (body["receiptDay"], body["appointmentDate"]) == ("2026-12-07", "2026-12-07")
    without = (await client.get("/api/calendar/appointment", params=late)).json()
    assert without["appointmentDate"] == "2026-12-04"


async def test_unknown_api_paths_are_json_problems_not_the_app_page(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


async def test_health_reports_the_catalogue_version(client: httpx.AsyncClient) -> None:
    await seeded()
    assert (await client.get("/api/health")).json() == {"status": "ok", "catalogueVersion": 1}


async def test_openapi_schema_is_served_as_json_without_external_scripts(client: httpx.AsyncClient) -> None:
    for path in ("/api/schema", "/api/schema/openapi.json"):
        schema = (await client.get(path)).json()
        assert "/api/catalogue" in schema["paths"] and "/api/procedures/{code}" in schema["paths"]

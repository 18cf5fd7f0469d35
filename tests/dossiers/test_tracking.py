"""Following a dossier: a phone sees its own dossiers by their tokens; anyone with the code and the contact
phone sees status and dates, nothing personal; guessing is slowed down per client address, and per code
and client address, in counters every process shares."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from backend.settings import Settings
from tests.conftest import app_client
from tests.factories import seeded, submitted

pytestmark = pytest.mark.usefixtures("db", "one_minute")


async def _mine(client: httpx.AsyncClient, *tokens: str) -> httpx.Response:
    return await client.post("/api/dossiers/mine", json={"tokens": list(tokens)})


async def _track(client: httpx.AsyncClient, code: str, phone: str, via: str | None = None) -> httpx.Response:
    """`via`: the citizen's address as the (trusted, local) reverse proxy forwards it."""
    headers = {"X-Forwarded-For": via} if via else {}
    return await client.post("/api/tracking", json={"code": code, "phone": phone}, headers=headers)


def _phone(sent: dict[str, Any]) -> str:
    return str(sent["answers"]["declarant"]["phone"])


async def test_my_dossiers_are_found_by_their_tokens_newest_first(client: httpx.AsyncClient) -> None:
    await seeded()
    older = await submitted(client)
    await asyncio.sleep(0.01)
    newer = await submitted(client, "1.004873")
    response = await _mine(client, older["sent"]["accessToken"], newer["sent"]["accessToken"])
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    views = response.json()["dossiers"]
    assert [v["code"] for v in views] == [newer["dossier"]["code"], older["dossier"]["code"]]
    view = views[1]
    assert view["procedureName"] == {"vi": "Đăng ký khai sinh", "en": "Birth registration"}
    assert view["agencyName"]["vi"] and view["channel"] == "online" and view["status"] == "submitted"
    assert view["attachments"] == older["dossier"]["attachments"]
    assert [(h["status"], h["note"]) for h in view["history"]] == [("submitted", "")]
    assert view["receipt"] is None and view["receivedAt"] is None and view["appointmentDate"] is None


async def test_another_devices_token_sees_nothing(client: httpx.AsyncClient) -> None:
    await seeded()
    await submitted(client)
    response = await _mine(client, secrets.token_urlsafe(32))
    assert response.status_code == 200 and response.json() == {"dossiers": []}


async def test_asking_for_no_token_or_too_many_is_a_400(client: httpx.AsyncClient) -> None:
    assert (await _mine(client)).status_code == 400
    assert (await _mine(client, *[secrets.token_urlsafe(32) for _ in range(101)])).status_code == 400


async def test_the_code_and_phone_show_status_and_dates_and_nothing_personal(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client)
    code, answers = made["dossier"]["code"], made["sent"]["answers"]
    response = await _track(client, code, _phone(made["sent"]))
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    tracked = response.json()
    assert tracked["code"] == code and tracked["status"] == "submitted"
    assert tracked["procedureName"]["vi"] == "Đăng ký khai sinh"
    assert [h["status"] for h in tracked["history"]] == ["submitted"]
    assert set(tracked) == {
        "code",
        "procedureName",
        "agencyName",
        "competentAgencyName",
        "status",
        "submittedAt",
        "receivedAt",
        "appointmentDate",
        "history",
    }
    text = response.text
    for section in answers.values():
        for value in section.values():
            if isinstance(value, str) and len(value) > 3:
                assert value not in text
    assert "sha256" not in text and "note" not in text


@pytest.mark.parametrize("spelling", ["{p}", "{p0} {p1} {p2}", "+84 {rest}", "84{rest}", "({p0}) {p1}.{p2}"])
async def test_the_phone_may_be_written_with_spaces_or_the_country_code(
    client: httpx.AsyncClient, spelling: str
) -> None:
    await seeded()
    made = await submitted(client)
    phone = _phone(made["sent"])
    written = spelling.format(p=phone, p0=phone[:4], p1=phone[4:7], p2=phone[7:], rest=phone[1:])
    assert (await _track(client, made["dossier"]["code"], written)).status_code == 200


async def test_a_wrong_phone_and_an_unknown_code_get_the_same_404(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client)
    code = made["dossier"]["code"]
    wrong_phone = await _track(client, code, "0999999999")
    unknown_code = await _track(client, code[:-4] + "9999", _phone(made["sent"]))
    assert wrong_phone.status_code == unknown_code.status_code == 404
    assert wrong_phone.json() == unknown_code.json()
    assert wrong_phone.json()["code"] == "dossier_not_found"
    assert wrong_phone.headers["cache-control"] == unknown_code.headers["cache-control"] == "no-store"


async def test_wrong_phones_from_one_address_do_not_lock_the_owner_out(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client)
    code = made["dossier"]["code"]
    guesses = [await _track(client, code, f"09{i:08d}", via="203.0.113.7") for i in range(5)]
    assert [r.status_code for r in guesses] == [404, 404, 404, 429, 429]
    paused = guesses[-1]
    assert paused.json()["code"] == "too_many_requests"
    assert 1 <= int(paused.headers["retry-after"]) <= 15
    assert paused.json()["message"]["vi"].startswith("Chưa tra cứu được lúc này; vui lòng thử lại sau ")
    assert "sai" not in paused.json()["message"]["vi"]  # nothing that blames whoever is waiting
    owner = await _track(client, code, _phone(made["sent"]), via="198.51.100.20")
    assert owner.status_code == 200, owner.text


async def test_a_code_is_found_in_any_case_with_spaces_around(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client)
    code = made["dossier"]["code"]
    response = await _track(client, f"  {code.lower()} ", _phone(made["sent"]))
    assert response.status_code == 200, response.text
    assert response.json()["code"] == code


async def test_the_back_off_counts_a_code_however_it_is_written(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client)
    code = made["dossier"]["code"]
    spellings = [code, code.lower(), f" {code} ", code.lower()]
    answers = [await _track(client, written, "0999999999", via="203.0.113.7") for written in spellings]
    assert [r.status_code for r in answers] == [404, 404, 404, 429]


async def test_a_right_phone_starts_the_count_of_failures_again(client: httpx.AsyncClient) -> None:
    await seeded()
    made = await submitted(client)
    code, right = made["dossier"]["code"], _phone(made["sent"])
    typed = ["0999999999", "0999999998", right] * 2 + ["0999999997", right]
    answers = [await _track(client, code, phone) for phone in typed]
    assert [r.status_code for r in answers] == [404, 404, 200, 404, 404, 200, 404, 200]


@pytest.fixture
async def strict_client(settings: Settings, db: object) -> AsyncIterator[httpx.AsyncClient]:
    """An app that allows three tracking requests a minute per client address."""
    async with app_client(settings.model_copy(update={"tracking_requests_per_minute": 3})) as http:
        yield http


async def test_a_client_asking_too_often_gets_a_429_with_retry_after(strict_client: httpx.AsyncClient) -> None:
    await seeded()
    answers = [await _track(strict_client, f"H12.41.01-261123-000{i}", "0912345678") for i in range(4)]
    assert [r.status_code for r in answers] == [404, 404, 404, 429]
    assert int(answers[-1].headers["retry-after"]) >= 1
    assert answers[-1].json()["code"] == "too_many_requests"
    mine = await strict_client.post("/api/dossiers/mine", json={"tokens": [secrets.token_urlsafe(32)]})
    assert mine.status_code == 200  # only tracking is limited


async def test_two_processes_share_one_budget_per_address(settings: Settings, db: object) -> None:
    await seeded()
    strict = settings.model_copy(update={"tracking_requests_per_minute": 3})
    async with app_client(strict) as first, app_client(strict) as second:
        answers = [
            await _track(app, f"H12.22.05-261123-000{i}", "0912345678") for i, app in enumerate([first, second] * 2)
        ]
    assert [r.status_code for r in answers] == [404, 404, 404, 429]


async def test_the_address_is_the_right_most_one_the_trusted_proxies_did_not_add(
    settings: Settings, db: object
) -> None:
    """Behind a local proxy and an internal one (10.0.0.0/8), each citizen has a budget of its own; what a
    client writes itself in X-Forwarded-For, left of the address the proxies saw, changes nothing."""
    await seeded()
    behind = settings.model_copy(update={"tracking_requests_per_minute": 3, "trusted_proxies": "127.0.0.1, 10.0.0.0/8"})
    async with app_client(behind) as http:
        citizens = [
            await _track(http, "H12.22.05-261123-0001", "0912345678", via=f"198.51.100.{i}, 10.0.0.9") for i in range(4)
        ]
        forged = [
            await _track(http, f"H12.22.05-261123-000{i}", "0912345678", via=f"192.0.2.{i}, 203.0.113.9")
            for i in range(4)
        ]
    assert [r.status_code for r in citizens] == [404, 404, 404, 404]
    assert [r.status_code for r in forged] == [404, 404, 404, 429]

"""A citizen rates a returned dossier from the app (Decree 118/2025 Art 29-34): kept once under the phone's id,
one rating per dossier (a kiosk rating first is named to the phone), only once the result is handed back."""

from __future__ import annotations

import uuid

import httpx
import pytest

from backend.dossiers.tables import Dossier
from backend.satisfaction import rules, service
from backend.satisfaction.rules import Channel
from backend.satisfaction.tables import Rating
from backend.settings import Settings
from tests.accounts.staffing import staff
from tests.factories import NOW
from tests.satisfaction.rating import RATINGS, made, rating

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture(autouse=True)
def still(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Settings, "now", lambda _: NOW)


async def test_a_returned_dossier_is_rated_and_a_retry_is_answered_with_the_same_rating(
    client: httpx.AsyncClient,
) -> None:
    sent = await made(client)
    body = rating(sent)
    first = await client.post(RATINGS, json=body)
    assert first.status_code == 201, first.text
    again = await client.post(RATINGS, json=body)
    assert again.status_code == 200, again.text
    assert again.json() == first.json()
    answer = first.json()
    assert answer["code"] == sent["dossier"]["code"]
    assert (answer["channel"], answer["level"], answer["timeliness"], answer["visits"]) == ("app", "satisfied",
                                                                                            "on_time", 1)  # fmt: skip
    assert (answer["attitude"], answer["extraCost"], answer["comment"]) == ("good", False, "Cán bộ hướng dẫn tận tình")
    [kept] = await Rating.select()
    assert (kept["receiving_unit_code"], kept["competent_agency_code"], kept["procedure_code"]) == (
        "H12.41.01",
        "H12.41",
        "1.004873",
    )
    assert (kept["rated_at"], kept["officer"], str(kept["rating_id"])) == (NOW, None, body["ratingId"])


async def test_the_app_rating_names_the_officer_who_returned_the_dossier(client: httpx.AsyncClient) -> None:
    await made(client)  # another dossier, so the officer's id is not simply the first
    officer = await staff("tra.ketqua")
    sent = await made(client, returned_by=officer)
    assert (await client.post(RATINGS, json=rating(sent))).status_code == 201
    [kept] = await Rating.select(Rating.officer)
    assert kept["officer"] == await service.accounts.staff_id("tra.ketqua")
    assert kept["officer"] is not None


@pytest.mark.parametrize("status", ["submitted", "in_progress", "ready", "stopped", "closed"])
async def test_only_a_dossier_whose_result_was_handed_back_is_rated(client: httpx.AsyncClient, status: str) -> None:
    sent = await made(client, status=status)
    answer = await client.post(RATINGS, json=rating(sent))
    assert answer.status_code == 409, answer.text
    assert (answer.json()["code"], answer.json()["current"]) == ("not_rateable", status)
    assert "đã nhận kết quả" in answer.json()["message"]["vi"]
    assert await Rating.count() == 0


async def test_a_second_rating_is_refused_naming_where_the_first_was_given(client: httpx.AsyncClient) -> None:
    sent = await made(client)
    officer = await service.accounts.staff_id(await staff("quay.danhgia"))
    code = sent["dossier"]["code"]
    at_counter = rules.answers("very_satisfied", visits=0)
    kept, created = await service.record(
        code, uuid.uuid4(), at_counter, channel=Channel.KIOSK, officer=officer, now=NOW
    )
    assert created and (kept.channel, kept.level, kept.visits, kept.timeliness) == ("kiosk", "very_satisfied", 0, None)
    answer = await client.post(RATINGS, json=rating(sent))
    assert answer.status_code == 409, answer.text
    assert (answer.json()["code"], answer.json()["channel"]) == ("already_rated", "kiosk")
    [row] = await Rating.select(Rating.channel, Rating.officer)
    assert row == {"channel": "kiosk", "officer": officer}
    found = await service.rating_of(code)
    assert found is not None and found.rating_id == kept.rating_id


async def test_a_rating_id_is_not_reused_for_another_dossier(client: httpx.AsyncClient) -> None:
    one, other = await made(client), await made(client)
    rating_id = uuid.uuid4()
    assert (await client.post(RATINGS, json=rating(one, rating_id))).status_code == 201
    answer = await client.post(RATINGS, json=rating(other, rating_id))
    assert answer.status_code == 409 and answer.json()["code"] == "rating_conflict"
    assert await service.rating_of(other["dossier"]["code"]) is None


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"level": "happy"}, ["level"]),
        ({"timeliness": "soon", "attitude": "rude"}, ["timeliness", "attitude"]),
        ({"visits": 11}, ["visits"]),
        ({"visits": -1}, ["visits"]),
        ({"comment": "ạ" * 1001}, ["comment"]),
    ],
)
async def test_bad_values_are_refused_naming_each_field(
    client: httpx.AsyncClient, changes: dict[str, object], fields: list[str]
) -> None:
    sent = await made(client)
    answer = await client.post(RATINGS, json=rating(sent, **changes))
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["code"] == "invalid_rating" and [e["field"] for e in body["errors"]] == fields
    assert body["message"]["vi"].startswith("Đánh giá chưa hợp lệ") and body["message"]["en"]
    assert await Rating.count() == 0


async def test_only_the_level_is_needed_and_a_wrong_token_finds_nothing(client: httpx.AsyncClient) -> None:
    sent = await made(client)
    body = rating(sent)
    wrong = await client.post(RATINGS, json={**body, "accessToken": "x" * 43})
    assert wrong.status_code == 404, wrong.text
    bare = {k: body[k] for k in ("submissionId", "accessToken", "ratingId")}
    assert (await client.post(RATINGS, json=bare)).status_code == 400  # no level: not a rating
    answer = await client.post(RATINGS, json={**bare, "level": "unsatisfied"})
    assert answer.status_code == 201, answer.text
    got = answer.json()
    assert (got["level"], got["timeliness"], got["visits"], got["attitude"], got["extraCost"], got["comment"]) == (
        "unsatisfied", None, None, None, None, ""
    )  # fmt: skip


async def test_the_rating_goes_with_its_dossier(client: httpx.AsyncClient) -> None:
    sent = await made(client)
    assert (await client.post(RATINGS, json=rating(sent))).status_code == 201
    await Dossier.delete().where(Dossier.code == sent["dossier"]["code"])
    assert await Rating.count() == 0


def test_satisfied_is_very_satisfied_and_satisfied_over_every_rating() -> None:
    # 2 very satisfied + 1 satisfied of 4 ratings: 3/4 = 75 %; 1 of 3: 33.33… %
    assert rules.satisfied_share({"very_satisfied": 2, "satisfied": 1, "unsatisfied": 1}) == 75.0
    assert rules.satisfied_share({"unsatisfied": 2, "satisfied": 1}) == pytest.approx(100 / 3)
    assert rules.satisfied_share({}) is None

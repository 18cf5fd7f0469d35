"""The counter's rating tablet (Art 31): the officer invites the citizen to rate the dossier just returned, the
tablet signed in as the officer shows it (code and procedure only) and records the rating, channel kiosk, for the
officer who returned the dossier; a dossier rated on the phone is named; another unit's officer may not."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest

from backend.accounts import service as accounts
from backend.accounts.rules import Role
from backend.satisfaction.tables import Rating
from tests.accounts.staffing import OTHER_AGENCY, Clock, Session, sign_in, staff
from tests.factories import NOW
from tests.satisfaction.rating import RATINGS, made, rating

pytestmark = pytest.mark.usefixtures("db")

KIOSK = "/api/staff/kiosk/invitation"
KIOSK_RATINGS = "/api/staff/kiosk/ratings"


def invitation(code: str) -> str:
    return f"/api/staff/dossiers/{code}/rating-invitation"


def tablet_rating(code: str, rating_id: uuid.UUID | None = None, **changes: object) -> dict[str, object]:
    return {"code": code, "ratingId": str(rating_id or uuid.uuid4()), "level": "very_satisfied", "visits": 0,
            "attitude": "good", "comment": " Nhanh  gọn ", **changes}  # fmt: skip


async def waiting(client: httpx.AsyncClient, tablet: Session) -> dict[str, object] | None:
    answer = await client.get(KIOSK, headers=tablet.cookie_only())
    assert answer.status_code == 200, answer.text
    assert answer.json()["pollSeconds"] == 3
    shown: dict[str, object] | None = answer.json()["invitation"]
    return shown


async def test_the_tablet_shows_the_invited_dossier_and_records_it_for_the_officer_who_returned_it(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    sent = await made(client, returned_by=await staff("tra.ketqua"))
    code = sent["dossier"]["code"]
    colleague = await sign_in(client, await staff("quay.ben"))  # invites for the officer who returned it
    tablet = await sign_in(client, "quay.ben")  # the same account, on the tablet facing the citizen
    assert await waiting(client, tablet) is None
    invited = await client.post(invitation(code), headers=colleague.headers())
    assert invited.status_code == 201, invited.text
    clock.advance(minutes=9, seconds=59)  # still open just before its 10 minutes
    shown = await waiting(client, tablet)
    assert shown is not None
    assert (shown["code"], shown["procedureName"], shown["ratedVia"]) == (
        code, {"vi": "Cấp Giấy xác nhận tình trạng hôn nhân", "en": "Certificate of marital status"}, None
    )  # fmt: skip
    assert set(shown) == {"code", "procedureName", "invitedAt", "expiresAt", "ratedVia"}  # nobody's name or id
    opened, ends = (dt.datetime.fromisoformat(str(shown[key])) for key in ("invitedAt", "expiresAt"))
    assert (opened, ends) == (NOW, NOW + dt.timedelta(minutes=10))
    body = tablet_rating(code)
    kept = await client.post(KIOSK_RATINGS, json=body, headers=tablet.headers())
    assert kept.status_code == 201, kept.text
    got = kept.json()
    assert (got["channel"], got["level"], got["visits"], got["attitude"], got["comment"]) == (
        "kiosk", "very_satisfied", 0, "good", "Nhanh gọn"
    )  # fmt: skip
    [row] = await Rating.select(Rating.channel, Rating.officer)
    assert row == {"channel": "kiosk", "officer": await accounts.staff_id("tra.ketqua")}
    assert await waiting(client, tablet) is None  # back to waiting
    again = await client.post(KIOSK_RATINGS, json=body, headers=tablet.headers())  # a retry: the same rating
    assert again.status_code == 200 and again.json() == got
    other = await client.post(KIOSK_RATINGS, json=tablet_rating(code), headers=tablet.headers())
    assert other.status_code == 409 and other.json()["code"] == "no_rating_invitation"
    assert await Rating.count() == 1


async def test_a_dossier_rated_on_the_phone_is_named_at_the_invitation_and_on_the_tablet(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    first, second = await made(client), await made(client)
    officer = await sign_in(client, await staff("tra.ketqua"))
    assert (await client.post(RATINGS, json=rating(first))).status_code == 201
    refused = await client.post(invitation(first["dossier"]["code"]), headers=officer.headers())
    assert refused.status_code == 409, refused.text
    assert (refused.json()["code"], refused.json()["channel"]) == ("already_rated", "app")
    code = second["dossier"]["code"]
    assert (await client.post(invitation(code), headers=officer.headers())).status_code == 201
    assert (await client.post(RATINGS, json=rating(second))).status_code == 201  # the phone was quicker
    shown = await waiting(client, officer)
    assert shown is not None and shown["ratedVia"] == "app"
    late = await client.post(KIOSK_RATINGS, json=tablet_rating(code), headers=officer.headers())
    assert (late.status_code, late.json()["code"], late.json()["channel"]) == (409, "already_rated", "app")
    assert await waiting(client, officer) is None
    assert await Rating.count().where(Rating.channel == "kiosk") == 0


async def test_only_a_returned_dossier_of_the_officers_unit_is_invited(client: httpx.AsyncClient, clock: Clock) -> None:
    ready, returned = await made(client, status="ready"), await made(client)
    officer = await sign_in(client, await staff("tra.ketqua"))
    early = await client.post(invitation(ready["dossier"]["code"]), headers=officer.headers())
    assert (early.status_code, early.json()["code"], early.json()["current"]) == (409, "not_rateable", "ready")
    code = returned["dossier"]["code"]
    deciding = await sign_in(client, await staff("ubnd.xa", agency="H12.41"))  # the competent agency's officer
    answer = await client.post(invitation(code), headers=deciding.headers())
    assert answer.status_code == 403, answer.text
    elsewhere = await sign_in(client, await staff("xa.khac", agency=OTHER_AGENCY))
    assert (await client.post(invitation(code), headers=elsewhere.headers())).status_code == 404
    assert (await client.post(KIOSK_RATINGS, json=tablet_rating(code), headers=elsewhere.headers())).status_code == 404
    specialist = await sign_in(client, await staff("chuyen.vien", Role.SPECIALIST))
    assert (await client.post(invitation(code), headers=specialist.headers())).status_code == 403
    assert await waiting(client, officer) is None and await Rating.count() == 0


async def test_an_invitation_ends_when_replaced_dismissed_or_after_ten_minutes(
    client: httpx.AsyncClient, clock: Clock
) -> None:
    one, two = await made(client), await made(client)
    officer = await sign_in(client, await staff("tra.ketqua"))
    first, second = one["dossier"]["code"], two["dossier"]["code"]
    for code in (first, second):
        assert (await client.post(invitation(code), headers=officer.headers())).status_code == 201
    shown = await waiting(client, officer)
    assert shown is not None and shown["code"] == second  # the newer one replaced it
    stale = await client.post(KIOSK_RATINGS, json=tablet_rating(first), headers=officer.headers())
    assert (stale.status_code, stale.json()["code"]) == (409, "no_rating_invitation")
    assert "lời mời" in stale.json()["message"]["vi"] and stale.json()["message"]["en"]
    assert (await client.delete(KIOSK, headers=officer.headers())).status_code == 204
    assert await waiting(client, officer) is None
    assert (await client.post(invitation(first), headers=officer.headers())).status_code == 201
    clock.advance(minutes=10)
    assert await waiting(client, officer) is None
    expired = await client.post(KIOSK_RATINGS, json=tablet_rating(first), headers=officer.headers())
    assert expired.status_code == 409 and await Rating.count() == 0
    assert (await client.post(invitation(first), headers=officer.headers())).status_code == 201  # invited anew
    bad = await client.post(KIOSK_RATINGS, json=tablet_rating(first, level="happy"), headers=officer.headers())
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_rating")
    assert (await waiting(client, officer)) is not None  # a wrong answer keeps the invitation open

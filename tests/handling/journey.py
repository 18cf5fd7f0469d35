"""Helpers of the handling tests: the counter of xã Can Lộc's centre (H12.41.01) receives, the commune's
People's Committee (H12.41) decides; its leader and specialists, signed in again whenever the clock moves."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from backend.accounts.rules import Role
from backend.dossiers import timeline
from backend.dossiers.tables import Dossier
from tests.accounts.staffing import Clock, Session, sign_in, staff
from tests.factories import seeded, valid_answers
from tests.review.desk import dossier, url

COUNTER_UNIT, COMPETENT = "H12.41.01", "H12.41"
PEOPLE = {
    "officer": (Role.OFFICER, COUNTER_UNIT),
    "leader": (Role.LEADER, COMPETENT),
    "specialist": (Role.SPECIALIST, COMPETENT),
    "other": (Role.SPECIALIST, COMPETENT),
    "stranger": (Role.LEADER, "H12.42"),
    # Liên thông (Art 20): the province's Department of Justice and Police, sent parts of a dossier.
    "justice": (Role.SPECIALIST, "H12.02"),
    "police": (Role.LEADER, "H12.03"),
}


@dataclass
class Desk:
    client: httpx.AsyncClient
    clock: Clock
    sessions: dict[str, Session]

    async def sign_in_again(self) -> None:
        self.sessions = {name: await sign_in(self.client, f"hs.{name}") for name in PEOPLE}

    async def later(self, **delta: float) -> None:
        """Time passes (the sessions expire meanwhile: everyone signs in again)."""
        self.clock.advance(**delta)
        await self.sign_in_again()

    async def act(self, who: str, made: dict[str, Any], step: str, **body: Any) -> httpx.Response:
        version = (await row(made))["version"]
        return await self.client.post(
            url(made, step), json={"version": version, **body}, headers=self.sessions[who].headers()
        )

    async def ok(self, who: str, made: dict[str, Any], step: str, **body: Any) -> dict[str, Any]:
        answer = await self.act(who, made, step, **body)
        assert answer.status_code == 200, answer.text
        result: dict[str, Any] = answer.json()
        return result

    async def received(self) -> dict[str, Any]:
        """A marital-status dossier sent online and accepted at the counter now."""
        made = await dossier(self.client)
        await self.ok("officer", made, "accept")
        return made

    async def assigned(self) -> dict[str, Any]:
        made = await self.received()
        await self.ok("leader", made, "assign", specialist="hs.specialist")
        return made


async def paper_dossier(d: Desk) -> dict[str, Any]:
    """A marital-status dossier brought in person to the centre's counter and received at once (its paper is
    with the counter); shaped like `dossier` for the helpers."""
    body = {
        "procedureCode": "1.004873",
        "competentAgencyCode": COMPETENT,
        "channel": "in_person",
        "answers": valid_answers("1.004873"),
        "identityChecked": True,
        "intakeId": str(uuid.uuid4()),
    }
    answer = await d.client.post("/api/staff/counter-intake", json=body, headers=d.sessions["officer"].headers())
    assert answer.status_code == 201, answer.text
    return {"dossier": {"code": answer.json()["code"]}}


async def desk(client: httpx.AsyncClient, clock: Clock) -> Desk:
    await seeded()
    for name, (role, agency) in PEOPLE.items():
        await staff(f"hs.{name}", role, agency)
    made = Desk(client, clock, {})
    await made.sign_in_again()
    return made


async def row(made: dict[str, Any]) -> dict[str, Any]:
    found = await Dossier.select().where(Dossier.code == made["dossier"]["code"]).output(load_json=True).first()
    assert found is not None
    return dict(found)


async def kept(made: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return await timeline.kept((await row(made))["id"])


async def phone_view(client: httpx.AsyncClient, made: dict[str, Any]) -> dict[str, Any]:
    sent = made["sent"]
    [view] = (await client.post("/api/dossiers/mine", json={"tokens": [sent["accessToken"]]})).json()["dossiers"]
    result: dict[str, Any] = view
    return result


async def corrected(client: httpx.AsyncClient, made: dict[str, Any], name: str) -> httpx.Response:
    """The citizen fixes the applicant's name from the phone, into the same dossier."""
    sent, view = made["sent"], await phone_view(client, made)
    answers = copy.deepcopy(sent["answers"])
    answers["applicant"]["full_name"] = name
    correction = {
        "submissionId": sent["submissionId"],
        "accessToken": sent["accessToken"],
        "editsVersion": view["version"],
        "correctionId": str(uuid.uuid4()),
        "answers": answers,
        "attachments": [{"slot": a["slot"], "sha256": a["sha256"]} for a in sent.get("attachments", [])],
    }
    return await client.post("/api/dossiers/corrections", json=correction)

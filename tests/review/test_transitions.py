"""Every check-step action from every status, generated from the transition table: legal moves happen (one
audit row, one history line), illegal ones answer 409 illegal_transition and change nothing."""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest

from backend.dossiers.rules import TRANSITIONS, Status
from backend.dossiers.tables import Dossier, DossierAudit
from tests.review.desk import ready, url

pytestmark = pytest.mark.usefixtures("db", "clock")
ACTIONS: dict[str, tuple[Status, dict[str, Any]]] = {
    "accept": (Status.RECEIVED, {}),
    "request-corrections": (Status.SUPPLEMENT_REQUESTED, {"items": [{"kind": "field", "path": "applicant.full_name"}]}),
    "refuse": (Status.REFUSED, {"reasons": ["Hồ sơ không đúng thủ tục"]}),
}


@pytest.mark.parametrize(("current", "action"), list(itertools.product(Status, ACTIONS)))
async def test_each_action_from_each_status_follows_the_table(
    client: httpx.AsyncClient, current: Status, action: str
) -> None:
    me, made = await ready(client)
    code = made["dossier"]["code"]
    await Dossier.update({Dossier.status: current.value}).where(Dossier.code == code)
    target, body = ACTIONS[action]
    answer = await client.post(url(made, action), json={"version": 1, **body}, headers=me.headers())
    row = (
        await Dossier.select(Dossier._meta.primary_key, Dossier.status, Dossier.version)
        .where(Dossier.code == code)
        .first()
    )
    audit = await DossierAudit.count().where(DossierAudit.dossier == row["id"])
    if target in TRANSITIONS[current]:
        assert answer.status_code == 200, answer.text
        assert (row["status"], row["version"], audit) == (target.value, 2, 1)
    else:
        assert answer.status_code == 409 and answer.json()["code"] == "illegal_transition"
        assert (row["status"], row["version"], audit) == (current.value, 1, 0)

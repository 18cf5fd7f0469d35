"""Helpers of the rating tests: a dossier sent from the phone (H12.41.01 receives, H12.41 decides) and handed
back, and the rating the phone would send for it."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx

from backend.dossiers.tables import Dossier, DossierHandover
from tests.factories import NOW, seeded
from tests.review.desk import dossier

RATINGS = "/api/dossiers/ratings"


async def made(client: httpx.AsyncClient, status: str = "returned", returned_by: str = "") -> dict[str, Any]:
    """A marital-status dossier sent online, then (by its columns) in `status`; `returned_by` the officer who
    handed it back, as the control slip names them."""
    await seeded()
    sent = await dossier(client)
    code = sent["dossier"]["code"]
    done = {"result_at": NOW, "returned_at": NOW, "result_kind": "granted"} if status == "returned" else {}
    await Dossier.update({"status": status, "received_at": NOW - dt.timedelta(days=3), **done}).where(
        Dossier.code == code
    )
    if returned_by:
        [row] = await Dossier.select(Dossier.id).where(Dossier.code == code)
        await DossierHandover(
            dossier=row["id"], at=NOW, step="returned", from_unit="H12.41.01", from_user=returned_by, medium="paper"
        ).save()
    return sent


def rating(sent: dict[str, Any], rating_id: uuid.UUID | None = None, **changes: Any) -> dict[str, Any]:
    body = sent["sent"]
    return {
        "submissionId": body["submissionId"],
        "accessToken": body["accessToken"],
        "ratingId": str(rating_id or uuid.uuid4()),
        "level": "satisfied",
        "timeliness": "on_time",
        "visits": 1,
        "attitude": "good",
        "extraCost": False,
        "comment": "  Cán bộ   hướng dẫn tận tình ",
        **changes,
    }

"""Use case of a citizen asking, from the app, to stop handling their dossier (dừng giải quyết, Decree 118/2025
Art 21): the request is kept on the dossier with its audit row; the counter confirms it and issues Mẫu 05."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from backend.db import writing
from backend.dossiers import corrections, moves, rules, tracking
from backend.dossiers.errors import NotStoppable
from backend.dossiers.schemas import StopRequestIn, StopRequestOut
from backend.dossiers.tables import Dossier

log = logging.getLogger(__name__)


def history_note(reason: str) -> str:
    return (
        f"Ông/bà đã xin dừng giải quyết hồ sơ qua ứng dụng. Lý do: {reason} "
        "Bộ phận Một cửa sẽ xác nhận và gửi Thông báo dừng giải quyết hồ sơ (Mẫu 05)."
    )


async def _dossier(data: StopRequestIn) -> dict[str, Any]:
    return await corrections.owned(data.submission_id, data.access_token)


def _out(row: dict[str, Any]) -> StopRequestOut:
    view = tracking.stop_request_view(row)
    assert view is not None, "answered only once the request is kept"
    return StopRequestOut(code=row["code"], status=row["status"], version=row["version"], stop_request=view)


async def _keep(data: StopRequestIn, row: dict[str, Any], reason: str, now: dt.datetime) -> bool:
    """Writes the request, its history line and audit row; False when the dossier moved on first."""
    stoppable = sorted(s.value for s in rules.STOPPABLE)
    async with writing(Dossier):
        kept = await (
            Dossier.update(
                {
                    Dossier.stop_requested_at: now,
                    Dossier.stop_request_id: data.request_id,
                    Dossier.stop_request_reason: reason,
                    Dossier.version: Dossier.version + 1,
                }
            )
            .where(
                Dossier._meta.primary_key == row["id"],
                Dossier.stop_request_id.is_null(),
                Dossier.status.is_in(stoppable),
            )
            .returning(Dossier.version)
        )
        if not kept:
            return False
        await moves.citizen_trail(
            row["id"],
            at=now,
            action="stop_request",
            before=row["status"],
            after=row["status"],
            note=history_note(reason),
            version=kept[0]["version"],
        )
    return True


async def request_stop(data: StopRequestIn, now: dt.datetime) -> tuple[StopRequestOut, bool]:
    """The dossier with the citizen's request to stop kept, and whether this call kept it. One request per
    dossier: a retry, or a second request, is answered with the one kept (handling stops once)."""
    row = await _dossier(data)
    if row["stop_request_id"] is None:
        if row["status"] not in rules.STOPPABLE:
            raise NotStoppable(current=row["status"])
        reason = " ".join(data.reason.split())
        if await _keep(data, row, reason, now):
            log.info("stop requested", extra={"code": row["code"]})
            return _out(await _dossier(data)), True
        row = await _dossier(data)  # another request won the race, or staff moved the dossier on
        if row["stop_request_id"] is None:
            raise NotStoppable(current=row["status"])
    return _out(row), False

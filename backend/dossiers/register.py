"""The dossiers of a unit received in a period, oldest first, for the register (Sổ theo dõi hồ sơ, Mẫu 07):
the ones it received and the ones it decides, with what the register prints and nothing more."""

from __future__ import annotations

import datetime as dt
from typing import Any

from backend.dossiers.tables import Dossier

COLUMNS = (
    Dossier._meta.primary_key,
    Dossier.code,
    Dossier.procedure_code,
    Dossier.answers,
    Dossier.contact_phone,
    Dossier.receiving_unit_code,
    Dossier.competent_agency_code,
    Dossier.channel,
    Dossier.status,
    Dossier.received_at,
    Dossier.appointment_date,
    Dossier.result_kind,
    Dossier.result_at,
    Dossier.returned_at,
    Dossier.stopped_at,
    Dossier.apologies,
)


async def received_between(unit: str, start: dt.datetime, end: dt.datetime, limit: int) -> list[dict[str, Any]]:
    """At most `limit` dossiers `unit` received or decides, received in [start, end)."""
    rows = await (
        Dossier.select(*COLUMNS)
        # The period inside each side, so each reads its own index (dossier_register_receiving, _competent).
        .where(
            ((Dossier.receiving_unit_code == unit) & (Dossier.received_at >= start) & (Dossier.received_at < end))
            | ((Dossier.competent_agency_code == unit) & (Dossier.received_at >= start) & (Dossier.received_at < end))
        )
        .order_by(Dossier.received_at)
        .order_by(Dossier._meta.primary_key)
        .limit(limit)
        .output(load_json=True)
    )
    return list(rows)

"""The counter's queue: counts of every list and one page of one, each dossier with its clock by the
receiving unit's office hours (the 8-hour check of Decree 118/2025 Art 17, or the appointment date)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.catalogue.workdays import OfficeHours, WorkCalendar
from backend.dossiers import queue
from backend.dossiers import rules as dossier_rules
from backend.review import clock
from backend.review.schemas import ProcedureRef, QueueItemOut, QueueOut


def _item(
    row: dict[str, Any],
    names: dict[str, catalogue.IntakeProcedure],
    now: dt.datetime,
    cal: WorkCalendar,
    office: OfficeHours,
) -> QueueItemOut:
    procedure = names.get(row["procedure_code"])
    path = procedure.contact.name if procedure and procedure.contact else None
    item = QueueItemOut(
        code=row["code"],
        procedure=ProcedureRef(row["procedure_code"], procedure.name.vi if procedure else row["procedure_code"]),
        applicant_name=dossier_rules.answer_at(row["answers"], path) or "",
        channel=row["channel"],
        status=row["status"],
        submitted_at=_instant(row["submitted_at"]),
        opened_at=_instant(row["opened_at"]) if row["opened_at"] else None,
        version=row["version"],
        band="ok",
    )
    if row["status"] == "submitted":
        tick = clock.check_clock(
            _instant(row["checking_since"] or row["submitted_at"]), item.opened_at, now, cal, office
        )
        item.check_due_at, item.minutes_left, item.band = tick.due_at, tick.minutes_left, tick.band
        item.opened_late = tick.opened_late
    elif row["appointment_date"] is not None:
        item.appointment_date = _day(row["appointment_date"])
        item.band = clock.appointment_band(item.appointment_date, now.astimezone(cal.tz).date())
    return item


def _instant(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value  # SQLite raw rows give text


def _day(value: Any) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


async def listing(
    staff: Principal,
    name: str,
    filters: dict[str, str | None],
    after: str | None,
    limit: int,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
) -> QueueOut:
    cal = await catalogue.working_calendar(tz, now)
    office = cal.office_hours(staff.agency_code)
    overdue, soon = clock.cutoffs(now, cal, office)
    cut = queue.Cutoffs(overdue=overdue, soon=soon, today=now.astimezone(tz).date())
    chosen = queue.Filters(unit=staff.agency_code, **filters)
    counts = await queue.counts(chosen, cut)
    rows, next_ = await queue.page(name, chosen, cut, after, limit)
    procedures = await catalogue.procedures_by_code([r["procedure_code"] for r in rows])
    return QueueOut(counts=counts, items=[_item(r, procedures, now, cal, office) for r in rows], next=next_)

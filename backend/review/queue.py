"""The counter's queue: counts of every list and one page of one under the officer's filters, each dossier
with its clock by the unit's office hours (the 8-hour check of Decree 118/2025 Art 17, or the appointment date)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts import service as accounts
from backend.accounts.rules import Principal, Role
from backend.catalogue import service as catalogue
from backend.catalogue.workdays import OfficeHours, WorkCalendar
from backend.dossiers import queue
from backend.dossiers import rules as dossier_rules
from backend.review import clock, rules
from backend.review.schemas import (
    ColleagueOut,
    FieldChoice,
    NameOut,
    ProcedureChoice,
    ProcedureRef,
    QueueChoicesOut,
    QueueItemOut,
    QueueOut,
)

# Which lists each role works from: the counter's, the deciding agency's, or both (a leader of a centre).
ROLE_LISTS: dict[Role, tuple[str, ...]] = {
    Role.OFFICER: tuple(queue.LISTS),
    Role.SPECIALIST: ("to_handle", "assigned", "late_warning"),
    Role.LEADER: ("to_assign", "to_approve", "late_warning", *queue.LISTS),
}


def lists_of(staff: Principal) -> tuple[str, ...]:
    return ROLE_LISTS.get(staff.role, ())


def _late(row: dict[str, Any], cut: queue.Cutoffs) -> bool:
    """Forecast late without Mẫu 04 (the late_warning list's condition, row by row)."""
    if row["status"] not in queue.LIST_STATUSES["late_warning"] or row["apologies"]:
        return False
    due = _day(row["appointment_date"]) if row["appointment_date"] is not None else None
    return row["late_declared_at"] is not None or (due is not None and due <= cut.late_day)


def _item(
    row: dict[str, Any],
    names: dict[str, catalogue.IntakeProcedure],
    now: dt.datetime,
    cal: WorkCalendar,
    office: OfficeHours,
    *,
    cut: queue.Cutoffs,
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
        assignee=row["assignee"],
        late_without_apology=_late(row, cut),
        stop_requested=row["stop_requested_at"] is not None and row["status"] in queue.LIST_STATUSES["stop_requested"],
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


@dataclass(frozen=True)
class Chosen:
    """The filters as the officer chose them: a field's code, a status of the list, an assignee (`me`, `none`
    or a username), a procedure, a channel, a search."""

    field: str | None = None
    procedure: str | None = None
    status: str | None = None
    channel: str | None = None
    assignee: str | None = None
    q: str | None = None


async def _filters(staff: Principal, name: str, chosen: Chosen) -> queue.Filters:
    if name not in lists_of(staff):
        raise rules.ListNotYours(list=name, lists=", ".join(lists_of(staff)))
    allowed = queue.LIST_STATUSES[name]
    if chosen.status and chosen.status not in allowed:
        raise rules.StatusNotInList(list=name, status=chosen.status, allowed=", ".join(sorted(allowed)))
    procedures = None
    if chosen.field:
        codes = await catalogue.field_procedure_codes(chosen.field)
        if codes is None:
            raise rules.UnknownField(field=chosen.field)
        procedures = tuple(codes)
    assignee = {"me": staff.username, "none": ""}.get(chosen.assignee or "", chosen.assignee)
    if staff.role == Role.SPECIALIST:  # a handler's lists are of their own dossiers, whatever was chosen
        assignee = staff.username
    return queue.Filters(
        unit=staff.agency_code,
        procedure=chosen.procedure,
        procedures=procedures,
        channel=chosen.channel,
        status=chosen.status,
        assignee=assignee,
        q=chosen.q,
    )


async def listing(
    staff: Principal,
    name: str | None,
    chosen: Chosen,
    after: str | None,
    limit: int,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: catalogue.IntakeCatalogue,
) -> QueueOut:
    """The counts of every list of the staff member's role and one page of `name` (None: the role's first),
    all under the same filters."""
    name = name or lists_of(staff)[0]
    filters = await _filters(staff, name, chosen)
    cal = await catalogue.working_calendar(tz, now)
    office = cal.office_hours(staff.agency_code)
    overdue, soon = clock.cutoffs(now, cal, office)
    late_day = clock.last_late_day(now, cal, office)
    cut = queue.Cutoffs(overdue=overdue, soon=soon, today=now.astimezone(tz).date(), late_day=late_day)
    counts = await queue.counts(filters, cut, lists_of(staff))
    rows, next_ = await queue.page(name, filters, cut, after, limit)
    procedures = await intake.procedures([r["procedure_code"] for r in rows])
    items = [_item(r, procedures, now, cal, office, cut=cut) for r in rows]
    return QueueOut(counts=counts, items=items, next=next_)


async def choices(staff: Principal) -> QueueChoicesOut:
    """What the queue's filters offer this staff member: every field with its procedures (a centre receives
    any procedure of the province), and the colleagues of the same agency."""
    fields = await catalogue.fields_with_procedures()
    return QueueChoicesOut(
        fields=[
            FieldChoice(
                code=f.code,
                name=NameOut(vi=f.name.vi, en=f.name.en),
                procedures=[ProcedureChoice(code=c, name=NameOut(vi=n.vi, en=n.en)) for c, n in f.procedures],
            )
            for f in fields
        ],
        staff=[ColleagueOut(u, n, r.value) for u, n, r in await accounts.colleagues(staff.agency_code)],
    )

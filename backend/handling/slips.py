"""The control slip (Mẫu 06) and the register (Mẫu 07) of Circular 03/2025 Annex I, printed live from what the
dossiers keep: every hand-over with who, when, by when and whether on time; a unit's dossiers of a period."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts import service as accounts
from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.catalogue.workdays import WorkCalendar
from backend.dossiers import register as dossier_register
from backend.dossiers import timeline
from backend.handling import desk, handovers, papers, rules, sheets
from backend.review import service as review
from backend.review.schemas import PaperOut

FINAL_WITHOUT_RESULT = frozenset({"stopped", "closed", "withdrawn", "refused"})
# A part sent is due from its receiver: its line shows the deadline, the return's line the verdict.
DUE_FROM_RECEIVER = frozenset({"referral"})


def _paper_owed(row: dict[str, Any], done: list[dict[str, Any]]) -> bool:
    receiving, competent = row["receiving_unit_code"], row["competent_agency_code"]
    carried = any(h["step"] == "paper_transfer" for h in done)
    return (
        bool(row["received_at"])
        and not carried
        and handovers.needs_paper_transfer(row["channel"], receiving, competent)
    )


def _pending(
    row: dict[str, Any], done: list[dict[str, Any]], parts: list[dict[str, Any]], cal: WorkCalendar | None
) -> list[dict[str, Any]]:
    """Hand-overs still owed, as lines without a time: the paper not yet carried, the parts not yet back."""
    owed: list[dict[str, Any]] = []
    receiving, competent = row["receiving_unit_code"], row["competent_agency_code"]
    if cal is not None and _paper_owed(row, done):
        due = handovers.paper_transfer_due(row["received_at"], cal, cal.office_hours(receiving))
        owed.append({"step": "paper_pending", "from_unit": receiving, "from_user": "", "to_unit": competent})
        owed[-1] |= {"to_user": "", "medium": "paper", "at": None, "due_at": due, "note": ""}
    for p in parts:
        if p["returned_at"] is None:
            owed.append({"step": "part_pending", "from_unit": p["agency_code"], "from_user": "", "to_unit": competent})
            owed[-1] |= {"to_user": "", "medium": "electronic", "at": None, "due_at": p["due_at"], "note": p["task"]}
    return owed


def _needs_calendar(row: dict[str, Any], lines: list[dict[str, Any]], now: dt.datetime, tz: ZoneInfo) -> bool:
    """Whether working time is needed: for the paper's deadline, or to say how late a line is (building the
    calendar is most of a slip's cost, and most slips have neither)."""
    late = any(handovers.judge(h["at"] or now, h["due_at"], tz) == "late" for h in lines)
    return late or _paper_owed(row, lines)


class _Names:
    """Agency and staff names of the lines, looked up once."""

    def __init__(self, agencies: dict[str, Any], people: dict[str, str], tz: ZoneInfo) -> None:
        self.agencies, self.people, self.tz = agencies, people, tz

    def agency(self, code: str) -> str:
        return self.agencies[code].vi if code in self.agencies else code

    def side(self, unit: str, user: str) -> dict[str, str]:
        return {"unit": unit, "unitName": self.agency(unit), "user": user, "userName": self.people.get(user, user)}


async def _names(lines: list[dict[str, Any]], more: list[str], tz: ZoneInfo) -> _Names:
    units = [h[k] for h in lines for k in ("from_unit", "to_unit") if h[k]] + more
    people = [h[k] for h in lines for k in ("from_user", "to_user")]
    return _Names(await catalogue.agency_names(units), await accounts.full_names(people), tz)


def _line(n: int, h: dict[str, Any], names: _Names, cal: WorkCalendar | None, now: dt.datetime) -> dict[str, Any]:
    texts, tz = papers.texts()["06"], names.tz
    done_at, due = h["at"], h["due_at"]
    verdict = None if h["step"] in DUE_FROM_RECEIVER else handovers.judge(done_at or now, due, tz)
    if done_at is None and verdict != "late":
        verdict = None  # still owed, and not yet late: no verdict to print
    late = 0
    if verdict == "late" and cal is not None:
        late = handovers.late_by_minutes(done_at or now, due, cal, cal.office_hours(h["from_unit"]))
    return {
        "n": n,
        "step": h["step"],
        "label": texts["steps"].get(h["step"], h["step"]),
        "from": names.side(h["from_unit"], h["from_user"]),
        "to": names.side(h["to_unit"], h["to_user"]),
        "medium": texts["media"].get(h["medium"], h["medium"]),
        "at": done_at.isoformat() if done_at else None,
        "atText": sheets.clock_text(done_at, tz),
        "dueAt": due.isoformat() if due else None,
        "dueText": sheets.clock_text(due, tz),
        "verdict": verdict,
        "verdictLabel": texts["verdicts"].get(verdict or "", ""),
        "lateBy": sheets.late_text(late, texts["lateBy"]),
        "note": h["note"],
    }


def _form(kind: str) -> dict[str, Any]:
    texts = papers.texts()[kind]
    return {
        "form": texts["form"],
        "legalBasis": [texts["article"], *papers.texts()["legalBasis"]],
        "verify": texts["verify"],
    }


async def control_slip(
    code: str, staff: Principal, *, now: dt.datetime, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> PaperOut:
    """Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over so far, then those still owed."""
    row = await review.visible(code, staff)
    done, parts = await timeline.handovers(row["id"]), await timeline.parts(row["id"])
    owed = _pending(row, done, parts, None)
    cal = await desk.calendar(tz, now) if _needs_calendar(row, done + owed, now, tz) else None
    lines = done + _pending(row, done, parts, cal)
    lead, receiving = row["competent_agency_code"], row["receiving_unit_code"]
    names = await _names(lines, [lead, receiving], tz)
    procedure = (await intake.procedures([row["procedure_code"]])).get(row["procedure_code"])
    texts = papers.texts()["06"]
    data = {
        "kind": "06",
        "title": texts["title"],
        **await review.letterhead(receiving, now.astimezone(tz).date(), intake),
        **_form("06"),
        "code": row["code"],
        "procedure": {"code": row["procedure_code"], "name": procedure.name.vi if procedure else row["procedure_code"]},
        "applicant": review.applicant_name(row, procedure) if procedure else "",
        "signatures": [{"title": t} for t in texts["signatures"]],
        "labels": texts["labels"],
        "columns": texts["columns"],
        "receiving": names.agency(receiving),
        "lead": names.agency(lead),
        "partners": sorted({names.agency(p["agency_code"]) for p in parts}),
        "receivedAt": sheets.clock_text(row["received_at"], tz),
        "appointment": sheets.day_text(row["appointment_date"], tz),
        "lines": [_line(n, h, names, cal, now) for n, h in enumerate(lines, start=1)],
    }
    return PaperOut(kind="06", issued_at=now, data=data)


def _verdict(row: dict[str, Any], cal: WorkCalendar, now: dt.datetime) -> str | None:
    """The dossier's own: its result against the appointment in force; without one, late once it has passed."""
    if row["appointment_date"] is None or row["status"] in FINAL_WITHOUT_RESULT:
        return None
    due = rules.deadline_instant(row["appointment_date"], cal, cal.office_hours(row["receiving_unit_code"]))
    if row["result_at"] is not None:
        return handovers.judge(row["result_at"], due, cal.tz)
    return "late" if handovers.judge(now, due, cal.tz) == "late" else None


def _note(row: dict[str, Any]) -> str:
    notes = papers.texts()["07"]["notes"]
    said = [notes["refused"]] if row["result_kind"] == "refused" else []
    said += [notes["apology"]] if row["apologies"] else []
    said += [notes[row["status"]]] if row["status"] in ("stopped", "closed") else []
    return "; ".join(said)


def _entry(n: int, row: dict[str, Any], ctx: dict[str, Any], cal: WorkCalendar, now: dt.datetime) -> dict[str, Any]:
    texts, tz = papers.texts()["07"], cal.tz
    procedure = ctx["procedures"].get(row["procedure_code"])
    verdict = _verdict(row, cal, now)
    return {
        "n": str(n),
        "code": row["code"],
        "procedure": procedure.name.vi if procedure else row["procedure_code"],
        "applicant": review.applicant_name(row, procedure) if procedure else "",
        "phone": row["contact_phone"],
        "channel": texts["channels"].get(row["channel"], row["channel"]),
        "lead": ctx["names"].agency(row["competent_agency_code"]),
        "receivedAt": sheets.stamp_text(row["received_at"], tz),
        "appointment": sheets.day_text(row["appointment_date"], tz),
        "transferredAt": sheets.stamp_text(ctx["transfers"].get(row["id"]), tz),
        "resultAt": sheets.stamp_text(row["result_at"], tz),
        "returnedAt": sheets.stamp_text(row["returned_at"], tz),
        "verdict": papers.texts()["06"]["verdicts"].get(verdict or "", ""),
        "note": _note(row),
    }


async def register(
    staff: Principal, start: dt.date, end: dt.date, *, now: dt.datetime, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> PaperOut:
    """Sổ theo dõi hồ sơ: the dossiers the staff member's unit received or decides, received from `start` to
    `end` (whole days, both included), oldest first."""
    sheets.ensure_period(start, end)
    since = dt.datetime.combine(start, dt.time(), tzinfo=tz)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    rows = await dossier_register.received_between(staff.agency_code, since, until, sheets.MAX_ROWS + 1)
    if len(rows) > sheets.MAX_ROWS:
        raise sheets.RegisterTooLong()
    ctx = {
        "procedures": await intake.procedures([r["procedure_code"] for r in rows]),
        "transfers": await timeline.transfers([r["id"] for r in rows]),
        "names": _Names(await catalogue.agency_names([r["competent_agency_code"] for r in rows]), {}, tz),
    }
    cal = await desk.calendar(tz, now)
    texts = papers.texts()["07"]
    data = {
        "kind": "07",
        "title": texts["title"],
        **await review.letterhead(staff.agency_code, now.astimezone(tz).date(), intake),
        **_form("07"),
        "period": texts["period"].format(start=sheets.day_text(start, tz), end=sheets.day_text(end, tz)),
        "from": start.isoformat(),
        "to": end.isoformat(),
        "columns": texts["columns"],
        "signatures": [{"title": t} for t in texts["signatures"]],
        "rows": [_entry(n, r, ctx, cal, now) for n, r in enumerate(rows, start=1)],
    }
    return PaperOut(kind="07", issued_at=now, data=data)


def register_csv(paper: PaperOut) -> bytes:
    """The register as a spreadsheet: its column headings, then one line a dossier."""
    columns = paper.data["columns"]
    return sheets.csv_bytes([c["label"] for c in columns], ([r[c["key"]] for c in columns] for r in paper.data["rows"]))

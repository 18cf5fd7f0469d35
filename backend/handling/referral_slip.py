"""The Phiếu chuyển xử lý (Decree 118/2025 Art 20) printed live from the parts a referral sent: the lead agency's
header, the dossier, each agency's task and deadline, both signature blocks; its texts are data (papers.json)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts import service as accounts
from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.dossiers import timeline
from backend.handling import papers, sheets
from backend.review import rules as review_rules
from backend.review import service as review
from backend.review.schemas import PaperOut


def referrals(parts: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The slips a dossier had, oldest first: the parts one referral sent share their sending instant."""
    slips: dict[dt.datetime, list[dict[str, Any]]] = {}
    for part in parts:
        slips.setdefault(part["sent_at"], []).append(part)
    return [slips[sent] for sent in sorted(slips)]


def _line(n: int, part: dict[str, Any], names: dict[str, Any], tz: ZoneInfo) -> dict[str, Any]:
    agency = part["agency_code"]
    return {
        "n": n,
        "agency": agency,
        "agencyName": names[agency].vi if agency in names else agency,
        "task": part["task"],
        "workingDays": part["working_days"],
        "dueAt": part["due_at"].isoformat(),
        "dueText": sheets.clock_text(part["due_at"], tz),
    }


async def referral_slip(
    code: str, staff: Principal, n: int | None, *, tz: ZoneInfo, intake: catalogue.IntakeCatalogue
) -> PaperOut:
    """Referral `n` of the dossier (1 the first; by default the latest), as the lead agency sent it; seen by
    whoever sees the dossier (the lead, the receiving unit, the agencies sent a part). 404 when there is none."""
    row = await review.visible(code, staff)
    slips = referrals(await timeline.parts(row["id"]))
    if not slips or (n is not None and not 1 <= n <= len(slips)):
        raise review_rules.PaperNotFound()
    number = n or len(slips)
    parts = slips[number - 1]
    sent_at, lead = parts[0]["sent_at"], parts[0]["lead_agency_code"]
    receiving = row["receiving_unit_code"]
    names = await catalogue.agency_names([lead, receiving, *(p["agency_code"] for p in parts)])
    name = {c: a.vi for c, a in names.items()}
    procedure = (await intake.procedures([row["procedure_code"]])).get(row["procedure_code"])
    texts = papers.texts()["referral"]
    facts = {
        "lead": name.get(lead, lead),
        "code": row["code"],
        "procedure": procedure.name.vi if procedure else row["procedure_code"],
        "applicant": (review.applicant_name(row, procedure) if procedure else "") or "người nộp hồ sơ",
        "receiving": name.get(receiving, receiving),
        "receivedDay": sheets.day_text(row["received_at"], tz),
        "appointment": sheets.day_text(row["appointment_date"], tz),
    }
    sender = (await accounts.full_names([parts[0]["sent_by"]])).get(parts[0]["sent_by"], parts[0]["sent_by"])
    data = {
        "kind": "referral",
        "number": number,
        "count": len(slips),
        "title": texts["title"],
        **await review.letterhead(lead, sent_at.astimezone(tz).date(), intake),
        "form": texts["form"],
        "legalBasis": [texts["article"], *papers.texts()["legalBasis"]],
        "verify": texts["verify"],
        "code": row["code"],
        "procedure": {"code": row["procedure_code"], "name": facts["procedure"]},
        "applicant": facts["applicant"],
        "lead": {"code": lead, "name": facts["lead"]},
        "body": texts["body"].format(**facts),
        "labels": texts["labels"],
        "columns": texts["columns"],
        "sentAt": sent_at.isoformat(),
        "sentText": sheets.clock_text(sent_at, tz),
        "sentBy": {"username": parts[0]["sent_by"], "fullName": sender},
        "lines": [_line(i, p, names, tz) for i, p in enumerate(parts, start=1)],
        "signatures": [{"title": t} for t in texts["signatures"]],
    }
    return PaperOut(kind="referral", issued_at=sent_at, data=data)

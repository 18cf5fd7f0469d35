"""Wire formats of handling (camelCase JSON): each staff action names the dossier version it saw; the answer
is the check step's (code, status, version and the paper issued, if any)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec

from backend.dossiers.schemas import Sha256
from backend.review.schemas import CorrectionsIn, Note, Version

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
Username = Annotated[str, msgspec.Meta(min_length=3, max_length=40)]


class StepIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    internal_note: Note = ""


class AssignIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    specialist: Username
    internal_note: Note = ""


# The handler names the items as the counter does at receipt: the form's fields or the procedure's documents.
SupplementProposalIn = CorrectionsIn


class ForApprovalIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """The handler's draft: a result to grant (its summary), or a refusal (its reasons)."""

    version: Version
    outcome: Literal["granted", "refused"]
    text: Text
    internal_note: Note = ""


class SendBackIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    reason: Text


class ResultIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    note: Text  # what the result is, or that its paper is ready to collect
    internal_note: Note = ""
    scan: Sha256 | None = None  # the result's scan, uploaded first to /api/staff/result-scans/{sha256}


class RefuseAfterAppraisalIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    reasons: Annotated[list[Text], msgspec.Meta(min_length=1, max_length=20)]
    internal_note: Note = ""


class ReturnIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    method: Literal["counter", "post"]
    tracking_number: Annotated[str, msgspec.Meta(max_length=40)] = ""
    internal_note: Note = ""


class StopIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    reason: Text  # the citizen's request, in their words
    requested_via: Literal["counter", "app", "post"] = "counter"
    internal_note: Note = ""


class ApologyIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    new_date: dt.date
    reason: Text
    internal_note: Note = ""


class DeadlineOut(msgspec.Struct, rename="camel"):
    kind: str  # original | restarted | extended
    due_date: dt.date
    counted_from: dt.datetime
    set_at: dt.datetime
    reason: str
    actor: str


class WaitOut(msgspec.Struct, rename="camel"):
    reason: str
    started_at: dt.datetime
    ended_at: dt.datetime
    outcome: str


class HandoverOut(msgspec.Struct, rename="camel"):
    at: dt.datetime
    step: str
    from_unit: str
    from_user: str
    to_unit: str
    to_user: str
    medium: str
    note: str


class PersonOut(msgspec.Struct, rename="camel"):
    username: str
    full_name: str


class ResultScanOut(msgspec.Struct, rename="camel"):
    """The result's scan: staff read it at `url`, the citizen at /api/dossiers/{code}/result-scan."""

    sha256: str
    size: int
    content_type: str
    url: str


class HandlingOut(msgspec.Struct, rename="camel"):
    """A dossier's handling for its staff page: the kept rows, and the dates the rules give it now (None:
    the step is not open to it)."""

    assignee: str
    draft_result: dict[str, Any] | None
    supplement_proposal: dict[str, Any] | None
    appraisal_supplements: int
    result_kind: str
    result_at: dt.datetime | None
    result_note: str
    return_method: str
    tracking_number: str
    late_declared_at: dt.datetime | None
    apologies: int
    forecast_late: bool
    apology_last_day: dt.date | None
    supplement_last_day: dt.date | None
    close_last_day: dt.date | None
    deadlines: list[DeadlineOut]
    waits: list[WaitOut]
    handovers: list[HandoverOut]
    specialists: list[PersonOut]
    result_scan: ResultScanOut | None = None
    # The citizen asked to stop from the app (Art 21): the counter confirms it with Mẫu 05.
    stop_requested_at: dt.datetime | None = None
    stop_request_reason: str = ""


class PaperHandoverIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """The counter logs when it handed the paper dossier over (now, unless it says an earlier time) and to whom."""

    version: Version
    handed_at: dt.datetime | None = None
    recipient: Annotated[str, msgspec.Meta(max_length=120)] = ""  # who signed for it at the agency
    internal_note: Note = ""


AgencyCode = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class PartIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    agency: AgencyCode
    task: Text
    working_days: Annotated[int, msgspec.Meta(ge=1, le=60)]


class ReferralIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """Phiếu chuyển xử lý (Art 20): the lead agency sends parts of the dossier to other agencies."""

    version: Version
    parts: Annotated[list[PartIn], msgspec.Meta(min_length=1, max_length=10)]
    internal_note: Note = ""


class PartReturnIn(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    version: Version
    result: Text  # the agency's answer: its opinion, finding or the number of its paper
    internal_note: Note = ""


class PartOut(msgspec.Struct, rename="camel"):
    code: str
    agency: str
    agency_name: str
    lead_agency: str
    task: str
    working_days: int
    sent_at: dt.datetime
    sent_by: str
    due_at: dt.datetime
    returned_at: dt.datetime | None
    returned_by: str
    result: str
    verdict: str | None  # early, on_time or late once returned (overdue while still out: "late")
    closed_at: dt.datetime | None = None  # no longer due: the dossier was stopped (Art 21)
    closed_reason: str = ""  # "stopped"


class PartsOut(msgspec.Struct, rename="camel"):
    items: list[PartOut]

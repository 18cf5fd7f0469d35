"""Staff endpoints of handling, from assignment to return: each behind the staff guard with its roles; the
dossier is visible to its receiving unit and its competent agency only (else 404), and each side acts only
on its own steps (else 403)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from litestar import Controller, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, PathParameter, QueryParameter

from backend.accounts.guard import staff_required
from backend.accounts.rules import Principal, Role
from backend.catalogue.service import IntakeCatalogue
from backend.dossiers import files, results
from backend.dossiers.schemas import FileOut
from backend.handling import liaison, outlook, referral_slip, returning, service, slips, transfer
from backend.handling.schemas import (
    ApologyIn,
    AssignIn,
    ForApprovalIn,
    HandlingOut,
    PaperHandoverIn,
    PartReturnIn,
    PartsOut,
    ReferralIn,
    RefuseAfterAppraisalIn,
    ResultIn,
    ReturnIn,
    SendBackIn,
    StepIn,
    StopIn,
    SupplementProposalIn,
)
from backend.http import AnyRequest
from backend.review import service as review
from backend.review.api import DOSSIER_READERS, NO_STORE, keep_scan
from backend.review.schemas import ActionOut, PaperOut
from backend.settings import Settings

LEADER = staff_required(Role.LEADER)
HANDLER = staff_required(Role.SPECIALIST)
AGENCY = staff_required(Role.SPECIALIST, Role.LEADER)  # the handler, or a leader in their place
COUNTER = staff_required(Role.OFFICER)
READERS = staff_required(*DOSSIER_READERS)
KEEPER = staff_required(Role.OFFICER, Role.LEADER)  # who keeps the unit's register
Staff = NamedDependency[Principal]
Clock = NamedDependency[Settings]
Intake = NamedDependency[IntakeCatalogue]


def _out(result: dict[str, Any]) -> ActionOut:
    return ActionOut(**result)


class HandlingController(Controller):
    path = "/api/staff/dossiers"
    tags = ("staff",)
    cache_control = NO_STORE

    @get("/{code:str}/handling", guards=[READERS], summary="Its handling: holder, due dates with why, hand-overs")
    async def handling(self, code: FromPath[str], staff: Staff, settings: Clock) -> HandlingOut:
        return await outlook.handling(code, staff, now=settings.now(), tz=settings.tz)

    @post("/{code:str}/assign", status_code=200, guards=[LEADER], summary="Assign or reassign a specialist")
    async def assign(self, code: FromPath[str], data: JSONBody[AssignIn], staff: Staff, settings: Clock) -> ActionOut:
        return _out(await service.assign(code, data, staff, settings.now()))

    @post("/{code:str}/propose-supplement", status_code=200, guards=[HANDLER], summary="Propose a supplement")
    async def propose_supplement(
        self, code: FromPath[str], data: JSONBody[SupplementProposalIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await service.propose_supplement(code, data, staff, now=settings.now(), tz=settings.tz))

    @post("/{code:str}/issue-supplement", status_code=200, guards=[COUNTER], summary="Issue it (Mẫu 02)")
    async def issue_supplement(
        self, code: FromPath[str], data: JSONBody[StepIn], staff: Staff, settings: Clock, intake: Intake
    ) -> ActionOut:
        return _out(
            await service.issue_supplement(code, data, staff, now=settings.now(), tz=settings.tz, intake=intake)
        )

    @post("/{code:str}/close", status_code=200, guards=[COUNTER], summary="Close: supplement not completed")
    async def close(self, code: FromPath[str], data: JSONBody[StepIn], staff: Staff, settings: Clock) -> ActionOut:
        return _out(await service.close(code, data, staff, now=settings.now(), tz=settings.tz))

    @post("/{code:str}/submit-for-approval", status_code=200, guards=[HANDLER], summary="Put the draft to the leader")
    async def submit_for_approval(
        self, code: FromPath[str], data: JSONBody[ForApprovalIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await service.submit_for_approval(code, data, staff, settings.now()))

    @post("/{code:str}/approve", status_code=200, guards=[LEADER], summary="Approve the draft")
    async def approve(self, code: FromPath[str], data: JSONBody[StepIn], staff: Staff, settings: Clock) -> ActionOut:
        return _out(await service.approve(code, data, staff, settings.now()))

    @post("/{code:str}/send-back", status_code=200, guards=[LEADER], summary="Send the draft back, with a reason")
    async def send_back(
        self, code: FromPath[str], data: JSONBody[SendBackIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await service.send_back(code, data, staff, settings.now()))

    @post("/{code:str}/result", status_code=200, guards=[AGENCY], summary="Issue the approved result")
    async def result(self, code: FromPath[str], data: JSONBody[ResultIn], staff: Staff, settings: Clock) -> ActionOut:
        return _out(await service.issue_result(code, data, staff, now=settings.now(), tz=settings.tz))

    @post("/{code:str}/refuse-after-appraisal", status_code=200, guards=[AGENCY], summary="Issue the approved refusal")
    async def refuse_after_appraisal(
        self, code: FromPath[str], data: JSONBody[RefuseAfterAppraisalIn], staff: Staff, settings: Clock, intake: Intake
    ) -> ActionOut:
        return _out(
            await service.refuse_after_appraisal(code, data, staff, now=settings.now(), tz=settings.tz, intake=intake)
        )

    @post("/{code:str}/ready", status_code=200, guards=[COUNTER], summary="The result is ready for pickup")
    async def ready(self, code: FromPath[str], data: JSONBody[StepIn], staff: Staff, settings: Clock) -> ActionOut:
        return _out(await returning.ready(code, data, staff, now=settings.now(), tz=settings.tz))

    @post("/{code:str}/return", status_code=200, guards=[COUNTER], summary="Returned at the counter or posted")
    async def hand_back(
        self, code: FromPath[str], data: JSONBody[ReturnIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await returning.hand_back(code, data, staff, now=settings.now(), tz=settings.tz))

    @post("/{code:str}/stop", status_code=200, guards=[COUNTER], summary="Stop at the citizen's request (Mẫu 05)")
    async def stop(
        self, code: FromPath[str], data: JSONBody[StopIn], staff: Staff, settings: Clock, intake: Intake
    ) -> ActionOut:
        return _out(await returning.stop(code, data, staff, now=settings.now(), tz=settings.tz, intake=intake))

    @post("/{code:str}/declare-late", status_code=200, guards=[AGENCY], summary="Foresee a late result")
    async def declare_late(
        self, code: FromPath[str], data: JSONBody[StepIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await returning.declare_late(code, data, staff, settings.now()))

    @post("/{code:str}/apology", status_code=200, guards=[AGENCY], summary="Apology and a new date (Mẫu 04)")
    async def apology(
        self, code: FromPath[str], data: JSONBody[ApologyIn], staff: Staff, settings: Clock, intake: Intake
    ) -> ActionOut:
        return _out(await returning.apologise(code, data, staff, now=settings.now(), tz=settings.tz, intake=intake))


class HandOverController(Controller):
    """The dossier between agencies: the paper transfer at receipt (Art 18) and liên thông (Art 20)."""

    path = "/api/staff"
    tags = ("staff",)
    cache_control = NO_STORE

    @post("/dossiers/{code:str}/paper-handover", status_code=200, guards=[COUNTER], summary="Paper handed over")
    async def paper_handover(
        self, code: FromPath[str], data: JSONBody[PaperHandoverIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await transfer.hand_over_paper(code, data, staff, now=settings.now(), tz=settings.tz))

    @post("/dossiers/{code:str}/paper-received", status_code=200, guards=[AGENCY], summary="Paper received")
    async def paper_received(
        self, code: FromPath[str], data: JSONBody[StepIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await transfer.acknowledge_paper(code, data, staff, settings.now()))

    @post("/dossiers/{code:str}/referral", status_code=200, guards=[AGENCY], summary="Phiếu chuyển xử lý")
    async def referral(
        self, code: FromPath[str], data: JSONBody[ReferralIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await liaison.refer(code, data, staff, now=settings.now(), tz=settings.tz))

    @post("/dossiers/{code:str}/part-return", status_code=200, guards=[AGENCY], summary="Return this agency's part")
    async def part_return(
        self, code: FromPath[str], data: JSONBody[PartReturnIn], staff: Staff, settings: Clock
    ) -> ActionOut:
        return _out(await liaison.return_part(code, data, staff, settings.now()))

    @get("/dossiers/{code:str}/parts", guards=[READERS], summary="The parts sent to other agencies")
    async def parts(self, code: FromPath[str], staff: Staff, settings: Clock) -> PartsOut:
        return await liaison.parts_of(code, staff, now=settings.now(), tz=settings.tz)

    @get("/parts", guards=[AGENCY], summary="The parts this agency has to return")
    async def open_parts(self, staff: Staff, settings: Clock) -> PartsOut:
        return await liaison.open_parts(staff, now=settings.now(), tz=settings.tz)


Start = Annotated[dt.date, QueryParameter(name="from", description="The first day of receipt (YYYY-MM-DD)")]
Referral = Annotated[
    int | None, QueryParameter(name="n", ge=1, le=1000, description="Which referral (1 the first); default: the latest")
]
End = Annotated[dt.date, QueryParameter(name="to", description="The last day of receipt, included (at most 92 days)")]


class FormsController(Controller):
    """Mẫu 06 and 07 (Circular 03/2025 Annex I), printed live from what the dossiers keep."""

    path = "/api/staff"
    tags = ("staff",)
    cache_control = NO_STORE

    @get("/dossiers/{code:str}/control-slip", guards=[READERS], summary="Mẫu 06: every hand-over")
    async def control_slip(self, code: FromPath[str], staff: Staff, settings: Clock, intake: Intake) -> PaperOut:
        return await slips.control_slip(code, staff, now=settings.now(), tz=settings.tz, intake=intake)

    @get("/dossiers/{code:str}/referral-slip", guards=[READERS], summary="Phiếu chuyển xử lý: a referral's parts")
    async def referral_slip(
        self, code: FromPath[str], staff: Staff, settings: Clock, intake: Intake, n: Referral = None
    ) -> PaperOut:
        return await referral_slip.referral_slip(code, staff, n, tz=settings.tz, intake=intake)

    @get("/register", guards=[KEEPER], summary="Mẫu 07: the unit's dossiers received in a period")
    async def register(self, staff: Staff, settings: Clock, intake: Intake, start: Start, end: End) -> PaperOut:
        return await slips.register(staff, start, end, now=settings.now(), tz=settings.tz, intake=intake)

    @get("/register.csv", guards=[KEEPER], summary="Mẫu 07 as CSV (UTF-8 with a BOM, for Excel)")
    async def register_csv(
        self, staff: Staff, settings: Clock, intake: Intake, start: Start, end: End
    ) -> Response[bytes]:
        paper = await slips.register(staff, start, end, now=settings.now(), tz=settings.tz, intake=intake)
        name = f"so-theo-doi-{staff.agency_code}-{start:%Y%m%d}-{end:%Y%m%d}.csv"
        return Response(
            slips.register_csv(paper),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


Sha256 = Annotated[str, PathParameter(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file, lowercase hex")]


class ResultScanController(Controller):
    """The result's scan: uploaded by the deciding agency before the result step names it (checked by content,
    as a phone's files are), then read by the dossier's staff."""

    path = "/api/staff"
    tags = ("staff",)
    cache_control = NO_STORE

    @put(
        "/result-scans/{sha256:str}",
        guards=[AGENCY],
        summary="Keep one scan of a result for this session (201), or one already kept (200)",
        request_max_body_size=files.MAX_FILE_BYTES,
    )
    async def upload(self, request: AnyRequest, sha256: Sha256, staff: Staff, settings: Clock) -> Response[FileOut]:
        return await keep_scan(request, sha256, staff, settings)

    @get("/dossiers/{code:str}/result-scan", guards=[READERS], summary="The scan of the dossier's result")
    async def read(self, code: FromPath[str], staff: Staff, settings: Clock) -> Response[bytes]:
        row = await review.visible(code, staff)
        body, media_type, name = await results.read_scan(row, settings.attachments_dir)
        return Response(body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})


HANDLING_CONTROLLERS = (HandlingController, HandOverController, FormsController, ResultScanController)

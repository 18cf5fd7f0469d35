"""Staff endpoints of handling, from assignment to return: each behind the staff guard with its roles; the
dossier is visible to its receiving unit and its competent agency only (else 404), and each side acts only
on its own steps (else 403)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.guard import staff_required
from backend.accounts.rules import Principal, Role
from backend.catalogue.service import IntakeCatalogue
from backend.handling import outlook, returning, service
from backend.handling.schemas import (
    ApologyIn,
    AssignIn,
    ForApprovalIn,
    HandlingOut,
    RefuseAfterAppraisalIn,
    ResultIn,
    ReturnIn,
    SendBackIn,
    StepIn,
    StopIn,
    SupplementProposalIn,
)
from backend.review.api import DOSSIER_READERS, NO_STORE
from backend.review.schemas import ActionOut
from backend.settings import Settings

LEADER = staff_required(Role.LEADER)
HANDLER = staff_required(Role.SPECIALIST)
AGENCY = staff_required(Role.SPECIALIST, Role.LEADER)  # the handler, or a leader in their place
COUNTER = staff_required(Role.OFFICER)
READERS = staff_required(*DOSSIER_READERS)
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
        return _out(await returning.hand_back(code, data, staff, settings.now()))

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


HANDLING_CONTROLLERS = (HandlingController,)

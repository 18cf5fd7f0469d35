"""Feedback endpoints: the phone sends an item and reads its items by their tokens; the unit's staff list,
answer and record items given at the counter (officers, leaders and admins of the unit)."""

from __future__ import annotations

from litestar import Controller, Response, get, post
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.guard import staff_required
from backend.accounts.rules import Principal, Role
from backend.feedback import service
from backend.feedback.schemas import (
    AnswerIn,
    CounterFeedbackIn,
    FeedbackIn,
    FeedbackOut,
    MineIn,
    MineOut,
    StaffFeedbackListOut,
    StaffFeedbackOut,
)
from backend.settings import Settings

NO_STORE = CacheControlHeader(no_store=True)
MAX_BODY_BYTES = 32 * 1024  # 2,000 characters of text, a hundred tokens
ANSWERERS = (Role.OFFICER, Role.LEADER, Role.ADMIN)


class FeedbackController(Controller):
    """The citizen's side: no account, the item's token proves it is theirs."""

    path = "/api/feedback"
    tags = ("feedback",)
    cache_control = NO_STORE

    @post("/", summary="Send feedback (201), or repeat one already kept (200)", request_max_body_size=MAX_BODY_BYTES)
    async def send(self, data: JSONBody[FeedbackIn], settings: NamedDependency[Settings]) -> Response[FeedbackOut]:
        out, created = await service.submit(data, settings.now(), settings.feedback_answer_days, settings.tz)
        return Response(out, status_code=201 if created else 200)

    @post(
        "/mine",
        status_code=200,
        summary="The feedback items these tokens open, newest first, each with its state and answer",
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def mine(self, data: JSONBody[MineIn], settings: NamedDependency[Settings]) -> MineOut:
        return MineOut(items=await service.mine(data.tokens, settings.now().date()))


class StaffFeedbackController(Controller):
    """The unit's side: each unit sees and answers only its own items."""

    path = "/api/staff/feedback"
    tags = ("staff",)
    cache_control = NO_STORE

    @get("/", guards=[staff_required(*ANSWERERS)], summary="The unit's open feedback (overdue first) and answers")
    async def items(
        self, staff: NamedDependency[Principal], settings: NamedDependency[Settings]
    ) -> StaffFeedbackListOut:
        return await service.unit_items(staff, settings.now().date())

    @post(
        "/",
        guards=[staff_required(*ANSWERERS)],
        summary="Record feedback given at the counter (201), or repeat one already kept (200)",
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def record(
        self, data: JSONBody[CounterFeedbackIn], staff: NamedDependency[Principal], settings: NamedDependency[Settings]
    ) -> Response[StaffFeedbackOut]:
        out, created = await service.record(data, staff, settings.now(), settings.feedback_answer_days, settings.tz)
        return Response(out, status_code=201 if created else 200)

    @post(
        "/{code:str}/answer",
        status_code=200,
        guards=[staff_required(*ANSWERERS)],
        summary="Answer an item of the unit (once): the citizen's inbox and phones get a notice",
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def answer(
        self,
        code: FromPath[str],
        data: JSONBody[AnswerIn],
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
    ) -> StaffFeedbackOut:
        return await service.answer(code, data.answer, staff, settings.now(), settings.tz)


FEEDBACK_CONTROLLERS = (FeedbackController, StaffFeedbackController)

"""Staff endpoints of the counter: a dossier, its files and papers, and the check step's three actions.
Every one behind the staff guard; a dossier is visible to the staff of its receiving unit only (else 404)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from litestar import Controller, Response, get, post, put
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromPath, JSONBody, PathParameter, QueryParameter

from backend.accounts.guard import staff_required
from backend.accounts.rules import Principal, Role
from backend.catalogue.service import IntakeCatalogue
from backend.dossiers import files
from backend.dossiers.api import MAX_SUBMISSION_BYTES
from backend.dossiers.errors import FileTooLarge
from backend.dossiers.schemas import FileOut
from backend.http import AnyRequest
from backend.review import counter, queue, service
from backend.review.schemas import (
    AcceptIn,
    ActionOut,
    CorrectionsIn,
    CounterIntakeIn,
    PaperOut,
    QueueChoicesOut,
    QueueOut,
    RefuseIn,
    StaffDossierOut,
)
from backend.settings import Settings

NO_STORE = CacheControlHeader(no_store=True)
READERS = (Role.OFFICER, Role.SPECIALIST, Role.LEADER)  # who may look at the queue of their unit or agency
# Who may look at a dossier their agency received or decides: its handler (chuyên viên) too.
DOSSIER_READERS = (Role.OFFICER, Role.SPECIALIST, Role.LEADER)
Sha256 = Annotated[str, PathParameter(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file, lowercase hex")]
PaperKind = Literal["01", "02", "03", "04", "05"]


def _action(result: dict[str, Any]) -> ActionOut:
    return ActionOut(**result)


class StaffDossierController(Controller):
    path = "/api/staff/dossiers"
    tags = ("staff",)
    cache_control = NO_STORE

    @get("/{code:str}", guards=[staff_required(*DOSSIER_READERS)], summary="A dossier as staff see it; marks it opened")
    async def dossier(
        self, code: FromPath[str], staff: NamedDependency[Principal], settings: NamedDependency[Settings]
    ) -> StaffDossierOut:
        return await service.detail(code, staff, settings.now())

    @get(
        "/{code:str}/files/{sha256:str}", guards=[staff_required(*DOSSIER_READERS)], summary="One of a dossier's files"
    )
    async def file(
        self,
        code: FromPath[str],
        sha256: Sha256,
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        body, content_type = await service.attachment(code, sha256, staff, settings.attachments_dir)
        return Response(body, media_type=content_type)

    @get("/{code:str}/papers/{kind:str}", guards=[staff_required(*DOSSIER_READERS)], summary="A paper as it was issued")
    async def paper(
        self, code: FromPath[str], kind: Annotated[PaperKind, PathParameter()], staff: NamedDependency[Principal]
    ) -> PaperOut:
        return await service.paper(code, kind, staff)

    @post("/{code:str}/accept", status_code=200, guards=[staff_required(Role.OFFICER)], summary="Accept (Mẫu 01)")
    async def accept(
        self,
        code: FromPath[str],
        data: JSONBody[AcceptIn],
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
        intake: NamedDependency[IntakeCatalogue],
    ) -> ActionOut:
        return _action(await service.accept(code, data, staff, now=settings.now(), tz=settings.tz, intake=intake))

    @post(
        "/{code:str}/request-corrections",
        status_code=200,
        guards=[staff_required(Role.OFFICER)],
        summary="Ask once for corrections (Mẫu 02)",
    )
    async def request_corrections(
        self,
        code: FromPath[str],
        data: JSONBody[CorrectionsIn],
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
        intake: NamedDependency[IntakeCatalogue],
    ) -> ActionOut:
        return _action(
            await service.request_corrections(code, data, staff, now=settings.now(), tz=settings.tz, intake=intake)
        )

    @post("/{code:str}/refuse", status_code=200, guards=[staff_required(Role.OFFICER)], summary="Refuse (Mẫu 03)")
    async def refuse(
        self,
        code: FromPath[str],
        data: JSONBody[RefuseIn],
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
        intake: NamedDependency[IntakeCatalogue],
    ) -> ActionOut:
        return _action(await service.refuse(code, data, staff, now=settings.now(), tz=settings.tz, intake=intake))


ListName = Literal[
    "to_check",
    "waiting_citizen",
    "received",
    "due_soon",
    "overdue",
    "ready",
    "stop_requested",
    "to_assign",
    "to_handle",
    "assigned",
    "to_approve",
    "late_warning",
]
Limit = Annotated[int, QueryParameter(ge=1, le=100)]
Short = Annotated[str | None, QueryParameter(max_length=60)]
Assignee = Annotated[
    str | None, QueryParameter(max_length=80, description="me, none (nobody yet), or a username of the unit")
]


class QueueController(Controller):
    path = "/api/staff/queue"
    tags = ("staff",)
    cache_control = NO_STORE

    @get("/", guards=[staff_required(*READERS)], summary="The role's lists: counts, one page, each with its clock")
    async def queue(
        self,
        *,
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
        intake: NamedDependency[IntakeCatalogue],
        list_: Annotated[ListName | None, QueryParameter(name="list", description="default: the role's first")] = None,
        field: Short = None,
        procedure: Short = None,
        status: Annotated[str | None, QueryParameter(max_length=24, description="one its list may hold")] = None,
        channel: Annotated[Literal["online", "in_person", "postal"] | None, QueryParameter()] = None,
        assignee: Assignee = None,
        q: Short = None,
        after: Annotated[str | None, QueryParameter(max_length=200)] = None,
        limit: Limit = 25,
    ) -> QueueOut:
        chosen = queue.Chosen(field=field, procedure=procedure, status=status, channel=channel, assignee=assignee, q=q)
        return await queue.listing(
            staff, list_, chosen, after, limit, now=settings.now(), tz=settings.tz, intake=intake
        )

    @get("/choices", guards=[staff_required(*READERS)], summary="What the queue's filters offer: fields, staff")
    async def choices(self, staff: NamedDependency[Principal]) -> QueueChoicesOut:
        return await queue.choices(staff)


async def keep_scan(request: AnyRequest, sha256: str, staff: Principal, settings: Settings) -> Response[FileOut]:
    """One scan kept for the staff session (counter intake, a result's scan): 201, or 200 when already kept."""
    try:
        body = await request.body()
    except RequestEntityTooLarge as exc:
        raise FileTooLarge() from exc
    held, created = await counter.upload_scan(staff, sha256, body, root=settings.attachments_dir, now=settings.now())
    return Response(held, status_code=201 if created else 200)


class CounterIntakeController(Controller):
    path = "/api/staff"
    tags = ("staff",)
    cache_control = NO_STORE

    @put(
        "/scans/{sha256:str}",
        guards=[staff_required(Role.OFFICER)],
        summary="Keep one scan for this session's counter intake (201), or one already kept (200)",
        request_max_body_size=files.MAX_FILE_BYTES,
    )
    async def scan(
        self,
        request: AnyRequest,
        sha256: Sha256,
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
    ) -> Response[FileOut]:
        return await keep_scan(request, sha256, staff, settings)

    @post(
        "/counter-intake",
        guards=[staff_required(Role.OFFICER)],
        summary="A dossier brought in person or by post, received at once (201), or the same intake again (200)",
        request_max_body_size=MAX_SUBMISSION_BYTES,
    )
    async def counter_intake(
        self,
        data: JSONBody[CounterIntakeIn],
        staff: NamedDependency[Principal],
        settings: NamedDependency[Settings],
        intake: NamedDependency[IntakeCatalogue],
    ) -> Response[ActionOut]:
        result, created = await counter.take(data, staff, now=settings.now(), tz=settings.tz, intake=intake)
        return Response(_action(result), status_code=201 if created else 200)


REVIEW_CONTROLLERS = (StaffDossierController, QueueController, CounterIntakeController)

"""Dossier intake: phones send submissions here, as often as their connection needs."""

from __future__ import annotations

from litestar import Controller, Response, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from backend.dossiers import service
from backend.dossiers.schemas import SubmissionIn, SubmissionOut
from backend.settings import Settings

MAX_SUBMISSION_BYTES = 256 * 1024


class SubmissionController(Controller):
    path = "/api/submissions"
    tags = ("dossiers",)

    @post(
        "/",
        summary="Submit a dossier (201), or repeat a submission already received (200)",
        request_max_body_size=MAX_SUBMISSION_BYTES,
    )
    async def submit(
        self, data: JSONBody[SubmissionIn], settings: NamedDependency[Settings]
    ) -> Response[SubmissionOut]:
        dossier, created = await service.submit(data, settings.now(), settings.tz)
        return Response(dossier, status_code=201 if created else 200)

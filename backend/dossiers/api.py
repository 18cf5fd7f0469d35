"""Dossier endpoints: phones upload files and send submissions (as often as their connection needs),
then follow their dossiers; anyone holding a code and its phone number can track its status."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, get, post, put
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency, Provide
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromPath, JSONBody, PathParameter

from backend.catalogue.service import IntakeCatalogue
from backend.dossiers import corrections, errors, files, quotas, results, service, stops, tracking
from backend.dossiers.schemas import (
    CorrectionIn,
    CorrectionOut,
    FileOut,
    FilesOut,
    MineIn,
    MineOut,
    StopRequestIn,
    StopRequestOut,
    SubmissionIn,
    SubmissionOut,
    TrackingIn,
    TrackingOut,
)
from backend.http import AnyRequest, client_address
from backend.limits.service import Counters
from backend.settings import Settings

MAX_SUBMISSION_BYTES = 256 * 1024
# A hundred tokens, or one code and one phone: Litestar's default (10 MB) would be read and parsed in full.
MAX_MINE_BYTES = 32 * 1024
MAX_TRACKING_BYTES = 4 * 1024
MAX_STOP_REQUEST_BYTES = 8 * 1024  # a reason of 1,000 characters, each up to 3 bytes in UTF-8
NO_STORE = CacheControlHeader(no_store=True)
Sha256 = Annotated[str, PathParameter(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file, lowercase hex")]
SubmissionId = FromPath[uuid.UUID]


def bearer_token(request: AnyRequest) -> str:
    """The phone's access token; it travels only in this header, never in a URL (URLs end up in logs)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise errors.MissingToken()
    return token.strip()


def public_url(request: AnyRequest, settings: Settings) -> str:
    return settings.public_url or str(request.base_url)


class SubmissionController(Controller):
    path = "/api/submissions"
    tags = ("dossiers",)

    @post(
        "/",
        summary="Submit a dossier (201), or repeat a submission already received (200)",
        request_max_body_size=MAX_SUBMISSION_BYTES,
    )
    async def submit(
        self,
        data: JSONBody[SubmissionIn],
        settings: NamedDependency[Settings],
        intake: NamedDependency[IntakeCatalogue],
    ) -> Response[SubmissionOut]:
        dossier, created = await service.submit(data, settings.now(), settings.tz, intake)
        return Response(dossier, status_code=201 if created else 200)


class FileController(Controller):
    """Files of a submission, sent before the submission itself so that a dossier never lacks one."""

    path = "/api/submissions/{submission_id:uuid}/files"
    tags = ("dossiers",)
    cache_control = NO_STORE
    # Litestar reads this from the class and never changes it.
    dependencies = {"token": Provide(bearer_token, sync_to_thread=False)}  # noqa: RUF012

    @get("/", summary="The files held for this submission and token")
    async def held(self, submission_id: SubmissionId, token: NamedDependency[str]) -> FilesOut:
        return await service.held_files(submission_id, token)

    @put(
        "/{sha256:str}",
        summary="Upload one file (201), or repeat an upload already held (200)",
        request_max_body_size=files.MAX_FILE_BYTES,
    )
    async def upload(
        self,
        request: AnyRequest,
        submission_id: SubmissionId,
        sha256: Sha256,
        *,
        token: NamedDependency[str],
        settings: NamedDependency[Settings],
        counters: NamedDependency[Counters],
    ) -> Response[FileOut]:
        try:
            body = await request.body()
        except RequestEntityTooLarge as exc:
            raise errors.FileTooLarge() from exc
        await quotas.admit_upload(
            submission_id,
            sha256,
            len(body),
            client=client_address(request),
            counters=counters,
            now=settings.now(),
            per_minute=settings.upload_requests_per_minute,
            bytes_per_day=settings.upload_bytes_per_day,
        )
        held, created = await service.upload_file(
            submission_id, sha256, body, token=token, root=settings.attachments_dir, now=settings.now()
        )
        return Response(held, status_code=201 if created else 200)

    @get("/{sha256:str}", summary="One file held for this submission and token")
    async def download(
        self,
        submission_id: SubmissionId,
        sha256: Sha256,
        token: NamedDependency[str],
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        body, media_type = await service.read_file(submission_id, sha256, token, settings.attachments_dir)
        return Response(body, media_type=media_type, headers={"Content-Disposition": "attachment"})


class MyDossiersController(Controller):
    path = "/api/dossiers/mine"
    tags = ("dossiers",)
    cache_control = NO_STORE

    @post(
        "/",
        summary="The dossiers these access tokens open, with history and receipt",
        status_code=200,
        request_max_body_size=MAX_MINE_BYTES,
    )
    async def mine(self, request: AnyRequest, data: JSONBody[MineIn], settings: NamedDependency[Settings]) -> MineOut:
        return MineOut(dossiers=await tracking.mine(data.tokens, public_url(request, settings)))


class CorrectionController(Controller):
    """A dossier sent back for corrections (Mẫu 02), corrected on the phone and resubmitted into itself."""

    path = "/api/dossiers/corrections"
    tags = ("dossiers",)
    cache_control = NO_STORE

    @post(
        "/",
        summary="Resubmit a dossier corrected as asked (200), or repeat a correction already made (200)",
        status_code=200,
        request_max_body_size=MAX_SUBMISSION_BYTES,
    )
    async def resubmit(
        self,
        data: JSONBody[CorrectionIn],
        settings: NamedDependency[Settings],
        intake: NamedDependency[IntakeCatalogue],
    ) -> CorrectionOut:
        return await corrections.resubmit(data, settings.now(), settings.tz, intake)


class StopRequestController(Controller):
    """The citizen's request to stop handling (Decree 118/2025 Art 21), sent from the phone's outbox."""

    path = "/api/dossiers/stop-requests"
    tags = ("dossiers",)
    cache_control = NO_STORE

    @post(
        "/",
        summary="Ask to stop handling a dossier (201), or repeat a request already kept (200)",
        request_max_body_size=MAX_STOP_REQUEST_BYTES,
    )
    async def request_stop(
        self, data: JSONBody[StopRequestIn], settings: NamedDependency[Settings]
    ) -> Response[StopRequestOut]:
        kept, created = await stops.request_stop(data, settings.now())
        return Response(kept, status_code=201 if created else 200)


class TrackingController(Controller):
    """Public tracking (tra cứu hồ sơ): limited per client address, and per code and client address."""

    path = "/api/tracking"
    tags = ("dossiers",)
    cache_control = NO_STORE

    @post(
        "/",
        summary="Status and dates of a dossier, by its code and the contact phone",
        status_code=200,
        request_max_body_size=MAX_TRACKING_BYTES,
    )
    async def track(
        self,
        request: AnyRequest,
        data: JSONBody[TrackingIn],
        settings: NamedDependency[Settings],
        counters: NamedDependency[Counters],
    ) -> TrackingOut:
        return await tracking.track(
            data.code,
            data.phone,
            client=client_address(request),
            counters=counters,
            now=settings.now(),
            per_minute=settings.tracking_requests_per_minute,
        )


class ResultScanController(Controller):
    """The result's scan for the citizen whose token opens the dossier (a copy to keep; the original paper is
    still handed back at the counter or posted). Any other token, or no scan yet: the same 404."""

    path = "/api/dossiers"
    tags = ("dossiers",)
    cache_control = NO_STORE
    dependencies = {"token": Provide(bearer_token, sync_to_thread=False)}  # noqa: RUF012

    @get("/{code:str}/result-scan", summary="The scan of the dossier's result, for its own token")
    async def result_scan(
        self, code: FromPath[str], token: NamedDependency[str], settings: NamedDependency[Settings]
    ) -> Response[bytes]:
        body, media_type, name = await results.citizens_scan(code, token, settings.attachments_dir)
        return Response(body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})

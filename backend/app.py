"""The app shell: `create_app(settings)` wires the domains into one Litestar app. No business logic here."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from anyio import to_thread
from litestar import Litestar, get
from litestar.config.compression import CompressionConfig
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.logging import LoggingConfig
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from backend import problems
from backend.accounts import service as accounts
from backend.accounts.api import STAFF_CONTROLLERS
from backend.accounts.guard import current_staff
from backend.catalogue.api import CatalogueController
from backend.catalogue.published import PublishedCatalogue
from backend.catalogue.service import IntakeCatalogue, agency_directory
from backend.db import bind_tables, close, make_engine, prepare
from backend.dossiers import purge
from backend.dossiers.api import (
    CorrectionController,
    FileController,
    MyDossiersController,
    ResultScanController,
    StopRequestController,
    SubmissionController,
    TrackingController,
)
from backend.feedback.api import FEEDBACK_CONTROLLERS
from backend.handling.api import HANDLING_CONTROLLERS
from backend.http import BoundedRequest, head_limit
from backend.kiosk.api import KIOSK_CONTROLLERS
from backend.limits.service import Counters
from backend.openapi import TrueJsonRenderPlugin
from backend.piccolo_app import ALL_TABLES
from backend.private import make_private
from backend.push import keys, worker
from backend.push.api import PushController, StaffNoticeController
from backend.review.api import REVIEW_CONTROLLERS
from backend.satisfaction.api import RatingController
from backend.settings import Settings
from backend.statistics.api import STATISTICS_CONTROLLERS
from backend.transparency.api import TRANSPARENCY_CONTROLLERS
from backend.transparency.service import PublicStatistics
from backend.web import pwa_router, security_headers


@get("/api/health", tags=["system"], summary="Liveness, and the catalogue version this process serves")
async def health(catalogue: NamedDependency[PublishedCatalogue]) -> dict[str, object]:
    published = await catalogue.get()
    return {"status": "ok", "catalogueVersion": published.version}


async def _delivering(settings: Settings, vapid: keys.VapidKey, stopping: asyncio.Event) -> None:
    """The Web Push delivery worker inside `motcua serve` (MOTCUA_PUSH_WORKER=false when `motcua worker` runs)."""
    await worker.keep_delivering(settings, vapid, stopping)


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or Settings()
    accounts.use_password_costs(settings)
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    catalogue = PublishedCatalogue(settings)
    intake = IntakeCatalogue(settings.catalogue_cache_seconds)
    counters = Counters()
    public_statistics = PublicStatistics(settings.public_statistics_seconds)
    vapid = keys.load_or_create(settings)

    chores: list[asyncio.Task[None]] = []
    stopping = asyncio.Event()

    async def start() -> None:
        await prepare(engine)
        # Uploads and retention: private data folder, no leftover temporary files, no expired uploads.
        await to_thread.run_sync(make_private, settings.data_dir)
        await purge.clear_incoming(settings.attachments_dir)
        await purge.purge_logged(settings.attachments_dir, settings.now(), settings.upload_retention)
        if settings.upload_purge_interval_minutes:
            interval = dt.timedelta(minutes=settings.upload_purge_interval_minutes)
            every = purge.keep_purging(
                settings.attachments_dir, settings.now, settings.upload_retention, interval, stopping
            )
            chores.append(asyncio.create_task(every))
        if settings.push_worker:
            chores.append(asyncio.create_task(_delivering(settings, vapid, stopping)))

    async def stop() -> None:
        stopping.set()
        await asyncio.gather(*chores)
        await close(engine)

    return Litestar(
        route_handlers=[
            CatalogueController,
            SubmissionController,
            FileController,
            MyDossiersController,
            ResultScanController,
            CorrectionController,
            StopRequestController,
            RatingController,
            TrackingController,
            PushController,
            StaffNoticeController,
            *STAFF_CONTROLLERS,
            *REVIEW_CONTROLLERS,
            *KIOSK_CONTROLLERS,
            *HANDLING_CONTROLLERS,
            *STATISTICS_CONTROLLERS,
            *FEEDBACK_CONTROLLERS,
            *TRANSPARENCY_CONTROLLERS,
            health,
            pwa_router(settings.pwa_dist),
        ],
        dependencies={
            "catalogue": Provide(lambda: catalogue, sync_to_thread=False),
            "intake": Provide(lambda: intake, sync_to_thread=False),
            "settings": Provide(lambda: settings, sync_to_thread=False),
            "counters": Provide(lambda: counters, sync_to_thread=False),
            "public_statistics": Provide(lambda: public_statistics, sync_to_thread=False),
            "vapid": Provide(lambda: vapid, sync_to_thread=False),
            # Staff endpoints: the signed-in principal (admitted by accounts.guard) and the agencies they belong to.
            "staff": Provide(current_staff, sync_to_thread=False),
            "agencies": Provide(lambda: agency_directory, sync_to_thread=False),
        },
        state=State({"settings": settings}),  # the staff guard reads its session settings and clock here
        # The client's address, right under any server: behind the trusted proxies only, the right-most
        # address of X-Forwarded-For they did not add. Limits per client address count on it.
        # (uvicorn types ASGI callables with its own, equivalent, protocols.)
        middleware=[
            DefineMiddleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxy_list),  # type: ignore[arg-type]
            head_limit(settings.max_request_head_bytes),
        ],
        on_startup=[start],
        on_shutdown=[stop],
        exception_handlers=problems.HANDLERS,  # type: ignore[arg-type]
        request_class=BoundedRequest,
        before_send=[security_headers],
        compression_config=CompressionConfig(backend="gzip", minimum_size=1024, exclude_opt_key="skip_compression"),
        # JSON only: the HTML viewers load scripts from CDNs, which the CSP and offline counters rule out.
        openapi_config=OpenAPIConfig(
            title="motcua API", version="0.1.0", path="/api/schema", render_plugins=[TrueJsonRenderPlugin()]
        ),
        logging_config=LoggingConfig(
            root={"level": settings.log_level, "handlers": ["queue_listener"]},
            log_exceptions="debug",
        ),
    )


def create_app_from_env() -> Litestar:
    """Factory for uvicorn: settings from the environment."""
    logging.getLogger(__name__).debug("creating app from environment")
    return create_app(Settings())

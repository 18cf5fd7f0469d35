"""The public endpoint of the transparency page: no sign-in, limited per client address, cacheable by browsers
and proxies (Cache-Control public with a max-age, and an ETag answered with 304)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from backend.catalogue.service import IntakeCatalogue
from backend.http import AnyRequest, client_address, etag_matches
from backend.limits.service import Counters
from backend.settings import Settings
from backend.transparency import rules, service
from backend.transparency.schemas import PublicStatisticsOut

Period = Annotated[
    str | None, QueryParameter(name="period", description="month, quarter or year: the last one completed")
]
Unit = Annotated[str | None, QueryParameter(description="A deciding unit (default: the province)")]


class PublicStatisticsController(Controller):
    path = "/api/public"
    tags = ("public",)

    @get("/statistics", summary="Results of the units' procedures for the last completed period (no personal data)")
    async def statistics(
        self,
        *,
        request: AnyRequest,
        settings: NamedDependency[Settings],
        intake: NamedDependency[IntakeCatalogue],
        counters: NamedDependency[Counters],
        public_statistics: NamedDependency[service.PublicStatistics],
        period: Period = None,
        unit: Unit = None,
    ) -> Response[PublicStatisticsOut]:
        now = settings.now()
        await service.admit(client_address(request), counters, now, settings.public_statistics_requests_per_minute)
        published = await public_statistics.get(
            rules.choice_of(period), unit or None, now=now, tz=settings.tz, intake=intake
        )
        headers = {"ETag": published.etag, "Cache-Control": f"public, max-age={settings.public_statistics_seconds}"}
        if etag_matches(request.headers.get("if-none-match"), published.etag):
            return Response(content=b"", status_code=304, headers=headers)  # type: ignore[arg-type]
        return Response(content=published.statistics, headers=headers)


TRANSPARENCY_CONTROLLERS = (PublicStatisticsController,)

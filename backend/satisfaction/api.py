"""Rating endpoints: the citizen rates a returned dossier from the phone's outbox (as often as the connection
needs; one rating kept)."""

from __future__ import annotations

from litestar import Controller, Response, post
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency
from litestar.params import JSONBody

from backend.satisfaction import service
from backend.satisfaction.schemas import RatingIn, RatingOut
from backend.settings import Settings

MAX_RATING_BYTES = 8 * 1024  # a comment of 1,000 characters, each up to 3 bytes in UTF-8, and the ids


class RatingController(Controller):
    """The citizen's rating of a returned dossier (Decree 118/2025 Art 29-34), proved by its submission id and
    token like a stop request."""

    path = "/api/dossiers/ratings"
    tags = ("satisfaction",)
    cache_control = CacheControlHeader(no_store=True)

    @post(
        "/",
        summary="Rate a returned dossier (201), or repeat a rating already kept (200)",
        request_max_body_size=MAX_RATING_BYTES,
    )
    async def rate(self, data: JSONBody[RatingIn], settings: NamedDependency[Settings]) -> Response[RatingOut]:
        kept, created = await service.rate(data, settings.now())
        return Response(kept, status_code=201 if created else 200)

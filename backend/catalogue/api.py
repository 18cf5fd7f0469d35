"""The public catalogue API (no login): snapshot, changes, search, one procedure, the calendar."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, FromQuery, QueryParameter
from litestar.response.base import ASGIResponse

from backend.catalogue import schemas as out
from backend.catalogue.published import Published, PublishedCatalogue
from backend.catalogue.search import search
from backend.catalogue.workdays import CalendarError, appointment_date
from backend.errors import DomainError, NotFound
from backend.http import AnyRequest, conditional, etag_matches

PRECOMPRESSED = {"skip_compression": True}


def _encoded(body: type, description: str) -> dict[int, ResponseSpec]:
    """The OpenAPI answer of a handler that sends a body encoded in advance (Litestar cannot infer it)."""
    return {200: ResponseSpec(body, description=description, generate_examples=False)}


class ProcedureNotFound(NotFound):
    code = "procedure_not_found"
    message_vi = "Không có thủ tục mã «{code}» trong danh mục."
    message_en = "There is no procedure with code “{code}” in the catalogue."


class UnknownCatalogueVersion(DomainError):
    status = 410
    code = "catalogue_version_unknown"
    message_vi = "Phiên bản danh mục {since} không còn áp dụng; vui lòng tải lại toàn bộ danh mục."
    message_en = "Catalogue version {since} is unknown here; download the whole catalogue again."


class DateOutOfCalendar(DomainError):
    status = 422
    code = "date_out_of_calendar"
    message_vi = "Ngày này nằm ngoài lịch làm việc đã công bố."
    message_en = "This date is outside the published working calendar."


def _changes(published: Published, since: int) -> out.CatalogueChangesOut:
    snap = published.snapshot
    return out.CatalogueChangesOut(
        version=published.version,
        since=since,
        fields=[f for f in snap.fields if f.version > since],
        agencies=[a for a in snap.agencies if a.version > since],
        procedures=[p for p in snap.procedures if p.version > since],
        removed=out.RemovedOut(
            **{kind: [code for code, version in items if version > since] for kind, items in published.removed.items()}
        ),
    )


class CatalogueController(Controller):
    path = "/api"
    tags = ("catalogue",)

    @get(
        "/catalogue",
        opt=PRECOMPRESSED,
        summary="The whole catalogue as one versioned snapshot",
        responses=_encoded(out.CatalogueOut, "The catalogue"),
    )
    async def snapshot(self, request: AnyRequest, catalogue: NamedDependency[PublishedCatalogue]) -> ASGIResponse:
        published = await catalogue.get()
        return conditional(request, published.encoded)

    @get("/catalogue/changes", summary="What changed since a catalogue version")
    async def changes(
        self, catalogue: NamedDependency[PublishedCatalogue], since: Annotated[int, QueryParameter(ge=0)]
    ) -> out.CatalogueChangesOut:
        published = await catalogue.get()
        if since > published.version:
            raise UnknownCatalogueVersion(since=since)
        return _changes(published, since)

    @get("/procedures", summary="Search procedures, ignoring case and diacritics")
    async def search_procedures(
        self,
        catalogue: NamedDependency[PublishedCatalogue],
        q: Annotated[str, QueryParameter(max_length=200)] = "",
        field: FromQuery[str | None] = None,
        level: FromQuery[Literal["commune", "province"] | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 20,
    ) -> out.SearchOut:
        published = await catalogue.get()
        found = search(published.entries, q, field=field, level=level)
        return out.SearchOut(query=q, total=len(found), results=[published.summaries[e.code] for e in found[:limit]])

    @get("/procedures/{code:str}", summary="One procedure by its code")
    async def procedure(
        self, request: AnyRequest, catalogue: NamedDependency[PublishedCatalogue], code: FromPath[str]
    ) -> Response[out.ProcedureOut]:
        published = await catalogue.get()
        procedure = published.procedures.get(code)
        if procedure is None:
            raise ProcedureNotFound(code=code)
        etag = published.procedure_etags[code]
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if etag_matches(request.headers.get("if-none-match"), etag):
            return Response(content=b"", status_code=304, headers=headers)  # type: ignore[arg-type]
        return Response(content=procedure, headers=headers)

    @get(
        "/calendar",
        opt=PRECOMPRESSED,
        summary="Days off and make-up working days for this year and the next",
        responses=_encoded(out.CalendarOut, "The working calendar"),
    )
    async def calendar(self, request: AnyRequest, catalogue: NamedDependency[PublishedCatalogue]) -> ASGIResponse:
        published = await catalogue.get()
        return conditional(request, published.calendar_encoded)

    @get("/calendar/appointment", summary="The appointment date for a dossier received at a given time")
    async def appointment(
        self,
        catalogue: NamedDependency[PublishedCatalogue],
        working_days: Annotated[int, QueryParameter(name="workingDays", ge=0, le=365)],
        received_at: Annotated[dt.datetime | None, QueryParameter(name="receivedAt")] = None,
        cutoff: Annotated[
            str | None,
            QueryParameter(
                pattern=r"^([01]\d|2[0-3]):[0-5]\d$",
                description="The procedure's own cut-off (HH:MM, 15:00): received later, counted from the next day",
            ),
        ] = None,
    ) -> out.AppointmentOut:
        published = await catalogue.get()
        calendar = published.calendar
        when = received_at or dt.datetime.now(calendar.tz)
        if when.tzinfo is None:
            when = when.replace(tzinfo=calendar.tz)
        try:
            until = dt.time.fromisoformat(cutoff) if cutoff else None
            receipt = calendar.receipt_day(when, cutoff=until)
            due = appointment_date(when, working_days, calendar, cutoff=until)
        except CalendarError as exc:
            raise DateOutOfCalendar() from exc
        return out.AppointmentOut(
            received_at=when, receipt_day=receipt, working_days=working_days, appointment_date=due
        )

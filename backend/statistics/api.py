"""Staff endpoints of the statistics: Biểu 06, the Decision 766 indicators, the ranking of communes and the
series behind the charts, each as JSON and as CSV. Leaders and administrators see their own unit's figures and
those of the units beneath it (a province's, the whole province); every parameter is checked here, a bad one
answers 422 with its code."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from litestar import Controller, Response, get
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter

from backend.accounts.guard import staff_required
from backend.accounts.rules import Principal, Role
from backend.catalogue.service import IntakeCatalogue
from backend.review.api import NO_STORE
from backend.settings import Settings
from backend.statistics import periods, service, sheets
from backend.statistics.buckets import step_of
from backend.statistics.periods import Period
from backend.statistics.rules import Detail, DetailInvalid
from backend.statistics.schemas import Bieu06Out, IndicatorsOut, RankingOut, SeriesOut
from backend.statistics.series import series_of

REPORTERS = staff_required(Role.LEADER, Role.ADMIN)  # who answers for a unit's figures
Staff = NamedDependency[Principal]
Clock = NamedDependency[Settings]
Intake = NamedDependency[IntakeCatalogue]
Text = str | None
Unit = Annotated[Text, QueryParameter(description="The deciding unit (default: the staff member's own)")]
Kind = Annotated[Text, QueryParameter(name="period", description="month, quarter, half, nine_months or year")]
Year = Annotated[Text, QueryParameter(description="The year the period ends in")]
Index = Annotated[Text, QueryParameter(description="Which month (1-12), quarter (1-4) or half (1-2)")]
Start = Annotated[Text, QueryParameter(name="from", description="Or a range: its first day (YYYY-MM-DD)")]
End = Annotated[Text, QueryParameter(name="to", description="Its last day, included (YYYY-MM-DD)")]
DetailParam = Annotated[Text, QueryParameter(name="detail", description="unit, field (default) or procedure")]
StepParam = Annotated[Text, QueryParameter(name="step", description="week (default, Monday to Sunday) or month")]


def _int(text: str | None) -> int | None:
    if text is None or text == "":
        return None
    if not text.isdigit() or len(text) > 4:
        raise periods.PeriodInvalid()
    return int(text)


def _day(text: str | None) -> dt.date | None:
    if text is None or text == "":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise periods.PeriodInvalid() from exc


def provide_period(
    *, kind: Kind = None, year: Year = None, index: Index = None, start: Start = None, end: End = None
) -> Period:
    """The period a request names: `period`, `year` and `index`, or `from` and `to` (422 otherwise)."""
    return periods.period_of(kind or None, _int(year), _int(index), _day(start), _day(end))


def _csv(body: bytes, name: str) -> Response[bytes]:
    """A spreadsheet download (the bodies are UTF-8 with a BOM, for Excel)."""
    return Response(
        body, media_type="text/csv; charset=utf-8", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def _detail(text: str | None) -> Detail:
    if not text:
        return Detail.FIELD
    if text not in Detail.__members__.values():
        raise DetailInvalid()
    return Detail(text)


class StatisticsController(Controller):
    path = "/api/staff/statistics"
    tags = ("staff",)
    cache_control = NO_STORE
    dependencies = {"period": Provide(provide_period, sync_to_thread=False)}  # noqa: RUF012 (Litestar's own)

    @get("/bieu-06", guards=[REPORTERS], summary="Biểu 06/VPCP/KSTT of a unit for a period (15th to 14th)")
    async def bieu_06(
        self, *, staff: Staff, settings: Clock, intake: Intake, period: NamedDependency[Period], unit: Unit = None,
        detail: DetailParam = None,
    ) -> Bieu06Out:  # fmt: skip
        return await service.bieu_06(
            staff, unit or None, period, _detail(detail), now=settings.now(), tz=settings.tz, intake=intake
        )

    @get("/bieu-06.csv", guards=[REPORTERS], summary="Biểu 06 as CSV (UTF-8 with a BOM, for Excel)")
    async def bieu_06_csv(
        self, *, staff: Staff, settings: Clock, intake: Intake, period: NamedDependency[Period], unit: Unit = None,
        detail: DetailParam = None,
    ) -> Response[bytes]:  # fmt: skip
        report = await service.bieu_06(
            staff, unit or None, period, _detail(detail), now=settings.now(), tz=settings.tz, intake=intake
        )
        return _csv(sheets.bieu_06_csv(report), sheets.file_name("bieu-06", report.unit, report.period))

    @get("/indicators", guards=[REPORTERS], summary="Decision 766 indicators per unit for a period")
    async def indicators(
        self, *, staff: Staff, settings: Clock, intake: Intake, period: NamedDependency[Period], unit: Unit = None
    ) -> IndicatorsOut:
        return await service.indicators(staff, unit or None, period, now=settings.now(), tz=settings.tz, intake=intake)

    @get("/ranking", guards=[REPORTERS], summary="The communes ranked on the Decision 766 indicators")
    async def ranking(
        self, *, staff: Staff, settings: Clock, intake: Intake, period: NamedDependency[Period], unit: Unit = None
    ) -> RankingOut:
        return await service.ranking(staff, unit or None, period, now=settings.now(), tz=settings.tz, intake=intake)

    @get("/indicators.csv", guards=[REPORTERS], summary="The Decision 766 indicators as CSV (UTF-8 with a BOM)")
    async def indicators_csv(
        self, *, staff: Staff, settings: Clock, intake: Intake, period: NamedDependency[Period], unit: Unit = None
    ) -> Response[bytes]:
        found = await service.indicators(staff, unit or None, period, now=settings.now(), tz=settings.tz, intake=intake)
        return _csv(sheets.indicators_csv(found), sheets.file_name("chi-so-766", found.unit, found.period))

    @get("/ranking.csv", guards=[REPORTERS], summary="The ranking of communes as CSV (UTF-8 with a BOM)")
    async def ranking_csv(
        self, *, staff: Staff, settings: Clock, intake: Intake, period: NamedDependency[Period], unit: Unit = None
    ) -> Response[bytes]:
        found = await service.ranking(staff, unit or None, period, now=settings.now(), tz=settings.tz, intake=intake)
        return _csv(sheets.ranking_csv(found), sheets.file_name("xep-hang-xa", found.unit, found.period))

    @get("/series", guards=[REPORTERS], summary="A unit's figures per week or reporting month, for the charts")
    async def series(
        self, *, staff: Staff, settings: Clock, intake: Intake, period: NamedDependency[Period], unit: Unit = None,
        step: StepParam = None,
    ) -> SeriesOut:  # fmt: skip
        return await series_of(
            staff, unit or None, period, step_of(step), now=settings.now(), tz=settings.tz, intake=intake
        )

    @get("/series.csv", guards=[REPORTERS], summary="The series as CSV (UTF-8 with a BOM)")
    async def series_csv(
        self, *, staff: Staff, settings: Clock, intake: Intake, period: NamedDependency[Period], unit: Unit = None,
        step: StepParam = None,
    ) -> Response[bytes]:  # fmt: skip
        found = await series_of(
            staff, unit or None, period, step_of(step), now=settings.now(), tz=settings.tz, intake=intake
        )
        return _csv(sheets.series_csv(found), sheets.file_name(f"bieu-do-{found.step}", found.unit, found.period))


STATISTICS_CONTROLLERS = (StatisticsController,)

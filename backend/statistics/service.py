"""Statistics use cases: Biểu 06/VPCP/KSTT for a unit and period (JSON and CSV), the Decision 766 indicators
per unit, and the ranking of communes. The counting is one GROUP BY in the database (`dossiers.tally`); here
the counts get their names, fields and order."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from backend.catalogue import service as catalogue
from backend.dossiers import tally
from backend.satisfaction import service as satisfaction
from backend.statistics import rules
from backend.statistics.periods import Period
from backend.statistics.rules import Detail, Figures, Line
from backend.statistics.schemas import (
    Bieu06Out,
    FiguresOut,
    IndicatorOut,
    IndicatorsOut,
    LineOut,
    PeriodOut,
    RankedOut,
    RankingOut,
)

Intake = catalogue.IntakeCatalogue


def window(period: Period, now: dt.datetime, tz: ZoneInfo) -> tally.Window:
    """The instants of `period`; in progress is judged at its end, or now for a period still running."""
    start, end = period.start(tz), period.end(tz)
    return tally.Window(start=start, end=end, cutoff=min(end, max(start, now)), tz=tz)


def _period_out(period: Period) -> PeriodOut:
    return PeriodOut(period.kind.value, period.first_day, period.last_day, period.year, period.index)


def figures_out(f: Figures) -> FiguresOut:
    return FiguresOut(
        received=f.received,
        received_online=f.received_online,
        received_in_person=f.received_in_person,
        carried_over=f.carried_over,
        resolved=f.resolved,
        resolved_early=f.resolved_early,
        resolved_on_time=f.resolved_on_time,
        resolved_late=f.resolved_late,
        in_progress=f.in_progress,
        in_progress_within=f.in_progress_within,
        in_progress_overdue=f.in_progress_overdue,
        waiting_for_citizen=f.waiting_for_citizen,
        returned_or_withdrawn=f.returned_or_withdrawn,
        apologies=f.apologies,
        satisfaction_rate=f.satisfaction_rate,
        rated=f.rated,
        rated_satisfied=f.rated_satisfied,
    )


# What one count of a period gives: the unit reported, the units covered, the rows per unit and procedure (with
# their ratings) and the names to show.
Counted = tuple[str, list[str], list[dict[str, object]], rules.Names]


async def _counted(
    staff: rules.Reader,
    unit: str | None,
    period: Period,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: Intake,
    scans: bool = False,
) -> Counted:
    units = await intake.units()
    reported, covered = rules.scope(units.by_code, staff.agency_code, unit)
    counted = window(period, now, tz)
    dossiers = await tally.tally(counted, covered, scans=scans)
    rows = rules.with_ratings(dossiers, await satisfaction.tally(counted.start, counted.end, covered))
    unit_names = await catalogue.agency_names(covered)
    procedures = await catalogue.procedures_in_fields([str(r["procedure"]) for r in rows])
    names = rules.Names(
        units={code: (n.vi, n.en) for code, n in unit_names.items()},
        fields={p.field_code: (p.field_name.vi, p.field_name.en, p.field_position) for p in procedures.values()},
        procedures={code: (p.name.vi, p.name.en, p.field_code) for code, p in procedures.items()},
    )
    return reported, covered, rows, names


async def bieu_06(
    staff: rules.Reader,
    unit: str | None,
    period: Period,
    detail: Detail,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: Intake,
) -> Bieu06Out:
    """Biểu 06 of `unit` (by default the staff member's own) for `period`, as of now."""
    counted = await _counted(staff, unit, period, now=now, tz=tz, intake=intake)
    return _bieu_06(counted, period, detail, now)


def _bieu_06(counted: Counted, period: Period, detail: Detail, now: dt.datetime) -> Bieu06Out:
    reported, covered, rows, names = counted
    lines = rules.report_lines(reported, covered, rows, detail, names)
    return Bieu06Out(
        unit=reported,
        unit_name=names.units.get(reported, (reported, reported))[0],
        period=_period_out(period),
        as_of=now,
        detail=detail.value,
        rows=[_line_out(line) for line in lines],
    )


def _line_out(line: Line) -> LineOut:
    return LineOut(line.depth, line.kind, line.code, line.name_vi, line.name_en, figures_out(line.figures))


def _indicator(code: str, kind: str, names: rules.Names, f: Figures) -> IndicatorOut:
    vi, en = names.units.get(code, (code, code))
    return IndicatorOut(
        unit=code,
        name_vi=vi,
        name_en=en,
        kind=kind,
        received=f.received,
        resolved=f.resolved,
        on_time_share=rules.share(f.resolved_early + f.resolved_on_time, f.resolved),
        online_share=rules.share(f.received_online, f.received_new),
        scanned_share=rules.share(f.received_scanned, f.received_new),
        satisfied_share=f.satisfaction_rate,
    )


async def indicators(
    staff: rules.Reader, unit: str | None, period: Period, *, now: dt.datetime, tz: ZoneInfo, intake: Intake
) -> IndicatorsOut:
    """The Decision 766 indicators of the unit and each unit beneath it, for one period (a month, usually)."""
    counted = await _counted(staff, unit, period, now=now, tz=tz, intake=intake, scans=True)
    return await _indicators(counted, period, now, intake)


async def _indicators(counted: Counted, period: Period, now: dt.datetime, intake: Intake) -> IndicatorsOut:
    reported, covered, rows, names = counted
    kinds = {code: u.kind for code, u in (await intake.units()).by_code.items()}
    per_unit = rules.per_unit(covered, rows)
    out = [_indicator(code, kinds.get(code, ""), names, per_unit[code]) for code in covered]
    return IndicatorsOut(unit=reported, period=_period_out(period), as_of=now, units=out)


async def bieu_06_and_indicators(
    reader: rules.Reader,
    unit: str | None,
    period: Period,
    detail: Detail,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: Intake,
) -> tuple[Bieu06Out, IndicatorsOut]:
    """Biểu 06 and the indicators from one count (the indicators', which also reads the scans), as `bieu_06`
    and `indicators` give them one by one: for a page that shows both (the public transparency page)."""
    counted = await _counted(reader, unit, period, now=now, tz=tz, intake=intake, scans=True)
    return _bieu_06(counted, period, detail, now), await _indicators(counted, period, now, intake)


async def ranking(
    staff: rules.Reader, unit: str | None, period: Period, *, now: dt.datetime, tz: ZoneInfo, intake: Intake
) -> RankingOut:
    """The communes beneath the unit, best first (see `rules.rank`)."""
    found = await indicators(staff, unit, period, now=now, tz=tz, intake=intake)
    communes = [i for i in found.units if i.kind == "commune"]
    shares = [[i.on_time_share, i.online_share, i.scanned_share, i.satisfied_share] for i in communes]
    ranked = rules.rank([i.unit for i in communes], shares)
    by_code = {i.unit: i for i in communes}
    return RankingOut(
        unit=found.unit,
        period=found.period,
        as_of=now,
        communes=[RankedOut(rank=n, score=score, indicator=by_code[code]) for n, code, score in ranked],
    )

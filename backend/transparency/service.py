"""The public's statistics: a completed period's Biểu 06 per unit and the Decision 766 indicators, counted by
`backend.statistics` exactly as the staff see them, and kept in memory a while (they no longer change)."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import msgspec

from backend.catalogue.service import IntakeCatalogue
from backend.limits.rules import LimitReached, counter_key
from backend.limits.service import Counters
from backend.statistics import service as statistics
from backend.statistics.rules import Detail, UnitUnknown
from backend.statistics.schemas import FiguresOut, IndicatorOut
from backend.transparency import rules
from backend.transparency.rules import Choice
from backend.transparency.schemas import PublicStatisticsOut, PublicUnitOut


@dataclass(frozen=True)
class PublicReader:
    """The public reading a province's figures: it sees the province and every unit beneath it."""

    agency_code: str


@dataclass(frozen=True)
class Published:
    """An answer and its ETag (a hash of its JSON, so the same figures always carry the same tag)."""

    statistics: PublicStatisticsOut
    etag: str


async def statistics_of(
    choice: Choice, unit: str | None, *, now: dt.datetime, tz: ZoneInfo, intake: IntakeCatalogue
) -> PublicStatisticsOut:
    """The figures of `unit` (the province by default) and each unit beneath it, for the last completed period
    of `choice`; names of units and counts only."""
    period = rules.last_completed(choice, now.astimezone(tz).date())
    by_code = (await intake.units()).by_code
    province = rules.province_of(by_code, unit)
    if province is None:
        raise UnitUnknown(unit=unit or "")
    reader = PublicReader(province)
    report, shares = await statistics.bieu_06_and_indicators(
        reader, unit, period, Detail.UNIT, now=now, tz=tz, intake=intake
    )
    total = report.rows[0]
    # A unit with none beneath has its total as its only row; a province has a row per unit at depth 1.
    figures = {r.code: r.figures for r in report.rows if r.depth == 1} or {total.code: total.figures}
    return PublicStatisticsOut(
        choice=choice.value,
        period=shares.period,
        unit=report.unit,
        name_vi=total.name_vi,
        name_en=total.name_en,
        total=total.figures,
        units=[_unit(i, figures[i.unit]) for i in shares.units],
    )


def _unit(i: IndicatorOut, figures: FiguresOut) -> PublicUnitOut:
    return PublicUnitOut(
        unit=i.unit,
        name_vi=i.name_vi,
        name_en=i.name_en,
        kind=i.kind,
        figures=figures,
        on_time_share=i.on_time_share,
        online_share=i.online_share,
        scanned_share=i.scanned_share,
        satisfied_share=i.satisfied_share,
    )


class StatisticsPaused(LimitReached):
    message_vi = "Đang có quá nhiều yêu cầu xem số liệu; vui lòng thử lại sau {seconds} giây."
    message_en = "Too many requests for the figures; please try again in {seconds} seconds."


class PublicStatistics:
    """The answers of one process, each kept `seconds` (the same as the browsers' max-age): a completed period's
    figures do not change, so a crowd of phones costs one count per period and unit."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._kept: dict[tuple[str, str, str], tuple[float, Published]] = {}

    async def get(
        self, choice: Choice, unit: str | None, *, now: dt.datetime, tz: ZoneInfo, intake: IntakeCatalogue
    ) -> Published:
        key = (choice.value, unit or "", rules.last_completed(choice, now.astimezone(tz).date()).first_day.isoformat())
        kept = self._kept.get(key)
        if kept is not None and kept[0] > time.monotonic():
            return kept[1]
        found = await statistics_of(choice, unit, now=now, tz=tz, intake=intake)
        published = Published(found, f'"{hashlib.sha256(msgspec.json.encode(found)).hexdigest()[:32]}"')
        self._kept = {k: v for k, v in self._kept.items() if v[0] > time.monotonic()}  # forget the stale ones
        self._kept[key] = (time.monotonic() + self.seconds, published)
        return published


async def admit(client: str, counters: Counters, now: dt.datetime, per_minute: int) -> None:
    """Counts this request against the client address's budget of public statistics requests."""
    verdict = await counters.hit(counter_key("public-statistics", client), 60, per_minute, now)
    if not verdict.allowed:
        raise StatisticsPaused(verdict)

"""Wire formats of the statistics (camelCase JSON): Biểu 06's rows, the Decision 766 indicators and the
ranking of communes."""

from __future__ import annotations

import datetime as dt

import msgspec


class PeriodOut(msgspec.Struct, rename="camel"):
    kind: str
    first_day: dt.date
    last_day: dt.date
    year: int | None
    index: int | None


class FiguresOut(msgspec.Struct, rename="camel"):
    """Columns 3-13 of Biểu 06 and the columns systems add; `satisfactionRate` (per cent, one decimal) is
    `ratedSatisfied` of `rated`, the ratings given in the period, null when none was given."""

    received: int
    received_online: int
    received_in_person: int
    carried_over: int
    resolved: int
    resolved_early: int
    resolved_on_time: int
    resolved_late: int
    in_progress: int
    in_progress_within: int
    in_progress_overdue: int
    waiting_for_citizen: int
    returned_or_withdrawn: int
    apologies: int
    satisfaction_rate: float | None
    rated: int
    rated_satisfied: int  # very satisfied or satisfied


class LineOut(msgspec.Struct, rename="camel"):
    depth: int
    kind: str
    code: str
    name_vi: str
    name_en: str
    figures: FiguresOut


class Bieu06Out(msgspec.Struct, rename="camel"):
    """TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC (Biểu số 06/VPCP/KSTT), computed as of `asOf`."""

    unit: str
    unit_name: str
    period: PeriodOut
    as_of: dt.datetime
    detail: str
    rows: list[LineOut]


class IndicatorOut(msgspec.Struct, rename="camel"):
    """Decision 766 indicators the data supports, in per cent (null: nothing to share yet)."""

    unit: str
    name_vi: str
    name_en: str
    kind: str
    received: int
    resolved: int
    on_time_share: float | None  # resolved early or on time, of resolved
    online_share: float | None  # received online, of newly received
    scanned_share: float | None  # newly received with scanned documents, of newly received
    satisfied_share: float | None  # very satisfied or satisfied, of the ratings given in the period


class IndicatorsOut(msgspec.Struct, rename="camel"):
    unit: str
    period: PeriodOut
    as_of: dt.datetime
    units: list[IndicatorOut]


class RankedOut(msgspec.Struct, rename="camel"):
    rank: int
    score: float | None
    indicator: IndicatorOut


class RankingOut(msgspec.Struct, rename="camel"):
    """Communes ranked on the mean of the shares they have (on time, online, scanned, satisfied); a commune
    with nothing received that period is ranked last, unscored."""

    unit: str
    period: PeriodOut
    as_of: dt.datetime
    communes: list[RankedOut]


class BucketOut(msgspec.Struct, rename="camel"):
    """One week or reporting month of a series: dossiers received per channel, results in time (early or on
    time) and late, the on-time share of the results (%), and the citizens' ratings given in it."""

    first_day: dt.date
    last_day: dt.date
    received_online: int
    received_in_person: int
    received_postal: int
    resolved_in_time: int
    resolved_late: int
    on_time_share: float | None  # null: no result in the bucket
    rated: int
    satisfied: int  # very satisfied or satisfied
    satisfied_share: float | None  # null: no rating in the bucket


class SeriesOut(msgspec.Struct, rename="camel"):
    """A unit's figures (with every unit beneath it) per week or reporting month of a period, for the charts."""

    unit: str
    unit_name: str
    period: PeriodOut
    step: str
    as_of: dt.datetime
    buckets: list[BucketOut]

"""The series behind the statistics page's charts: a unit's figures (with every unit beneath it, as Biểu 06's
total row) per week or reporting month of a period, counted in the database (`dossiers.series`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from backend.accounts.rules import Principal
from backend.catalogue import service as catalogue
from backend.dossiers import series
from backend.satisfaction import service as satisfaction
from backend.statistics import rules
from backend.statistics.buckets import Bucket, Step, buckets
from backend.statistics.periods import Period
from backend.statistics.schemas import BucketOut, PeriodOut, SeriesOut
from backend.statistics.service import Intake, window

_CHANNELS = {"online": "received_online", "in_person": "received_in_person", "postal": "received_postal"}


def _start(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=tz)


def _counts(rows: Iterable[dict[str, Any]], key: str, names: dict[Any, str], size: int) -> list[dict[str, int]]:
    """Rows of (bucket, key, n) as one dict of counts per bucket, named by `names`."""
    out: list[dict[str, int]] = [dict.fromkeys(names.values(), 0) for _ in range(size)]
    for row in rows:
        name = names.get(row[key])
        if name is not None:
            out[int(row["bucket"])][name] += int(row["n"])
    return out


def _bucket_out(bucket: Bucket, received: dict[str, int], resolved: dict[str, int], rated: dict[str, int]) -> BucketOut:
    in_time, late = resolved["in_time"], resolved["late"]
    satisfied, all_rated = rated["satisfied"], rated["satisfied"] + rated["unsatisfied"]
    return BucketOut(
        first_day=bucket.first_day,
        last_day=bucket.last_day,
        received_online=received["received_online"],
        received_in_person=received["received_in_person"],
        received_postal=received["received_postal"],
        resolved_in_time=in_time,
        resolved_late=late,
        on_time_share=rules.share(in_time, in_time + late),
        rated=all_rated,
        satisfied=satisfied,
        satisfied_share=rules.share(satisfied, all_rated),
    )


async def series_of(
    staff: Principal,
    unit: str | None,
    period: Period,
    step: Step,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
    intake: Intake,
) -> SeriesOut:
    """The series of `unit` (by default the staff member's own) over `period`, one bucket a `step`."""
    cut = buckets(period, step)
    reported, covered = rules.scope((await intake.units()).by_code, staff.agency_code, unit)
    slices = series.Buckets(window(period, now, tz), tuple(_start(b.first_day, tz) for b in cut))
    received = _counts(await series.received(slices, covered), "channel", _CHANNELS, len(cut))
    resolved = _counts(await series.resolved(slices, covered), "late", {0: "in_time", 1: "late"}, len(cut))
    ratings = await satisfaction.series(slices, covered)
    rated = _counts(ratings, "satisfied", {1: "satisfied", 0: "unsatisfied"}, len(cut))
    names = await catalogue.agency_names([reported])
    return SeriesOut(
        unit=reported,
        unit_name=names[reported].vi if reported in names else reported,
        period=PeriodOut(period.kind.value, period.first_day, period.last_day, period.year, period.index),
        step=step.value,
        as_of=now,
        buckets=[_bucket_out(*parts) for parts in zip(cut, received, resolved, rated, strict=True)],
    )

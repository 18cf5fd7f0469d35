"""The statistics' series (issue 17's charts): dossiers counted per bucket of a period (a week or a reporting
month) in the database, one GROUP BY per measure, as Biểu 06 counts them (`dossiers.tally`):
- received: by the instant on the receipt, per channel (online, in person, by post);
- resolved: by the instant of the result, in time (early or on time) or late by the local day of the result
  against the legal due date (`tally.LEGAL_DUE`: a restart's date counts, an apology's new date does not);
Summed over the buckets, each measure is the period's Biểu 06 figure for the unit and everything beneath it.
(The ratings' series is the satisfaction package's own, `satisfaction.service.series`, with `bucket_of`.)

A bucket is found by comparing the instant with the buckets' starts in a CASE nested as a binary search: a
handful of comparisons per row, the same SQL on SQLite and PostgreSQL, every instant a placeholder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backend.dossiers.tables import Dossier
from backend.dossiers.tally import LEGAL_DUE, Window, local_day


@dataclass(frozen=True)
class Buckets:
    """Consecutive buckets of one period: `starts[i]` is bucket i's first instant, the next start (or the
    window's end) its end, excluded; `window.start` is `starts[0]`."""

    window: Window
    starts: tuple[dt.datetime, ...]


def bucket_of(column: str, buckets: Buckets) -> tuple[str, list[Any]]:
    """SQL numbering the bucket (0, 1, …) an instant column falls in, with its values in placeholder order;
    only for instants inside the window."""
    args: list[Any] = []

    def tree(low: int, high: int) -> str:
        if low == high:
            return str(low)
        middle = (low + high + 1) // 2  # the upper half's first bucket
        args.append(buckets.starts[middle])
        below = tree(low, middle - 1)
        return f"CASE WHEN {column} < {{}} THEN {below} ELSE {tree(middle, high)} END"

    return tree(0, len(buckets.starts) - 1), args


def _units(units: Sequence[str]) -> str:
    return "COALESCE(d.competent_agency_code, '') IN (" + ", ".join(["{}"] * len(units)) + ")"


async def _run(sql: str, args: list[Any]) -> list[dict[str, Any]]:
    if Dossier._meta.db.engine_type == "sqlite":
        return list(await Dossier.raw(sql, *args))
    async with Dossier._meta.db.transaction():  # as tally: no JIT for a query priced dear by its subqueries
        await Dossier.raw("SET LOCAL jit = off")
        return list(await Dossier.raw(sql, *args))


async def received(buckets: Buckets, units: Sequence[str]) -> list[dict[str, Any]]:
    """[{bucket, channel, n}]: the dossiers received in each bucket per channel."""
    if not units:
        return []
    bucket, args = bucket_of("d.received_at", buckets)
    sql = f"""
SELECT y.bucket, y.channel, count(*) AS n FROM (
  SELECT {bucket} AS bucket, d.channel AS channel FROM dossier d
  WHERE d.received_at >= {{}} AND d.received_at < {{}} AND {_units(units)}
) y GROUP BY y.bucket, y.channel"""  # noqa: S608 (fixed texts; every value is a placeholder)
    return await _run(sql, [*args, buckets.window.start, buckets.window.end, *units])


async def resolved(buckets: Buckets, units: Sequence[str]) -> list[dict[str, Any]]:
    """[{bucket, late, n}]: the results issued in each bucket, late (1) or in time (0, early or on time)."""
    if not units:
        return []
    bucket, args = bucket_of("d.result_at", buckets)
    sql = f"""
SELECT y.bucket, y.late, count(*) AS n FROM (
  SELECT {bucket} AS bucket,
    CASE WHEN {local_day("d.result_at", buckets.window)} > {LEGAL_DUE} THEN 1 ELSE 0 END AS late
  FROM dossier d
  WHERE d.result_at >= {{}} AND d.result_at < {{}} AND d.received_at < {{}} AND {_units(units)}
) y GROUP BY y.bucket, y.late"""  # noqa: S608 (fixed texts; every value is a placeholder)
    window = buckets.window
    return await _run(sql, [*args, window.start, window.end, window.end, *units])

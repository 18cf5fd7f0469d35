"""Biểu 06 for a quarter over many dossiers: the queue generator's dossiers (bench/queue_load.py) given their
results, stops and refusals, then times the province's report (every unit, by procedure) and the charts' weekly
series of the same quarter through the service, beside a plain count(*) of the same rows in the same run.
Usage: python -m bench.statistics_report [--count 100000] [--database-url postgresql://…/an_empty_db] [--requests 20]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg

from backend.accounts.rules import Principal, Role
from backend.catalogue.service import IntakeCatalogue
from backend.db import bind_tables, close, make_engine, postgres_config, prepare
from backend.dossiers import tally
from backend.piccolo_app import ALL_TABLES
from backend.settings import Settings
from backend.statistics import service
from backend.statistics.buckets import Step
from backend.statistics.periods import PeriodKind, reporting_period
from backend.statistics.rules import Detail
from backend.statistics.series import series_of
from bench.processes import clean_env, motcua
from bench.queue_load import COLUMNS, NOW, answered, dossiers, fill_postgres, fill_sqlite

RESULT_COLUMNS = [*COLUMNS, "result_at", "result_kind", "returned_at", "stopped_at"]
QUARTER = reporting_period(PeriodKind.QUARTER, 2026, 3)  # 15/6-14/9/2026, the last whole quarter before NOW
TARGET_MS = {"PostgreSQL": 500, "SQLite": None}


def _handled(row: tuple[Any, ...], n: int) -> tuple[Any, ...]:
    """A queue dossier as handling leaves it: returned or ready ones with a result 1-7 days after receipt (one
    in 25 a day late), the counter's refusals as refusals after appraisal, withdrawals as stops."""
    values = list(row)
    status, received = values[10], values[12]
    if values[7] == "H12.01":  # the province's centre receives for the Department of Justice
        values[7] = "H12.02"
    result_at = result_kind = returned_at = stopped_at = None
    if received is not None and status in ("returned", "ready", "refused"):
        result_at = received + dt.timedelta(days=6 if n % 25 == 0 else 1 + n % 4)
        result_kind = "refused" if status == "refused" else "granted"
        returned_at = result_at if status == "returned" else None
        values[10] = "appraisal_refused" if status == "refused" else status
    elif received is not None and status == "withdrawn":
        values[10], stopped_at = "stopped", received + dt.timedelta(days=1)
    return (*values, result_at, result_kind or "", returned_at, stopped_at)


def handled(count: int) -> Iterator[tuple[Any, ...]]:
    return (_handled(row, n) for n, row in enumerate(dossiers(count)))


# Two returned dossiers in three rated when handed back, one in five of them at the counter's tablet: 6 in 10
# very satisfied, 3 satisfied, 1 not (90 % satisfied).
_RATINGS = """INSERT INTO rating (rating_id, dossier, receiving_unit_code, competent_agency_code, procedure_code,
  channel, level, comment, rated_at)
SELECT {uuid}, d.id, d.receiving_unit_code, d.competent_agency_code, d.procedure_code,
  CASE WHEN d.id % 5 = 0 THEN 'kiosk' ELSE 'app' END,
  CASE WHEN d.id % 10 < 6 THEN 'very_satisfied' WHEN d.id % 10 < 9 THEN 'satisfied' ELSE 'unsatisfied' END,
  '', d.returned_at
FROM dossier d WHERE d.status = 'returned' AND d.id % 3 <> 0"""


async def rate_postgres(url: str) -> None:
    conn = await asyncpg.connect(**postgres_config(url))  # type: ignore[arg-type]
    try:
        await conn.execute(_RATINGS.format(uuid="gen_random_uuid()"))
        await conn.execute("VACUUM ANALYZE rating")
    finally:
        await conn.close()


def rate_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute(_RATINGS.format(uuid="lower(hex(randomblob(16)))"))
        db.execute("ANALYZE")


async def measure(settings: Settings, requests: int) -> dict[str, Any]:
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    await prepare(engine)
    leader = Principal(1, "lead", "Lead", Role.LEADER, "H12", False, "y" * 64, "")
    intake = IntakeCatalogue(settings.catalogue_cache_seconds)
    units = ["H12", "H12.02", "H12.03", "H12.41", "H12.42", "H12.43"]
    window = service.window(QUARTER, NOW, settings.tz)
    try:
        rows, count = await answered(requests, lambda: tally.count_rows(window, units))
        report, bieu = await answered(
            requests,
            lambda: service.bieu_06(leader, None, QUARTER, Detail.PROCEDURE, now=NOW, tz=settings.tz, intake=intake),
        )
        weekly, timed = await answered(
            requests, lambda: series_of(leader, None, QUARTER, Step.WEEK, now=NOW, tz=settings.tz, intake=intake)
        )
        return {"rows": rows, "count": count, "bieu": bieu, "total": report.rows[0].figures, "weeks": weekly,
                "series": timed}  # fmt: skip
    finally:
        await close(engine)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--count", type=int, default=100_000)
    args.add_argument("--database-url", help="an empty PostgreSQL database (default: a fresh SQLite file)")
    args.add_argument("--requests", type=int, default=20)
    args.add_argument("--filled", action="store_true", help="the database is from an earlier run: measure only")
    opts = args.parse_args()
    db = "PostgreSQL" if opts.database_url else "SQLite"
    with tempfile.TemporaryDirectory() as data:
        env = {"MOTCUA_DATA_DIR": data, **({"DATABASE_URL": opts.database_url} if opts.database_url else {})}
        motcua(clean_env(**env), "migrate")  # an earlier run's database gets the migrations since
        settings = Settings(data_dir=Path(data), database_url=opts.database_url)
        if not (opts.filled and opts.database_url):
            motcua(clean_env(**env), "seed")
            start = time.perf_counter()
            if opts.database_url:
                asyncio.run(fill_postgres(opts.database_url, opts.count, handled, RESULT_COLUMNS))
                asyncio.run(rate_postgres(opts.database_url))
            else:
                fill_sqlite(settings.sqlite_path, opts.count, handled, RESULT_COLUMNS)
                rate_sqlite(settings.sqlite_path)
            print(f"{db}: {opts.count:,} dossiers written in {time.perf_counter() - start:.0f} s")
        found = asyncio.run(measure(settings, opts.requests))
    t = found["total"]
    print(f"Biểu 06, {QUARTER.first_day:%d/%m/%Y}-{QUARTER.last_day:%d/%m/%Y}, the province by procedure:")
    print(
        f"  rows read {found['rows']:,}; received {t.received:,}, resolved {t.resolved:,} ({t.resolved_late:,} late),"
    )
    print(f"  in progress {t.in_progress:,}, returned or withdrawn {t.returned_or_withdrawn:,}")
    print(f"  ratings given {t.rated:,}, satisfied {t.rated_satisfied:,} ({t.satisfaction_rate} %)")
    weeks = found["weeks"].buckets
    new = sum(b.received_online + b.received_in_person + b.received_postal for b in weeks)
    done, late = sum(b.resolved_in_time + b.resolved_late for b in weeks), sum(b.resolved_late for b in weeks)
    print(f"  the series' {len(weeks)} weeks add up to {new:,} newly received, {done:,} resolved ({late:,} late)")
    (c50, c99), (b50, b99), (s50, s99) = found["count"], found["bieu"], found["series"]
    target = TARGET_MS[db]
    verdict = "" if target is None else ("  ok" if b99 <= target else f"  MISSES the {target} ms target")
    print(f"{opts.requests} runs each, in process through the service functions:")
    print(f"  count(*) of the same rows (baseline)  p50 {c50:8.1f} ms  p99 {c99:8.1f} ms")
    print(f"  Biểu 06 (province, by procedure)      p50 {b50:8.1f} ms  p99 {b99:8.1f} ms  ({b50 / c50:4.1f}x){verdict}")
    print(f"  the charts' series (province, weeks)  p50 {s50:8.1f} ms  p99 {s99:8.1f} ms  ({s50 / c50:4.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

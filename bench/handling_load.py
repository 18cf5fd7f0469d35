"""Handling over many dossiers: the queue generator's dossiers (bench/queue_load.py), each with its hand-overs
and some with parts at other agencies, then times the control slip (Mẫu 06) of one dossier, the "due soon" and
"overdue" lists and a week of the register (Mẫu 07) beside a primary-key lookup of the same run.
Usage: python -m bench.handling_load [--count 100000] [--database-url postgresql://…/an_empty_db] [--requests 200]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg

from backend.accounts.rules import Principal, Role
from backend.catalogue.service import IntakeCatalogue
from backend.db import bind_tables, close, make_engine, postgres_config, prepare
from backend.dossiers.tables import Dossier
from backend.handling import slips
from backend.piccolo_app import ALL_TABLES
from backend.review import queue
from backend.settings import Settings
from bench.processes import clean_env, motcua
from bench.queue_load import COLUMNS, NOW, dossiers, report, timed

HANDOVER_COLUMNS = ["dossier", "at", "step", "from_unit", "from_user", "to_unit", "to_user", "medium", "due_at", "note"]
PART_COLUMNS = ["dossier", "agency_code", "lead_agency_code", "task", "working_days", "sent_at", "sent_by", "due_at"]
PART_SHARE = 20  # one dossier in 20 has a part at the province's Department of Justice
CLOSED = {"returned", "refused", "withdrawn"}


def _lines(n: int, row: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    """The hand-overs a dossier of `row` (queue_load's columns) would have: the transfer at receipt, the
    assignment, the way to the leader and back, the result to the counter and the return."""
    code, unit, competent, status, received = row[0], row[6], row[7], row[10], row[12]
    if received is None:
        return
    hour = dt.timedelta(hours=1)
    yield n, received, "transfer", unit, "lan.nt", competent, "", "electronic", received, ""
    yield n, received + hour, "assign", competent, "lead", competent, "cv.a", "electronic", None, ""
    if status not in ("returned", "ready"):
        return
    due = dt.datetime.combine(row[13], dt.time(10), tzinfo=dt.UTC)  # 17:00 in Vietnam on the appointment day
    yield n, received + 30 * hour, "for_approval", competent, "cv.a", competent, "", "electronic", None, ""
    yield n, received + 40 * hour, "result_to_counter", competent, "lead", unit, "", "electronic", due, code
    if status == "returned":
        yield n, received + 60 * hour, "returned", unit, "lan.nt", "", "", "paper", due, ""


def _rows(count: int, parts: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """The hand-overs of the `count` dossiers, streamed to COPY; the few parts are gathered in `parts`."""
    for n, row in enumerate(dossiers(count), start=1):  # ids follow the COPY order in a fresh table
        yield from _lines(n, row)
        if row[12] is not None and n % PART_SHARE == 0:
            sent = row[12] + dt.timedelta(hours=2)
            parts.append((n, "H12.02", row[7], "Xác minh", 3, sent, "cv.a", sent + dt.timedelta(days=3)))


async def fill(url: str, count: int) -> int:
    conn = await asyncpg.connect(**postgres_config(url))  # type: ignore[arg-type]
    try:
        await conn.copy_records_to_table("dossier", records=dossiers(count), columns=COLUMNS)
        parts: list[tuple[Any, ...]] = []
        await conn.copy_records_to_table("dossier_handover", records=_rows(count, parts), columns=HANDOVER_COLUMNS)
        await conn.copy_records_to_table("dossier_part", records=parts, columns=PART_COLUMNS)
        await conn.execute("VACUUM ANALYZE")
        return int(await conn.fetchval("SELECT count(*) FROM dossier_handover"))
    finally:
        await conn.close()


async def measure(settings: Settings, requests: int) -> dict[str, tuple[float, float]]:
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    await prepare(engine)
    officer = Principal(1, "bench", "Bench", Role.OFFICER, "H12.41.01", False, "x" * 64, "")
    leader = Principal(2, "lead", "Lead", Role.LEADER, "H12.41", False, "y" * 64, "")
    intake = IntakeCatalogue(settings.catalogue_cache_seconds)
    some = await (
        Dossier.select(Dossier._meta.primary_key, Dossier.code)
        .where(Dossier.receiving_unit_code == "H12.41.01", Dossier.status == "returned")
        .first()
    )
    week = (NOW.date() - dt.timedelta(days=6), NOW.date())

    def listing(name: str) -> Any:
        picked = queue.Chosen()
        return lambda: queue.listing(officer, name, picked, None, 25, now=NOW, tz=settings.tz, intake=intake)

    try:
        return {
            "primary key (baseline)": await timed(
                requests, lambda: Dossier.select().where(Dossier._meta.primary_key == some["id"]).first()
            ),
            "control slip (Mẫu 06)": await timed(
                requests, lambda: slips.control_slip(some["code"], leader, now=NOW, tz=settings.tz, intake=intake)
            ),
            "queue, due soon": await timed(requests, listing("due_soon")),
            "queue, overdue": await timed(requests, listing("overdue")),
            "register, one week (Mẫu 07)": await timed(
                max(10, requests // 10),
                lambda: slips.register(officer, *week, now=NOW, tz=settings.tz, intake=intake),
            ),
        }
    finally:
        await close(engine)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--count", type=int, default=100_000)
    args.add_argument("--database-url", required=True, help="an empty PostgreSQL database")
    args.add_argument("--requests", type=int, default=200)
    args.add_argument("--filled", action="store_true", help="the database is from an earlier run: measure only")
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = {"MOTCUA_DATA_DIR": data, "DATABASE_URL": opts.database_url}
        motcua(clean_env(**env), "migrate")  # an earlier run's database gets the migrations since
        settings = Settings(data_dir=Path(data), database_url=opts.database_url)
        if not opts.filled:
            motcua(clean_env(**env), "seed")
            start = time.perf_counter()
            lines = asyncio.run(fill(opts.database_url, opts.count))
            took = time.perf_counter() - start
            print(f"PostgreSQL: {opts.count:,} dossiers, {lines:,} hand-overs written in {took:.0f} s")
        results = asyncio.run(measure(settings, opts.requests))
    print(f"{opts.requests} requests each (the register a tenth), in process through the service functions:")
    report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The dossiers of a reporting period counted in one GROUP BY over the dossier table (Biểu 06/VPCP/KSTT): each
dossier classified once by CASE (how it arrived, its state at the period's end, an apology, scans) and counted
per competent agency, procedure and class, so a million dossiers never leave the database; `_figures` sums the
few hundred counts into the report's columns.

How each dossier is counted (the convention the report prints; the README's "Statistics" says it for staff):
- Only received dossiers count (`received_at`: the instant on the receipt). One submitted online and not yet
  received, refused or withdrawn at intake never entered handling and is in no column.
- Received in the period: received from its first instant to its end (excluded), online or in person / by
  post (`channel`). Carried over: received before it and neither resolved nor ended before it started.
- Resolved: a result issued in the period (`result_at`), a grant or a refusal after appraisal (Art 19(3),
  also a result). Early, on time or late by the local day of the result against the legal due date.
- The legal due date is the latest given at receipt or at a restart: a supplement completed during appraisal
  restarts the count from zero (Art 19(5)) and the restarted date replaces the original. The apology's new
  date (Mẫu 04, Art 19(6)) is a promise to the citizen, not a new deadline: a dossier resolved after its legal
  due date is late, apology or not (every late dossier carries one).
- Returned or withdrawn: stopped at the citizen's request (Art 21) or closed as the supplement never came
  (Art 19(5)) in the period; such a dossier is neither resolved nor in progress.
- In progress: neither resolved nor ended at the period's end (or now, for a period still running); overdue
  when its legal due date ended before then, else within the deadline. A dossier waiting for the citizen then
  (a supplement during appraisal) is within the deadline, as its count stops and starts again from zero, and
  is also shown among "waiting for the citizen" (a part of in progress, not an addition).
- Apology letters: the apologies (new dates) given in the period.
So received = resolved + in progress + returned or withdrawn, for every row.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from backend.dossiers.tables import Dossier

FIGURES = (
    "received_online",
    "received_in_person",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "in_progress_within",
    "in_progress_overdue",
    "waiting_for_citizen",
    "returned_or_withdrawn",
    "apologies",
    "received_scanned",
)


@dataclass(frozen=True)
class Window:
    """What one report counts: the period's instants, the instant in progress is judged at (its end, or now
    when earlier), and the office's time zone (the local day of a result)."""

    start: dt.datetime
    end: dt.datetime
    cutoff: dt.datetime
    tz: ZoneInfo

    @property
    def cutoff_day(self) -> dt.date:
        """Due dates before this day have ended by the cut-off."""
        return self.cutoff.astimezone(self.tz).date()


def local_day(column: str, window: Window) -> str:
    """The SQL of the local calendar day of a timestamp column, on each engine."""
    if Dossier._meta.db.engine_type == "sqlite":
        # SQLite knows no zones: the zone's offset (Vietnam has kept +07:00 without summer time since 1975).
        offset = window.start.utcoffset() or dt.timedelta()
        return f"date({column}, '{int(offset.total_seconds() // 60):+d} minutes')"
    return f"CAST({column} AT TIME ZONE '{window.tz.key}' AS DATE)"


# A dossier's legal due date (of `dossier d`): the one in force, unless an apology moved it, then the latest
# given at receipt or at a restart (an apology's new date is a promise, not a deadline).
LEGAL_DUE = """CASE WHEN d.apologies = 0 THEN d.appointment_date
      ELSE COALESCE((SELECT MAX(l.due_date) FROM dossier_deadline l WHERE l.dossier = d.id AND l.kind <> 'extended'),
        d.appointment_date)
    END"""


# Each dossier's one state at the period's end: resolved (early, on time, late), returned or withdrawn, or
# still in progress (waiting for the citizen, overdue, within). The branches are tried in this order.
_STATE = """CASE
      WHEN x.result_at >= {s} AND x.result_at < {e} THEN
        CASE WHEN x.result_day < x.legal_due THEN 'early' WHEN x.result_day > x.legal_due THEN 'late' ELSE 'on_time' END
      WHEN x.ended_at >= {s} AND x.ended_at < {e} THEN 'returned'
      WHEN (x.waiting_since IS NOT NULL AND x.waiting_since < {c}) OR EXISTS (SELECT 1 FROM dossier_wait w
        WHERE w.dossier = x.id AND w.started_at < {c} AND w.ended_at >= {c}) THEN 'waiting'
      WHEN x.legal_due < {d} THEN 'overdue'
      ELSE 'within'
    END"""
_ARRIVAL = "CASE WHEN x.received_at < {s} THEN 'carried' WHEN x.channel = 'online' THEN 'online' ELSE 'in_person' END"
_APOLOGY = """CASE WHEN x.apologies > 0 AND EXISTS (SELECT 1 FROM dossier_deadline a WHERE a.dossier = x.id
      AND a.kind = 'extended' AND a.set_at >= {s} AND a.set_at < {e}) THEN 1 ELSE 0 END"""
_SCANNED = "CASE WHEN x.received_at >= {s} AND json_array_length(x.attachments) > 0 THEN 1 ELSE 0 END"


def _sql(window: Window, units: int, scans: bool) -> str:
    """Every dossier the period counts, classified once (how it arrived, its state at the end, an apology in the
    period, scans), then counted per unit, procedure and class: a few hundred rows, pivoted by `_figures`."""
    marks = ", ".join(["{u}"] * units)
    rows = f"""
  SELECT d.id, d.competent_agency_code, d.procedure_code, d.channel, d.received_at, d.result_at,
    d.waiting_since, d.apologies{", d.attachments" if scans else ""}, {local_day("d.result_at", window)} AS result_day,
    CASE d.status WHEN 'stopped' THEN d.stopped_at
      WHEN 'closed' THEN (SELECT MAX(w.ended_at) FROM dossier_wait w WHERE w.dossier = d.id AND w.outcome = 'closed')
    END AS ended_at,
    {LEGAL_DUE} AS legal_due
  FROM dossier d
  WHERE RESOLVED AND d.received_at < {{e}} AND COALESCE(d.competent_agency_code, '') IN ({marks})"""  # noqa: S608
    # The rows a period can count: received before its end and resolved from its start on, or not at all. Two
    # ranges of the index dossier_tally (result_at, competent agency, received_at, then every column read): each an
    # index-only scan; the few stopped or closed before the period are dropped outside. The units are checked
    # on the index's entries (COALESCE keeps PostgreSQL from also reading the competent agencies' index for
    # them, which a province's whole list of units makes a million entries).
    resolved_since = rows.replace("RESOLVED", "d.result_at >= {s}")
    unresolved = rows.replace("RESOLVED", "d.result_at IS NULL")
    scanned = _SCANNED if scans else "0"  # without scans the attachments stay out: the index alone is read
    return f"""
SELECT y.unit, y.procedure, y.arrival, y.state, y.apology, y.scanned, count(*) AS n
FROM (
  SELECT x.competent_agency_code AS unit, x.procedure_code AS procedure, {_ARRIVAL} AS arrival,
    {_STATE} AS state, {_APOLOGY} AS apology, {scanned} AS scanned
  FROM ({resolved_since}
    UNION ALL{unresolved}
  ) x
  WHERE x.ended_at IS NULL OR x.ended_at >= {{s}}
) y
GROUP BY y.unit, y.procedure, y.arrival, y.state, y.apology, y.scanned
"""  # noqa: S608 (fixed texts; every value is a placeholder)


def _numbered(sql: str, window: Window, units: list[str]) -> tuple[str, list[Any]]:
    """Piccolo's raw SQL takes `{}` placeholders in order: name them here, pass each value where it is used."""
    values = {"s": window.start, "e": window.end, "c": window.cutoff, "d": window.cutoff_day}
    args: list[Any] = []
    out: list[str] = []
    pending = itertools.cycle(units)  # the list of units is written twice
    for piece in sql.split("{"):
        if not out:
            out.append(piece)
            continue
        name, rest = piece.split("}", 1)
        args.append(next(pending) if name == "u" else values[name])
        out.append("{}" + rest)
    return "".join(out), args


_BY_ARRIVAL = {"online": "received_online", "in_person": "received_in_person", "carried": "carried_over"}
_BY_STATE = {
    "early": ("resolved_early",),
    "on_time": ("resolved_on_time",),
    "late": ("resolved_late",),
    "returned": ("returned_or_withdrawn",),
    "waiting": ("in_progress_within", "waiting_for_citizen"),  # its count is stopped: within, and waiting
    "overdue": ("in_progress_overdue",),
    "within": ("in_progress_within",),
}


def _figures(classes: list[Any]) -> list[dict[str, Any]]:
    """The counts per class summed into FIGURES per unit and procedure."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for c in classes:
        key = (c["unit"], c["procedure"])
        row = out.setdefault(key, {"unit": key[0], "procedure": key[1], **dict.fromkeys(FIGURES, 0)})
        n = int(c["n"])
        for name in (_BY_ARRIVAL[c["arrival"]], *_BY_STATE[c["state"]]):
            row[name] += n
        row["apologies"] += n * int(c["apology"])
        row["received_scanned"] += n * int(c["scanned"])
    return list(out.values())


async def tally(window: Window, units: list[str], *, scans: bool = False) -> list[dict[str, Any]]:
    """One row per competent agency (among `units`) and procedure with dossiers in the window: FIGURES;
    `received_scanned` only with `scans` (it reads every row's attachments; Biểu 06 has no such column)."""
    if not units:
        return []
    sql, args = _numbered(_sql(window, len(units), scans), window, units)
    if Dossier._meta.db.engine_type == "sqlite":
        return _figures(await Dossier.raw(sql, *args))
    # PostgreSQL prices each lazily run subquery as if it ran for every row: it finds the plan dear, compiles
    # it with JIT (seconds, for a query that runs in a fraction of one) and sorts 100,000 rows by their text
    # keys to group them. The groups are always few (units x procedures x classes): a hash of them it is.
    # Both for this query only.
    async with Dossier._meta.db.transaction():
        await Dossier.raw("SET LOCAL jit = off")
        await Dossier.raw("SET LOCAL enable_sort = off")
        return _figures(await Dossier.raw(sql, *args))


async def count_rows(window: Window, units: list[str]) -> int:
    """A plain count of the rows `tally` reads, read the same way (the benchmark's baseline)."""
    marks = ", ".join(["{}"] * len(units))
    part = (
        "SELECT count(*) FROM dossier d WHERE RESOLVED AND d.received_at < {} "
        "AND COALESCE(d.competent_agency_code, '') IN "
    )
    since, unresolved = (
        f"({part.replace('RESOLVED', cond)}({marks}))" for cond in ("d.result_at >= {}", "d.result_at IS NULL")
    )
    [row] = await Dossier.raw(
        f"SELECT {since} + {unresolved} AS n", window.start, window.end, *units, window.end, *units
    )
    return int(row["n"])

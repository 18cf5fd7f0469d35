"""The dossiers of a reporting period counted in one GROUP BY over the dossier table (Biểu 06/VPCP/KSTT):
per competent agency and procedure, each column a SUM of a CASE, so a million dossiers never leave the database.

How each dossier is counted (the convention the report prints; `backend.statistics` documents it for staff):
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


def _local_day(column: str, window: Window) -> str:
    """The SQL of the local calendar day of a timestamp column, on each engine."""
    if Dossier._meta.db.engine_type == "sqlite":
        # SQLite knows no zones: the zone's offset (Vietnam has kept +07:00 without summer time since 1975).
        offset = window.start.utcoffset() or dt.timedelta()
        return f"date({column}, '{int(offset.total_seconds() // 60):+d} minutes')"
    return f"CAST({column} AT TIME ZONE '{window.tz.key}' AS DATE)"


def _sql(window: Window, units: int) -> str:
    result_day, due = _local_day("x.result_at", window), "x.legal_due"
    resolved = "x.result_at >= {s} AND x.result_at < {e}"
    open_at_cutoff = "(x.result_at IS NULL OR x.result_at >= {c}) AND (x.ended_at IS NULL OR x.ended_at >= {c})"
    waiting = (
        "((x.waiting_since IS NOT NULL AND x.waiting_since < {c}) OR EXISTS (SELECT 1 FROM dossier_wait w "
        "WHERE w.dossier = x.id AND w.started_at < {c} AND w.ended_at >= {c}))"
    )
    figures = {
        "received_online": "x.received_at >= {s} AND x.channel = 'online'",
        "received_in_person": "x.received_at >= {s} AND x.channel <> 'online'",
        "carried_over": "x.received_at < {s}",
        "resolved_early": f"{resolved} AND {result_day} < {due}",
        "resolved_on_time": f"{resolved} AND ({due} IS NULL OR {result_day} = {due})",
        "resolved_late": f"{resolved} AND {result_day} > {due}",
        "in_progress_within": f"{open_at_cutoff} AND ({due} IS NULL OR {due} >= {{d}} OR {waiting})",
        "in_progress_overdue": f"{open_at_cutoff} AND {due} < {{d}} AND NOT {waiting}",
        "waiting_for_citizen": f"{open_at_cutoff} AND {waiting}",
        "returned_or_withdrawn": "x.ended_at >= {s} AND x.ended_at < {e}",
        "apologies": (
            "x.apologies > 0 AND EXISTS (SELECT 1 FROM dossier_deadline a WHERE a.dossier = x.id "
            "AND a.kind = 'extended' AND a.set_at >= {s} AND a.set_at < {e})"
        ),
        "received_scanned": "x.received_at >= {s} AND json_array_length(x.attachments) > 0",
    }
    sums = ",\n".join(f"SUM(CASE WHEN {figures[name]} THEN 1 ELSE 0 END) AS {name}" for name in FIGURES)
    marks = ", ".join(["{u}"] * units)
    # The rows a period can count: received before its end, not resolved before its start (an index on
    # result_at finds them, NULL included); the few stopped or closed before it are dropped outside.
    return f"""
SELECT x.competent_agency_code AS unit, x.procedure_code AS procedure,
{sums}
FROM (
  SELECT d.id, d.competent_agency_code, d.procedure_code, d.channel, d.received_at, d.result_at, d.attachments,
    d.waiting_since, d.apologies,
    CASE d.status WHEN 'stopped' THEN d.stopped_at
      WHEN 'closed' THEN (SELECT MAX(w.ended_at) FROM dossier_wait w WHERE w.dossier = d.id AND w.outcome = 'closed')
    END AS ended_at,
    CASE WHEN d.apologies = 0 THEN d.appointment_date
      ELSE COALESCE((SELECT MAX(l.due_date) FROM dossier_deadline l WHERE l.dossier = d.id AND l.kind <> 'extended'),
        d.appointment_date)
    END AS legal_due
  FROM dossier d
  WHERE d.received_at < {{e}} AND (d.result_at >= {{s}} OR d.result_at IS NULL)
    AND d.competent_agency_code IN ({marks})
) x
WHERE x.ended_at IS NULL OR x.ended_at >= {{s}}
GROUP BY x.competent_agency_code, x.procedure_code
"""  # noqa: S608 (fixed texts; every value is a placeholder)


def _numbered(sql: str, window: Window, units: list[str]) -> tuple[str, list[Any]]:
    """Piccolo's raw SQL takes `{}` placeholders in order: name them here, pass each value where it is used."""
    values = {"s": window.start, "e": window.end, "c": window.cutoff, "d": window.cutoff_day}
    args: list[Any] = []
    out: list[str] = []
    pending = iter(units)
    for piece in sql.split("{"):
        if not out:
            out.append(piece)
            continue
        name, rest = piece.split("}", 1)
        args.append(next(pending) if name == "u" else values[name])
        out.append("{}" + rest)
    return "".join(out), args


async def tally(window: Window, units: list[str]) -> list[dict[str, Any]]:
    """One row per competent agency (among `units`) and procedure with dossiers in the window: FIGURES."""
    if not units:
        return []
    sql, args = _numbered(_sql(window, len(units)), window, units)
    rows = await Dossier.raw(sql, *args)
    return [{**row, **{name: int(row[name] or 0) for name in FIGURES}} for row in rows]


async def count_rows(window: Window, units: list[str]) -> int:
    """A plain count of the rows `tally` reads (the benchmark's baseline: the same rows, nothing computed)."""
    marks = ", ".join(["{}"] * len(units))
    sql = f"""SELECT count(*) AS n FROM dossier d
WHERE d.received_at < {{}} AND (d.result_at >= {{}} OR d.result_at IS NULL) AND d.competent_agency_code IN ({marks})
"""  # noqa: S608 (placeholders only)
    [row] = await Dossier.raw(sql, window.end, window.start, *units)
    return int(row["n"])

"""The counter's queue as queries: the counts of every list in one query (COUNT(*) FILTER), and one page of
a list in keyset order (sort key, id). The clock's cut-offs are worked out by the caller (working hours)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from backend.dossiers import search
from backend.dossiers.errors import BadCursor
from backend.dossiers.tables import Dossier

RECEIVED = "status IN ('received', 'in_progress')"
CHECKING = "status = 'submitted'"
OPEN = "'submitted', 'supplement_requested', 'received', 'in_progress', 'ready'"  # every list's statuses
# Each list: its condition and its sort column (oldest or most urgent first).
LISTS: dict[str, tuple[str, str]] = {
    "to_check": (CHECKING, "checking_since"),
    "waiting_citizen": ("status = 'supplement_requested'", "submitted_at"),
    "received": (RECEIVED, "appointment_date"),
    "due_soon": (
        f"(({CHECKING} AND checking_since >= {{overdue}} AND checking_since <= {{soon}}) "
        f"OR ({RECEIVED} AND appointment_date = {{today}}))",
        "submitted_at",
    ),
    "overdue": (
        f"(({CHECKING} AND checking_since < {{overdue}}) OR ({RECEIVED} AND appointment_date < {{today}}))",
        "submitted_at",
    ),
    "ready": ("status = 'ready'", "appointment_date"),
}
COLUMNS = (
    "id, code, procedure_code, answers, channel, status, submitted_at, checking_since, opened_at, version, "
    "appointment_date, received_at"
)


@dataclass(frozen=True)
class Cutoffs:
    """A dossier to check whose clock started before `overdue` is overdue; up to `soon`, due soon."""

    overdue: dt.datetime
    soon: dt.datetime
    today: dt.date


@dataclass(frozen=True)
class Filters:
    unit: str
    procedure: str | None = None
    channel: str | None = None
    q: str | None = None


def _bind(sql: str, cut: Cutoffs, args: list[Any]) -> str:
    """Piccolo's raw queries take `{}` in order: name the cut-offs, then number them in."""
    out, rest = [], sql
    while "{" in rest:
        head, _, tail = rest.partition("{")
        name, _, rest = tail.partition("}")
        out.append(head + "{}")
        args.append(getattr(cut, name))
    return "".join(out) + rest


def _where(filters: Filters, args: list[Any]) -> str:
    parts = ["receiving_unit_code = {}"]
    args.append(filters.unit)
    if filters.procedure:
        parts.append("procedure_code = {}")
        args.append(filters.procedure)
    if filters.channel:
        parts.append("channel = {}")
        args.append(filters.channel)
    words = search.fold(filters.q or "").replace("%", "").replace("_", "").split()
    for word in words:
        parts.append("search_text LIKE {}")
        args.append(f"%{word}%")
    return " AND ".join(parts)


async def counts(filters: Filters, cut: Cutoffs) -> dict[str, int]:
    """The size of every list, in one query."""
    args: list[Any] = []
    columns = ", ".join(
        f"COUNT(*) FILTER (WHERE {_bind(cond, cut, args)}) AS {name}" for name, (cond, _) in LISTS.items()
    )
    # Every list is of open dossiers: said once more so the count reads only those (the index on unit and status)
    # and not the unit's years of closed ones.
    where = f"{_where(filters, args)} AND status IN ({OPEN})"
    [row] = await Dossier.raw(f"SELECT {columns} FROM dossier WHERE {where}", *args)  # noqa: S608 (fixed texts)
    return {name: int(row[name] or 0) for name in LISTS}


def _cursor(key: Any, row_id: int) -> str:
    text = json.dumps([key.isoformat() if key is not None else None, row_id])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _after(cursor: str, column: str) -> tuple[Any, int]:
    try:
        key, row_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        value = dt.date.fromisoformat(key) if column == "appointment_date" else dt.datetime.fromisoformat(key)
        return value, int(row_id)
    except (ValueError, TypeError) as error:
        raise BadCursor() from error


async def page(
    name: str, filters: Filters, cut: Cutoffs, after: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the list `name` and the cursor of the next (None: the last page)."""
    cond, column = LISTS[name]
    args: list[Any] = []
    # Fixed texts only; every value is a parameter.
    sql = f"SELECT {COLUMNS} FROM dossier WHERE {_bind(cond, cut, args)} AND {_where(filters, args)}"  # noqa: S608
    if after:
        key, row_id = _after(after, column)
        sql += f" AND ({column}, id) > ({{}}, {{}})"
        args += [key, row_id]
    sql += f" ORDER BY {column}, id LIMIT {int(limit) + 1}"
    rows = [dict(r) for r in await Dossier.raw(sql, *args)]
    for row in rows:
        if isinstance(row["answers"], str):
            row["answers"] = json.loads(row["answers"])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (_cursor(_key(rows[-1][column], column), rows[-1]["id"]) if more and rows else None)


def _key(value: Any, column: str) -> Any:
    # SQLite gives text back from raw queries: read it as the column's type.
    if isinstance(value, str):
        return dt.date.fromisoformat(value) if column == "appointment_date" else dt.datetime.fromisoformat(value)
    return value

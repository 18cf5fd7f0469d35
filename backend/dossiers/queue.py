"""The counter's queue as queries: the counts of every list in one query (COUNT(*) FILTER), and one page of
a list in keyset order (sort key, id). The clock's cut-offs are worked out by the caller (working hours)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from backend.catalogue import service as catalogue
from backend.dossiers import rules, search
from backend.dossiers.errors import BadCursor
from backend.dossiers.tables import Dossier

RECEIVED = "status IN ('received', 'in_progress')"
CHECKING = "status = 'submitted'"
# Every counter list's statuses (the stop requests' too: a stop is asked for until the decision, Art 21).
_STOPPABLE = frozenset(status.value for status in rules.STOPPABLE)
STOPPABLE = ", ".join(f"'{status}'" for status in sorted(_STOPPABLE))
COUNTER_OPEN = "'submitted', 'supplement_requested', 'ready', " + STOPPABLE
# The condition of the partial index dossier_queue_clocked, said as it says it (SQLite uses a partial index only
# for a query that repeats its condition). "Overdue" is most of a unit's open dossiers: its page reads that index
# in the page's order (submitted_at, id) and stops at the page's end, where a sort would read every one. "Due
# soon" is a few: it reads them by their clocks (dossier_queue_appointment), then sorts. `submitted_at IS NOT
# NULL` (always true) is there so that no other list's query implies the index's condition: the planner took it
# for the received list filtered by procedure (a bitmap of its 16,000 entries ANDed with two more, 43 ms).
CLOCKED = "status IN ('submitted', 'received', 'in_progress') AND submitted_at IS NOT NULL"
OPEN_STATUSES = ("submitted", "supplement_requested", "received", "in_progress", "ready")  # the lists by status
OPEN = ", ".join(f"'{status}'" for status in OPEN_STATUSES)
# The clock's lists, each in parts of one status kind: a part is one range of an index by unit, status and
# clock, so it is counted from the index alone (an OR across statuses would read the table).
CLOCK_PARTS: dict[str, tuple[str, str]] = {
    "due_soon": (
        f"{CHECKING} AND checking_since >= {{overdue}} AND checking_since <= {{soon}}",
        f"{RECEIVED} AND appointment_date = {{today}}",
    ),
    "overdue": (f"{CHECKING} AND checking_since < {{overdue}}", f"{RECEIVED} AND appointment_date < {{today}}"),
}


def _either(parts: tuple[str, str]) -> str:
    return f"(({parts[0]}) OR ({parts[1]}))"


# Each list: its condition and its sort column (oldest or most urgent first).
LISTS: dict[str, tuple[str, str]] = {
    "to_check": (CHECKING, "checking_since"),
    "waiting_citizen": ("status = 'supplement_requested'", "submitted_at"),
    "received": (RECEIVED, "appointment_date"),
    "due_soon": (_either(CLOCK_PARTS["due_soon"]), "submitted_at"),
    "overdue": (f"{CLOCKED} AND {_either(CLOCK_PARTS['overdue'])}", "submitted_at"),
    "ready": ("status = 'ready'", "appointment_date"),
    # The citizen asked to stop from the app (Art 21) and the counter has not confirmed it with Mẫu 05 yet.
    "stop_requested": (f"stop_requested_at IS NOT NULL AND status IN ({STOPPABLE})", "stop_requested_at"),
}
# The deciding agency's lists (the competent agency's head and handlers, wherever the dossier was received):
# read by competent_agency_code, not by the receiving unit.
HANDLED = "'in_progress', 'supplement_proposed', 'appraisal_supplement', 'awaiting_approval', 'approved'"
# No result yet and not waiting for the citizen (whose completion restarts the count): what may be late.
UNRESOLVED = "'received', 'in_progress', 'supplement_proposed', 'awaiting_approval', 'approved'"
AGENCY_OPEN = f"'received', {HANDLED}"
AGENCY_LISTS: dict[str, tuple[str, str]] = {
    "to_assign": ("status = 'received'", "appointment_date"),
    "to_handle": ("status IN ('in_progress', 'approved')", "appointment_date"),
    "assigned": (f"status IN ({HANDLED})", "appointment_date"),
    "to_approve": ("status = 'awaiting_approval'", "appointment_date"),
    # Forecast late without Mẫu 04 (Art 19(6)): declared so, or due by {late_day}; flagged until it has one.
    "late_warning": (
        f"status IN ({UNRESOLVED}) AND apologies = 0 "
        "AND (late_declared_at IS NOT NULL OR appointment_date <= {late_day})",
        "appointment_date",
    ),
}
ALL_LISTS = {**LISTS, **AGENCY_LISTS}
FLAGGED = ("stop_requested",)  # counter lists told by a column besides the status
# The statuses each list may hold (the conditions above): a status filter names one of its list's.
_HANDLED = frozenset({"in_progress", "supplement_proposed", "appraisal_supplement", "awaiting_approval", "approved"})
LIST_STATUSES: dict[str, frozenset[str]] = {
    "to_check": frozenset({"submitted"}),
    "waiting_citizen": frozenset({"supplement_requested"}),
    "received": frozenset({"received", "in_progress"}),
    "due_soon": frozenset({"submitted", "received", "in_progress"}),
    "overdue": frozenset({"submitted", "received", "in_progress"}),
    "ready": frozenset({"ready"}),
    "stop_requested": _STOPPABLE,
    "to_assign": frozenset({"received"}),
    "to_handle": frozenset({"in_progress", "approved"}),
    "assigned": _HANDLED,
    "to_approve": frozenset({"awaiting_approval"}),
    "late_warning": (_HANDLED - {"appraisal_supplement"}) | {"received"},
}
PHONE = re.compile(r"^0[0-9]{9}$")  # as the forms' phone fields, once tidied
ID_NUMBER = re.compile(r"^[0-9]{12}$")  # a citizen's personal identification number (CCCD)
COLUMNS = (
    "id, code, procedure_code, answers, channel, status, submitted_at, checking_since, opened_at, version, "
    "appointment_date, received_at, assignee, apologies, late_declared_at, stop_requested_at"
)


@dataclass(frozen=True)
class Cutoffs:
    """A dossier to check whose clock started before `overdue` is overdue; up to `soon`, due soon."""

    overdue: dt.datetime
    soon: dt.datetime
    today: dt.date
    late_day: dt.date  # a dossier due by this day is forecast late (Art 19(6))


@dataclass(frozen=True)
class Filters:
    """What the queue shows of the `unit`'s dossiers; None: no filter."""

    unit: str
    procedure: str | None = None
    procedures: tuple[str, ...] | None = None  # a field's procedures
    channel: str | None = None
    status: str | None = None
    assignee: str | None = None  # a username; "": nobody's
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


def exact_key(q: str) -> tuple[str, str] | None:
    """The column and value of a query that is a whole phone number, ID number or dossier code: answered by
    an index of the unit's dossiers, not by reading the search text of each."""
    phone = catalogue.tidy_phone(q)
    if PHONE.match(phone):
        return "contact_phone", phone
    digits = re.sub(r"[ .-]", "", q.strip())
    if ID_NUMBER.match(digits):
        return "id_number", digits
    code = rules.normalise_code(q)
    return ("code", code) if rules.CODE.match(code) else None


def _search(q: str, parts: list[str], args: list[Any]) -> None:
    key = exact_key(q)
    if key is not None:
        parts.append(f"{key[0]} = {{}}")
        args.append(key[1])
        return
    for word in search.fold(q).replace("%", "").replace("_", "").split():
        parts.append("search_text LIKE {}")
        args.append(f"%{word}%")


def side(name: str) -> str:
    """Whose list `name` is: the receiving unit's counter, or the deciding agency's."""
    return "competent_agency_code" if name in AGENCY_LISTS else "receiving_unit_code"


def _where(filters: Filters, args: list[Any], owner: str = "receiving_unit_code") -> str:
    parts = [f"{owner} = {{}}"]
    args.append(filters.unit)
    equal = [(c, v) for c, v in (("procedure_code", filters.procedure), ("channel", filters.channel)) if v]
    equal += [("status", filters.status)] if filters.status else []
    equal += [("assignee", filters.assignee)] if filters.assignee is not None else []  # "": nobody's
    for column, value in equal:
        parts.append(f"{column} = {{}}")
        args.append(value)
    if filters.procedures is not None:
        marks = ", ".join("{}" for _ in filters.procedures)
        parts.append(f"procedure_code IN ({marks})" if marks else "1 = 0")  # a field without procedures
        args.extend(filters.procedures)
    if filters.q:
        _search(filters.q, parts, args)
    return " AND ".join(parts)


async def counts(filters: Filters, cut: Cutoffs, names: tuple[str, ...] = tuple(LISTS)) -> dict[str, int]:
    """The size of every list in `names`: one query for the counter's, one for the deciding agency's."""
    found: dict[str, int] = {}
    if any(name in LISTS for name in names) and filters.q:  # a search reads the rows anyway: once
        every = {name: cond for name, (cond, _) in LISTS.items()}
        found |= await _count(every, COUNTER_OPEN, side("to_check"), filters, cut)
    elif any(name in LISTS for name in names):
        found |= await _counter_counts(filters, cut)
    agency = {name: cond for name, (cond, _) in AGENCY_LISTS.items() if name in names}
    if agency:
        found |= await _count(agency, AGENCY_OPEN, side(next(iter(agency))), filters, cut)
    return {name: found[name] for name in names}


async def _counter_counts(filters: Filters, cut: Cutoffs) -> dict[str, int]:
    """The counter's lists in one query: each open status, and each part of the clock's lists, a count of one
    range of an index by unit, status (and clock), from the index alone. It reads the entries one pass over the
    unit's open dossiers would, at about 60% of its cost with each list's condition tested entry by entry
    (bench/README.md)."""
    args: list[Any] = []
    arms = []
    for status in OPEN_STATUSES:  # fixed texts only; every value is a parameter
        where = f"{_where(filters, args)} AND status = '{status}'"
        arms.append(f"SELECT '{status}' AS part, COUNT(*) AS n FROM dossier WHERE {where}")  # noqa: S608
    for name, parts in CLOCK_PARTS.items():
        for part in parts:
            where = f"{_where(filters, args)} AND {_bind(part, cut, args)}"
            arms.append(f"SELECT '{name}', COUNT(*) FROM dossier WHERE {where}")  # noqa: S608
    for name in FLAGGED:  # a list that a status alone does not say
        where = f"{_where(filters, args)} AND {LISTS[name][0]}"
        arms.append(f"SELECT '{name}', COUNT(*) FROM dossier WHERE {where}")  # noqa: S608
    sums: dict[str, int] = {}
    for row in await Dossier.raw(" UNION ALL ".join(arms), *args):
        sums[row["part"]] = sums.get(row["part"], 0) + int(row["n"])
    counted = (*CLOCK_PARTS, *FLAGGED)
    plain = {name: sum(sums[s] for s in LIST_STATUSES[name]) for name in LISTS if name not in counted}
    return plain | {name: sums[name] for name in counted}


async def _count(lists: dict[str, str], open_: str, column: str, filters: Filters, cut: Cutoffs) -> dict[str, int]:
    args: list[Any] = []
    columns = ", ".join(f"COUNT(*) FILTER (WHERE {_bind(cond, cut, args)}) AS {name}" for name, cond in lists.items())
    # Every list is of open dossiers: said once more so the count reads only those (the index on unit or agency
    # and status) and not its years of closed ones.
    where = f"{_where(filters, args, column)} AND status IN ({open_})"
    [row] = await Dossier.raw(f"SELECT {columns} FROM dossier WHERE {where}", *args)  # noqa: S608 (fixed texts)
    return {name: int(row[name] or 0) for name in lists}


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
    cond, column = ALL_LISTS[name]
    args: list[Any] = []
    # Fixed texts only; every value is a parameter.
    where = f"{_bind(cond, cut, args)} AND {_where(filters, args, side(name))}"
    sql = f"SELECT {COLUMNS} FROM dossier WHERE {where}"  # noqa: S608
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

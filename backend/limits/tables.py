"""Piccolo tables of limits: the only place that knows their column names."""

from piccolo.columns import BigInt, DoublePrecision, Varchar
from piccolo.table import Table


class LimitCounter(Table, tablename="limit_counter"):
    """One counter: hits in a fixed window (`key` ends with "@<window>"), or failures of a back-off.

    Times are Unix seconds, so that the same arithmetic and comparisons hold on SQLite and PostgreSQL.
    A row whose `expires_at` has passed means nothing and is deleted on the way.
    """

    key = Varchar(length=200, unique=True)
    hits = BigInt(default=0)
    not_before = DoublePrecision(default=0.0)  # back-off: no attempt before this time
    expires_at = DoublePrecision(index=True)


TABLES = (LimitCounter,)

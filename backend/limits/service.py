"""Counting against limits, atomically and shared by every process through the database: `hit()` for fixed
windows (requests per minute, bytes per day), `attempt()` and `forget()` for a back-off after failures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from backend.db import UNIQUE_VIOLATIONS
from backend.limits import rules
from backend.limits.rules import ALLOWED, Backoff, Verdict
from backend.limits.tables import LimitCounter

# One statement both counts and checks, so concurrent requests in any process cannot all slip under the
# limit: a hit that would pass the limit changes nothing and returns no row.
_COUNT = (
    "INSERT INTO limit_counter (key, hits, not_before, expires_at) VALUES ({}, {}, 0, {}) "
    "ON CONFLICT (key) DO UPDATE SET hits = limit_counter.hits + excluded.hits "
    "WHERE limit_counter.hits + excluded.hits <= {} "
    "RETURNING hits"
)
CAS_ROUNDS = 5


class Counters:
    """The counters of one app. Expired rows are deleted on the way, at most once every `sweep_every`
    seconds per process."""

    def __init__(self, sweep_every: float = 60.0) -> None:
        self.sweep_every = sweep_every
        self._next_sweep = 0.0

    async def hit(self, key: str, seconds: int, limit: int, now: dt.datetime, amount: int = 1) -> Verdict:
        """Adds `amount` to `key`'s counter in the current window of `seconds`, unless that passes `limit`."""
        await self._sweep(now)
        win = rules.window(key, seconds, now)
        if amount <= limit:
            rows = await LimitCounter.raw(_COUNT, win.key, amount, float(win.ends_at), limit)
            if rows:
                return ALLOWED
        return rules.refused(win.ends_at - now.timestamp())

    async def attempt(self, key: str, backoff: Backoff, now: dt.datetime) -> Verdict:
        """Counts one attempt as a failure in advance (call `forget()` when it succeeds), unless the
        back-off of earlier failures is still running."""
        await self._sweep(now)
        at = now.timestamp()
        for _ in range(CAS_ROUNDS):
            row = await LimitCounter.select().where(LimitCounter.key == key).first()
            live = row if row is not None and row["expires_at"] > at else None
            if live is not None and live["not_before"] > at:
                return rules.refused(live["not_before"] - at)
            failures = (live["hits"] if live else 0) + 1
            not_before = at + backoff.delay(failures)
            if await _write(key, row, failures, not_before, not_before + backoff.forget_after):
                return ALLOWED
        return rules.refused(1)  # the same key raced this often: the client is hammering it

    async def forget(self, key: str) -> None:
        await LimitCounter.delete().where(LimitCounter.key == key)

    async def _sweep(self, now: dt.datetime) -> None:
        at = now.timestamp()
        if at < self._next_sweep:
            return
        self._next_sweep = at + self.sweep_every
        await LimitCounter.delete().where(LimitCounter.expires_at <= at)


async def _write(key: str, read: dict[str, Any] | None, hits: int, not_before: float, expires_at: float) -> bool:
    """Writes the counter `key` if it is still as it was `read`; False when another request changed it first."""
    if read is None:
        try:
            await LimitCounter.insert(LimitCounter(key=key, hits=hits, not_before=not_before, expires_at=expires_at))
        except UNIQUE_VIOLATIONS:
            return False
        return True
    # Compare-and-set: of the requests that read the same row, one writes; the others read it again.
    changed = (
        await LimitCounter.update(
            {LimitCounter.hits: hits, LimitCounter.not_before: not_before, LimitCounter.expires_at: expires_at}
        )
        .where(LimitCounter.key == key)
        .where(LimitCounter.hits == read["hits"])
        .where(LimitCounter.expires_at == read["expires_at"])
        .returning(LimitCounter._meta.primary_key)
    )
    return bool(changed)

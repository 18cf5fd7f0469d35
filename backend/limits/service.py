"""Counting against limits, atomically and shared by every process through the database: `hit()` for fixed
windows (requests per minute, bytes per day), `attempt()` and `forget()` for a back-off after failures."""

from __future__ import annotations

import datetime as dt
import logging

from backend.db import UNIQUE_VIOLATIONS
from backend.limits import rules
from backend.limits.rules import ALLOWED, Backoff, Verdict
from backend.limits.tables import LimitCounter

log = logging.getLogger(__name__)

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
            live = row is not None and row["expires_at"] > at
            if live and row is not None and row["not_before"] > at:
                return rules.refused(row["not_before"] - at)
            failures = (row["hits"] if live and row is not None else 0) + 1
            not_before = at + backoff.delay(failures)
            expires_at = not_before + backoff.forget_after
            if row is None:
                try:
                    await LimitCounter.insert(
                        LimitCounter(key=key, hits=failures, not_before=not_before, expires_at=expires_at)
                    )
                except UNIQUE_VIOLATIONS:
                    continue  # another request counted the first failure: read it again
                return ALLOWED
            # Compare-and-set: only the request that read the current row writes; the others read again.
            changed = (
                await LimitCounter.update(
                    {
                        LimitCounter.hits: failures,
                        LimitCounter.not_before: not_before,
                        LimitCounter.expires_at: expires_at,
                    }
                )
                .where(LimitCounter.key == key)
                .where(LimitCounter.hits == row["hits"])
                .where(LimitCounter.expires_at == row["expires_at"])
                .returning(LimitCounter._meta.primary_key)
            )
            if changed:
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

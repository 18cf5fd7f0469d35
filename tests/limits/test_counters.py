"""Counters shared through the database: fixed windows that never let more than the limit through, even
at once and from several processes, and a back-off that grows after each failure and is forgotten."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from backend.limits.rules import Backoff, counter_key
from backend.limits.service import Counters
from backend.limits.tables import LimitCounter

pytestmark = pytest.mark.usefixtures("db")

VIETNAM = dt.timezone(dt.timedelta(hours=7))
T0 = dt.datetime(2026, 12, 1, 10, 0, 30, tzinfo=VIETNAM)
BACKOFF = Backoff(free=3, first=15, cap=900, forget_after=86400)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


async def test_a_window_lets_the_limit_through_then_says_when_it_ends() -> None:
    counters = Counters()
    verdicts = [await counters.hit("k", 60, 3, T0) for _ in range(4)]
    assert [v.allowed for v in verdicts] == [True, True, True, False]
    assert verdicts[-1].retry_after == 30  # 10:00:30, the minute ends at 10:01:00
    assert (await counters.hit("k", 60, 3, at(30))).allowed


async def test_amounts_add_up_and_a_refused_amount_is_not_counted() -> None:
    counters = Counters()
    assert (await counters.hit("bytes", 86400, 100, T0, amount=60)).allowed
    assert not (await counters.hit("bytes", 86400, 100, T0, amount=50)).allowed
    assert (await counters.hit("bytes", 86400, 100, T0, amount=40)).allowed
    assert not (await counters.hit("bytes", 86400, 100, T0, amount=1)).allowed
    assert not (await counters.hit("other", 86400, 100, T0, amount=101)).allowed


async def test_a_day_starts_again_at_local_midnight() -> None:
    counters = Counters()
    evening = dt.datetime(2026, 12, 1, 23, 59, 0, tzinfo=VIETNAM)
    assert (await counters.hit("day", 86400, 1, evening)).allowed
    refused = await counters.hit("day", 86400, 1, evening)
    assert not refused.allowed and refused.retry_after == 60
    assert (await counters.hit("day", 86400, 1, evening + dt.timedelta(seconds=60))).allowed


async def test_two_processes_count_against_one_limit() -> None:
    first, second = Counters(), Counters()  # each app has its own; the counts live in the database
    assert (await first.hit("k", 60, 2, T0)).allowed
    assert (await second.hit("k", 60, 2, T0)).allowed
    assert not (await first.hit("k", 60, 2, T0)).allowed
    assert not (await second.hit("k", 60, 2, T0)).allowed


async def test_hits_at_the_same_moment_never_pass_the_limit() -> None:
    many = [Counters() for _ in range(30)]
    verdicts = await asyncio.gather(*(c.hit("k", 60, 10, T0) for c in many))
    assert sum(v.allowed for v in verdicts) == 10


def test_three_failures_are_free_then_the_wait_doubles_from_15_s_to_15_min() -> None:
    assert [BACKOFF.delay(n) for n in range(1, 11)] == [0, 0, 15, 30, 60, 120, 240, 480, 900, 900]
    assert BACKOFF.delay(10**6) == 900


async def test_attempts_back_off_after_failures_and_waiting_is_enough() -> None:
    counters = Counters()
    assert all([(await counters.attempt("k", BACKOFF, T0)).allowed for _ in range(3)])
    waiting = await counters.attempt("k", BACKOFF, at(5))
    assert not waiting.allowed and waiting.retry_after == 10
    assert not (await counters.attempt("k", BACKOFF, at(14.5))).allowed  # a refusal does not add a failure
    assert (await counters.attempt("k", BACKOFF, at(15))).allowed  # the 4th failure: 30 s more
    assert (await counters.attempt("k", BACKOFF, at(44))).retry_after == 1
    assert (await counters.attempt("k", BACKOFF, at(45))).allowed


async def test_forgetting_a_key_and_a_day_without_attempts_start_afresh() -> None:
    counters = Counters()
    for _ in range(3):
        await counters.attempt("k", BACKOFF, T0)
        await counters.attempt("j", BACKOFF, T0)
    await counters.forget("k")
    later = at(15 + 86400)
    for key, moment in (("k", T0), ("j", later)):
        assert all([(await counters.attempt(key, BACKOFF, moment)).allowed for _ in range(3)]), key


async def test_attempts_at_the_same_moment_get_only_the_free_ones() -> None:
    many = [Counters() for _ in range(20)]
    verdicts = await asyncio.gather(*(c.attempt("k", BACKOFF, T0) for c in many))
    assert sum(v.allowed for v in verdicts) == 3


async def test_expired_counters_are_deleted_on_the_way() -> None:
    counters = Counters(sweep_every=60)
    await counters.hit("minute", 60, 5, T0)
    await counters.attempt("failures", BACKOFF, T0)
    assert await LimitCounter.count() == 2
    await counters.hit("minute", 60, 5, at(40))  # the last sweep was under 60 s ago: nothing deleted
    assert await LimitCounter.count() == 3
    await counters.hit("other", 60, 5, at(86400 + 60))
    assert [r["key"].partition("@")[0] for r in await LimitCounter.select(LimitCounter.key)] == ["other"]


def test_a_key_too_long_for_the_table_is_shortened_but_stays_distinct() -> None:
    long_a, long_b = "a" * 300, "a" * 299 + "b"
    assert len(counter_key("tracking", long_a)) < 200
    assert counter_key("tracking", long_a) != counter_key("tracking", long_b)
    assert counter_key("tracking", "203.0.113.7") == "tracking:203.0.113.7"

"""The delivery worker: claims due deliveries (a lease, SKIP LOCKED on PostgreSQL, one writer on SQLite),
sends them with pywebpush over kept-alive connections, records what each push service answered.

A worker killed after sending and before recording leaves its lease to run out: the next claim sends those
notices once more, with the same Topic and tag, so the push service and the phone keep one of each."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import requests
from piccolo.engine.postgres import PostgresEngine
from py_vapid import Vapid02
from pywebpush import WebPusher

from backend.db import writing
from backend.push import rules
from backend.push.keys import VapidKey
from backend.push.tables import PushDelivery, PushSubscription
from backend.settings import Settings

log = logging.getLogger(__name__)
Clock = Callable[[], dt.datetime]
MARGIN = 5.0  # seconds kept between the last send of a batch and the end of its lease
SWEEP_SECONDS = 3600  # how often a worker deletes delivery records past their retention


@dataclass(frozen=True)
class Options:
    batch: int
    lease: dt.timedelta
    give_up_after: dt.timedelta
    ttl: int  # seconds a push service should keep a notice for a phone that is off
    timeout: float
    public_key: str  # the server's VAPID key: a subscription made with another is not sent to
    keep: dt.timedelta = dt.timedelta(days=30)  # delivery records kept after their notice was written

    @classmethod
    def of(cls, settings: Settings, key: VapidKey) -> Options:
        timeout = settings.push_send_timeout_seconds
        return cls(
            batch=settings.push_batch_size,
            lease=dt.timedelta(seconds=60 + 2 * timeout),
            give_up_after=dt.timedelta(hours=settings.push_retry_hours),
            ttl=int(settings.push_ttl_hours * 3600),
            timeout=timeout,
            public_key=key.public,
            keep=dt.timedelta(days=settings.push_delivery_keep_days),
        )


@dataclass(frozen=True)
class Job:
    """A claimed delivery: the notice, and the subscription as it was when claimed."""

    delivery: int
    lease: uuid.UUID
    attempts: int  # this one included
    written_at: dt.datetime
    notice: dict[str, Any]
    subscription: int | None
    endpoint: str
    p256dh: str
    auth: str
    vapid_key: str
    lang: str


@dataclass(frozen=True)
class Answer:
    status: int | None  # None: no answer (network error, timeout)
    retry_after: str | None = None
    ttl: int | None = None
    error: str = ""


def contact(settings: Settings) -> str:
    """The VAPID `sub`: the operator's address (push services write there about abuse or trouble)."""
    if settings.push_contact:
        return settings.push_contact
    if settings.public_url and settings.public_url.startswith("https://"):
        return settings.public_url.rstrip("/")
    return "mailto:motcua@localhost"


class Sender:
    """Sends notices one after another over one requests.Session (connections kept alive per push service),
    with one VAPID token per push service, renewed when half its life is gone."""

    def __init__(self, key: VapidKey, sub: str, options: Options) -> None:
        self._vapid = Vapid02(private_key=key.private)
        self._sub = sub
        self._options = options
        self._tokens: dict[str, tuple[dict[str, str], int]] = {}
        self.session = requests.Session()
        self.halt = threading.Event()  # set to stop between two sends

    def _authorization(self, endpoint: str) -> dict[str, str]:
        now = dt.datetime.now(dt.UTC)
        audience = rules.origin(endpoint)
        cached = self._tokens.get(audience)
        if cached is None or cached[1] - now.timestamp() < rules.VAPID_HOURS * 3600 / 2:
            claims = rules.vapid_claims(endpoint, self._sub, now)
            cached = (self._vapid.sign(claims), claims["exp"])
            self._tokens[audience] = cached
        return cached[0]

    def send(self, job: Job) -> Answer:
        headers = {
            **self._authorization(job.endpoint),
            "Topic": rules.topic(job.notice["dossier_code"]),
            "Urgency": job.notice["urgency"],
        }
        subscription = {"endpoint": job.endpoint, "keys": {"p256dh": job.p256dh, "auth": job.auth}}
        try:
            response = WebPusher(subscription, requests_session=self.session).send(
                data=rules.payload(job.notice, job.lang),
                headers=headers,
                ttl=self._options.ttl,
                content_encoding="aes128gcm",
                timeout=self._options.timeout,
            )
        except requests.RequestException as exc:
            return Answer(None, error=type(exc).__name__)
        assert isinstance(response, requests.Response)
        granted = response.headers.get("TTL", "")
        return Answer(
            response.status_code,
            response.headers.get("Retry-After"),
            int(granted) if granted.isdigit() else None,
            "" if response.ok else response.text[:200],
        )

    def send_all(self, jobs: Sequence[Job], until: float) -> list[Answer | None]:
        """Each job's answer, None for those left unsent (the lease running out, or a halt)."""
        answers: list[Answer | None] = []
        for job in jobs:
            answers.append(None if self.halt.is_set() or time.monotonic() > until else self.send(job))
        return answers

    def close(self) -> None:
        self.session.close()


async def _due_ids(now: dt.datetime, batch: int) -> list[int]:
    query = (
        PushDelivery.select(PushDelivery._meta.primary_key)
        .where(
            PushDelivery.status == rules.State.QUEUED,
            PushDelivery.next_attempt_at <= now,
            PushDelivery.lease_until.is_null() | (PushDelivery.lease_until < now),
        )
        .order_by(PushDelivery.next_attempt_at)
        .limit(batch)
    )
    if isinstance(PushDelivery._meta.db, PostgresEngine):
        # Rows another worker is claiming right now are skipped, not waited for.
        query = query.lock_rows("UPDATE", skip_locked=True)
    return [int(r["id"]) for r in await query]


JOB_COLUMNS = (
    PushDelivery._meta.primary_key,
    PushDelivery.attempts,
    PushDelivery.created_at,
    *PushDelivery.notice.all_columns(),
    *PushDelivery.subscription.all_columns(),
)


def _job(row: dict[str, Any], lease: uuid.UUID) -> Job:
    subscription = row["subscription"]
    return Job(
        delivery=row["id"],
        lease=lease,
        attempts=row["attempts"],
        written_at=row["created_at"],
        notice=row["notice"],
        subscription=subscription["id"],
        endpoint=subscription["endpoint"] or "",
        p256dh=subscription["p256dh"] or "",
        auth=subscription["auth"] or "",
        vapid_key=subscription["vapid_key"] or "",
        lang=subscription["lang"] or "vi",
    )


async def claim(now: dt.datetime, options: Options) -> list[Job]:
    """Up to `options.batch` due deliveries, leased to this worker (and counted as attempted) in one
    transaction, so no other worker takes them until they are recorded or the lease runs out."""
    lease = uuid.uuid4()
    async with writing(PushDelivery):
        ids = await _due_ids(now, options.batch)
        if not ids:
            return []
        await PushDelivery.update(
            {
                PushDelivery.lease: lease,
                PushDelivery.lease_until: now + options.lease,
                PushDelivery.attempts: PushDelivery.attempts + 1,
            }
        ).where(PushDelivery._meta.primary_key.is_in(ids))
        rows = await (
            PushDelivery.select(*JOB_COLUMNS)
            .where(PushDelivery._meta.primary_key.is_in(ids))
            .order_by(PushDelivery.next_attempt_at)
            .output(nested=True)
        )
    return [_job(r, lease) for r in rows]


def _unsendable(job: Job, now: dt.datetime, options: Options) -> rules.Decision | None:
    """A decision taken without sending: gone subscription, another VAPID key, or too late."""
    if job.subscription is None:
        return rules.Decision(rules.State.FAILED, reason="the phone unsubscribed")
    if job.vapid_key != options.public_key:
        return rules.Decision(rules.State.FAILED, reason="subscribed with an earlier VAPID key")
    if now > job.written_at + options.give_up_after:
        return rules.Decision(rules.State.EXPIRED, reason="not sent within the retry period")
    return None


def _outcome(decision: rules.Decision, answer: Answer | None, now: dt.datetime) -> tuple[tuple[str, Any], ...]:
    """The columns a delivery's outcome sets, as (name, value) pairs: equal outcomes are recorded together."""
    changes: dict[str, Any] = {
        "status": decision.state.value,
        "lease": None,
        "lease_until": None,
        "last_error": answer.error if answer and answer.error else decision.reason,
    }
    if answer is not None:
        changes.update(last_status=answer.status, ttl_granted=answer.ttl)
    if decision.state == rules.State.SENT:
        changes["sent_at"] = now
    if decision.next_attempt_at is not None:
        changes["next_attempt_at"] = decision.next_attempt_at
    return tuple(changes.items())


async def _record(outcomes: dict[tuple[tuple[str, Any], ...], list[int]], lease: uuid.UUID) -> None:
    """One UPDATE per distinct outcome (a batch mostly has one: sent), each only while the lease is ours."""
    for outcome, ids in outcomes.items():
        columns: dict[Any, Any] = dict(outcome)
        await PushDelivery.update(columns).where(PushDelivery._meta.primary_key.is_in(ids), PushDelivery.lease == lease)


async def _forget(job: Job) -> None:
    """404/410: the subscription goes, only if it still holds the endpoint that failed (the phone may have
    subscribed anew meanwhile, and the server moved its subscription to the new endpoint)."""
    if job.subscription is not None:
        await PushSubscription.delete().where(
            PushSubscription._meta.primary_key == job.subscription, PushSubscription.endpoint == job.endpoint
        )


async def _release(jobs: list[Job], lease: uuid.UUID) -> None:
    """Claimed jobs left unsent: free for the next claim, their attempt not counted."""
    if jobs:
        await PushDelivery.update(
            {PushDelivery.lease: None, PushDelivery.lease_until: None, PushDelivery.attempts: PushDelivery.attempts - 1}
        ).where(PushDelivery._meta.primary_key.is_in([j.delivery for j in jobs]), PushDelivery.lease == lease)


async def deliver_due(sender: Sender, clock: Clock, options: Options) -> int:
    """One round: claim, send, record. How many deliveries were claimed."""
    started = time.monotonic()
    jobs = await claim(clock(), options)
    if not jobs:
        return 0
    now = clock()
    decided = {job.delivery: _unsendable(job, now, options) for job in jobs}
    sendable = [job for job in jobs if decided[job.delivery] is None]
    until = started + options.lease.total_seconds() - options.timeout - MARGIN
    sent = await asyncio.to_thread(sender.send_all, sendable, until)
    answers = dict(zip([j.delivery for j in sendable], sent, strict=True))
    now = clock()
    outcomes: dict[tuple[tuple[str, Any], ...], list[int]] = {}
    unsent, gone = [], []
    for job in jobs:
        answer, decision = answers.get(job.delivery), decided[job.delivery]
        if decision is None and answer is None:
            unsent.append(job)
            continue
        if decision is None and answer is not None:
            decision = rules.decide(
                answer.status,
                answer.retry_after,
                job.attempts,
                job.written_at,
                now,
                give_up_after=options.give_up_after,
            )
        assert decision is not None
        outcomes.setdefault(_outcome(decision, answer, now), []).append(job.delivery)
        if decision.forget_subscription:
            gone.append(job)
        _log(job, decision, answer)
    async with writing(PushDelivery):
        await _record(outcomes, jobs[0].lease)
        await _release(unsent, jobs[0].lease)
        for job in gone:
            await _forget(job)
    return len(jobs)


async def forget_old_deliveries(now: dt.datetime, keep: dt.timedelta) -> int:
    """Retention: delivery records done with (sent, failed, expired) of notices written more than `keep` ago
    are deleted; queued ones never (the retry period ends them first). Notices stay: they are the inbox."""
    async with writing(PushDelivery):
        gone = await (
            PushDelivery.delete()
            .where(PushDelivery.status != rules.State.QUEUED, PushDelivery.created_at < now - keep)
            .returning(PushDelivery._meta.primary_key)
        )
    if gone:
        log.info("push deliveries forgotten", extra={"count": len(gone)})
    return len(gone)


def _log(job: Job, decision: rules.Decision, answer: Answer | None) -> None:
    level = logging.DEBUG if decision.state == rules.State.SENT else logging.INFO
    status = answer.status if answer else None
    log.log(level, "push delivery", extra={"delivery": job.delivery, "state": decision.state.value, "status": status})


async def keep_delivering(settings: Settings, key: VapidKey, stopping: asyncio.Event) -> int:
    """Delivers until `stopping` is set, resting `push_poll_seconds` when nothing is due. How many were claimed."""
    options = Options.of(settings, key)
    sender = Sender(key, contact(settings), options)
    watcher = asyncio.create_task(_halt_when(stopping, sender))
    total, swept = 0, -float(SWEEP_SECONDS)
    try:
        while not stopping.is_set():
            try:
                if time.monotonic() - swept >= SWEEP_SECONDS:  # on start, then hourly
                    swept = time.monotonic()
                    await forget_old_deliveries(settings.now(), options.keep)
                done = await deliver_due(sender, settings.now, options)
            except Exception:  # the worker outlives a database restart; the error is logged whole
                log.exception("push delivery round failed")
                done = 0
            total += done
            if done < options.batch:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stopping.wait(), settings.push_poll_seconds)
    finally:
        watcher.cancel()
        sender.close()
    return total


async def _halt_when(stopping: asyncio.Event, sender: Sender) -> None:
    await stopping.wait()
    sender.halt.set()

"""uvicorn's h11 protocol with a deadline for each request head, which uvicorn lacks: a client that sends its
headers a byte at a time (slowloris) is cut off after MOTCUA_REQUEST_HEAD_SECONDS instead of holding a slot."""

from __future__ import annotations

import asyncio
from functools import cache
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from backend.settings import Settings


@cache
def _head_seconds() -> float:
    """Read once per worker process: uvicorn builds the protocol from an import path in each worker, as it
    builds the app from `create_app_from_env`."""
    return Settings().request_head_seconds


class HeadDeadlineProtocol(H11Protocol):
    """Armed when a connection opens and after each response; if the next request's head is not complete
    when it fires, the connection is closed. uvicorn's keep-alive timer cannot do this: every byte received
    resets it, and it is not armed before the first request at all."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._cycle_when_armed: object = None

    def _arm_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        self._cycle_when_armed = self.cycle
        self._head_deadline = self.loop.call_later(_head_seconds(), self._head_deadline_passed)

    def _head_deadline_passed(self) -> None:
        # uvicorn starts a new cycle for each complete request head: the same cycle, answered, means none came.
        waiting = self.cycle is self._cycle_when_armed and (self.cycle is None or self.cycle.response_complete)
        if waiting and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        super().connection_lost(exc)

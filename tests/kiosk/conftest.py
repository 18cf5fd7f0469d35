"""Fixtures of the rating tablet's tests: the app's clock, moved by the test."""

from __future__ import annotations

import pytest

from backend.settings import Settings
from tests.accounts.staffing import Clock
from tests.factories import NOW


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    moving = Clock(NOW)
    monkeypatch.setattr(Settings, "now", lambda _: moving.at)
    return moving

"""Fixtures of the staff API tests: the app's clock, moved by the test, and the production password costs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from backend.accounts.service import use_password_costs
from backend.settings import Settings
from tests.accounts.staffing import Clock
from tests.conftest import FAST_PASSWORDS
from tests.factories import NOW


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    moving = Clock(NOW)
    monkeypatch.setattr(Settings, "now", lambda _: moving.at)
    return moving


@pytest.fixture
def production_passwords(settings: Settings) -> Iterator[Settings]:
    """The suite's settings with the production argon2id costs (the defaults the suite lowers), in force
    during the test: for an app built from them and for accounts made outside an app."""
    production = settings.model_copy(update={name: Settings.model_fields[name].default for name in FAST_PASSWORDS})
    use_password_costs(production)
    yield production
    use_password_costs(settings)

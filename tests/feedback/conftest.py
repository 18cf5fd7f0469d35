"""Fixtures of the feedback tests: the app's clock (moved by the test), and the push rig for the answer's notice."""

from __future__ import annotations

from tests.accounts.conftest import clock
from tests.push.conftest import emulator, options, push_client, push_settings, rig, sender, vapid

__all__ = ["clock", "emulator", "options", "push_client", "push_settings", "rig", "sender", "vapid"]

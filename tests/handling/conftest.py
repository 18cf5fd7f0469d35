"""Fixtures of the handling tests: the app's clock (moved by the test), as for the staff API."""

from tests.accounts.conftest import clock

__all__ = ["clock"]

"""`motcua` with its clock standing still: `python e2e/frozen_clock.py 2026-12-03T10:00:00+07:00 serve --port N`.

Journeys whose papers carry dates worked out by hand (a dossier's code, Mẫu 01's appointment) run the real server
under it. Only `Settings.now()` is replaced, which every use case is given its time from; the rest is `motcua`."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.cli import main
from backend.settings import Settings


def standing_still(at: dt.datetime) -> Callable[[Settings], dt.datetime]:
    def now(self: Settings) -> dt.datetime:
        return at.astimezone(self.tz)

    return now


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print("usage: frozen_clock.py <ISO instant with offset> <motcua arguments>", file=sys.stderr)
        sys.exit(2)
    Settings.now = standing_still(dt.datetime.fromisoformat(sys.argv[1]))  # type: ignore[method-assign]
    sys.exit(main(sys.argv[2:]))

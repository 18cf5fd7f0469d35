"""What counter staff do to a dossier, run by the browser journeys against a test server's database
until the back office has its own pages: `python e2e/counter.py receive <code>`.

It uses the same settings, engine and service functions as the server, so the phone sees exactly what a
real acceptance would produce."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.db import bind_tables, close, make_engine, prepare
from backend.dossiers import service
from backend.piccolo_app import ALL_TABLES
from backend.settings import Settings


async def receive(code: str) -> None:
    settings = Settings()
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    await prepare(engine)
    try:
        await service.receive(code, "canbo.demo", settings.now(), settings.tz)
    finally:
        await close(engine)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "receive":
        print("usage: counter.py receive <code>", file=sys.stderr)
        return 2
    asyncio.run(receive(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

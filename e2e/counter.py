"""What counter staff do to a dossier, run by the browser journeys against a test server's database
until the back office has its own pages: `python e2e/counter.py receive <code>`, or `ask <code>` (a
request for corrections naming the child's name and the birth certificate's photo, as Mẫu 02 would).

It uses the same settings, engine and service functions as the server, so the phone sees exactly what a
real acceptance would produce."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.db import bind_tables, close, make_engine, prepare
from backend.dossiers import service
from backend.dossiers.tables import Dossier
from backend.piccolo_app import ALL_TABLES
from backend.settings import Settings

ITEMS = [
    {"kind": "field", "path": "child.full_name", "label": "Họ, chữ đệm, tên", "note": "Tên viết sai dấu"},
    {"kind": "document", "slot": "giay_chung_sinh", "label": "Giấy chứng sinh", "note": "Ảnh bị mờ, chụp lại"},
]


async def ask(code: str, settings: Settings) -> None:
    """The columns a request for corrections sets (until the staff endpoint is used here)."""
    row = await Dossier.select(Dossier.version).where(Dossier.code == code).first()
    assert row is not None, code
    version = row["version"] + 1
    request = {"requestedAt": settings.now().isoformat(), "version": version, "items": ITEMS}
    await Dossier.update(
        {
            Dossier.status: "supplement_requested",
            Dossier.version: version,
            Dossier.correction_request: request,
            Dossier.corrections_requested: 1,
        }
    ).where(Dossier.code == code)


async def act(action: str, code: str) -> None:
    settings = Settings()
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    await prepare(engine)
    try:
        if action == "receive":
            await service.receive(code, "canbo.demo", settings.now(), settings.tz)
        else:
            await ask(code, settings)
    finally:
        await close(engine)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("receive", "ask"):
        print("usage: counter.py receive|ask <code>", file=sys.stderr)
        return 2
    asyncio.run(act(argv[0], argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

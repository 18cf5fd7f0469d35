"""The receipt's QR code (giấy tiếp nhận hồ sơ và hẹn trả kết quả, form 01 of Circular 03/2025/TT-VPCP),
with no I/O: the tracking address it points to, drawn as one SVG path."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno

QUIET_ZONE = 4


@dataclass(frozen=True)
class Qr:
    """A QR code as one SVG path, one unit per module: `<svg viewBox="0 0 size size"><path d=path/></svg>`."""

    size: int
    path: str


@lru_cache(maxsize=1024)  # a phone asks for its dossiers often; each code's QR never changes
def qr_code(text: str) -> Qr:
    """Each row's runs of dark modules become rectangles one unit high: `M x y h w v1 h-w z`."""
    code = segno.make(text, micro=False, error="m")
    runs: list[str] = []
    for y, row in enumerate(code.matrix_iter(border=QUIET_ZONE)):
        x = 0
        cells = list(row)
        while x < len(cells):
            if not cells[x]:
                x += 1
                continue
            start = x
            while x < len(cells) and cells[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    size, _ = code.symbol_size(border=QUIET_ZONE)
    return Qr(size=int(size), path="".join(runs))


def tracking_url(public_url: str, code: str) -> str:
    """The PWA's tracking page for one dossier (a hash route, so any static host serves it)."""
    return f"{public_url.rstrip('/')}/#/tra-cuu/{code}"

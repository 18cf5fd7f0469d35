"""The result's scan (issue 15: a result issued as a scan): taken from the uploads a staff session holds, kept
with the dossier, and read back by its staff or by the citizen whose token opens the dossier."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from anyio import to_thread

from backend.dossiers import files, rules
from backend.dossiers.errors import FileNotFound, ScanNotHeld
from backend.dossiers.tables import Dossier, Upload

# The file's name when downloaded: "ket-qua-<code>.pdf".
EXTENSIONS = {files.PDF: "pdf", files.JPEG: "jpg", files.PNG: "png"}


async def held_scan(uploads: uuid.UUID, token: str, sha256: str) -> dict[str, Any]:
    """The columns a dossier keeps for the scan `sha256` that `uploads` (a staff session's) holds under `token`."""
    row = await (
        Upload.select(Upload.sha256, Upload.size, Upload.content_type)
        .where(Upload.key == f"{uploads}:{sha256}", Upload.token_hash == rules.token_hash(token))
        .first()
    )
    if row is None:
        raise ScanNotHeld()
    return {"result_scan": row["sha256"], "result_scan_type": row["content_type"], "result_scan_size": row["size"]}


def described(row: dict[str, Any]) -> dict[str, Any] | None:
    """The scan a dossier row keeps, as its pages show it; None without one."""
    if not row["result_scan"]:
        return None
    return {"sha256": row["result_scan"], "size": row["result_scan_size"], "content_type": row["result_scan_type"]}


def file_name(row: dict[str, Any]) -> str:
    return f"ket-qua-{row['code']}.{EXTENSIONS.get(row['result_scan_type'], 'bin')}"


async def read_scan(row: dict[str, Any], root: Path) -> tuple[bytes, str, str]:
    """The bytes, content type and download name of the dossier's result scan (404 without one)."""
    if not row["result_scan"]:
        raise FileNotFound()
    body = await to_thread.run_sync(files.read, root, row["result_scan"])
    return body, row["result_scan_type"], file_name(row)


async def citizens_scan(code: str, token: str, root: Path) -> tuple[bytes, str, str]:
    """The scan for the citizen whose token opens dossier `code`; any other token, or no scan: 404 alike."""
    row = await (
        Dossier.select(Dossier.code, Dossier.result_scan, Dossier.result_scan_type)
        .where(Dossier.code == rules.normalise_code(code), Dossier.access_token_hash == rules.token_hash(token))
        .first()
    )
    if row is None:
        raise FileNotFound()
    return await read_scan(row, root)

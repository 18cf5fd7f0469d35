"""The framework's ceiling: a bare Litestar JSON endpoint, served by uvicorn exactly as `motcua serve` is."""

from __future__ import annotations

import argparse

import uvicorn
from litestar import Litestar, get


@get("/bare")
async def bare() -> dict[str, object]:
    return {"status": "ok", "catalogueVersion": 1}


app = Litestar(route_handlers=[bare])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    # The same options as backend.cli.cmd_serve, with the access log off as the benchmark sets it there.
    uvicorn.run(app, host="127.0.0.1", port=args.port, proxy_headers=True, access_log=False, log_level="warning")


if __name__ == "__main__":
    main()

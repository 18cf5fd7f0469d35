"""Load figures for the public catalogue API, against a live `motcua serve`.

Starts `motcua serve` (demo catalogue on a fresh SQLite file, or PostgreSQL with --database-url) and a
bare Litestar endpoint served the same way, then drives each with wrk and prints requests/s and p50/p99
latency, with ratios against the bare endpoint measured in the same run. Usage:
    python -m bench.catalogue_load [--seconds 10] [--connections 32] [--rounds 2] [--database-url URL]
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import dataclass

import brotli

from bench.processes import clean_env, free_port, motcua, running

TARGET_304_RATIO = 0.70
TARGET_SNAPSHOT_BYTES = 60 * 1024


@dataclass
class Figures:
    rps: float
    p50_ms: float
    p99_ms: float


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, seconds: int, connections: int, headers: dict[str, str]) -> Figures:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s*50%\s+(\S+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s*99%\s+(\S+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    if "Non-2xx or 3xx responses" in out:
        raise SystemExit(f"errors while loading {url}:\n{out}")
    return Figures(rps, p50, p99)


def _snapshot_sizes(base: str) -> tuple[str, int, int, int]:
    request = urllib.request.Request(f"{base}/api/catalogue", headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(request) as response:
        body, etag = response.read(), response.headers["ETag"]
    return etag, len(body), len(gzip.compress(body, 9)), len(brotli.compress(body, quality=11))


def _median(runs: list[Figures]) -> Figures:
    return Figures(
        statistics.median(r.rps for r in runs),
        statistics.median(r.p50_ms for r in runs),
        statistics.median(r.p99_ms for r in runs),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2, help="scenarios run interleaved this many times")
    parser.add_argument("--database-url", default=None, help="PostgreSQL database to use instead of SQLite")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")

    data_dir = tempfile.mkdtemp(prefix="motcua-bench-")
    env = clean_env(MOTCUA_DATA_DIR=data_dir, MOTCUA_ACCESS_LOG="false", MOTCUA_LOG_LEVEL="WARNING")
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    motcua(env, "migrate")
    motcua(env, "seed")
    app_port, bare_port = free_port(), free_port()
    app, bare = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{bare_port}"
    serve = [sys.executable, "-m", "backend.cli", "serve", "--port", str(app_port)]
    bare_cmd = [sys.executable, "-m", "bench.bare_app", "--port", str(bare_port)]

    with running(serve, env, f"{app}/api/health"), running(bare_cmd, env, f"{bare}/bare"):
        etag, plain, gz, br = _snapshot_sizes(app)
        scenarios = {
            "bare Litestar JSON (baseline)": (f"{bare}/bare", {}),
            "catalogue snapshot 200 (br)": (f"{app}/api/catalogue", {"Accept-Encoding": "br"}),
            "catalogue snapshot 304": (f"{app}/api/catalogue", {"If-None-Match": etag, "Accept-Encoding": "br"}),
            "search 'dang ky khai sinh'": (f"{app}/api/procedures?q=dang%20ky%20khai%20sinh", {}),
        }
        runs: dict[str, list[Figures]] = {name: [] for name in scenarios}
        for _ in range(args.rounds):
            for name, (url, headers) in scenarios.items():
                wrk(url, 2, args.connections, headers)  # warm-up
                runs[name].append(wrk(url, args.seconds, args.connections, headers))

    results = {name: _median(r) for name, r in runs.items()}
    baseline = results["bare Litestar JSON (baseline)"].rps
    db = "PostgreSQL" if args.database_url else "SQLite"
    print(f"\nmotcua catalogue load, {db}, {args.connections} connections, {args.rounds}x{args.seconds}s, wrk 1 thread")
    print(f"{'scenario':34} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs bare':>8}")
    for name, fig in results.items():
        print(f"{name:34} {fig.rps:9.0f} {fig.p50_ms:8.2f} {fig.p99_ms:8.2f} {fig.rps / baseline:8.0%}")
    ratio_304 = results["catalogue snapshot 304"].rps / baseline
    print(f"\nsnapshot size: {plain} B plain, {gz} B gzip, {br} B brotli")
    verdict_304 = "met" if ratio_304 >= TARGET_304_RATIO else "MISSED"
    verdict_size = "met" if max(gz, br) < TARGET_SNAPSHOT_BYTES else "MISSED"
    print(f"target: 304 at >= {TARGET_304_RATIO:.0%} of the bare endpoint: {verdict_304} ({ratio_304:.0%})")
    print(f"target: snapshot < {TARGET_SNAPSHOT_BYTES // 1024} KB compressed: {verdict_size} ({max(gz, br)} B)")
    shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

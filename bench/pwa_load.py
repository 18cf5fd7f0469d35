"""Figures for the citizen app in a browser: first-visit transfer, time to a usable list on slow 3G, offline search.

Starts two `motcua serve`, each on a fresh SQLite file in a temporary folder and serving the built app (pwa/dist,
which `make setup` builds): one with the demo catalogue (11 procedures), one with a generated catalogue of --count
procedures (bench/generate_catalogue.py). Debian's Chromium, driven by Playwright, opens the app in a fresh browser
context (a 360x640 phone screen) per measurement, --runs times, and the median is printed:

a. first visit, bytes on the wire (headers + compressed body, from the DevTools protocol: Network.loadingFinished
   encodedDataLength) by kind: HTML, JS, CSS, manifest + icons, and the catalogue + calendar API data apart;
   budget: HTML + JS + CSS <= 60 KB. The service worker script and what it precaches in the background are
   listed apart (Playwright's request sizes; sw.js by a direct request, Chromium reports no size for it);
b. time to a usable list on slow 3G (400 kbit/s, 400 ms RTT) on a 4x slower CPU: performance.now() in the page,
   from navigation start to the frame after the first `ul.results li` is in the DOM and visible; first visit
   (empty cache), then the repeat visit offline, served by the service worker from its cache and IndexedDB;
c. offline search on a 4x slower CPU: the queries typed one character at a time into the search box; per
   keystroke, from dispatching the input event until the list has changed and the next frame has been rendered
   (MutationObserver, then requestAnimationFrame and a task posted from it), and to the DOM change alone (the
   script's part). On the generated catalogue against the demo catalogue measured in the same run. Target: every
   keystroke under 100 ms (the median over the runs of each run's slowest keystroke).

Only 127.0.0.1 is contacted (Chromium resolves no other host name). Usage:
    python -m bench.pwa_load [--runs 3] [--count 500] [--dist pwa/dist] [--timeout 900]
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import statistics
import sys
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, Request, sync_playwright

from bench.generate_catalogue import write_catalogue
from bench.processes import ROOT, clean_env, free_port, motcua, running

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Nothing but 127.0.0.1: any host name fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
PHONE = {"viewport": {"width": 360, "height": 640}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
OFFLINE = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
CPU_SLOWDOWN = 4
QUERIES = ["khai sinh", "dang ky ket hon", "chung thuc ban sao", "xac nhan", "giam ho"]
BUDGET_APP_BYTES = 60 * 1024
TARGET_KEYSTROKE_MS = 100.0
SEARCH_LABEL = "Tìm thủ tục"
API_DATA = "catalogue + calendar (API)"
APP_KINDS = ("HTML", "JS", "CSS")
KINDS = (*APP_KINDS, "manifest + icons", "other", API_DATA, "other API")
STEP_TIMEOUT_MS = 120_000

# Records when the list first becomes usable: the frame after the first result is in the DOM and visible.
USABLE_JS = """
(() => {
  const observer = new MutationObserver(() => {
    const item = document.querySelector("ul.results li");
    if (!item || !item.checkVisibility()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__benchUsableAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();
"""

# Types `query` into the search box one character at a time. Per keystroke: [ms to the rendered frame, ms to the
# DOM change (the script's part: search and Preact), or null when nothing changed]. A keystroke that leaves the
# list as it was is timed to the first rendered frame after it.
TYPE_JS = """
async (input, query) => {
  const target = input.closest("section") ?? document.body;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // After the frame's callbacks the browser renders it; a task posted from the callback runs once it has.
  const rendered = (then) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(null);
  });
  const keystroke = (value) => new Promise((resolve) => {
    let mutated = null;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      resolve([performance.now() - start, mutated - start]);
    };
    const observer = new MutationObserver(() => {
      if (mutated !== null) return;
      mutated = performance.now();
      rendered(finish);
    });
    observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true });
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value.at(-1) }));
    rendered(() => {
      if (mutated !== null) return;
      const unchanged = performance.now() - start;
      // No change by the next frame: wait a little for a deferred render before calling it unchanged.
      setTimeout(() => {
        if (mutated !== null || settled) return;
        settled = true;
        observer.disconnect();
        resolve([unchanged, null]);
      }, 300);
    });
  });
  input.focus();
  input.value = "";
  input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "deleteContentBackward" }));
  await pause(300);
  const times = [];
  for (let i = 1; i <= query.length; i++) {
    await frame();
    await pause(50);
    times.push(await keystroke(query.slice(0, i)));
  }
  return times;
}
"""


@dataclass
class Part:
    """Responses of one kind: how many, their bytes on the wire, of which headers, and their encodings."""

    files: int = 0
    bytes: int = 0
    headers: int = 0
    encodings: set[str] = field(default_factory=set)

    def add(self, size: int, headers: int, encoding: str) -> None:
        self.files += 1
        self.bytes += size
        self.headers += headers
        self.encodings.add(encoding)

    @classmethod
    def median(cls, runs: list[Part]) -> Part:
        last = runs[-1]
        size, headers = (int(statistics.median(getattr(r, name) for r in runs)) for name in ("bytes", "headers"))
        return cls(last.files, size, headers, last.encodings)


@dataclass
class Transfer:
    """What one first visit downloaded: per kind, and (in the background) by the service worker."""

    kinds: dict[str, Part] = field(default_factory=dict)
    largest: list[tuple[int, str]] = field(default_factory=list)
    sw_script: Part = field(default_factory=Part)
    precache: Part = field(default_factory=Part)
    precache_listed: int = 0

    def app(self) -> int:
        return sum(self.kinds[kind].bytes for kind in APP_KINDS if kind in self.kinds)

    def total(self) -> Part:
        return Part(
            sum(p.files for p in self.kinds.values()),
            sum(p.bytes for p in self.kinds.values()),
            sum(p.headers for p in self.kinds.values()),
        )


@dataclass
class Keystrokes:
    """One run: per keystroke, (what had been typed, ms to the rendered frame, ms to the DOM change or None)."""

    keys: list[tuple[str, float, float | None]]


@dataclass
class Search:
    """Keystroke figures over the runs: the median of each run's median, and of each run's max."""

    keys: int
    median: float
    max: float
    dom_median: float
    dom_max: float
    unchanged: int
    slowest: str

    @classmethod
    def of(cls, runs: list[Keystrokes]) -> Search:
        def over_runs(pick: Any, dom: bool = False) -> float:
            values = [[k[2] if dom else k[1] for k in r.keys if (k[2] is not None or not dom)] for r in runs]
            return float(statistics.median(pick(v) if v else 0.0 for v in values))

        slowest = max(runs[-1].keys, key=lambda k: k[1])
        return cls(
            keys=len(runs[-1].keys),
            median=over_runs(statistics.median),
            max=over_runs(max),
            dom_median=over_runs(statistics.median, dom=True),
            dom_max=over_runs(max, dom=True),
            unchanged=sum(k[2] is None for k in runs[-1].keys),
            slowest=f"'{slowest[0]}' ({slowest[1]:.0f} ms)",
        )


class Wire:
    """Responses a page received, with their bytes on the wire, from its DevTools protocol session."""

    def __init__(self, cdp: CDPSession) -> None:
        self.responses: dict[str, tuple[str, str, str, int]] = {}
        self.sizes: dict[str, int] = {}
        self.accept_encoding = ""
        cdp.on("Network.requestWillBeSentExtraInfo", self._request)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.send("Network.enable")

    def _request(self, event: dict[str, Any]) -> None:
        headers = {name.lower(): value for name, value in event.get("headers", {}).items()}
        self.accept_encoding = headers.get("accept-encoding", self.accept_encoding)

    def _response(self, event: dict[str, Any]) -> None:
        response = event["response"]
        headers = {name.lower(): value for name, value in response.get("headers", {}).items()}
        encoding = headers.get("content-encoding", "none")
        # encodedDataLength when the response starts: the status line and headers.
        header_bytes = int(response.get("encodedDataLength", 0))
        kind = _kind(response["url"], event.get("type", ""), response["mimeType"])
        self.responses[event["requestId"]] = (response["url"], kind, encoding, header_bytes)

    def _finished(self, event: dict[str, Any]) -> None:
        self.sizes[event["requestId"]] = int(event["encodedDataLength"])

    def fetched(self) -> Iterator[tuple[str, str, str, int, int]]:
        """(url, kind, encoding, bytes, of which headers) of each finished response."""
        for request_id, size in self.sizes.items():
            if request_id in self.responses:
                url, kind, encoding, header_bytes = self.responses[request_id]
                yield url, kind, encoding, size, header_bytes


def _kind(url: str, resource_type: str, mime: str) -> str:
    path = urlsplit(url).path
    if path.startswith(("/api/catalogue", "/api/calendar")):
        return API_DATA
    if path.startswith("/api/"):
        return "other API"
    if resource_type == "Document" or mime == "text/html":
        return "HTML"
    if resource_type == "Script" or path.endswith((".js", ".mjs")):
        return "JS"
    if resource_type == "Stylesheet" or path.endswith(".css"):
        return "CSS"
    if resource_type == "Manifest" or path.endswith(".webmanifest") or mime.startswith("image/"):
        return "manifest + icons"
    return "other"


class Guard:
    """Every URL the browser asked for, to check that only the benchmark's servers were contacted."""

    def __init__(self) -> None:
        self.foreign: set[str] = set()

    def watch(self, context: BrowserContext) -> None:
        context.on("request", self._request)

    def _request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
            self.foreign.add(request.url)


@contextmanager
def serving(dist: Path, catalogue_dir: Path | None) -> Iterator[str]:
    """`motcua serve` on 127.0.0.1 and a free port: a fresh SQLite file with the given catalogue, serving `dist`."""
    data_dir = tempfile.mkdtemp(prefix="motcua-bench-pwa-")
    env = clean_env(
        MOTCUA_DATA_DIR=data_dir, MOTCUA_PWA_DIST=str(dist), MOTCUA_ACCESS_LOG="false", MOTCUA_LOG_LEVEL="WARNING"
    )
    try:
        motcua(env, "migrate")
        motcua(env, "seed", *(["--dir", str(catalogue_dir)] if catalogue_dir else []))
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "backend.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
        with running(cmd, env, f"{url}/api/health"):
            yield url
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


@contextmanager
def fresh_page(browser: Browser, guard: Guard) -> Iterator[tuple[BrowserContext, Page, CDPSession]]:
    """A new browser context (empty cache, storage and service workers) with one page and its CDP session."""
    context = browser.new_context(**PHONE, locale="vi-VN")  # type: ignore[arg-type]
    context.set_default_timeout(STEP_TIMEOUT_MS)
    guard.watch(context)
    try:
        context.add_init_script(USABLE_JS)
        page = context.new_page()
        yield context, page, context.new_cdp_session(page)
    finally:
        context.close()


def _usable_at(page: Page) -> float:
    """ms from navigation start to the frame after the first result became visible (in the page's clock)."""
    page.wait_for_function("() => window.__benchUsableAt !== undefined", polling=100, timeout=STEP_TIMEOUT_MS)
    return float(page.evaluate("window.__benchUsableAt"))


def _service_worker_ready(page: Page) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def _precache_list(dist: Path) -> list[str]:
    return re.findall(r'"url":"([^"]+)"', (dist / "sw.js").read_text(encoding="utf-8"))


def _sw_script(url: str, accept_encoding: str) -> Part:
    """sw.js as the browser fetches it: status line, headers and compressed body."""
    request = urllib.request.Request(f"{url}/sw.js", headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        headers = sum(len(f"{name}: {value}\r\n") for name, value in response.headers.items())
        headers += len("HTTP/1.1 200 OK\r\n\r\n")
        part = Part()
        part.add(len(body) + headers, headers, response.headers.get("Content-Encoding", "none"))
    return part


def _plain_size(url: str) -> int:
    request = urllib.request.Request(f"{url}/api/catalogue", headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return len(response.read())


def first_visit_transfer(browser: Browser, guard: Guard, url: str, dist: Path) -> Transfer:
    """a. What a first visit downloads, until the list shows and the service worker has installed."""
    with fresh_page(browser, guard) as (context, page, cdp):
        by_worker: list[Request] = []
        context.on("requestfinished", lambda request: by_worker.append(request) if request.service_worker else None)
        wire = Wire(cdp)
        page.goto(f"{url}/")
        _usable_at(page)
        page.wait_for_load_state("networkidle")
        _service_worker_ready(page)
        page.wait_for_timeout(500)  # the last events of the worker's requests
        transfer = Transfer()
        for fetched_url, kind, encoding, size, header_bytes in wire.fetched():
            transfer.kinds.setdefault(kind, Part()).add(size, header_bytes, encoding)
            transfer.largest.append((size, urlsplit(fetched_url).path))
        precached = set(_precache_list(dist))
        transfer.precache_listed = len(precached)
        for request in by_worker:
            if urlsplit(request.url).path.lstrip("/") not in precached:
                continue
            sizes = request.sizes()
            # A response from the HTTP cache reports a body of minus its headers: nothing on the wire.
            if sizes["responseBodySize"] + sizes["responseHeadersSize"] <= 0:
                continue
            response = request.response()
            encoding = response.headers.get("content-encoding", "none") if response else "none"
            on_wire = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            transfer.precache.add(on_wire, sizes["responseHeadersSize"], encoding)
        transfer.sw_script = _sw_script(url, wire.accept_encoding)
        return transfer


def slow_3g_visits(browser: Browser, guard: Guard, url: str) -> tuple[float, float]:
    """b. ms to a usable list on slow 3G and a 4x slower CPU: first visit, then a repeat visit offline."""
    with fresh_page(browser, guard) as (context, page, cdp):
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(f"{url}/", wait_until="commit")
        first = _usable_at(page)
        page.wait_for_load_state("networkidle")
        _service_worker_ready(page)
        page.reload()  # online, so that the service worker controls the page
        _usable_at(page)
        if not page.evaluate("navigator.serviceWorker.controller !== null"):
            raise SystemExit("the service worker does not control the page after a reload")
        page.wait_for_load_state("networkidle")
        context.set_offline(True)
        cdp.send("Network.emulateNetworkConditions", OFFLINE)
        page.reload(wait_until="commit")
        repeat = _usable_at(page)
        if page.evaluate("navigator.onLine"):
            raise SystemExit("the repeat visit was not offline")
        return first, repeat


def search_keystrokes(browser: Browser, guard: Guard, url: str) -> tuple[Keystrokes, int]:
    """c. Per keystroke times of the queries, offline on a 4x slower CPU; and the API data's bytes on the wire."""
    with fresh_page(browser, guard) as (context, page, cdp):
        wire = Wire(cdp)
        page.goto(f"{url}/")
        _usable_at(page)
        page.wait_for_load_state("networkidle")
        catalogue_bytes = sum(size for _, kind, _, size, _ in wire.fetched() if kind == API_DATA)
        context.set_offline(True)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.wait_for_timeout(500)
        search_box = page.get_by_label(SEARCH_LABEL)
        keys: list[tuple[str, float, float | None]] = []
        for query in QUERIES:
            for typed, (ms, dom_ms) in enumerate(search_box.evaluate(TYPE_JS, query), start=1):
                keys.append((query[:typed], float(ms), None if dom_ms is None else float(dom_ms)))
        return Keystrokes(keys), catalogue_bytes


def _kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def _median_transfer(runs: list[Transfer]) -> Transfer:
    last = runs[-1]
    return Transfer(
        kinds={kind: Part.median([r.kinds.get(kind, Part()) for r in runs]) for kind in last.kinds},
        largest=sorted(last.largest, reverse=True),
        sw_script=Part.median([r.sw_script for r in runs]),
        precache=Part.median([r.precache for r in runs]),
        precache_listed=last.precache_listed,
    )


def report_transfer(transfer: Transfer) -> None:
    print("\na. First visit: bytes on the wire (status line and headers + compressed body), DevTools protocol")
    row = "{:32} {:>5} {:>9} {:>9} {:>8}  {}"

    def line(name: str, part: Part, note: str = "") -> None:
        files = str(part.files) if part.files else ""
        encodings = ", ".join(sorted(part.encodings)) or note
        print(row.format(name, files, part.bytes, _kb(part.bytes), part.headers or "", encodings))

    print(row.format("kind", "files", "bytes", "", "headers", "encoding"))
    for kind in KINDS:
        if kind in transfer.kinds:
            line(kind, transfer.kinds[kind])
    app = transfer.app()
    print(row.format("app: HTML + JS + CSS", "", app, _kb(app), "", f"budget {_kb(BUDGET_APP_BYTES)}"))
    line("initial transfer, all", transfer.total())
    print("   largest: " + ", ".join(f"{path} {size} B" for size, path in transfer.largest[:4]))
    print("Downloaded on the first visit too, in the background by the service worker (not in the initial transfer):")
    line("  service worker script, sw.js", transfer.sw_script)
    cached = transfer.precache_listed - transfer.precache.files
    line(f"  precache, {transfer.precache.files} of {transfer.precache_listed} files", transfer.precache)
    if cached:
        print(f"   the other {cached} precached files came from the HTTP cache (already counted above)")
    background = Part()
    for part in (transfer.sw_script, transfer.precache):
        background.bytes += part.bytes
        background.headers += part.headers
    line("  in the background, all", background)
    print(f"target: HTML + JS + CSS <= {_kb(BUDGET_APP_BYTES)}: {_verdict(app <= BUDGET_APP_BYTES)} ({_kb(app)})")


def report_slow_3g(first: float, repeat: float) -> None:
    print(f"\nb. Time to a usable list, slow 3G (400 kbit/s, 400 ms RTT) and CPU {CPU_SLOWDOWN}x slower")
    print("   performance.now() in the page: navigation start -> frame after the first `ul.results li` is visible")
    print(f"{'visit':44} {'ms':>8}")
    print(f"{'first visit (empty cache)':44} {first:8.0f}")
    print(f"{'repeat visit, offline (service worker cache)':44} {repeat:8.0f}")
    print(f"{'first / repeat':44} {first / repeat:7.1f}x")


def report_search(large: Search, small: Search, count: int, catalogue_bytes: tuple[int, int]) -> None:
    print(f"\nc. Offline search, CPU {CPU_SLOWDOWN}x slower, per keystroke: input event -> list changed in the DOM")
    print("   -> next frame rendered (the DOM columns: the script's part alone, search and Preact)")
    print(f"   queries typed a character at a time: {', '.join(QUERIES)}")
    row = "{:24} {:>10} {:>5} {:>10} {:>8} {:>14} {:>11}"
    print(row.format("catalogue", "procedures", "keys", "median ms", "max ms", "DOM median ms", "DOM max ms"))
    for name, procedures, k in (("demo (baseline)", 11, small), (f"generated ({count})", count, large)):
        figures = (f"{k.median:.1f}", f"{k.max:.1f}", f"{k.dom_median:.1f}", f"{k.dom_max:.1f}")
        print(row.format(name, procedures, k.keys, *figures))
    pairs = [(large.median, small.median), (large.max, small.max)]
    pairs += [(large.dom_median, small.dom_median), (large.dom_max, small.dom_max)]
    print(row.format(f"ratio, {count} vs 11", "", "", *(f"{a / b:.1f}x" if b else "-" for a, b in pairs)))
    print(f"   slowest keystroke: {large.slowest} with {count} procedures, {small.slowest} with 11")
    if large.unchanged or small.unchanged:
        unchanged = f"{large.unchanged} of {large.keys} ({count}), {small.unchanged} of {small.keys} (11)"
        print(f"   keystrokes leaving the list unchanged (timed to the next frame, no DOM figure): {unchanged}")
    plain, wire = catalogue_bytes
    print(
        f"   the {count}-procedure catalogue: {_kb(plain)} of JSON, {_kb(wire)} on the wire with the calendar "
        "(made from 11 templates, it compresses far better than a real one would)"
    )
    met = large.max < TARGET_KEYSTROKE_MS
    print(
        f"target: every keystroke < {TARGET_KEYSTROKE_MS:.0f} ms on {count} procedures at {CPU_SLOWDOWN}x: "
        f"{_verdict(met)} (max {large.max:.1f} ms, median {large.median:.1f} ms)"
    )


def _timeout(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError("the benchmark took longer than --timeout")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="fresh browser contexts per figure (median printed)")
    parser.add_argument("--count", type=int, default=500, help="procedures in the generated catalogue")
    parser.add_argument("--dist", type=Path, default=ROOT / "pwa" / "dist", help="the built app to serve")
    parser.add_argument("--timeout", type=int, default=900, help="seconds before the whole run is abandoned")
    args = parser.parse_args()
    if args.runs < 1 or args.count < 11:
        parser.error("--runs must be 1 or more, --count 11 (the demo procedures) or more")
    dist = args.dist.resolve()
    if not (dist / "index.html").is_file() or not (dist / "sw.js").is_file():
        raise SystemExit(f"{dist} holds no built app: cd pwa && npm run build")
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(args.timeout)

    guard = Guard()
    transfers: list[Transfer] = []
    visits: list[tuple[float, float]] = []
    large_runs: list[Keystrokes] = []
    small_runs: list[Keystrokes] = []
    catalogue_bytes: list[int] = []
    plain_bytes = 0
    with tempfile.TemporaryDirectory(prefix="motcua-bench-catalogue-") as folder:
        catalogue_dir = Path(folder) / "catalogue"
        count = write_catalogue(catalogue_dir, args.count)
        with (
            serving(dist, None) as demo,
            serving(dist, catalogue_dir) as large,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
            try:
                for run in range(args.runs):
                    print(f"run {run + 1} of {args.runs}…", file=sys.stderr)
                    transfers.append(first_visit_transfer(browser, guard, demo, dist))
                    visits.append(slow_3g_visits(browser, guard, demo))
                    small_runs.append(search_keystrokes(browser, guard, demo)[0])
                    keys, size = search_keystrokes(browser, guard, large)
                    large_runs.append(keys)
                    catalogue_bytes.append(size)
                plain_bytes = _plain_size(large)
            finally:
                browser.close()
    signal.alarm(0)

    print(f"\nmotcua citizen app in Chromium ({dist}), median of {args.runs} fresh browser context(s) per figure")
    report_transfer(_median_transfer(transfers))
    report_slow_3g(statistics.median(v[0] for v in visits), statistics.median(v[1] for v in visits))
    wire_bytes = int(statistics.median(catalogue_bytes))
    report_search(Search.of(large_runs), Search.of(small_runs), count, (plain_bytes, wire_bytes))
    print(f"\nnetwork: only 127.0.0.1 contacted: {'yes' if not guard.foreign else 'NO: ' + ', '.join(guard.foreign)}")
    return 1 if guard.foreign else 0


if __name__ == "__main__":
    sys.exit(main())

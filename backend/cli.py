"""The `motcua` command: serve | migrate | seed | create-staff | purge-uploads | worker.

Each command builds its settings from the environment once and passes them on.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import signal
import sys
from pathlib import Path

import uvicorn
from piccolo.apps.migrations.commands.forwards import run_forwards

from backend.accounts import service
from backend.accounts.rules import Role
from backend.catalogue import service as catalogue
from backend.catalogue.datafiles import CatalogueData, InvalidCatalogueData, load_catalogue
from backend.catalogue.service import seed_catalogue
from backend.db import bind_tables, close, make_engine, prepare, use_piccolo_conf
from backend.dossiers import purge
from backend.errors import DomainError
from backend.piccolo_app import ALL_TABLES
from backend.push import keys, worker
from backend.settings import DEMO_CATALOGUE_DIR, Settings

log = logging.getLogger("motcua")

DEMO_USERNAME = "canbo.demo"
DEMO_FULL_NAME = "Cán bộ minh họa"
DEMO_AGENCY = "H12.41.01"  # a demo commune centre (Trung tâm Phục vụ hành chính công xã Can Lộc)
DEMO_ROLE = Role.OFFICER
# One demo account per role at the demo commune, never an admin: a login printed on screen must not open
# the administration (issue 13).
DEMO_STAFF = (
    (DEMO_USERNAME, DEMO_FULL_NAME, DEMO_ROLE),
    ("chuyenvien.demo", "Chuyên viên minh họa", Role.SPECIALIST),
    ("lanhdao.demo", "Lãnh đạo minh họa", Role.LEADER),
)


class SeedRefused(Exception):
    def __init__(self) -> None:
        super().__init__(
            "the database holds a real catalogue; the demo catalogue is loaded only into an empty or demo "
            "database (name the folder with --dir to load a catalogue on purpose)"
        )


class NoDemoCatalogue(Exception):
    def __init__(self) -> None:
        super().__init__("demo accounts exist only while the demo catalogue is loaded (run `motcua seed` first)")


def _bind(settings: Settings) -> None:

    bind_tables(make_engine(settings), ALL_TABLES)


def local_url(host: str, port: int) -> str:
    """The address to open in a browser on this machine for a server listening on `host`:`port`."""
    if host in ("", "0.0.0.0", "::"):  # noqa: S104 (a name for "every address", not a bind)
        host = "127.0.0.1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:

    host, port = args.host or settings.host, args.port or settings.port
    url = local_url(host, port)
    print(f"motcua: open {url} (API description: {url}/api/schema) — Ctrl+C to stop", flush=True)
    uvicorn.run(
        "backend.app:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=args.workers,
        proxy_headers=False,  # the app itself reads X-Forwarded-* from MOTCUA_TRUSTED_PROXIES only
        access_log=settings.access_log,
        log_level=settings.log_level.lower(),
        # h11, not httptools: only h11 lets uvicorn bound the request head (httptools took an 8 MB header);
        # with a deadline for the head, which uvicorn lacks (backend/serving.py).
        http="backend.serving:HeadDeadlineProtocol",
        h11_max_incomplete_event_size=settings.max_request_head_bytes,
        timeout_keep_alive=settings.keep_alive_seconds,
        limit_concurrency=settings.max_connections,
    )
    return 0


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:

    use_piccolo_conf()

    result = asyncio.run(run_forwards(app_name="all"))
    if not result.success:
        print(f"migrate: failed: {result.message}", file=sys.stderr)
        return 1
    print(f"migrate: database is up to date ({'PostgreSQL' if settings.uses_postgres else settings.sqlite_path})")
    return 0


async def _seed(data: CatalogueData, settings: Settings, explicit: bool) -> str:
    """Seeds `data`; the demo catalogue never silently replaces a real one, and a real one retires the
    demo accounts."""
    if not explicit and await catalogue.loaded_catalogue_is_demo() is False:
        raise SeedRefused()
    report = await seed_catalogue(data, settings.now())
    if report.anything_changed:
        changed = ", ".join(f"{len(v)} {k}" for k, v in report.changed.items() if v) or "settings"
        line = f"seed: catalogue version {report.version} ({changed} written)"
    else:
        line = f"seed: catalogue version {report.version} already up to date ({len(data.procedures)} procedures)"
    if not data.catalogue.demo:
        retired = await service.retire_demo_staff()
        if retired:
            line += f"\nseed: demo accounts disabled (a real catalogue is loaded): {', '.join(retired)}"
    return line


def cmd_seed(settings: Settings, args: argparse.Namespace) -> int:

    try:
        data = load_catalogue(Path(args.dir or DEMO_CATALOGUE_DIR))
    except InvalidCatalogueData as exc:
        print(f"seed: {exc.messages()['en']}", file=sys.stderr)
        return 1
    _bind(settings)
    try:
        print(asyncio.run(_seed(data, settings, explicit=args.dir is not None)))
    except SeedRefused as exc:
        print(f"seed: {exc}", file=sys.stderr)
        return 1
    return 0


def _saved_logins(login_file: Path) -> dict[str, str]:
    """The demo passwords kept in the data folder, one `username password` a line."""
    if not login_file.is_file():
        return {}
    pairs = (line.split() for line in login_file.read_text(encoding="utf-8").splitlines())
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


async def _demo_staff(settings: Settings) -> dict[str, str]:
    """The demo accounts' passwords by username: the ones kept in the data folder while each account is as
    it should be, else new ones. Only while the demo catalogue is loaded."""
    if not await catalogue.loaded_catalogue_is_demo():
        raise NoDemoCatalogue()
    login_file = settings.data_dir / "demo-login.txt"
    saved = _saved_logins(login_file)
    logins = {}
    for username, full_name, role in DEMO_STAFF:
        password = saved.get(username)
        if password is None or not await service.demo_staff_ready(username, role):
            password = service.generate_password()
            await service.enable_demo_staff(username, full_name, password, role, DEMO_AGENCY)
        logins[username] = password
    if logins != saved:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        login_file.touch(mode=0o600)
        login_file.write_text("".join(f"{u} {p}\n" for u, p in logins.items()), encoding="utf-8")
    return logins


def staff_app_url(settings: Settings) -> str:
    base = settings.public_url.rstrip("/") if settings.public_url else local_url(settings.host, settings.port)
    return f"{base}/staff/"


def cmd_create_staff(settings: Settings, args: argparse.Namespace) -> int:

    _bind(settings)
    if args.demo:
        try:
            logins = asyncio.run(_demo_staff(settings))
        except NoDemoCatalogue as exc:
            print(f"create-staff: {exc}", file=sys.stderr)
            return 1
        url = staff_app_url(settings)
        for username, _, role in DEMO_STAFF:
            password = logins[username]
            print(f"Demo staff login ({role}) / Tài khoản cán bộ minh họa: {username} / {password} at {url}")
        return 0
    if not (args.username and args.full_name and args.agency):
        print("create-staff: --username, --full-name and --agency are required (or --demo)", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
    try:
        asyncio.run(service.create_staff(args.username, args.full_name, password, Role(args.role), args.agency))
    except DomainError as exc:
        print(f"create-staff: {exc.messages()['en']}", file=sys.stderr)
        return 1
    print(f"create-staff: {args.username} ({args.role}) created")
    return 0


async def _purge(settings: Settings) -> purge.PurgeReport:
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    await prepare(engine)
    try:
        await purge.clear_incoming(settings.attachments_dir)
        return await purge.purge_uploads(settings.attachments_dir, settings.now(), settings.upload_retention)
    finally:
        await close(engine)


def cmd_purge_uploads(settings: Settings, args: argparse.Namespace) -> int:
    """Uploads and retention: what `motcua serve` also does by itself every MOTCUA_UPLOAD_PURGE_INTERVAL_MINUTES."""
    report = asyncio.run(_purge(settings))
    print(
        f"purge-uploads: {report.uploads} uploads older than {settings.upload_retention_hours:g} h without a dossier "
        f"deleted; {report.files} files ({report.bytes} bytes) removed"
    )
    return 0


async def _deliver(settings: Settings) -> int:
    engine = make_engine(settings)
    bind_tables(engine, ALL_TABLES)
    await prepare(engine)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for stop in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(stop, stopping.set)
    try:
        key = keys.load_or_create(settings)
        print(f"worker: delivering notices with VAPID key {key.public[:12]}… (Ctrl+C to stop)", flush=True)
        return await worker.keep_delivering(settings, key, stopping)
    finally:
        await close(engine)


def cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    """Web Push delivery, as a process of its own (scaled out: as many as needed, on any host)."""
    claimed = asyncio.run(_deliver(settings))
    print(f"worker: stopped after {claimed} deliveries", flush=True)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="motcua", description="One-stop shop (một cửa) for administrative procedures.")
    sub = top.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the API and the citizen app")
    serve.add_argument("--host", default=None, help="default: MOTCUA_HOST or 127.0.0.1")
    serve.add_argument("--port", type=int, default=None, help="default: MOTCUA_PORT or 8000")
    serve.add_argument("--workers", type=int, default=1, help="processes on this port (default 1)")
    sub.add_parser("migrate", help="apply the database migrations")
    seed = sub.add_parser("seed", help="load a catalogue from data files (idempotent)")
    seed.add_argument(
        "--dir", default=None, help="catalogue folder (default: the demo catalogue, into an empty or demo database)"
    )
    staff = sub.add_parser("create-staff", help="create a staff account")
    staff.add_argument(
        "--demo", action="store_true", help="create (once) the demo accounts, one per role but admin, and print them"
    )
    staff.add_argument("--username")
    staff.add_argument("--full-name")
    staff.add_argument("--role", choices=[r.value for r in Role], default="officer")
    staff.add_argument("--agency", help="agency code, e.g. H12.41.01")
    staff.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sub.add_parser("purge-uploads", help="delete uploads that never became a dossier, after the retention period")
    sub.add_parser("worker", help="deliver queued Web Push notices until stopped (SIGTERM or Ctrl+C)")
    return top


COMMANDS = {"serve": cmd_serve, "migrate": cmd_migrate, "seed": cmd_seed, "create-staff": cmd_create_staff}
COMMANDS["purge-uploads"] = cmd_purge_uploads
COMMANDS["worker"] = cmd_worker


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = Settings()
    service.use_password_costs(settings)
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s %(message)s")
    # Piccolo announces the SQLite version at INFO on every connection; only its warnings matter here.
    logging.getLogger("piccolo").setLevel(logging.WARNING)
    return COMMANDS[args.command](settings, args)


if __name__ == "__main__":
    sys.exit(main())

"""The `motcua` command: serve | migrate | seed | create-staff | purge-uploads.

Each command builds its settings from the environment once and passes them on.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
from pathlib import Path

import uvicorn
from piccolo.apps.migrations.commands.forwards import run_forwards

from backend.accounts import service
from backend.accounts.rules import Role
from backend.catalogue.datafiles import InvalidCatalogueData, load_catalogue
from backend.catalogue.service import seed_catalogue
from backend.db import bind_tables, close, make_engine, prepare, use_piccolo_conf
from backend.dossiers import purge
from backend.errors import DomainError
from backend.piccolo_app import ALL_TABLES
from backend.settings import DEMO_CATALOGUE_DIR, Settings

log = logging.getLogger("motcua")

DEMO_USERNAME = "canbo.demo"
DEMO_FULL_NAME = "Cán bộ minh hoạ"
DEMO_AGENCY = "H12.22.05"


def _bind(settings: Settings) -> None:

    bind_tables(make_engine(settings), ALL_TABLES)


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:

    uvicorn.run(
        "backend.app:create_app_from_env",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers,
        proxy_headers=True,
        access_log=settings.access_log,
        log_level=settings.log_level.lower(),
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


def cmd_seed(settings: Settings, args: argparse.Namespace) -> int:

    try:
        data = load_catalogue(Path(args.dir))
    except InvalidCatalogueData as exc:
        print(f"seed: {exc.messages()['en']}", file=sys.stderr)
        return 1
    _bind(settings)
    report = asyncio.run(seed_catalogue(data, settings.now()))
    if report.anything_changed:
        changed = ", ".join(f"{len(v)} {k}" for k, v in report.changed.items() if v) or "settings"
        print(f"seed: catalogue version {report.version} ({changed} written)")
    else:
        print(f"seed: catalogue version {report.version} already up to date ({len(data.procedures)} procedures)")
    return 0


async def _demo_staff(settings: Settings) -> str:

    login_file = settings.data_dir / "demo-login.txt"
    exists = await service.staff_exists(DEMO_USERNAME)
    if exists and login_file.is_file():
        return login_file.read_text(encoding="utf-8").strip()
    password = service.generate_password()
    if exists:
        await service.set_password(DEMO_USERNAME, password)
    else:
        await service.create_staff(DEMO_USERNAME, DEMO_FULL_NAME, password, Role.ADMIN, DEMO_AGENCY)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    login_file.touch(mode=0o600)
    login_file.write_text(password, encoding="utf-8")
    return password


def cmd_create_staff(settings: Settings, args: argparse.Namespace) -> int:

    _bind(settings)
    if args.demo:
        password = asyncio.run(_demo_staff(settings))
        print(f"Demo staff login / Tài khoản cán bộ minh hoạ: {DEMO_USERNAME} / {password}")
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


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="motcua", description="One-stop shop (một cửa) for administrative procedures.")
    sub = top.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the API and the citizen app")
    serve.add_argument("--host", default=None, help="default: MOTCUA_HOST or 127.0.0.1")
    serve.add_argument("--port", type=int, default=None, help="default: MOTCUA_PORT or 8000")
    serve.add_argument("--workers", type=int, default=1, help="processes on this port (default 1)")
    sub.add_parser("migrate", help="apply the database migrations")
    seed = sub.add_parser("seed", help="load a catalogue from data files (idempotent)")
    seed.add_argument("--dir", default=str(DEMO_CATALOGUE_DIR), help="catalogue folder (default: the demo catalogue)")
    staff = sub.add_parser("create-staff", help="create a staff account")
    staff.add_argument("--demo", action="store_true", help="create (once) the demo account and print its login")
    staff.add_argument("--username")
    staff.add_argument("--full-name")
    staff.add_argument("--role", choices=[r.value for r in Role], default="officer")
    staff.add_argument("--agency", help="agency code, e.g. H12.22.05")
    staff.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sub.add_parser("purge-uploads", help="delete uploads that never became a dossier, after the retention period")
    return top


COMMANDS = {"serve": cmd_serve, "migrate": cmd_migrate, "seed": cmd_seed, "create-staff": cmd_create_staff}
COMMANDS["purge-uploads"] = cmd_purge_uploads


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = Settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s %(message)s")
    # Piccolo announces the SQLite version at INFO on every connection; only its warnings matter here.
    logging.getLogger("piccolo").setLevel(logging.WARNING)
    return COMMANDS[args.command](settings, args)


if __name__ == "__main__":
    sys.exit(main())

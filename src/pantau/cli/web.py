"""`pantau demo`, `pantau serve` and `pantau migrate`.

All three make the data folder private first (folder 0700, files 0600, and a umask so the
SQLite WAL files and uploads are created that way). `pantau serve` with ``PANTAU_SECRET_KEY``
set is a production start: it refuses the demo's settings (see ``pantau.deploy_checks``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pantau.cli.base import CliError, setup_django


def register(sub) -> None:
    demo = sub.add_parser(
        "demo",
        help="create a demo database with data and one login per role, scan it and serve the UI",
        description="Set up a demonstration on SQLite (in ./var unless --data-dir) and serve it.",
    )
    demo.add_argument("--data-dir", type=Path, help="where the demo database lives (default ./var)")
    demo.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    demo.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    demo.add_argument("--no-serve", action="store_true", help="prepare everything, do not serve")
    demo.add_argument("--reset", action="store_true", help="delete the demo database first")
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser(
        "serve",
        help="serve the web UI (waitress)",
        description="Serve Pantau with the waitress WSGI server.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    serve.set_defaults(func=cmd_serve)

    migrate = sub.add_parser(
        "migrate",
        help="create or update the database tables",
        description="Apply database migrations (Django's migrate).",
    )
    migrate.set_defaults(func=cmd_migrate)


def _serve(host: str, port: int, threads: int = 8) -> int:
    from django.conf import settings
    from waitress import serve

    for folder in (settings.STATIC_ROOT, settings.MEDIA_ROOT):  # WhiteNoise warns if missing
        Path(folder).mkdir(parents=True, exist_ok=True)
    from pantau.wsgi import application

    print(f"Pantau is running on http://{host}:{port}/  (Ctrl+C to stop)", flush=True)
    try:
        serve(
            application,
            host=host,
            port=port,
            threads=threads,
            ident="pantau",
            # A larger body is answered 413 before it is read (waitress's default is 1 GB).
            max_request_body_size=settings.PANTAU_MAX_REQUEST_BYTES,
        )
    except OSError as exc:
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    return 0


def secure_data_dir() -> None:
    """Make the data folder and the SQLite files readable by their owner only."""
    from django.conf import settings

    os.umask(0o077)
    data_dir = Path(settings.DATA_DIR)
    data_dir.mkdir(parents=True, exist_ok=True)
    data_dir.chmod(0o700)
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db_path = Path(db["NAME"])
        if db_path.parent != data_dir and db_path.parent.exists():
            db_path.parent.chmod(0o700)
        for suffix in ("", "-wal", "-shm", "-journal"):
            path = Path(f"{db_path}{suffix}")
            if path.exists():
                path.chmod(0o600)
        if not db_path.exists():  # created now, so its WAL files inherit 0600
            db_path.touch(mode=0o600)
    for name in ("demo_secret_key", "audit_key", "audit-checkpoints.jsonl"):
        path = data_dir / name
        if path.exists():
            path.chmod(0o600)


def refuse_demo_settings() -> None:
    """A production start (PANTAU_SECRET_KEY set) does not run with any of the demo's settings."""
    from pantau.deploy_checks import demo_settings_in_force
    from pantau.settings import envsecret

    if not envsecret("PANTAU_SECRET_KEY"):
        return
    problems = demo_settings_in_force()
    if problems:
        listed = "; ".join(f"{e.id}: {e.msg} {e.hint}" for e in problems)
        raise CliError(
            "refusing a production start (PANTAU_SECRET_KEY is set) with the demo's settings: "
            f"{listed} (see `pantau check --deploy`)"
        )


def cmd_migrate(args) -> int:
    setup_django()
    secure_data_dir()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1)
    return 0


def cmd_serve(args) -> int:
    setup_django()
    refuse_demo_settings()
    secure_data_dir()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CliError("the database is not up to date: run `pantau migrate` first")
    return _serve(args.host, args.port, args.threads)


def cmd_demo(args) -> int:
    os.environ["PANTAU_DEMO"] = "1"
    if args.data_dir:
        os.environ["PANTAU_DATA_DIR"] = str(args.data_dir.resolve())
    data_dir = Path(os.environ.get("PANTAU_DATA_DIR", Path.cwd() / "var")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if args.reset:
        for name in ("pantau.sqlite3", "pantau.sqlite3-wal", "pantau.sqlite3-shm"):
            (data_dir / name).unlink(missing_ok=True)
    setup_django()
    secure_data_dir()
    from django.core.management import call_command

    from pantau.demo_setup import demo_setup

    print(f"Database: {data_dir / 'pantau.sqlite3'}", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    summary = demo_setup(progress=lambda msg: print(msg, flush=True))
    print("\nDemo logins (user name / password):")
    for role, username, password, who in summary.logins:
        print(f"  {role:<11} {username:<12} {password}   {who}")
    print()
    if args.no_serve:
        return 0
    return _serve(args.host, args.port)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(0)

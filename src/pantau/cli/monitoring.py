"""`pantau import` (posts from exports and tables) and `pantau scan`."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path

from pantau.cli.base import CliError, setup_django
from pantau.core.sources import FORMATS


def register(sub) -> None:
    imp = sub.add_parser(
        "import",
        help="import posts from a platform export or a table (resumable)",
        description="Import posts from a file, an unpacked export directory or a .zip. Running "
        "the same file again after a crash continues where it stopped.",
    )
    imp.add_argument("--format", required=True, choices=FORMATS, help="source format")
    imp.add_argument("path", type=Path, help="file, directory or .zip")
    imp.add_argument("--handle", help="account handle, when the export does not name it")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="column mapping for csv/xlsx/jsonl, e.g. --map text=isi (repeatable)",
    )
    imp.add_argument("--batch-size", type=int, default=2000, help="posts per transaction")
    imp.add_argument("--no-scan", action="store_true", help="do not scan the new posts")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp.set_defaults(func=cmd_import)

    scan = sub.add_parser(
        "scan",
        help="scan new posts with the detection engine",
        description="Scan posts that have not been scanned; with --rescan, "
        "scan all posts again with --model VERSION, keeping history.",
    )
    scan.add_argument("--rescan", action="store_true", help="scan every post again")
    scan.add_argument("--model", metavar="VERSION", help="model version (default: the shipped one)")
    scan.add_argument("--batch-size", type=int, default=2000, help="posts per batch")
    scan.add_argument("--follow", metavar="FILE", help="keep scanning new posts until FILE exists")
    # Set by `pantau import` for its scanner: stop at once when the importer is gone (its end of
    # the standard-input pipe closes without FILE having been created).
    scan.add_argument("--exit-with-parent", action="store_true", help=argparse.SUPPRESS)
    scan.set_defaults(func=cmd_scan)

    worker = sub.add_parser(
        "worker",
        help="run periodic work: poll feeds, scan, retention",
        description="Poll due feeds and Mastodon accounts, scan new posts and "
        "delete expired posts of unregistered accounts, in a loop.",
    )
    worker.add_argument("--once", action="store_true", help="run one round and exit")
    worker.add_argument("--interval", type=int, default=60, help="seconds between rounds")
    worker.add_argument(
        "--celery",
        action="store_true",
        help="run a Celery worker on PANTAU_BROKER_URL instead (scale-out)",
    )
    worker.add_argument("--concurrency", type=int, default=2, help="Celery worker processes")
    worker.set_defaults(func=cmd_worker)
    register_claims(sub)
    register_digest(sub)


def _mapping(pairs: list[str]) -> dict | None:
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise CliError(f"--map {pair!r}: expected FIELD=COLUMN")
        mapping[field.strip()] = column.strip()
    return mapping or None


def cmd_import(args) -> int:
    setup_django()
    from pantau.monitoring.imports import PostImportError, post_import
    from pantau.monitoring.models import ImportProblem

    if not args.path.exists():
        raise CliError(f"{args.path}: no such file or directory")
    show = sys.stderr.isatty() and not args.json
    started = time.monotonic()

    def progress(run) -> None:
        if show:
            rate = (run.imported + run.duplicates + run.skipped) / max(
                time.monotonic() - started, 1e-6
            )
            sys.stderr.write(
                f"\r{run.imported:>10,} imported {run.duplicates:>9,} duplicates "
                f"{run.skipped:>8,} skipped {run.error_count:>6,} errors  {rate:,.0f}/s"
            )
            sys.stderr.flush()

    mapping = _mapping(args.map)
    scanner, done_flag = (None, None) if args.no_scan else _start_scanner()
    in_process_scan = not args.no_scan and scanner is None
    previous = signal.signal(signal.SIGTERM, _interrupt)  # a kill ends the run "failed" too
    try:
        run = post_import(
            path=args.path,
            format=args.format,
            mapping=mapping,
            handle=args.handle,
            batch_size=args.batch_size,
            progress=progress,
        )
    except PostImportError as exc:
        if scanner is not None:
            _stop_scanner(scanner, done_flag)
        raise CliError(str(exc)) from None
    except BaseException:
        if scanner is not None:
            _abort_scanner(scanner, done_flag)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    if show:
        sys.stderr.write("\n")
    findings = 0
    if scanner is not None:
        findings = _stop_scanner(scanner, done_flag)
    elif in_process_scan:
        from pantau.monitoring.scanning import scan_pending

        findings = scan_pending().findings
    errors = [p.as_dict() for p in ImportProblem.objects.filter(run=run)]
    if args.json:
        print(
            json.dumps(
                {
                    "imported": run.imported,
                    "duplicates": run.duplicates,
                    "skipped": run.skipped,
                    "errors": errors,
                    "findings": findings,
                    "message": run.message,
                },
                ensure_ascii=False,
            )
        )
    else:
        for e in errors[:50]:
            where = f"{e['file']}:{e['line']}" if e["line"] else e["file"]
            print(f"{where}: {e['field'] or '-'}: {e['reason']}", file=sys.stderr)
        if len(errors) > 50:
            print(f"... and {len(errors) - 50} more problems (see the import run)", file=sys.stderr)
        print(
            f"{run.source_name}: {run.imported} imported, {run.duplicates} duplicates, "
            f"{run.skipped} skipped (unregistered accounts), {run.error_count} errors; "
            f"{findings} new findings"
        )
        if run.message:
            print(run.message)
    return 0


def _scanner_env() -> dict | None:
    """The environment for a scanner process on this very database; None if it cannot share it
    (an in-memory test database, a task queue that scans instead, or the setting is off)."""
    import os
    from urllib.parse import quote

    from django.conf import settings
    from django.db import connection

    if settings.CELERY_BROKER_URL or not settings.PANTAU_IMPORT_SCAN_PROCESS:
        return None
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pantau.settings",
        "PANTAU_SECRET_KEY": settings.SECRET_KEY,
        "PANTAU_DATA_DIR": str(settings.DATA_DIR),
    }
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(db["NAME"])
        if name == ":memory:" or "mode=memory" in name:
            return None
        env.pop("DATABASE_URL", None)
        env["PANTAU_SQLITE_PATH"] = name
    elif connection.vendor == "postgresql":
        auth = f"{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@"
        host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
        env["DATABASE_URL"] = f"postgres://{auth}{host}/{db['NAME']}"
    else:
        return None
    return env


def _start_scanner():
    """Scan in a second process while the import runs, so the two cores work at once."""
    import subprocess
    import tempfile

    env = _scanner_env()
    if env is None:
        return None, None
    done_flag = Path(tempfile.mkdtemp(prefix="pantau-import-")) / "done"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pantau.cli",
            "scan",
            "--follow",
            str(done_flag),
            "--exit-with-parent",
        ],
        stdin=subprocess.PIPE,  # only this process holds the writing end: it closes when we die
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    return process, done_flag


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _abort_scanner(process, done_flag: Path) -> None:
    """The import stopped abnormally: end the scanner now (it need not finish its scan; the
    posts it leaves are scanned by the next `pantau scan`, worker round or import)."""
    import subprocess

    process.stdin.close()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    done_flag.unlink(missing_ok=True)
    done_flag.parent.rmdir()


def _stop_scanner(process, done_flag: Path) -> int:
    """Tell the scanner the import is over; it scans what is left, then reports its findings."""
    done_flag.touch()
    out, _ = process.communicate()
    done_flag.unlink(missing_ok=True)
    done_flag.parent.rmdir()
    try:
        return int(json.loads(out.strip().splitlines()[-1])["findings"])
    except (ValueError, IndexError, KeyError):
        raise CliError("the scan that ran beside the import failed; run `pantau scan`") from None


def _watch_parent(flag: Path) -> None:
    """Exit the process as soon as standard input closes while ``flag`` does not exist: the
    importer that started this scanner has gone (killed, crashed) and will never create it."""
    import os
    import threading

    def watch() -> None:
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        if not flag.exists():
            os._exit(3)  # no clean-up to do: every scanned batch is already committed

    threading.Thread(target=watch, name="pantau-parent-watch", daemon=True).start()


def _follow(args) -> int:
    """`scan --follow FILE`: scan new posts until FILE exists and none is left."""
    from pantau.monitoring.scanning import scan_pending

    scanned = findings = 0
    flag = Path(args.follow)
    if args.exit_with_parent:
        _watch_parent(flag)
    while True:
        finished = flag.exists()  # read before scanning: nothing can arrive after it
        stats = scan_pending(version=args.model, batch_size=args.batch_size)
        scanned, findings = scanned + stats.scanned, findings + stats.findings
        if finished:
            print(json.dumps({"scanned": scanned, "findings": findings}))
            return 0
        if not stats.scanned:
            time.sleep(0.2)


def cmd_scan(args) -> int:
    setup_django()
    from pantau.monitoring.scanning import ScanError, scan_pending, scan_rescan

    if args.follow:
        return _follow(args)

    try:
        if args.rescan:
            if not args.model:
                raise CliError("--rescan needs --model VERSION")
            stats = scan_rescan(version=args.model, batch_size=args.batch_size)
        else:
            stats = scan_pending(version=args.model, batch_size=args.batch_size)
    except ScanError as exc:
        raise CliError(str(exc)) from None
    print(
        f"scanned {stats.scanned} posts with {stats.model or 'no model'}: "
        f"{stats.findings} new findings"
    )
    return 0


def cmd_worker(args) -> int:
    setup_django()
    if args.celery:
        from django.conf import settings

        from pantau.celery_app import app

        if not settings.CELERY_BROKER_URL:
            raise CliError("PANTAU_BROKER_URL is not set (e.g. redis://127.0.0.1:6379/0)")
        app.worker_main(
            [
                "worker",
                "--loglevel=INFO",
                f"--concurrency={args.concurrency}",
                "--without-gossip",
                "--without-mingle",
            ]
        )
        return 0
    from pantau.monitoring.periodic import run_periodic_once

    if args.interval < 1:
        raise CliError("--interval must be at least 1 second")
    while True:
        tick = run_periodic_once()
        print(
            f"feeds polled {tick.feeds_polled} (+{tick.posts_from_feeds} posts), scanned "
            f"{tick.scanned} ({tick.findings} findings), purged {tick.purged}",
            flush=True,
        )
        if args.once:
            return 0
        time.sleep(args.interval)


def register_claims(sub) -> None:
    claims = sub.add_parser(
        "claims", help="the fact-check register", description="Fact-check register tools."
    )
    from pantau.cli.base import Parser

    claims_sub = claims.add_subparsers(
        dest="claims_command", metavar="ACTION", parser_class=Parser, required=True
    )
    imp = claims_sub.add_parser(
        "import",
        help="import claims from CSV/XLSX or ClaimReview JSON-LD",
        description="Import debunked claims; all of the file or nothing.",
    )
    imp.add_argument("path", type=Path, help="CSV, XLSX, or JSON/JSON-LD (ClaimReview)")
    imp.set_defaults(func=cmd_claims_import)


def cmd_claims_import(args) -> int:
    setup_django()
    from pantau.monitoring.claims import ClaimImportError, claims_import

    if not args.path.is_file():
        raise CliError(f"{args.path}: no such file")
    try:
        report = claims_import(path=args.path)
    except ClaimImportError as exc:
        raise CliError(str(exc)) from None
    print(f"{report.source}: {report.created} new claims, {report.updated} updated")
    return 0


def register_digest(sub) -> None:
    digest = sub.add_parser(
        "digest",
        help="e-mail each user their overdue items",
        description="Send the daily digest of overdue case deadlines.",
    )
    digest.set_defaults(func=cmd_digest)


def cmd_digest(args) -> int:
    setup_django()
    from pantau.cases.notifications import send_daily_digest

    print(f"sent {send_daily_digest()} digest e-mails")
    return 0

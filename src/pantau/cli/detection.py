"""`pantau classify`, `pantau train` and `pantau evaluate`: the detection engine on the command line.

- ``classify [--input FILE]`` reads JSON Lines ``{"id", "text"}`` (standard input by default,
  read as bytes) and writes one result per input line, in order (DESIGN.md §3). A line that
  cannot be read — empty, not UTF-8, not JSON, not an object, no string ``text`` — gets
  ``{"id": …, "error": "…"}``; nothing is dropped. ``--workers`` spreads batches over processes.
- ``train --data DIR [--out DIR]`` rebuilds the model artifact (default: the shipped one).
- ``evaluate --input FILE.jsonl`` prints per-label precision, recall and F1 against the 0/1
  label fields named as in the output contract (``hate_speech``, ``abusive``, ...).

None of these import Django.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pantau.cli.base import CliError

BATCH = 1000
MAX_AUTO_WORKERS = 4  # each worker holds its own engine (about 150 MB)
_engine = None
_engine_dir: str | None = None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "classify",
        help="score posts (JSON Lines in, JSON Lines out) for hate speech, abuse, radicalism",
        description='Read JSON Lines {"id", "text"} and write one result per line, in order.',
    )
    p.add_argument("--input", metavar="FILE", help="JSON Lines file (default: standard input)")
    p.add_argument("--artifact", metavar="DIR", help="model artifact directory (default: shipped)")
    p.add_argument(
        "--workers",
        type=int,
        default=0,
        help="processes to use (default 0: one per CPU, at most 4)",
    )
    p.add_argument("--batch-size", type=int, default=BATCH, help="lines per batch")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser(
        "train",
        help="rebuild the detection model artifact from the training data",
        description="Train, cross-validate and save the detection artifact.",
    )
    p.add_argument("--data", metavar="DIR", required=True, help="data directory (../shared/data)")
    p.add_argument("--out", metavar="DIR", help="artifact directory (default: the shipped one)")
    p.add_argument(
        "--criticism", metavar="FILE", help="criticism set used as a threshold constraint"
    )
    p.add_argument("--quick", action="store_true", help="skip the method comparison")
    p.add_argument(
        "--reviews",
        metavar="FILE",
        help="reviewer decisions from `pantau reviews export`, added as labelled training rows",
    )
    p.add_argument(
        "--version",
        dest="model_version",
        metavar="VERSION",
        help="version written into the artifact (default: the shipped version; with --reviews, "
        "the shipped version plus -r and the start of the reviews file's SHA-256)",
    )
    p.set_defaults(func=cmd_train)

    p = sub.add_parser(
        "evaluate",
        help="per-label precision, recall and F1 on a labelled JSON Lines file",
        description='Labels are 0/1 fields named as in the output contract, e.g. "abusive": 1.',
    )
    p.add_argument("--input", metavar="FILE", required=True, help="labelled JSON Lines file")
    p.add_argument("--artifact", metavar="DIR", help="model artifact directory (default: shipped)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=cmd_evaluate)


# -- classify -------------------------------------------------------------------------------


def _get_engine(artifact: str | None):
    global _engine, _engine_dir
    if _engine is None or _engine_dir != artifact:
        from pantau.core.detection import ArtifactError, load_engine

        try:
            _engine = load_engine(artifact)
        except ArtifactError as exc:
            raise CliError(str(exc)) from exc
        _engine_dir = artifact
    return _engine


def parse_line(raw: bytes) -> tuple[Any, str | None, str | None]:
    """(id, text, error) for one input line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, None, f"invalid UTF-8 at byte {exc.start}"
    line = line.strip()
    if not line:
        return None, None, "empty line"
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return None, None, f"invalid JSON: {exc.msg} at column {exc.colno}"
    if not isinstance(obj, dict):
        return None, None, "line is not a JSON object"
    post_id = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        return post_id, None, 'missing or non-string "text"'
    return post_id, text, None


def classify_lines(lines: list[bytes], artifact: str | None = None) -> list[str]:
    """Classify raw input lines; returns one JSON string per line, in order."""
    engine = _get_engine(artifact)
    parsed = [parse_line(raw) for raw in lines]
    good = [i for i, (_, _, err) in enumerate(parsed) if err is None]
    out: list[dict[str, Any]] = [
        {"id": pid, "error": err} for pid, _, err in parsed
    ]  # errors stay; good lines overwritten below
    try:
        results = engine.classify_many(
            [parsed[i][1] for i in good], ids=[parsed[i][0] for i in good]
        )
        for i, res in zip(good, results, strict=True):
            out[i] = res
    except Exception:  # one bad post must not sink the batch: retry one by one
        for i in good:
            try:
                out[i] = engine.classify(parsed[i][1], id=parsed[i][0])
            except Exception as exc:  # noqa: BLE001 - reported per line, never a crash
                out[i] = {
                    "id": parsed[i][0],
                    "error": f"classification failed: {type(exc).__name__}",
                }
    return [_dumps(o) for o in out]


def _dumps(obj: dict[str, Any]) -> str:
    text = json.dumps(obj, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \\ud800-style escapes
        text = json.dumps(obj, ensure_ascii=True)
    return text


def _batches(stream: BinaryIO, size: int) -> Iterator[list[bytes]]:
    batch: list[bytes] = []
    for raw in stream:
        batch.append(raw.rstrip(b"\r\n"))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _worker_init(artifact: str | None) -> None:
    _get_engine(artifact)


def _worker(args: tuple[bytes, str | None]) -> str:
    """Classify one batch sent as a single newline-joined blob (cheaper to pass between processes)."""
    blob, artifact = args
    return "\n".join(classify_lines(blob.split(b"\n"), artifact)) + "\n"


def run_classify(
    stream: BinaryIO, out, *, artifact: str | None, workers: int, batch_size: int
) -> int:
    """Classify a byte stream of JSON Lines into the text stream `out`; returns lines written.

    With ``workers > 1`` batches go to a process pool (results stay in input order); an input
    of a single batch is classified in this process, without starting a pool.
    """
    _get_engine(artifact)  # fail early, with one clear line, if the artifact is bad
    source = _batches(stream, batch_size)
    first = next(source, None)
    if first is None:
        return 0
    second = next(source, None) if workers > 1 else None
    batches: Iterable[str]
    pool = None
    if second is None:
        rest = itertools.chain([first], source)
        batches = ("\n".join(classify_lines(b, artifact)) + "\n" for b in rest)
    else:
        import multiprocessing as mp

        pool = mp.get_context("fork" if hasattr(os, "fork") else "spawn").Pool(
            workers, initializer=_worker_init, initargs=(artifact,)
        )
        rest = itertools.chain([first, second], source)
        batches = pool.imap(_worker, ((b"\n".join(b), artifact) for b in rest))
    written = 0
    try:
        for chunk in batches:
            out.write(chunk)
            written += chunk.count("\n")
        out.flush()
    except BaseException:
        if pool is not None:
            pool.terminate()  # do not finish the rest of the input for nobody
        raise
    if pool is not None:
        pool.close()
        pool.join()
    return written


def cmd_classify(args: argparse.Namespace) -> int:
    workers = args.workers if args.workers > 0 else min(os.cpu_count() or 1, MAX_AUTO_WORKERS)
    if args.batch_size < 1:
        raise CliError("--batch-size must be at least 1")
    out = sys.stdout
    if hasattr(out, "reconfigure") and (out.encoding or "").lower().replace("-", "") != "utf8":
        try:
            out.reconfigure(encoding="utf-8")
        except (ValueError, OSError):  # already written to, or not reconfigurable
            pass
    if args.input and not Path(args.input).is_file():
        raise CliError(f"input file not found: {args.input}")
    options = {"artifact": args.artifact, "workers": workers, "batch_size": args.batch_size}
    try:
        if args.input:
            with Path(args.input).open("rb") as stream:
                run_classify(stream, out, **options)
        else:
            run_classify(sys.stdin.buffer, out, **options)
    except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


# -- train / evaluate -----------------------------------------------------------------------


def cmd_train(args: argparse.Namespace) -> int:
    from pantau.core.detection.artifact import default_artifact_dir
    from pantau.core.detection.training import train

    data = Path(args.data)
    if not (data / "ibrohim2019" / "train.csv").is_file():
        raise CliError(f"{data} does not look like the data directory (no ibrohim2019/train.csv)")
    out = Path(args.out) if args.out else default_artifact_dir()
    criticism = Path(args.criticism) if args.criticism else _repo_file("evaluation/criticism.jsonl")
    if args.criticism and not criticism.is_file():
        raise CliError(f"criticism file not found: {criticism}")
    reviews = Path(args.reviews) if args.reviews else None
    if reviews and not reviews.is_file():
        raise CliError(f"reviews file not found: {reviews}")
    version = model_version(args.model_version, reviews)
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    try:
        manifest = train(
            data,
            out,
            criticism=criticism,
            compare=not args.quick,
            log=log,
            reviews=reviews,
            version=version,
        )
    except ValueError as exc:
        raise CliError(str(exc)) from None
    print(f"saved {manifest['name']}-{manifest['version']} to {out}")
    print(
        "thresholds: "
        + ", ".join(f"{k}={v:.2f}" for k, v in sorted(manifest["thresholds"].items()))
    )
    return 0


_VERSION_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,39}")


def model_version(requested: str | None, reviews: Path | None) -> str:
    """The version a training run writes: as asked, or one that tells retrained models apart.

    A model retrained with reviewer decisions gets its own version by default, so that it does
    not clash with the shipped model when both are offered for a rescan."""
    from pantau.core.detection.training import VERSION

    if requested is not None:
        if not _VERSION_RE.fullmatch(requested):
            raise CliError(
                f"--version {requested!r}: use up to 40 letters, digits, dots, '+' or '-', "
                "starting with a letter or digit"
            )
        return requested
    if reviews is None:
        return VERSION
    digest = hashlib.sha256(reviews.read_bytes()).hexdigest()
    return f"{VERSION}-r{digest[:8]}"


def _repo_file(rel: str) -> Path | None:
    path = Path(__file__).resolve().parents[3] / rel
    return path if path.is_file() else None


def evaluate_file(path: Path, artifact: str | None = None) -> dict[str, Any]:
    """Per-label counts and P/R/F1 of the engine's flags against a labelled JSON Lines file."""
    from pantau.core.detection import CATEGORIES

    engine = _get_engine(artifact)
    rows, skipped = [], 0
    with path.open("rb") as fh:
        for raw in fh:
            pid, text, err = parse_line(raw.rstrip(b"\r\n"))
            if err is None:
                obj = json.loads(raw)
                rows.append((text, obj))
            elif err != "empty line":
                skipped += 1
    if not rows:
        raise CliError(f"no labelled posts in {path}")
    results = engine.classify_many([t for t, _ in rows])
    report: dict[str, Any] = {"posts": len(rows), "skipped_lines": skipped, "labels": {}}
    for label in CATEGORIES:
        pairs = [(int(o[label]), label in r["flags"]) for (_, o), r in zip(rows, results, strict=True)
                 if o.get(label) in (0, 1, True, False)]  # fmt: skip
        if not pairs:
            continue
        tp = sum(1 for y, f in pairs if y and f)
        fp = sum(1 for y, f in pairs if not y and f)
        fn = sum(1 for y, f in pairs if y and not f)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        report["labels"][label] = {"n": len(pairs), "positives": tp + fn, "tp": tp, "fp": fp,
                                   "fn": fn, "precision": p, "recall": r, "f1": f1}  # fmt: skip
    if not report["labels"]:
        raise CliError(f"{path} has no 0/1 label fields named {', '.join(CATEGORIES)}")
    return report


def cmd_evaluate(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise CliError(f"input file not found: {path}")
    report = evaluate_file(path, args.artifact)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"{report['posts']} posts ({report['skipped_lines']} unreadable lines skipped)")
    print(f"{'label':12s} {'n':>6s} {'pos':>6s} {'precision':>9s} {'recall':>7s} {'F1':>6s}")
    for label, m in report["labels"].items():
        print(
            f"{label:12s} {m['n']:6d} {m['positives']:6d} {m['precision']:9.3f} {m['recall']:7.3f} {m['f1']:6.3f}"
        )
    return 0

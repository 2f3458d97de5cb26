"""Parse speed and memory of the source parsers on a large JSON Lines file (no database).

Writes N posts (default 1,000,000) as JSON Lines to a temporary directory, then parses the file
with ``open_source(path, format="jsonl")`` in a fresh child process and prints posts per second
and the child's peak resident memory (so the figure is the parser's, not the generator's).

    .venv/bin/python benchmarks/bench_parse.py            # 1,000,000 posts
    .venv/bin/python benchmarks/bench_parse.py --n 200000 --format csv   # or x-archive
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

WORDS = (
    "saya tidak setuju dengan kebijakan baru ini karena warga yang antre di kantor pelayanan "
    "sejak pagi belum dilayani pak camat tolong diperhatikan jalan rusak banjir lagi hari ini "
    "terima kasih atas kerja kerasnya semoga sehat selalu 😀 👍 السلام"
).split()


def records(n: int):
    base = 1_704_067_200  # 2024-01-01
    for i in range(n):
        start = (i * 7) % (len(WORDS) - 12)
        text = " ".join(WORDS[start : start + 6 + i % 7])
        yield {
            "id": str(1_790_000_000_000_000_000 + i),
            "text": f"{text} #{i}",
            "handle": f"asn_{i % 5000}",
            "url": f"https://x.com/asn_{i % 5000}/status/{1_790_000_000_000_000_000 + i}",
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(base + i * 13)),
            "platform": "x",
            "likes": i % 100,
            "shares": i % 10,
        }


def write(path: Path, n: int, fmt: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        if fmt == "x-archive":
            handle.write("window.YTD.tweets.part0 = [\n")
            for i, record in enumerate(records(n)):
                tweet = {
                    "tweet": {
                        "id_str": record["id"],
                        "full_text": record["text"],
                        "created_at": time.strftime(
                            "%a %b %d %H:%M:%S +0000 %Y", time.gmtime(1_704_067_200 + i * 13)
                        ),
                        "favorite_count": str(record["likes"]),
                        "retweet_count": str(record["shares"]),
                        "entities": {"hashtags": [], "urls": [], "user_mentions": []},
                        "lang": "in",
                    }
                }
                handle.write(("" if i == 0 else ",\n") + json.dumps(tweet, indent=2))
            handle.write("\n]")
        elif fmt == "csv":
            writer = None
            for record in records(n):
                if writer is None:
                    writer = csv.DictWriter(handle, fieldnames=list(record))
                    writer.writeheader()
                writer.writerow(record)
        else:
            dumps = json.JSONEncoder(ensure_ascii=False).encode
            for record in records(n):
                handle.write(dumps(record) + "\n")


def parse(path: Path, fmt: str) -> None:
    """Child process: parse and print one JSON line of figures."""
    from pantau.core.sources import SourcePost, open_source

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    posts = problems = 0
    for item in open_source(path, format=fmt):
        if isinstance(item, SourcePost):
            posts += 1
        else:
            problems += 1
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "posts": posts,
                "problems": problems,
                "seconds": elapsed,
                "rss_before_kib": before,
                "rss_peak_kib": peak,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of posts")
    parser.add_argument("--format", choices=("jsonl", "csv", "x-archive"), default="jsonl")
    parser.add_argument("--parse", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.parse:
        parse(args.parse, args.format)
        return
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        path = Path(tmp) / ("tweets.js" if args.format == "x-archive" else f"posts.{args.format}")
        start = time.perf_counter()
        write(path, args.n, args.format)
        size = path.stat().st_size
        print(
            f"wrote {args.n:,} posts ({size / 1e6:.0f} MB) in {time.perf_counter() - start:.1f} s"
        )
        child = subprocess.run(
            [sys.executable, __file__, "--parse", str(path), "--format", args.format],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
    rate = figures["posts"] / figures["seconds"]
    print(
        f"parsed {figures['posts']:,} posts, {figures['problems']} problems, "
        f"in {figures['seconds']:.1f} s: {rate:,.0f} posts/s"
    )
    print(
        f"peak RSS {figures['rss_peak_kib'] / 1024:.0f} MiB "
        f"(after imports {figures['rss_before_kib'] / 1024:.0f} MiB)"
    )


if __name__ == "__main__":
    main()

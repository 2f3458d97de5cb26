"""Throughput and memory of `pantau classify` on tweet-length posts.

Usage::

    python benchmarks/bench_classify.py [--posts 100000] [--workers 1 2] [--data ../shared/data]

Builds JSON Lines input in memory — real tweets drawn (with repetition) from the Ibrohim 2019
data when the data directory is present: ``--mix dataset`` as they come (about half abusive or
hateful, so evidence is computed for most posts: a pessimistic mix), ``--mix monitoring``
resampled to about one such post in ten; otherwise posts generated from a few templates — and
runs exactly the
code path of ``pantau classify`` (parse, normalise, score all categories, watchlist, evidence,
JSON out) through `pantau.cli.detection.run_classify`, writing to a discarding stream. Prints
posts per second, the share of flagged posts and peak resident memory (this process and its
worker processes, from ``getrusage``).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from pantau.cli.detection import _get_engine, run_classify  # noqa: E402

TEMPLATES = [
    "Jalan di {place} rusak lagi, kapan diperbaiki pak?",
    "Selamat pagi warga {place}, hari ini ada layanan SIM keliling.",
    "dasar g0bl0k lu {name}, kerja gak becus",
    "Antrean di puskesmas {place} panjang banget dari subuh",
    "{name} anjiiing, janji mulu gak pernah ditepati",
    "Terima kasih petugas kebersihan {place} yang kerja sejak subuh",
    "#WaliKotaGoblok banjir lagi di {place}",
    "Harga cabai di pasar {place} naik dua kali lipat minggu ini",
]
PLACES = ["Klandasan", "Sepinggan", "Manggar", "Gunung Sari", "Batu Ampar", "Karang Joang"]
NAMES = ["Rudi", "Sari", "Budi", "Wawan", "Dewi", "Joko"]


class Discard(io.TextIOBase):
    """A text stream that counts what it is given and throws it away."""

    def __init__(self) -> None:
        self.lines = 0
        self.flagged = 0

    def write(self, s: str) -> int:
        self.lines += s.count("\n")
        self.flagged += s.count('"flags": ["')
        return len(s)


def make_posts(n: int, data: Path, mix: str = "dataset") -> list[bytes]:
    rng = random.Random(0)
    texts: list[str] = []
    train = data / "ibrohim2019" / "train.csv"
    if train.exists():
        from pantau.core.detection.datasets import load_ibrohim2019

        corpus = load_ibrohim2019(data)
        short = [
            (t, int(row[0] or row[1]))
            for t, row in zip(corpus.texts, corpus.y, strict=True)
            if len(t) <= 280
        ]
        texts = [t for t, _ in short]
        if mix == "monitoring":  # about 1 post in 10 hateful or abusive, as in a monitored stream
            bad = [t for t, y in short if y]
            good = [t for t, y in short if not y]
            texts = [
                rng.choice(good) if rng.random() < 0.9 else rng.choice(bad)
                for _ in range(len(short))
            ]
    if not texts:
        texts = [
            t.format(place=rng.choice(PLACES), name=rng.choice(NAMES)) + f" {i}"
            for i, t in enumerate(rng.choices(TEMPLATES, k=5000))
        ]
    return [
        json.dumps({"id": i, "text": rng.choice(texts)}, ensure_ascii=False).encode()
        for i in range(n)
    ]


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument(
        "--mix",
        choices=["dataset", "monitoring"],
        default="dataset",
        help="dataset: Ibrohim tweets as they come (about half hateful or abusive); "
        "monitoring: resampled so about 1 in 10 is",
    )
    args = ap.parse_args()
    posts = make_posts(args.posts, Path(args.data), args.mix)
    payload = b"\n".join(posts) + b"\n"
    mean_len = sum(len(json.loads(p)["text"]) for p in posts[:5000]) / min(len(posts), 5000)
    start = time.perf_counter()
    engine = _get_engine(None)
    print(f"engine {engine.model_name} loaded in {time.perf_counter() - start:.2f} s")
    print(f"{len(posts)} posts, mean length {mean_len:.0f} characters")
    for workers in args.workers:
        out = Discard()
        start = time.perf_counter()
        run_classify(
            io.BytesIO(payload), out, artifact=None, workers=workers, batch_size=args.batch_size
        )
        elapsed = time.perf_counter() - start
        assert out.lines == len(posts), (out.lines, len(posts))
        own, children = peak_rss_mb()
        print(
            f"workers={workers}: {len(posts) / elapsed:,.0f} posts/s ({elapsed:.1f} s), "
            f"flagged {out.flagged / len(posts):.0%}, peak RSS main {own:.0f} MB, "
            f"largest worker {children:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

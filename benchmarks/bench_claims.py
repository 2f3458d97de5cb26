"""Claim-matching speed and memory at register scale (not a timed test: it prints figures).

Builds a register of ``--claims`` claims (default 50,000): the real headlines of
``../shared/data/hoax/turnbackhoax2021.csv`` plus generated variants (halves of two headlines
joined, words dropped or swapped, numbers and a place changed), so the vocabulary and posting
lists look like a real register, only larger. Then it times:

* the index build (add everything, then compact);
* matching ``--posts`` posts (a mix of hand-written evaluation posts, claim repeats and long
  everyday text): mean and p95 milliseconds per post, with the full `HoaxScorer`;
* an incremental add of 100 claims to the built index, and a removal of 100;
* resident memory (RSS) before and after.

    .venv/bin/python benchmarks/bench_claims.py [--claims 50000] [--posts 2000]
    .venv/bin/python benchmarks/bench_claims.py --eval      # quality figures (eval_claims.py)
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pantau.core.claims import Claim, ClaimIndex, HoaxScorer, load_hoax_style_model  # noqa: E402

PLACES = [
    "Bekasi",
    "Balikpapan",
    "Samarinda",
    "Makassar",
    "Medan",
    "Surabaya",
    "Bandung",
    "Pontianak",
    "Kupang",
    "Jayapura",
    "Tenggarong",
    "Bogor",
    "Depok",
    "Padang",
]
FILLERS = ["Ternyata", "Viral", "Heboh", "Beredar", "Katanya", "Awas", "Geger", "Waspada"]
EVERYDAY = [
    "Selamat pagi rekan-rekan, rapat koordinasi hari ini dipindah ke aula lantai dua jam sembilan.",
    "Macet parah di simpang Muara Rapak, mending lewat jalan alternatif kalau mau ke kantor.",
    "Alhamdulillah laporan triwulan selesai, terima kasih tim keuangan yang sudah lembur.",
    "Anak-anak libur sekolah, akhir pekan ini ke pantai bersama keluarga besar.",
]


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthesise(base: list[Claim], n: int, seed: int = 1) -> list[Claim]:
    """``n`` generated claims made from the words of ``base`` (ids ``syn-<i>``)."""
    rng = random.Random(seed)
    words = [c.text.split() for c in base if len(c.text.split()) >= 3]
    out = []
    for i in range(n):
        a, b = rng.choice(words), rng.choice(words)
        text = a[: max(2, len(a) // 2)] + b[len(b) // 2 :]
        r = rng.random()
        if r < 0.3 and len(text) > 4:
            del text[rng.randrange(len(text))]
        elif r < 0.5:
            text = [rng.choice(FILLERS)] + text
        if rng.random() < 0.3:
            text.append(f"di {rng.choice(PLACES)}")
        if rng.random() < 0.2:
            text.insert(rng.randrange(len(text)), str(rng.randint(2, 2030)))
        out.append(
            Claim(f"syn-{i}", " ".join(text), "hoaks", url=f"https://cekfakta.example/s/{i}")
        )
    return out


def build_posts(register: list[Claim], n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    posts = []
    evaluation = ROOT / "evaluation" / "claims" / "posts.jsonl"
    if evaluation.exists():
        posts += [json.loads(line)["text"] for line in evaluation.read_text().splitlines() if line]
    while len(posts) < n:
        c = rng.choice(register).text
        kind = rng.random()
        if kind < 0.4:
            posts.append(f"Cek dulu ini bener gak? {c}. Share sebelum dihapus!!")
        elif kind < 0.7:
            posts.append(" ".join(rng.sample(EVERYDAY, 3)) + " " + c + " " + rng.choice(EVERYDAY))
        else:
            posts.append(" ".join(rng.sample(EVERYDAY, 2)))
    rng.shuffle(posts)
    return posts[:n]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, default=50_000)
    ap.add_argument("--posts", type=int, default=2_000)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "hoax")
    ap.add_argument("--eval", action="store_true", help="print the quality evaluation instead")
    args, rest = ap.parse_known_args(argv)
    if args.eval:
        import eval_claims

        return eval_claims.main(["--data", str(args.data), *rest])
    from eval_claims import load_register

    real = load_register(args.data)
    register = real + synthesise(real, max(0, args.claims - len(real)))
    extra = synthesise(real, 100, seed=99)
    extra = [Claim(f"new-{c.claim_id}", c.text, c.verdict, c.url) for c in extra]
    posts = build_posts(register, args.posts)
    style = load_hoax_style_model()
    rss0 = rss_mb()

    t0 = time.perf_counter()
    index = ClaimIndex()
    index.add(register)
    index.compact()
    build_s = time.perf_counter() - t0
    rss1 = rss_mb()

    scorer = HoaxScorer(index, style_model=style)
    for text in posts[:50]:  # warm caches
        scorer(text)
    times = []
    for text in posts:
        t = time.perf_counter()
        scorer(text)
        times.append((time.perf_counter() - t) * 1000)
    match_only = []
    for text in posts:
        t = time.perf_counter()
        index.match(text)
        match_only.append((time.perf_counter() - t) * 1000)

    t = time.perf_counter()
    index.add(extra)
    add_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    after_add = [index.match(p) for p in posts[:200]]
    post_add_ms = (time.perf_counter() - t) * 1000 / 200
    t = time.perf_counter()
    index.remove([c.claim_id for c in extra])
    remove_ms = (time.perf_counter() - t) * 1000
    assert after_add is not None

    times.sort()
    match_only.sort()
    report = {
        "claims": len(register),
        "posts": len(posts),
        "build_s": round(build_s, 2),
        "scorer_ms_mean": round(sum(times) / len(times), 3),
        "scorer_ms_p95": round(times[int(0.95 * len(times))], 3),
        "match_ms_mean": round(sum(match_only) / len(match_only), 3),
        "match_ms_p95": round(match_only[int(0.95 * len(match_only))], 3),
        "add_100_ms": round(add_ms, 2),
        "match_ms_mean_with_delta": round(post_add_ms, 3),
        "remove_100_ms": round(remove_ms, 2),
        "rss_mb_before_index": round(rss0, 1),
        "rss_mb_after_index": round(rss1, 1),
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

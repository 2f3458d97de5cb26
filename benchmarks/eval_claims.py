"""Claim-matching quality on real debunked headlines: recall@1 and precision at the threshold.

The register is every headline of ``../shared/data/hoax/turnbackhoax2021.csv`` (claim id = the
0-based data row number); ``--pad N`` adds generated distractor claims (recombined halves of real
headlines, see ``bench_claims.synthesise``) until the register holds N claims. The posts are
``evaluation/claims/posts.jsonl``, written by hand: repeats of a sample of the headlines
(``claim_ref`` = row number, ``also`` = rows that are the same hoax registered twice) and ordinary
posts (``claim_ref`` null; ``kind`` same_topic, everyday or debunk).

* recall@1: share of repeats whose top match is the intended claim (or its duplicate);
* recall@thr: ... and whose hoax score reaches the review threshold;
* precision: among posts whose hoax score reaches the threshold, the share whose top claim is the
  intended one (ordinary posts there count as false positives).

    .venv/bin/python benchmarks/eval_claims.py [--data ../shared/data/hoax] [--pad 5000] [-v]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pantau.core.claims import Claim, ClaimIndex, HoaxScorer, load_hoax_style_model  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "hoax"
POSTS = ROOT / "evaluation" / "claims" / "posts.jsonl"


def load_register(data_dir: Path) -> list[Claim]:
    with (data_dir / "turnbackhoax2021.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Claim(str(i), r["headline"].strip(), "hoaks", url=f"turnbackhoax2021.csv#row={i}")
        for i, r in enumerate(rows)
        if r["headline"].strip()
    ]


def evaluate(register: list[Claim], posts: list[dict], threshold: float = 0.5, verbose=False):
    index = ClaimIndex(register)
    scorer = HoaxScorer(index, style_model=load_hoax_style_model(), review_threshold=threshold)
    n_rep = hit1 = hit_thr = flagged = correct_flagged = 0
    by_var: Counter = Counter()
    var_total: Counter = Counter()
    fp_kinds: Counter = Counter()
    for post in posts:
        score, claims, _ = scorer(post["text"])
        matches = index.match(post["text"], top_k=1)
        top = matches[0].claim_id if matches else None
        wanted = set()
        if post["claim_ref"] is not None:
            wanted = {str(post["claim_ref"]), *(str(a) for a in post.get("also", []))}
            n_rep += 1
            var_total[post["variation"]] += 1
            if top in wanted:
                hit1 += 1
                by_var[post["variation"]] += 1
                if score >= threshold:
                    hit_thr += 1
            if verbose and (top not in wanted or score < threshold):
                print(f"  miss {post['id']} {post['variation']} score={score} top={top}")
        if score >= threshold:
            flagged += 1
            if top in wanted:
                correct_flagged += 1
            else:
                fp_kinds[post.get("kind") or "wrong-claim"] += 1
                if verbose:
                    print(
                        f"  false positive {post['id']} score={score} top={top}: {post['text'][:70]}"
                    )
    return {
        "register": len(index),
        "posts": len(posts),
        "repeats": n_rep,
        "recall_at_1": round(hit1 / n_rep, 4),
        "recall_at_threshold": round(hit_thr / n_rep, 4),
        "precision_at_threshold": round(correct_flagged / flagged, 4) if flagged else None,
        "flagged": flagged,
        "false_positives": dict(fp_kinds),
        "recall_at_1_by_variation": {
            v: round(by_var[v] / var_total[v], 3) for v in sorted(var_total)
        },
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--posts", type=Path, default=POSTS)
    ap.add_argument("--pad", type=int, default=0, help="pad the register to N claims")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--half", choices=["dev", "test"], help="only odd (dev) or even (test) lines")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    register = load_register(args.data)
    if args.pad > len(register):
        from bench_claims import synthesise

        register += synthesise(register, args.pad - len(register), seed=7)
    lines = args.posts.read_text(encoding="utf-8").splitlines()
    posts = [json.loads(line) for n, line in enumerate(lines) if line.strip()]
    if args.half:
        posts = [p for n, p in enumerate(posts) if (n % 2 == 1) == (args.half == "dev")]
    result = evaluate(register, posts, args.threshold, args.verbose)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

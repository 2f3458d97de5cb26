"""Model-quality benchmark: cross-validated and held-out scores of the detection artifact.

Usage::

    python benchmarks/bench_model_quality.py [--data ../shared/data] [--artifact DIR] [--json]

Prints, for the artifact (default: the shipped one):

- the 5-fold cross-validation table stored in its manifest by `pantau train`;
- held-out precision/recall/F1 at the shipped thresholds — hate speech and abusive on the
  held-out part of Ibrohim 2019, radicalism on the held-out part of Netifier (the same seeded
  split as training, so the model never saw these posts); the full engine is used, watchlist
  included, exactly as `pantau classify` runs;
- the false-positive rate on ``evaluation/criticism.jsonl`` and the recall on
  ``evaluation/obfuscation.jsonl`` per trick (with the recall on the un-obfuscated ``plain`` text).

The data directory is optional: without it only the criticism and obfuscation figures print.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from pantau.core.detection import load_engine  # noqa: E402
from pantau.core.detection.methods import prf  # noqa: E402

LABELS = ("hate_speech", "abusive", "radicalism")


def _prf_flags(results, truth, label):
    import numpy as np

    y = np.array(truth)
    pred = np.array([1 if label in r["flags"] else 0 for r in results])
    return dict(
        zip(("precision", "recall", "f1"), prf(y, pred), strict=True),
        n=len(y),
        positives=int(y.sum()),
    )


def held_out(engine, data: Path) -> dict:
    from pantau.core.detection import datasets

    ib = datasets.load_ibrohim2019(data)
    _, hold = datasets.split_holdout(ib.y)
    res = engine.classify_many([ib.texts[i] for i in hold])
    out = {
        "hate_speech": _prf_flags(res, ib.column("HS")[hold], "hate_speech"),
        "abusive": _prf_flags(res, ib.column("Abusive")[hold], "abusive"),
    }
    net = datasets.load_netifier(data)
    _, nhold = datasets.split_holdout(net.y)
    nres = engine.classify_many([net.texts[i] for i in nhold])
    out["radicalism"] = _prf_flags(nres, net.column("radikalisme")[nhold], "radicalism")
    return out


def criticism(engine, path: Path) -> dict:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    res = engine.classify_many([r["text"] for r in rows])
    flagged = [(r, x) for r, x in zip(rows, res, strict=True) if set(x["flags"]) & set(LABELS)]
    per_label = {lab: sum(1 for x in res if lab in x["flags"]) for lab in LABELS}
    return {
        "posts": len(rows),
        "false_positives": len(flagged),
        "fpr": len(flagged) / len(rows),
        "per_label": per_label,
        "flagged": [
            {"id": r["id"], "kind": r.get("kind"), "flags": x["flags"]} for r, x in flagged
        ],
    }


def obfuscation(engine, path: Path) -> dict:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    res = engine.classify_many([r["text"] for r in rows])
    plain = engine.classify_many([r.get("plain", r["text"]) for r in rows])
    tricks: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    labels: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r, x, p in zip(rows, res, plain, strict=True):
        for lab in LABELS:
            if r.get(lab) == 1:
                for bucket in (tricks[r.get("trick", "?")], labels[lab], tricks["all"]):
                    bucket[0] += 1
                    bucket[1] += lab in x["flags"]
                    bucket[2] += lab in p["flags"]
    fmt = lambda v: {"positives": v[0], "recall": v[1] / v[0], "plain_recall": v[2] / v[0]}  # noqa: E731
    return {
        "by_trick": {k: fmt(v) for k, v in tricks.items()},
        "by_label": {k: fmt(v) for k, v in labels.items()},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--artifact", default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    engine = load_engine(args.artifact)
    report: dict = {"model": engine.model_name, "thresholds": engine.thresholds}
    manifest_cv = None
    try:
        from pantau.core.detection import load_artifact

        manifest_cv = load_artifact(args.artifact).manifest.get("training", {}).get("cv")
    except Exception:  # noqa: BLE001 - the CV table is informative only
        pass
    report["cv"] = manifest_cv
    data = Path(args.data)
    if (data / "ibrohim2019" / "train.csv").exists():
        report["held_out"] = held_out(engine, data)
    for name, fn in (("criticism", criticism), ("obfuscation", obfuscation)):
        path = REPO / "evaluation" / f"{name}.jsonl"
        if path.exists():
            report[name] = fn(engine, path)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"model {report['model']}  thresholds {report['thresholds']}")
    if report["cv"]:
        print(
            "\n5-fold CV on the development part (F1 at the out-of-fold-optimal threshold / at 0.5):"
        )
        for label, rows in report["cv"].items():
            for method, m in rows.items():
                print(
                    f"  {label:12s} {method:13s} F1 {m['f1@best']:.3f} / {m['f1@0.5']:.3f}  P@0.5 {m['precision@0.5']:.3f} R@0.5 {m['recall@0.5']:.3f}"
                )
    if "held_out" in report:
        print("\nheld-out at the shipped thresholds:")
        for label, m in report["held_out"].items():
            print(
                f"  {label:12s} n={m['n']:5d} pos={m['positives']:4d}  P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
            )
    if "criticism" in report:
        c = report["criticism"]
        print(
            f"\ncriticism set: {c['false_positives']}/{c['posts']} flagged = FPR {c['fpr']:.1%}  {c['per_label']}"
        )
        for f in c["flagged"]:
            print(f"   {f['id']} ({f['kind']}): {f['flags']}")
    if "obfuscation" in report:
        print("\nobfuscation set recall (obfuscated / plain):")
        for k, v in {
            **report["obfuscation"]["by_label"],
            **report["obfuscation"]["by_trick"],
        }.items():
            print(f"  {k:12s} {v['recall']:.3f} / {v['plain_recall']:.3f}  (n={v['positives']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

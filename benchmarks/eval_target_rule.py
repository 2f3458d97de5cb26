"""The hate-speech target rule measured with it off and on (issue 16 item 1; model card §5).

Usage::

    python benchmarks/eval_target_rule.py [--data ../shared/data]

For each setting of ``Engine.require_target`` prints, at the shipped thresholds with the shipped
watchlist: hate-speech and abusive precision/recall/F1 on the held-out Ibrohim 2019 tweets (the
training split's seeded hold-out); hate-speech flags on everyday text (SmSA positive and neutral
rows, which the model never saw); the hate-speech precision of Ibrohim held-out and everyday text
pooled; hate-speech precision/recall/F1 on the haipradana 2024 group-hate tweets; flags on
``evaluation/criticism.jsonl``; and the target accuracy on flagged held-out hate speech (``group``
or ``state`` against the annotators' HS_Group). The data is read where it lies, never copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import numpy as np  # noqa: E402

from pantau.core.detection import datasets, load_engine  # noqa: E402
from pantau.core.detection.methods import prf  # noqa: E402


def _flags(results, label: str) -> np.ndarray:
    return np.array([1 if label in r["flags"] else 0 for r in results])


def _prf(y, p) -> list[float]:
    return [round(float(x), 3) for x in prf(np.asarray(y), p)]


def measure(engine, data: Path) -> dict:
    ib = datasets.load_ibrohim2019(data)
    _, hold = datasets.split_holdout(ib.y)
    y_hs, y_ab = np.asarray(ib.column("HS")[hold]), np.asarray(ib.column("Abusive")[hold])
    y_group = np.asarray(ib.column("HS_Group")[hold])
    res = engine.classify_many([ib.texts[i] for i in hold])
    p_hs = _flags(res, "hate_speech")
    with open(data / "smsa" / "train.csv", encoding="utf-8") as f:
        everyday = [
            r["text"] for r in csv.DictReader(f) if r["sentiment"] in ("positive", "neutral")
        ]
    ev = engine.classify_many(everyday)
    ev_hs = int(_flags(ev, "hate_speech").sum())
    with open(data / "haipradana2024" / "train.csv", encoding="utf-8") as f:
        hai = list(csv.DictReader(f))
    hai_res = engine.classify_many([r["text"] for r in hai])
    y_hai = [1 if r["label"] == "hate" else 0 for r in hai]
    with open(REPO / "evaluation" / "criticism.jsonl", encoding="utf-8") as f:
        crit = engine.classify_many([json.loads(line)["text"] for line in f if line.strip()])
    flagged = [(r, g) for r, h, g in zip(res, y_hs, y_group, strict=True) if h and r["hate_speech"]]
    target_ok = sum(
        (r["hate_speech"]["target"] in ("group", "state")) == bool(g) for r, g in flagged
    )
    return {
        "ibrohim_hate_speech_prf": _prf(y_hs, p_hs),
        "ibrohim_abusive_prf": _prf(y_ab, _flags(res, "abusive")),
        "everyday_posts": len(everyday),
        "everyday_hate_speech_flags": ev_hs,
        "everyday_abusive_flags": int(_flags(ev, "abusive").sum()),
        "pooled_hate_speech_precision": round(
            int((p_hs & y_hs).sum()) / max(1, int(p_hs.sum()) + ev_hs), 3
        ),
        "haipradana_hate_speech_prf": _prf(y_hai, _flags(hai_res, "hate_speech")),
        "criticism_hate_speech_flags": int(_flags(crit, "hate_speech").sum()),
        "target_accuracy": round(target_ok / max(1, len(flagged)), 3),
        "targets_state": sum(r["hate_speech"]["target"] == "state" for r, _ in flagged),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    args = ap.parse_args()
    engine = load_engine()
    for rule in (False, True):
        engine.require_target = rule
        print(json.dumps({"require_target": rule, **measure(engine, Path(args.data))}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

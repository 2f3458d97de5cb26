"""Load the training corpora from a data directory laid out like ``../shared/data``.

Expected files (see the data README; nothing here is copied into the repository):

- ``ibrohim2019/train.csv`` — tweets with ``HS``, ``Abusive`` and the hate-speech sub-labels;
- ``ibrohim2019/new_kamusalay.csv``, ``lexicons/colloquial-indonesian-lexicon.csv`` — slang
  dictionaries; ``ibrohim2019/abusive.csv`` — abusive word list;
- ``ibrohim2018_abusive/train.csv`` — extra abusive-language tweets (labels 2 and 3 = abusive);
- ``netifier2018/train.csv`` — posts with the ``radikalisme`` label.

`split_holdout` makes the fixed, seeded held-out split used for the reported scores: the
shipped model is trained only on the development part, so held-out figures describe it exactly.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pantau.core.text.training import decode_dataset_text, read_slang_csv, read_word_list

IBROHIM_LABELS = (
    "HS", "Abusive", "HS_Individual", "HS_Group", "HS_Religion", "HS_Race", "HS_Physical",
    "HS_Gender", "HS_Other", "HS_Weak", "HS_Moderate", "HS_Strong",
)  # fmt: skip
HOLDOUT_FRACTION = 0.15
SEED = 20261124


@dataclass
class Corpus:
    """Texts with a 0/1 label matrix (columns named in `labels`)."""

    texts: list[str]
    y: np.ndarray
    labels: tuple[str, ...]

    def column(self, name: str) -> np.ndarray:
        return self.y[:, self.labels.index(name)]

    def subset(self, idx: np.ndarray) -> Corpus:
        return Corpus([self.texts[i] for i in idx], self.y[idx], self.labels)


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise FileNotFoundError(f"missing training file {path}")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return list(csv.DictReader(text.splitlines(keepends=True)))


def load_ibrohim2019(data: Path) -> Corpus:
    rows = _read_csv(data / "ibrohim2019" / "train.csv")
    texts = [decode_dataset_text(r["Tweet"].strip().strip("'\"")) for r in rows]
    y = np.array([[int(r[k]) for k in IBROHIM_LABELS] for r in rows], dtype=np.int8)
    return Corpus(texts, y, IBROHIM_LABELS)


def load_ibrohim2018(data: Path) -> Corpus:
    rows = _read_csv(data / "ibrohim2018_abusive" / "train.csv")
    texts = [decode_dataset_text(r["Tweet"].strip().strip("'\"")) for r in rows]
    y = np.array([[1 if r["Label"].strip() in {"2", "3"} else 0] for r in rows], dtype=np.int8)
    return Corpus(texts, y, ("Abusive",))


def load_netifier(data: Path) -> Corpus:
    rows = _read_csv(data / "netifier2018" / "train.csv")
    texts = [decode_dataset_text(r["original_text"]) for r in rows]
    y = np.array([[int(r["radikalisme"])] for r in rows], dtype=np.int8)
    return Corpus(texts, y, ("radikalisme",))


def load_dictionaries(data: Path) -> dict[str, object]:
    """Slang dictionary (colloquial lexicon first, then kamus alay) and abusive words."""
    slang: dict[str, str] = {}
    colloquial = data / "lexicons" / "colloquial-indonesian-lexicon.csv"
    alay = data / "ibrohim2019" / "new_kamusalay.csv"
    if alay.exists():
        slang.update(read_slang_csv(alay))
    if colloquial.exists():
        slang.update(read_slang_csv(colloquial))
    abusive_path = data / "ibrohim2019" / "abusive.csv"
    abusive = (
        [w for w in read_word_list(abusive_path) if " " not in w] if abusive_path.exists() else []
    )
    return {"slang": slang, "abusive": sorted(set(abusive))}


def split_holdout(y: np.ndarray, fraction: float = HOLDOUT_FRACTION, seed: int = SEED):
    """Stratified (on the label combination) split into development and held-out indices."""
    rng = np.random.default_rng(seed)
    keys = np.array(["".join(map(str, row)) for row in y[:, : min(2, y.shape[1])]])
    dev, hold = [], []
    for key in sorted(set(keys)):
        idx = np.flatnonzero(keys == key)
        rng.shuffle(idx)
        k = int(round(len(idx) * fraction))
        hold.extend(idx[:k])
        dev.extend(idx[k:])
    return np.array(sorted(dev)), np.array(sorted(hold))


def text_key(text: str) -> str:
    """A loose duplicate key: lower-case alphanumerics only."""
    core = "".join(c for c in text.lower() if c.isalnum())
    return hashlib.sha1(core.encode("utf-8")).hexdigest()

"""Read the conventions of the training data sets and their slang dictionaries.

The Ibrohim tweets carry emoji as literal ``\\xNN`` byte escapes and line breaks as literal
``\\n``; `decode_dataset_text` turns them back into real characters so training sees what the
engine will see at run time. `read_slang_csv` and `read_word_list` load the dictionaries
(``slang,formal`` CSV files and one-word-per-line lists) that `pantau train` stores in the model
artifact.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

_BYTE_ESCAPES_RE = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")
_HTML_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


def _decode_bytes(match: re.Match[str]) -> str:
    raw = bytes(int(h, 16) for h in match.group().split("\\x")[1:])
    return " " + raw.decode("utf-8", errors="ignore") + " "


def decode_dataset_text(text: str) -> str:
    """Undo the escaping of the training CSVs (byte escapes, literal ``\\n``, HTML entities)."""
    if "\\x" in text:
        text = _BYTE_ESCAPES_RE.sub(_decode_bytes, text)
    if "\\n" in text:
        text = text.replace("\\n", "\n")
    if "&" in text:
        for entity, char in _HTML_ENTITIES.items():
            text = text.replace(entity, char)
    return text


def read_slang_csv(path: Path, key: str = "slang", value: str = "formal") -> dict[str, str]:
    """Read a ``slang,formal`` CSV into a dict; bad rows and identity mappings are skipped."""
    out: dict[str, str] = {}
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        content = raw.decode("latin-1")
    for row in csv.DictReader(content.splitlines()):
        slang = (row.get(key) or "").strip().lower()
        formal = " ".join((row.get(value) or "").strip().lower().split())
        if not slang or not formal or slang == formal or " " in slang:
            continue
        if not all(part.isalpha() for part in formal.split()):
            continue
        out.setdefault(slang, formal)
    return out


def read_word_list(path: Path) -> list[str]:
    """Read one word per line, skipping a header line in capitals and blank lines."""
    words = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.strip().lower()
        if word and not line.strip().isupper():
            words.append(word)
    return words

"""How an abusive word is used: at oneself or as an exclamation, rather than at someone.

"Bodoh banget saya, kunci motor ketinggalan" and "Mampus, map SPJ ketinggalan di rumah" use
abusive words, and the training data labels such tweets abusive, so the model flags them. But
they insult no one. `abuse_context` recognises the two common forms so the scan can put such
findings at the back of the review queue and tell the reviewer why; it never removes a flag.

A post counts only when *every* abusive word in it is used that way, and nothing in it points at
another person or a group: no second- or third-person pronoun, no @-mention, no word naming a
group.

- ``"self"``: an abusive word with a first-person pronoun at most three words away, in the same
  clause (no comma or sentence end between them: "Si Budi goblok, aku malu" is not about oneself);
  a pronoun before the word must open its clause ("aku memang bodoh"), since after a noun it
  only says whose ("Kabid saya ini bodoh" insults the Kabid);
- ``"exclamation"``: an abusive word opening the post or a sentence, followed at once by a
  comma or an exclamation mark, and then by more words ("Mampus, ...", "Anjir! ..."). An
  expletive that closes a post ("..., saya datangi. B*ngs*t!") ends a rant at someone and does
  not count.
"""

from __future__ import annotations

from collections.abc import Collection

from pantau.core.text.normalizer import NormalizedText

SELF = "self"
EXCLAMATION = "exclamation"
FIRST_PERSON = frozenset({"saya", "aku", "ku", "gue", "gua", "gw", "ane", "awak", "daku"})
OTHER_PERSON = frozenset(
    {"kamu", "kau", "anda", "kalian", "engkau", "dikau", "situ", "ente", "lu", "lo", "elu", "user"}
    | {"dia", "ia", "beliau", "mereka", "doi"}
)  # second and third person; "user" is what @-mentions normalise to
_SENTENCE_END = ".!?\n:|…"
_CLAUSE_BREAK = frozenset(",;" + _SENTENCE_END)
_WINDOW = 3


def _opens_clause(norm: NormalizedText, j: int) -> bool:
    """True when token ``j`` is the first of its clause: "saya" in "Duh, saya bodoh" but not in
    "Kabid saya ini bodoh", where it says whose Kabid."""
    return j == 0 or not _same_clause(norm, j - 1, j)


def _same_clause(norm: NormalizedText, i: int, j: int) -> bool:
    """True when no comma or sentence end separates tokens ``i`` and ``j`` in the original."""
    (a, b), (c, d) = sorted((norm.spans[i], norm.spans[j]))
    return _CLAUSE_BREAK.isdisjoint(norm.original[b:c])


def abuse_context(
    norm: NormalizedText, abusive: Collection[str], groups: Collection[str] = ()
) -> str | None:
    """``"self"``, ``"exclamation"`` or None (aimed at someone, or no abusive word at all)."""
    tokens = norm.tokens
    if not OTHER_PERSON.isdisjoint(tokens) or any(t in groups for t in tokens):
        return None
    text = norm.original
    kinds = set()
    for i, token in enumerate(tokens):
        if token not in abusive:
            continue
        start, end = norm.spans[i]
        if any(
            tokens[j] in FIRST_PERSON
            and _same_clause(norm, i, j)
            and (j > i or _opens_clause(norm, j))
            for j in range(max(0, i - _WINDOW), min(len(tokens), i + _WINDOW + 1))
        ):
            kinds.add(SELF)
            continue
        before = text[:start].rstrip()
        after = text[end:].lstrip()[:1]
        goes_on = any(t.isalpha() for t in tokens[i + 1 :])
        if (not before or before[-1] in _SENTENCE_END) and after in {",", "!"} and goes_on:
            kinds.add(EXCLAMATION)
            continue
        return None  # this abusive word may be aimed at someone
    if not kinds:
        return None
    return SELF if SELF in kinds else EXCLAMATION

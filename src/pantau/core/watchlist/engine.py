"""Watchlist matching: terms, phrases, hashtags, organisation names and regular expressions.

Entries are dicts as in ``default_watchlist.json`` (or rows an admin edits in the database)::

    {"id": "org-x", "kind": "term|phrase|hashtag|organisation|regex", "pattern": "...",
     "category": "radicalism", "weight": 0.8, "reason_id": "...", "reason_en": "..."}

Non-regex patterns are normalised with the same `Normalizer` as the posts and matched on whole
tokens of the surface view of the normalised text (obfuscation undone, no slang expansion) with one Aho–Corasick automaton, so leetspeak, split letters,
repeated letters and hashtags do not evade them; multi-word patterns also match written
together (``hizbuttahrir``). Regular expressions run on the surface text, then (if
they found nothing there) on the original. Every hit carries its span in the original text.

Regular expressions must not make scanning exponentially slow (`compile_pattern`): a pattern
RE2 accepts runs on RE2, whose matching time is linear in the text; a pattern only Python's
engine accepts (look-behind, look-ahead: the shipped list uses them) is refused if it repeats,
without bound, something that itself repeats or alternates, as ``(a+)+`` or ``(a|aa)*`` do.

A hit shortly after a counter-speech cue (``tolak``, ``bubarkan``, ``waspada``, ``vonis``…), or
near a word that labels the idea as wrong (``menyesatkan``, ``propaganda``, ``radikal``…), is
damped by `COUNTER_DAMPING`: naming a banned group to reject it, or to report on a court case,
is not promoting it. Category scores combine hits by noisy-or over distinct entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import ahocorasick
import re2

try:  # Python 3.11+: the regex parser lives in re._parser
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

from pantau.core.text.normalizer import NormalizedText, Normalizer

KINDS = frozenset({"term", "phrase", "hashtag", "organisation", "regex"})
CATEGORIES = frozenset({"radicalism", "hate_speech", "abusive"})
COUNTER_WINDOW = 3
COUNTER_DAMPING = 0.25
COUNTER_CUES = frozenset(
    """tolak menolak ditolak penolakan lawan melawan perangi memerangi waspada waspadai
    kewaspadaan bubarkan dibubarkan pembubaran bubar larang dilarang melarang terlarang
    larangan cegah mencegah pencegahan berantas memberantas pemberantasan tangkap ditangkap
    penangkapan vonis divonis sidang terdakwa tersangka dakwaan dihukum hukuman penjara
    dipenjara mantan eks deradikalisasi kontra menentang tentang kecam mengecam kutuk mengutuk
    densus bnpt polri polisi aparat bahaya bahayanya ancaman antisipasi sosialisasi seminar
    edukasi literasi anti bukan""".split()
)


# Near a hate-speech hit, words that show the post reports on or rejects such speech.
HATE_REPORT_CUES = frozenset(
    """ditangkap menangkap penangkapan tersangka terdakwa divonis vonis dilaporkan melaporkan
    dipolisikan diproses sidang dakwaan didakwa pelaku kecam mengecam kutuk mengutuk menolak
    tolak ujaran menyebut diduga penjara dihukum""".split()
)


# Words that, anywhere near a hit, show the post is warning about or rejecting the idea.
COUNTER_CONTEXT_WINDOW = 10
COUNTER_CONTEXT = frozenset(
    """menyesatkan sesat rekrutmen propaganda bertentangan waspada waspadai mewaspadai bahaya
    berbahaya terlarang dilarang dibubarkan radikal radikalisme ekstremis ekstremisme terorisme
    teroris deradikalisasi intoleran intoleransi hoaks provokasi""".split()
)


class WatchlistError(ValueError):
    """An entry is malformed (unknown kind or category, bad weight, bad regex)."""


class UnsafePatternError(WatchlistError):
    """A regular expression whose matching time could grow exponentially with the text."""


_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.case_sensitive = False
_RE2_OPTIONS.log_errors = False
_RE2_OPTIONS.max_mem = 64 << 20


def compile_pattern(pattern: str):
    """Compile a watchlist regex (case-insensitive) so that no text makes it slow.

    RE2 first (linear time); if RE2 cannot express it, Python's engine, unless the pattern has
    a nested unbounded repeat (:class:`UnsafePatternError`). Invalid patterns raise ``re.error``.
    """
    try:
        return re2.compile(pattern, _RE2_OPTIONS)
    except re2.error:
        pass
    compiled = re.compile(pattern, re.IGNORECASE)
    problem = _nested_repeat(list(_sre_parse.parse(pattern, re.IGNORECASE)))
    if problem:
        raise UnsafePatternError(
            f"regular expression {pattern!r} repeats {problem} inside an unbounded repeat: "
            "matching could take exponential time; rewrite it without the nested repeat"
        )
    return compiled


_REPEATS = {
    op
    for op in (
        _sre_constants.MAX_REPEAT,
        _sre_constants.MIN_REPEAT,
        getattr(_sre_constants, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
}


def _children(op, av) -> list[list]:
    c = _sre_constants
    if op is c.SUBPATTERN:
        return [list(av[3])]
    if op in _REPEATS:
        return [list(av[2])]
    if op is c.BRANCH:
        return [list(branch) for branch in av[1]]
    if op in (c.ASSERT, c.ASSERT_NOT):
        return [list(av[1])]
    if op is getattr(c, "ATOMIC_GROUP", None):
        return [list(av)]
    if op is c.GROUPREF_EXISTS:
        return [list(branch) for branch in av[1:] if branch is not None]
    return []


def _repeats_or_alternates(seq) -> str | None:
    """'a repeat' or 'an alternation' when `seq` can match in more than one way by itself."""
    for op, av in seq:
        if op in _REPEATS and av[1] > 1:
            return "a repeat"
        if op is _sre_constants.BRANCH:
            return "an alternation"
        for child in _children(op, av):
            found = _repeats_or_alternates(child)
            if found:
                return found
    return None


def _nested_repeat(seq) -> str | None:
    for op, av in seq:
        if op in _REPEATS and av[1] == _sre_constants.MAXREPEAT:
            inner = _repeats_or_alternates(list(av[2]))
            if inner:
                return inner
        for child in _children(op, av):
            found = _nested_repeat(child)
            if found:
                return found
    return None


@dataclass(frozen=True)
class Hit:
    """One watchlist match, with its span in the original text."""

    entry_id: str
    category: str
    weight: float
    start: int
    end: int
    text: str
    reason_id: str
    reason_en: str
    damped: bool


def _validate(entry: Mapping[str, Any]) -> dict[str, Any]:
    e = dict(entry)
    for key in ("id", "kind", "pattern", "category"):
        if not isinstance(e.get(key), str) or not e[key].strip():
            raise WatchlistError(f"watchlist entry {e.get('id')!r}: missing {key}")
    if e["kind"] not in KINDS:
        raise WatchlistError(f"watchlist entry {e['id']!r}: unknown kind {e['kind']!r}")
    if e["category"] not in CATEGORIES:
        raise WatchlistError(f"watchlist entry {e['id']!r}: unknown category {e['category']!r}")
    try:
        e["weight"] = float(e.get("weight", 0.5))
    except (TypeError, ValueError) as exc:
        raise WatchlistError(f"watchlist entry {e['id']!r}: weight is not a number") from exc
    if not 0.0 <= e["weight"] <= 1.0:
        raise WatchlistError(f"watchlist entry {e['id']!r}: weight must be between 0 and 1")
    e.setdefault("reason_id", "")
    e.setdefault("reason_en", "")
    return e


class Watchlist:
    """A compiled watchlist; build once per version of the entries, reuse for every post."""

    def __init__(
        self, entries: Iterable[Mapping[str, Any]], normalizer: Normalizer, version: str = ""
    ) -> None:
        self.version = version
        self.normalizer = normalizer
        self.entries = [_validate(e) for e in entries if e.get("active", True)]
        self._automaton = ahocorasick.Automaton()
        self._regexes: list[tuple[Any, dict[str, Any]]] = []  # RE2 or re patterns
        self._always: list[int] = []  # regexes without literal words: run on every post
        self._triggers = ahocorasick.Automaton()  # case-insensitive literals, lower case
        self._triggers_cs = ahocorasick.Automaton()  # case-sensitive literals, as written
        trigger_maps: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        keys: dict[str, list[dict[str, Any]]] = {}
        for e in self.entries:
            if e["kind"] == "regex":
                try:
                    self._regexes.append((compile_pattern(e["pattern"]), e))
                except re.error as exc:
                    raise WatchlistError(f"watchlist entry {e['id']!r}: bad regex: {exc}") from exc
                except UnsafePatternError as exc:
                    raise UnsafePatternError(f"watchlist entry {e['id']!r}: {exc}") from None
                literals = regex_literals(e["pattern"])
                if not literals:
                    self._always.append(len(self._regexes) - 1)
                for word, case_sensitive in literals:
                    trigger_maps[case_sensitive].setdefault(word, []).append(len(self._regexes) - 1)
                continue
            pattern = e["pattern"].lstrip("#") if e["kind"] == "hashtag" else e["pattern"]
            tokens = normalizer.normalize(pattern).surface().tokens
            if e["kind"] == "hashtag" and len(tokens) == 1:
                tokens = normalizer.normalize("#" + pattern).surface().tokens
            variants = {" ".join(tokens)}
            if len(tokens) > 1:
                variants.add("".join(tokens))
            for v in variants:
                if v:
                    keys.setdefault(f" {v} ", []).append(e)
        for key, items in keys.items():
            self._automaton.add_word(key, (len(key), items))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()
        for automaton, mapping in zip(
            (self._triggers, self._triggers_cs), trigger_maps, strict=True
        ):
            for word, idx in mapping.items():
                automaton.add_word(word, idx)
            if mapping:
                automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.entries)

    def match(self, norm: NormalizedText) -> list[Hit]:
        """All hits in one normalised post, in text order, one per entry and span.

        Matching runs on the post's surface view (de-obfuscated, no slang expansion), so that
        ``hti`` is not confused with the slang spelling of ``hati``.
        """
        norm = norm.surface()
        hits: list[Hit] = []
        seen: set[tuple[str, int, int]] = set()
        tokens = norm.tokens
        text = norm.text
        if not self._empty and tokens:
            padded = " " + text + " "
            starts = norm.token_starts()
            for end_idx, (length, items) in self._automaton.iter(padded):
                nstart = end_idx - length + 1  # +1 past the leading space, -1 for the padding
                nend = end_idx - 1
                i, j = norm.token_range(nstart, nend)
                if starts[i] != nstart:
                    continue
                for e in items:
                    self._add(hits, seen, e, norm, *norm.tokens_to_original(i, j), i)
        for k in self._candidate_regexes(text, norm.original):
            rx, e = self._regexes[k]
            found = False
            for m in rx.finditer(text):
                if m.end() > m.start():
                    i, _ = norm.token_range(m.start(), m.end())
                    self._add(hits, seen, e, norm, *norm.to_original(m.start(), m.end()), i)
                    found = True
            if not found:
                for m in rx.finditer(norm.original):
                    if m.end() > m.start():
                        self._add(hits, seen, e, norm, m.start(), m.end(), None)
        hits.sort(key=lambda h: (h.start, h.end, h.entry_id))
        return hits

    def _candidate_regexes(self, text: str, original: str) -> list[int]:
        """Regexes whose literal words occur in the post (the others cannot match)."""
        if not self._regexes:
            return []
        found = set(self._always)
        if len(self._triggers):
            for source in (text, original.lower()):
                for _, idx in self._triggers.iter(source):
                    found.update(idx)
        if len(self._triggers_cs):
            for source in (text, original):
                for _, idx in self._triggers_cs.iter(source):
                    found.update(idx)
        return sorted(found)

    def _add(self, hits, seen, e, norm: NormalizedText, start: int, end: int, token_i) -> None:
        key = (e["id"], start, end)
        if key in seen:
            return
        seen.add(key)
        damped = token_i is not None and _counter_context(norm.tokens, token_i, e["category"])
        weight = e["weight"] * (COUNTER_DAMPING if damped else 1.0)
        hits.append(
            Hit(e["id"], e["category"], weight, start, end, norm.original[start:end],
                e["reason_id"], e["reason_en"], damped)
        )  # fmt: skip

    @staticmethod
    def scores(hits: Iterable[Hit]) -> dict[str, float]:
        """Noisy-or of the strongest hit of each distinct entry, per category."""
        best: dict[tuple[str, str], float] = {}
        for h in hits:
            key = (h.category, h.entry_id)
            best[key] = max(best.get(key, 0.0), h.weight)
        out: dict[str, float] = {}
        for (category, _), w in best.items():
            out[category] = 1.0 - (1.0 - out.get(category, 0.0)) * (1.0 - w)
        return out


def regex_literals(pattern: str) -> set[tuple[str, bool]]:
    """(string, case-sensitive) pairs of which every match of `pattern` contains one.

    Computed from the parsed pattern (compiled case-insensitively, as the watchlist does): a run
    of literal characters (zero-width assertions do not interrupt it), a group, an alternation
    whose every branch has such a set, or a repeat taken at least once. Case-insensitive strings
    are lower case and at least 3 characters; inside ``(?-i:...)`` a string keeps its case and
    may be a single capital letter. Used as a sound prefilter: a regex only runs on posts that
    contain one of its strings. An empty set means no guarantee: the regex runs on every post.
    """
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, RecursionError, TypeError):
        return set()
    return _required(list(parsed), True) or set()


def _useful(run: str, ignorecase: bool) -> bool:
    return len(run) >= 3 or (not ignorecase and any(ch.isupper() for ch in run))


def _required(seq, ignorecase: bool, prefix: str = "") -> set[tuple[str, bool]] | None:
    """Required strings of a parsed sequence; `prefix` is literal text matched just before it."""
    c = _sre_constants
    candidates: list[set[tuple[str, bool]]] = []
    run = prefix

    def flush(text: str) -> None:
        if text and _useful(text, ignorecase):
            candidates.append({(text.lower() if ignorecase else text, not ignorecase)})

    for op, av in seq:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the matched text stays contiguous
        sub = None
        if op is c.SUBPATTERN:
            _, add, remove, body = av
            ic = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            sub = _required(list(body), ic, run if ic == ignorecase else "")
        elif op is getattr(c, "ATOMIC_GROUP", None):
            sub = _required(list(av), ignorecase, run)
        elif op is c.BRANCH:
            parts = [_required(list(branch), ignorecase, run) for branch in av[1]]
            sub = set().union(*parts) if parts and all(parts) else None
        elif (
            op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1
        ):
            sub = _required(list(av[2]), ignorecase, run)
        flush(run)
        run = ""
        if sub:
            candidates.append(sub)
    flush(run)
    if not candidates:
        return None
    return max(candidates, key=lambda cand: (min(len(x) for x, _ in cand), -len(cand)))


def _counter_context(tokens: list[str], i: int, category: str = "radicalism") -> bool:
    if category == "hate_speech":
        # The hostile words are the hit itself; only reporting or rejecting the speech damps it.
        near = tokens[max(0, i - COUNTER_CONTEXT_WINDOW) : i + COUNTER_CONTEXT_WINDOW + 1]
        return any(t in HATE_REPORT_CUES for t in near)
    lo = max(0, i - COUNTER_WINDOW)
    if any(t in COUNTER_CUES for t in tokens[lo:i]):
        return True
    near = tokens[max(0, i - COUNTER_CONTEXT_WINDOW) : i + COUNTER_CONTEXT_WINDOW + 1]
    return any(t in COUNTER_CONTEXT for t in near)

"""Watchlist engine: matches through obfuscation, offsets into the original, damping, validation."""

from __future__ import annotations

import re

import pytest

from pantau.core.text import Normalizer
from pantau.core.watchlist import Watchlist, WatchlistError, load_default_entries

ENTRIES = [
    {"id": "org-x", "kind": "organisation", "pattern": "HTI", "category": "radicalism",
     "weight": 0.4, "reason_id": "Organisasi terlarang", "reason_en": "Banned organisation"},
    {"id": "ph-k", "kind": "phrase", "pattern": "tegakkan khilafah", "category": "radicalism",
     "weight": 0.7, "reason_id": "Ajakan", "reason_en": "Call"},
    {"id": "tag-k", "kind": "hashtag", "pattern": "#KhilafahSolusi", "category": "radicalism",
     "weight": 0.5, "reason_id": "Tagar", "reason_en": "Hashtag"},
    {"id": "re-bunuh", "kind": "regex", "pattern": r"\bbunuh\s+(?:para\s+)?polisi\b",
     "category": "radicalism", "weight": 0.9, "reason_id": "Kekerasan", "reason_en": "Violence"},
    {"id": "hs-x", "kind": "term", "pattern": "aseng", "category": "hate_speech", "weight": 0.3},
]  # fmt: skip


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    # "hti" is also slang for "hati" (heart): the watchlist must not confuse them
    return Normalizer(slang={"hti": "hati", "gak": "tidak"})


@pytest.fixture(scope="module")
def wl(norm: Normalizer) -> Watchlist:
    return Watchlist(ENTRIES, norm, version="test.1")


def hits(wl: Watchlist, norm: Normalizer, text: str):
    return wl.match(norm.normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "Gabung HTI sekarang",
        "gabung H.T.I sekarang",
        "gabung h-t-i sekarang",
        "gabung #HTI sekarang",
    ],
)
def test_organisation_through_obfuscation(wl, norm, text) -> None:
    found = hits(wl, norm, text)
    assert [h.entry_id for h in found] == ["org-x"]
    h = found[0]
    assert text[h.start : h.end].replace(".", "").replace("-", "").lstrip("#").lower() == "hti"
    assert h.text == text[h.start : h.end]


@pytest.mark.parametrize(
    "text",
    [
        "Saatnya tegakkan khilafah!",
        "saatnya t3gakkan kh1l4f4h",
        "saatnya tegakkaaan khilafaaah",
        "saatnya tegakkan k h i l a f a h",
        "saatnya tgkkn khlfh",
        "Saatnya #TegakkanKhilafah",
    ],
)
def test_phrase_evasion(wl, norm, text) -> None:
    ids = [h.entry_id for h in hits(wl, norm, text)]
    assert "ph-k" in ids


def test_hashtag_camel_and_lower(wl, norm) -> None:
    assert [h.entry_id for h in hits(wl, norm, "ayo #KhilafahSolusi")] == ["tag-k"]
    assert [h.entry_id for h in hits(wl, norm, "ayo #khilafahsolusi")] == ["tag-k"]
    assert [h.entry_id for h in hits(wl, norm, "khilafah solusi kita")] == ["tag-k"]


def test_regex_on_normalised_text_with_original_offsets(wl, norm) -> None:
    text = "ayo bunuuuh p0lisi itu"
    found = hits(wl, norm, text)
    assert [h.entry_id for h in found] == ["re-bunuh"]
    assert text[found[0].start : found[0].end] == "bunuuuh p0lisi"


def test_no_false_match_on_slang_or_substrings(wl, norm) -> None:
    assert hits(wl, norm, "hati-hati di jalan, gak usah ngebut") == []
    assert hits(wl, norm, "khilafahnya dibahas di seminar sejarah") == []
    assert hits(wl, norm, "") == []


def test_counter_speech_is_damped(wl, norm) -> None:
    plain = hits(wl, norm, "dukung HTI")[0]
    damped = hits(wl, norm, "tolak HTI")[0]
    assert not plain.damped and damped.damped
    assert damped.weight < plain.weight


def test_scores_noisy_or(wl, norm) -> None:
    found = hits(wl, norm, "HTI: tegakkan khilafah, usir aseng")
    scores = Watchlist.scores(found)
    assert scores["radicalism"] == pytest.approx(1 - (1 - 0.4) * (1 - 0.7))
    assert scores["hate_speech"] == pytest.approx(0.3)


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "a", "kind": "wildcard", "pattern": "x", "category": "radicalism"},
        {"id": "a", "kind": "term", "pattern": "x", "category": "spam"},
        {"id": "a", "kind": "term", "pattern": "x", "category": "radicalism", "weight": 3},
        {"id": "a", "kind": "regex", "pattern": "(", "category": "radicalism"},
        {"id": "a", "kind": "term", "pattern": "", "category": "radicalism"},
    ],
)
def test_invalid_entries_rejected(norm, bad) -> None:
    with pytest.raises(WatchlistError):
        Watchlist([bad], norm)


def test_inactive_entries_skipped(norm) -> None:
    wl = Watchlist([{**ENTRIES[0], "active": False}], norm)
    assert len(wl) == 0
    assert wl.match(norm.normalize("HTI")) == []


def test_default_watchlist_loads(norm) -> None:
    version, entries = load_default_entries()
    if not entries:
        pytest.skip("default watchlist not present")
    wl = Watchlist(entries, norm, version=version)
    assert len(wl) == len([e for e in entries if e.get("active", True)])


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bbunuh\s+(?:para\s+)?polisi\b", "ayo bunuh para polisi"),
        (r"(?-i:H(?<!\w.)[\W_]?T[\W_]?I\b)", "gabung H.T.I"),
        (r"(?-i:p(?<!\w.)ki\b|p(?<!\w.)artai\s+komunis)", "partai komunis"),
        (r"\b(?:dukung|bela)\s+(?:isis|daesh)\b", "Bela DAESH"),
        (r"\d{3}-\d{3}", "kode 123-456"),  # no letters: always run
        (r"(?:\d+|foo)bar", "12bar"),
    ],
)
def test_regex_prefilter_never_hides_a_match(norm, pattern, text) -> None:
    entry = {
        "id": "r",
        "kind": "regex",
        "pattern": pattern,
        "category": "radicalism",
        "weight": 0.5,
    }
    wl = Watchlist([entry], norm)
    assert [h.entry_id for h in wl.match(norm.normalize(text))] == ["r"]


def test_prefilter_agrees_with_running_every_regex(norm) -> None:
    version, entries = load_default_entries()
    if not entries:
        pytest.skip("default watchlist not present")
    wl = Watchlist(entries, norm, version=version)
    texts = [e["pattern"] for e in entries if e["kind"] != "regex"] + [
        "Ayo dukung ISIS dan bela daulah, bunuh polisi thogut!",
        "Pancasila thogut, ganti dengan khilafah. Baiat kepada amir.",
        "HTI dan FPI sudah dibubarkan, jangan ikut kajian mereka.",
        "Selamat pagi warga, jalan rusak lagi di depan kantor kelurahan.",
    ]
    everything = list(range(len(wl._regexes)))
    for text in texts:
        n = norm.normalize(text)
        filtered = wl.match(n)
        wl._candidate_regexes = lambda *_: everything  # type: ignore[method-assign]
        try:
            assert wl.match(n) == filtered, text
        finally:
            del wl._candidate_regexes


# --- patterns that would make scanning slow -------------------------------------------------


def test_a_catastrophic_pattern_runs_in_linear_time_on_re2():
    import time

    from pantau.core.watchlist.engine import compile_pattern

    rx = compile_pattern("(a+)+$")
    started = time.perf_counter()
    assert list(rx.finditer("a" * 100_000 + "b")) == []
    assert time.perf_counter() - started < 0.5
    assert [m.span() for m in compile_pattern("(a+)+$").finditer("xx aaa")] == [(3, 6)]


def test_a_catastrophic_pattern_that_re2_cannot_run_is_refused_with_its_text():
    from pantau.core.watchlist.engine import UnsafePatternError, compile_pattern

    for pattern in [r"(?<=x)(a+)+$", r"(?<!y)(a|aa)*b", r"(?<=#)(?:\w+\s?)*!"]:
        with pytest.raises(UnsafePatternError, match=re.escape(repr(pattern))):
            compile_pattern(pattern)
    compile_pattern(r"(?<=x)(?:\w+\s+){0,3}y")  # a bounded repeat is allowed


def test_a_watchlist_with_the_slow_pattern_scans_a_long_post_fast():
    import time

    from pantau.core.text.normalizer import Normalizer
    from pantau.core.watchlist.engine import Watchlist

    wl = Watchlist(
        [{"id": "slow", "kind": "regex", "pattern": "(a+)+$", "category": "abusive"}],
        Normalizer(),
    )
    norm = Normalizer().normalize("a" * 30_000 + "b")
    started = time.perf_counter()
    assert wl.match(norm) == []
    assert time.perf_counter() - started < 2


def test_the_shipped_watchlist_compiles_under_the_safety_check():
    from pantau.core.watchlist.engine import compile_pattern

    _, entries = load_default_entries()
    regexes = [e["pattern"] for e in entries if e["kind"] == "regex"]
    assert len(regexes) > 20
    for pattern in regexes:
        compile_pattern(pattern)

"""Normaliser: one case per obfuscation trick, and offsets that always point into the original."""

from __future__ import annotations

import random

import pytest

from pantau.core.text import Normalizer, decode_dataset_text, default_normalizer
from pantau.core.text.splitting import camel_parts, segment


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer(
        slang={"bgt": "banget", "gpp": "tidak apa apa", "hti": "hati"},
        vocabulary=["wali", "kota", "jalan", "rusak", "banjir", "lagi", "kepala", "dinas"],
    )


def toks(n: Normalizer, text: str) -> list[str]:
    return n.normalize(text).tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4nj1ng", ["anjing"]),  # leetspeak
        ("b4ngs4t lu", ["bangsat", "kamu"]),
        ("t0l0l", ["tolol"]),
        ("anjiiiiing", ["anjing"]),  # repeated letters
        ("goblokkk", ["goblok"]),
        ("g o b l o k", ["goblok"]),  # split by spaces
        ("b.a.n.g.s.a.t", ["bangsat"]),  # split by dots
        ("a-n-j-i-n-g", ["anjing"]),  # split by dashes
        ("kntl", ["kontol"]),  # consonant skeletons
        ("bgst", ["bangsat"]),
        ("anjg", ["anjing"]),
        ("b*ngsat", ["bangsat"]),  # masked letters
        ("AnJiNg", ["anjing"]),  # mixed case
        ("bangsad", ["bangsat"]),  # alay spelling
        ("orang2", ["orang", "orang"]),  # reduplication with 2
        ("gpp bgt", ["tidak", "apa", "apa", "banget"]),  # slang dictionary
    ],
)
def test_tricks(norm: Normalizer, text: str, expected: list[str]) -> None:
    assert toks(norm, text) == expected


def test_mentions_urls_hashtags(norm: Normalizer) -> None:
    assert toks(norm, "@budi.santoso cek https://t.co/x1 www.contoh.id") == [
        "user",
        "cek",
        "url",
        "url",
    ]
    assert toks(norm, "#WaliKotaGoblok") == ["wali", "kota", "goblok"]
    assert toks(norm, "#walikotagoblok") == ["wali", "kota", "goblok"]  # dictionary segmentation
    assert toks(norm, "#unknownhashtagxyz") == ["unknownhashtagxyz"]


def test_emoji(norm: Normalizer) -> None:
    assert toks(norm, "dasar \U0001f437") == ["dasar", "babi"]
    assert toks(norm, "mantap \U0001f44d") == ["mantap", "\U0001f44d"]


def test_numbers_are_not_leetspeak(norm: Normalizer) -> None:
    assert toks(norm, "tahun 2018 ada covid19") == ["tahun", "2018", "ada", "covid", "19"]


def test_ordinary_words_survive(norm: Normalizer) -> None:
    assert toks(norm, "Selamat pagi, jalan rusak lagi") == [
        "selamat",
        "pagi",
        "jalan",
        "rusak",
        "lagi",
    ]


def test_surface_view_keeps_abbreviations(norm: Normalizer) -> None:
    n = norm.normalize("Gabung H.T.I sekarang, hati2 ya")
    assert "hti" in n.surface().tokens
    assert "hati" in n.tokens


def test_spans_point_into_original(norm: Normalizer) -> None:
    text = "Dasar g o b l o k!! #WaliKotaGoblok 4nj1ng \U0001f437"
    n = norm.normalize(text)
    got = dict(zip(n.tokens, (text[s:e] for s, e in n.spans), strict=False))
    assert got["goblok"] in {"g o b l o k", "#WaliKotaGoblok"}
    assert got["anjing"] == "4nj1ng"
    assert got["babi"] == "\U0001f437"
    assert n.spans[n.tokens.index("wali")] == (
        text.index("#"),
        text.index("#") + len("#WaliKotaGoblok"),
    )


def test_to_original_round_trip(norm: Normalizer) -> None:
    text = "Pak  kepala dinas itu t0l0l bgt, jalan rusak!"
    n = norm.normalize(text)
    normalised = n.text
    start = normalised.index("tolol")
    s, e = n.to_original(start, start + len("tolol"))
    assert text[s:e] == "t0l0l"
    s, e = n.to_original(normalised.index("banget"), len(normalised))
    assert text[s:e].startswith("bgt")


def test_random_input_never_breaks_offsets() -> None:
    n = default_normalizer()
    rng = random.Random(7)
    alphabet = "ab 4@$*.-_#\n\t!?😀🐷ÄßΩ漢字\u200b" + "gobloknjing"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        res = n.normalize(text)
        assert len(res.tokens) == len(res.spans)
        for s, e in res.spans:
            assert 0 <= s < e <= len(text)
        if res.tokens:
            s, e = res.to_original(0, len(res.text))
            assert 0 <= s <= e <= len(text)


def test_splitting_helpers() -> None:
    assert camel_parts("WaliKotaGoblok") == ["Wali", "Kota", "Goblok"]
    assert camel_parts("walikota") == ["walikota"]
    known = {"wali", "kota", "goblok"}.__contains__
    assert segment("walikotagoblok", known) == ["wali", "kota", "goblok"]
    assert segment("xyzxyzxyz", known) is None


def test_decode_dataset_text() -> None:
    assert decode_dataset_text("halo\\nsemua \\xf0\\x9f\\x98\\x84") == "halo\nsemua  \U0001f604 "
    assert decode_dataset_text("a &amp; b") == "a & b"


def test_fast_path_equals_regex_path() -> None:
    """The whitespace-chunk fast path must give exactly what the token regex gives."""
    n = Normalizer(vocabulary=["wali", "kota"])
    rng = random.Random(11)
    alphabet = "ab k 4@$*.-_#\n\t!?,;:()'\"/😀🐷ÄßΩ\u200bgobloknjing"
    samples = [
        "b.a.n.g s.a.t", "g o b l o k", "a, b, c", "t!", "x y", "www.... http:", "(kata), kata.",
        "l,o.k\ngbo🐷o *i*n\u200b.,\n@", "_/b g*a🐷n?", "kata-kata b*ngsat #WaliKota @budi",
    ]  # fmt: skip
    samples += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)
    ]
    for text in samples:
        fast = n.normalize(text)
        tokens, spans, surface, surface_spans = [], [], [], []
        n._scan(text, 0, len(text), tokens, spans, surface, surface_spans)
        assert (fast.tokens, fast.spans) == (tokens, spans), text
        assert (fast.surface_tokens, fast.surface_spans) == (surface, surface_spans), text

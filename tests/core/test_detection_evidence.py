"""Evidence a reviewer can use: phrases, never punctuation or stop words alone, watchlist first,
at most five spans, shares of a category's score summing to at most 1 (issue 16 item 4)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest

from pantau.core.detection import load_engine
from pantau.core.detection.explain import (
    MAX_SPANS,
    model_evidence,
    select_evidence,
    shapley_parts,
)
from pantau.core.detection.targets import STOP_WORDS, has_letter
from pantau.core.text.normalizer import Normalizer


@pytest.fixture(scope="module")
def engine():
    return load_engine()


def _meaningless(span_text: str) -> bool:
    """Only punctuation, emoji, digits or stop words."""
    words = [w.strip(".,!?;:'\"()").lower() for w in span_text.split()]
    return all(not has_letter(w) or w in STOP_WORDS for w in words)


def _shares_by_category(evidence) -> dict[str, float]:
    sums: dict[str, float] = defaultdict(float)
    for e in evidence:
        sums[e["category"]] += e["weight"]
    return sums


def test_the_demo_post_has_no_punctuation_or_stop_word_span(engine):
    text = "Semangat! Resepnya dong! ☕"
    result = engine.classify(text)
    for e in result["evidence"]:
        assert not _meaningless(e["text"]), e
        assert "!" != e["text"] and "☕" != e["text"]


def test_punctuation_heavy_contributions_never_become_spans():
    """Even when "!" and "dong" carry most of the model's margin, they are not shown."""
    norm = Normalizer().normalize("Semangat! Resepnya dong! ☕")
    weights = {"!": 0.40, "dong": 0.2, "semangat": 0.1, "resepnya": 0.05, "resep": 0.05}
    contrib = np.array([weights.get(t, 0.3) for t in norm.tokens])
    evidence = model_evidence("hate_speech", norm, 0, contrib)
    assert evidence, "the content words remain"
    assert all(not _meaningless(e["text"]) for e in evidence)
    assert sum(e["weight"] for e in evidence) <= 1.0


def test_adjacent_tokens_are_one_phrase():
    text = "dasar bodoh kalian semua, pulang saja"
    norm = Normalizer().normalize(text)
    contrib = np.array([0.5 if t in {"dasar", "bodoh"} else 0.0 for t in norm.tokens])
    evidence = model_evidence("abusive", norm, 0, contrib, abusive_words=frozenset({"bodoh"}))
    assert [e["text"] for e in evidence] == ["dasar bodoh"]
    assert evidence[0]["weight"] == 1.0 and evidence[0]["lexicon"] == "abusive"


def test_a_target_word_is_shown_for_hate_speech_even_with_little_weight():
    text = "usir semua orang madura dari kampung ini"
    norm = Normalizer().normalize(text)
    contrib = np.array([1.0 if t == "usir" else 0.0 for t in norm.tokens])
    evidence = model_evidence("hate_speech", norm, 0, contrib)
    texts = {e["text"]: e for e in evidence}
    assert "usir" in texts and "madura" in texts
    assert texts["madura"]["lexicon"] == "group"
    assert texts["madura"]["weight"] == 0.0  # shown as the target, not as a share of the score


def test_no_span_when_only_function_words_carry_the_score():
    norm = Normalizer().normalize("yang itu dari sini saja dong !!!")
    contrib = np.ones(len(norm.tokens))
    assert model_evidence("hate_speech", norm, 0, contrib) == []


def test_watchlist_hit_comes_first_and_at_most_five_spans():
    entries = [
        {"id": "t-hs", "kind": "phrase", "pattern": "kaum pendatang", "category": "hate_speech",
         "weight": 0.9, "reason_id": "uji: kelompok", "reason_en": "test: group"},
    ]  # fmt: skip
    local = load_engine(watchlist=entries, watchlist_version="t")
    text = (
        "Dasar goblok, tolol, bangsat, brengsek, bajingan kalian semua, usir kaum pendatang "
        "dari kota ini, anjing kalian, keparat!"
    )
    result = local.classify(text)
    ev = result["evidence"]
    assert ev and ev[0]["source"] == "watchlist" and ev[0]["entry_id"] == "t-hs"
    assert ev[0]["text"] == "kaum pendatang"
    assert len(ev) <= MAX_SPANS
    for category, total in _shares_by_category(ev).items():
        assert total <= 1.0, category
    assert all(0.0 <= e["weight"] <= 1.0 for e in ev)


@pytest.mark.parametrize(
    "text",
    [
        "dasar g0bl0k lu, kerja gak becus, b4ngs4t",
        "Orang Kristen itu sesat dan musuh kita, jangan bergaul dengan mereka.",
        "Tegakkan khilafah, hancurkan thogut! Bunuh polisi kafir!",
        "Kalau rumah ibadah itu tetap dibangun, kita bakar saja ramai-ramai!",
        "cina babi, usir dari negeri ini, dasar aseng goblok tolol bangsat anjing",
    ],
)
def test_evidence_bounds_on_real_posts(engine, text):
    result = engine.classify(text)
    ev = result["evidence"]
    assert ev, "a flagged post explains itself"
    assert len(ev) <= MAX_SPANS
    for category, total in _shares_by_category(ev).items():
        assert total <= 1.0, category
    for e in ev:
        assert not _meaningless(e["text"]), e
        assert text[e["start"] : e["end"]] == e["text"]
    ranks = [0 if e["source"] == "watchlist" else 1 for e in ev]
    assert ranks == sorted(ranks), "watchlist hits first"


def test_select_evidence_orders_sources_then_lexicon_then_weight():
    items = [
        {"category": "abusive", "start": 0, "end": 3, "source": "model", "weight": 0.9},
        {"category": "abusive", "start": 4, "end": 9, "source": "model", "weight": 0.1,
         "lexicon": "abusive"},
        {"category": "hate_speech", "start": 10, "end": 20, "source": "watchlist", "weight": 0.2},
        {"category": "hoax", "start": 30, "end": 40, "source": "claim", "weight": 0.5},
    ] + [
        {"category": "radicalism", "start": 50 + i, "end": 51 + i, "source": "model",
         "weight": 0.01}
        for i in range(4)
    ]  # fmt: skip
    chosen = select_evidence(items)
    assert [e["source"] for e in chosen[:3]] == ["watchlist", "claim", "model"]
    assert chosen[2].get("lexicon") == "abusive" and chosen[3]["weight"] == 0.9
    assert len(chosen) == MAX_SPANS


def test_shapley_parts_split_the_noisy_or():
    m, w = shapley_parts(0.6, 0.9)
    assert abs(m + w - 1.0) < 1e-9 and w > m > 0
    assert shapley_parts(0.7, 0.0) == (1.0, 0.0)

"""The hate-speech target rule (issue 16 item 1): hate speech is aimed at a SARA group or at the
state; an insult of a person with neither is abusive language. Off by default (model card §5);
these tests switch it on for one engine."""

from __future__ import annotations

import pytest

from pantau.core.detection import load_engine
from pantau.core.detection.targets import IDENTITY_GROUP_WORDS, STATE_WORDS, target_kind
from pantau.core.text.normalizer import Normalizer


@pytest.fixture(scope="module")
def ruled():
    engine = load_engine()
    engine.require_target = True
    return engine


@pytest.fixture(scope="module")
def plain():
    return load_engine()


@pytest.mark.parametrize(
    "text",
    [
        "Admin grup ini tolol",
        "Kamu memang goblok, Dodi, kerjaan gitu saja tidak becus",
        "Dasar bajingan lu Ferdi, bangsat",
    ],
)
def test_a_plain_insult_of_a_person_is_abusive_not_hate_speech(ruled, plain, text):
    before, after = plain.classify(text), ruled.classify(text)
    assert "hate_speech" in before["flags"], "the model alone calls it hate speech"
    assert "hate_speech" not in after["flags"] and after["hate_speech"] is None
    assert "abusive" in after["flags"]
    assert after["scores"]["abusive"] >= before["scores"]["hate_speech"] - 1e-4  # score kept


@pytest.mark.parametrize(
    "text, target",
    [
        ("Orang Madura itu semua maling, usir saja dari kampung kita", "group"),
        ("Dasar kaum kafir itu semua anjing, usir saja dari kota ini", "group"),
        ("Pemerintah ini rezim bangsat, bubarkan saja NKRI", "state"),
    ],
)
def test_hate_against_a_group_or_the_state_stays_hate_speech(ruled, text, target):
    result = ruled.classify(text)
    assert "hate_speech" in result["flags"]
    assert result["hate_speech"]["target"] == target


def test_no_target_and_no_insult_word_is_not_relabelled_abusive(ruled):
    result = ruled.classify("Semangat! Resepnya dong! ☕")
    assert result["flags"] == []


def test_a_watchlist_hit_counts_as_a_group_target():
    entries = [{"id": "t-hs", "kind": "phrase", "pattern": "para penumpang gelap",
                "category": "hate_speech", "weight": 0.95, "reason_id": "uji", "reason_en": "t"}]  # fmt: skip
    engine = load_engine(watchlist=entries, watchlist_version="t")
    engine.require_target = True
    result = engine.classify("Usir para penumpang gelap itu, dasar tolol")
    assert "hate_speech" in result["flags"] and result["hate_speech"]["target"] == "group"


def test_target_kind_reads_the_lexicons():
    norm = Normalizer()
    assert target_kind(norm.normalize("umat hindu di bali").tokens) == "group"
    assert target_kind(norm.normalize("menteri dan DPR").tokens) == "state"
    assert target_kind(norm.normalize("admin grup ini").tokens) is None
    assert IDENTITY_GROUP_WORDS.isdisjoint({"yang", "dan", "admin"})
    assert "pancasila" in STATE_WORDS and "jokowi" not in STATE_WORDS

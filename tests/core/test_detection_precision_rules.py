"""Precision rules on posts unlike the training tweets: corroborated hate speech, group patterns."""

from __future__ import annotations

import pytest

from pantau.core.detection import load_engine


@pytest.fixture(scope="module")
def engine():
    return load_engine()


@pytest.mark.parametrize(
    "text",
    [
        "Indonesia memang indah",
        "Pulang kantor langsung rebahan. Capek tapi bahagia. Cuan terus 😄 #fypシ",
    ],
)
def test_topic_words_alone_do_not_make_hate_speech(engine, text):
    result = engine.classify(text)
    assert result["scores"]["hate_speech"] >= engine.thresholds["hate_speech"]  # the model's view
    assert "hate_speech" not in result["flags"]  # no group, insult or watchlist hit: not flagged


@pytest.mark.parametrize(
    "text, entry",
    [
        ("Orang Kristen itu sesat dan musuh kita, jangan bergaul dengan mereka.",
         "re-hs-kelompok-direndahkan"),
        ("Jangan pilih pejabat dari kalangan orang Bugis, sudah watak mereka.",
         "re-hs-kelompok-dikucilkan"),
        ("Kalau rumah ibadah itu tetap dibangun, kita bakar saja ramai-ramai!",
         "re-hs-rumah-ibadah-diserang"),
        ("Perempuan memang tidak bisa memimpin, lihat saja kantor kita.",
         "re-hs-gender-tidak-mampu"),
    ],
)  # fmt: skip
def test_group_hostility_is_flagged_with_the_watchlist_reason(engine, text, entry):
    result = engine.classify(text)
    assert "hate_speech" in result["flags"]
    hit = next(e for e in result["evidence"] if e.get("entry_id") == entry)
    assert text[hit["start"] : hit["end"]] == hit["text"] and hit["reason_id"]


@pytest.mark.parametrize(
    "text",
    [
        "Polisi menangkap pria yang menyebut orang Kristen sesat di media sosial.",
        "Kami mengecam ujaran yang menyebut umat Ahmadiyah sesat dan musuh bangsa.",
    ],
)
def test_reporting_or_rejecting_hate_speech_is_not_flagged(engine, text):
    assert "hate_speech" not in engine.classify(text)["flags"]

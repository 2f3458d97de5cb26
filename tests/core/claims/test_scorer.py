"""The hoax score: claim match, verdicts that do not count, debunks, and the style signal."""

from __future__ import annotations

import numpy as np
import pytest

from pantau.core.claims import (
    Claim,
    ClaimIndex,
    HoaxScorer,
    load_hoax_style_model,
    presents_as_false,
)
from tests.core.claims.corpus import CLAIMS


class FixedStyle:
    """A stand-in style model with a fixed probability."""

    def __init__(self, p: float, alone: float = 0.97):
        self.p = p
        self.alone_threshold = alone

    def probability(self, text: str) -> float:
        return self.p

    def probabilities(self, texts) -> np.ndarray:
        return np.full(len(texts), self.p)


@pytest.fixture
def scorer(index):
    return HoaxScorer(index, style_model=FixedStyle(0.5))


def test_a_repeated_hoax_scores_over_the_threshold_with_link_and_evidence(scorer):
    text = (
        "Share sebelum dihapus!! Harga Pertalite naik jadi Rp 15.000 per liter tengah malam nanti"
    )
    score, claims, evidence = scorer(text)
    assert score >= 0.5
    assert claims[0] == {
        "claim_id": "ck-15",
        "similarity": claims[0]["similarity"],
        "url": "https://cekfakta.example/2026/ck-15",
    }
    [ev] = evidence
    assert ev["category"] == "hoax" and ev["source"] == "claim"
    assert text[ev["start"] : ev["end"]] == ev["text"]
    assert ev["text"].startswith("Harga Pertalite")


@pytest.mark.parametrize(
    "claim_id,text",
    [
        ("ck-38", "Wali kota umumkan Balikpapan pindah ke Sulawesi demi ibu kota baru"),
        ("ck-39", "Pemkot Balikpapan membuka layanan perpanjangan KTP elektronik hari Sabtu"),
    ],
)
def test_satire_and_fact_claims_are_listed_but_do_not_score(scorer, claim_id, text):
    score, claims, evidence = scorer(text)
    assert claims and claims[0]["claim_id"] == claim_id
    assert score < 0.5 and evidence == []


def test_sharing_a_debunk_lists_the_claim_but_stays_under_the_threshold(scorer):
    text = "HOAKS! Bank Kaltimtara tidak bangkrut, tabungan nasabah aman dan bisa ditarik"
    score, claims, _ = scorer(text)
    assert claims and claims[0]["claim_id"] == "ck-09"
    assert score < 0.5


@pytest.mark.parametrize(
    "text,expected",
    [
        ("HOAKS: vaksin campak mengandung microchip", True),
        ("Cek fakta: tidak benar bahwa bank itu bangkrut", True),
        ("Ini bukan hoax! Bank Kaltimtara bangkrut", False),
        ("Bank Kaltimtara bangkrut, hoax gak sih?", False),
        ("Semoga tidak benar, gaji ke-13 dibatalkan", False),
    ],
)
def test_debunk_framing(text, expected):
    assert presents_as_false(text) is expected


def test_style_alone_stays_under_the_threshold_unless_nearly_certain(index):
    text = "Selamat pagi, rapat hari ini jam sembilan"
    assert HoaxScorer(index, style_model=FixedStyle(0.96))(text)[0] < 0.5
    score, claims, evidence = HoaxScorer(index, style_model=FixedStyle(0.99))(text)
    assert score >= 0.5 and claims == []
    assert evidence[0]["source"] == "model"
    assert HoaxScorer(index)(text) == (0.0, [], [])


def test_style_nudges_a_match_upwards_but_never_past_one(index):
    text = "Telur palsu dari plastik beredar di pasar tradisional Samarinda"
    low = HoaxScorer(index, style_model=FixedStyle(0.0))(text)[0]
    high = HoaxScorer(index, style_model=FixedStyle(1.0))(text)[0]
    assert 0.5 <= low <= high <= 1.0


def test_an_empty_register_scores_zero():
    assert HoaxScorer(ClaimIndex())("Vaksin campak mengandung microchip") == (0.0, [], [])


def test_misinformation_counts_like_a_hoax():
    index = ClaimIndex([c for c in CLAIMS if c.verdict == "misinformasi"])
    assert {c.verdict for c in index.claims()} == {"misinformasi"}
    score, _, _ = HoaxScorer(index)("Susu kental manis bikin anak lumpuh otak, jangan kasih anak")
    assert score >= 0.5
    assert Claim("z", "teks", "disinformasi").counts_as_hoax


def test_scoring_a_batch_gives_what_scoring_each_post_gives(index):
    scorer = HoaxScorer(index, style_model=load_hoax_style_model())
    texts = [
        "Share sebelum dihapus!! Harga Pertalite naik jadi Rp 15.000 per liter tengah malam nanti",
        "HOAKS: harga Pertalite naik jadi Rp 15.000 per liter tengah malam nanti",
        "VIRAL!!! Makanan kaleng dari Thailand mengandung virus AIDS, sebarkan",
        "Rapat koordinasi pelayanan publik hari ini berjalan lancar",
        "",
    ]
    assert scorer.score_many(texts) == [scorer(t) for t in texts]

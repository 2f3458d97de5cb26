"""Matching quality on the fictional register: each variation, unrelated posts, passage offsets."""

from __future__ import annotations

from collections import defaultdict

import pytest

from pantau.core.claims import HoaxScorer, load_hoax_style_model
from tests.core.claims.corpus import ORDINARY, POSTS

THRESHOLD = 0.5
VARIATIONS = sorted({v for *_, v in POSTS})


@pytest.fixture(scope="module")
def scorer(index):
    return HoaxScorer(index, style_model=load_hoax_style_model())


def test_the_corpus_covers_every_variation():
    assert set(VARIATIONS) == {
        "paraphrase",
        "truncation",
        "slang",
        "numbers",
        "names",
        "commentary",
        "embedded",
    }


def test_recall_at_1_and_precision_at_the_review_threshold(index, scorer):
    hits = flagged = correct = 0
    for _, text, claim_id, _ in POSTS:
        top = index.match(text, top_k=1)
        score, _, _ = scorer(text)
        ok = bool(top) and top[0].claim_id == claim_id
        hits += ok
        if score >= THRESHOLD:
            flagged += 1
            correct += ok
    for _, text, _ in ORDINARY:
        score, _, _ = scorer(text)
        flagged += score >= THRESHOLD
    assert hits / len(POSTS) >= 0.9
    assert correct / flagged >= 0.95
    assert correct / len(POSTS) >= 0.85  # recall at the threshold, not only in the ranking


@pytest.mark.parametrize("variation", VARIATIONS)
def test_each_kind_of_variation_finds_its_claim(index, variation):
    posts = [(t, c) for _, t, c, v in POSTS if v == variation]
    found = sum(1 for t, c in posts if (m := index.match(t, top_k=1)) and m[0].claim_id == c)
    assert found == len(posts)


# Known limitation (docs/hoax-matching.md): a post that keeps a claim's subject, place and most
# of its words but says something else about them can still reach the threshold. These two are
# left out here; the set-level precision test still counts them.
KNOWN_SAME_SUBJECT = {"n06", "n07"}


@pytest.mark.parametrize(
    "pid,text,kind",
    [o for o in ORDINARY if o[2] != "debunk" and o[0] not in KNOWN_SAME_SUBJECT],
)
def test_ordinary_posts_do_not_reach_the_threshold(index, pid, text, kind):
    matches = index.match(text, top_k=3)
    assert all(m.similarity < THRESHOLD for m in matches), (pid, matches)


def test_a_genuine_vaccination_notice_does_not_match_the_microchip_hoax(index):
    text = "Jadwal imunisasi campak untuk anak-anak di puskesmas Senin depan, bawa buku KIA"
    assert all(m.similarity < THRESHOLD for m in index.match(text))
    hoax = "Hati-hati, vaksin campak itu mengandung microchip untuk melacak anak-anak!"
    top = index.match(hoax, top_k=1)[0]
    assert top.claim_id == "ck-01" and top.similarity >= THRESHOLD


def test_passage_offsets_point_into_the_original_text(index):
    text = (
        "Pagi semua 🙏. Rapat RT ditunda ke Kamis.\n\nINFO PENTING: Bendungan Sungai Wain JEBOL!!! "
        "warga Balikpapan Utara diminta mengungsi malam ini. cek dulu bener gak ya"
    )
    top = index.match(text, top_k=1)[0]
    assert top.claim_id == "ck-04"
    assert text[top.passage_start : top.passage_end] == top.passage_text
    assert top.passage_text.startswith("Bendungan Sungai Wain")
    assert top.passage_text.endswith("mengungsi malam")  # "ini" is not a content word


def test_a_claim_inside_a_long_post_is_found_by_its_window(index):
    filler = "Hari ini kami rapat evaluasi kinerja dan membahas jadwal piket kantor. " * 12
    text = (
        filler
        + "Ternyata telur palsu dari plastik beredar di pasar tradisional Samarinda. "
        + filler
    )
    top = index.match(text, top_k=1)[0]
    assert top.claim_id == "ck-06" and top.similarity >= THRESHOLD
    assert "telur palsu" in top.passage_text


def test_similarities_are_between_zero_and_one_and_sorted(index):
    by_post = defaultdict(list)
    for pid, text, *_ in POSTS[:10]:
        by_post[pid] = [m.similarity for m in index.match(text, top_k=5)]
    for sims in by_post.values():
        assert all(0.0 <= s <= 1.0 for s in sims)
        assert sims == sorted(sims, reverse=True)


def test_empty_and_stopword_only_posts_match_nothing(index):
    assert index.match("") == []
    assert index.match("wkwkwk iya dong, bener banget 😂") == []

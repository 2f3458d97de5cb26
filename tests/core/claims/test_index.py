"""The register index: incremental add, remove, edit, compaction."""

from __future__ import annotations

import pytest

from pantau.core.claims import Claim, ClaimIndex
from tests.core.claims.corpus import CLAIMS

NEW = Claim(
    "ck-new",
    "Kantor pos menghentikan pengiriman paket ke luar pulau mulai pekan depan",
    "hoaks",
    url="https://cekfakta.example/2026/ck-new",
)
POST = "Katanya kantor pos stop kirim paket ke luar pulau mulai minggu depan, bener gak?"


def test_a_claim_added_to_a_built_index_is_found_without_a_rebuild():
    index = ClaimIndex(CLAIMS)
    main_postings = index._main_indices  # the compacted segment
    assert not index.match(POST) or index.match(POST)[0].similarity < 0.5
    index.add([NEW])
    assert index._main_indices is main_postings  # added to the delta, nothing rebuilt
    top = index.match(POST, top_k=1)[0]
    assert top.claim_id == "ck-new" and top.similarity >= 0.5
    assert len(index) == len(CLAIMS) + 1 and "ck-new" in index


def test_compaction_does_not_change_results():
    index = ClaimIndex(CLAIMS[:20])
    index.add(CLAIMS[20:])
    texts = [
        "Bank Kaltimtara bangkrut, tabungan nasabah tidak bisa ditarik",
        "Katanya susu kental manis bikin anak lumpuh otak",
    ]
    before = [index.match(t, top_k=1)[0] for t in texts]
    index.compact()
    after = [index.match(t, top_k=1)[0] for t in texts]
    assert before == after  # same claim, passage and similarity


def test_a_removed_claim_is_no_longer_matched():
    index = ClaimIndex(CLAIMS)
    text = "Bank Kaltimtara bangkrut, tabungan nasabah tidak bisa ditarik"
    assert index.match(text, top_k=1)[0].claim_id == "ck-09"
    assert index.remove(["ck-09", "no-such-claim"]) == 1
    assert all(m.claim_id != "ck-09" for m in index.match(text))
    assert "ck-09" not in index and index.get("ck-09") is None
    index.compact()
    assert all(m.claim_id != "ck-09" for m in index.match(text))


def test_an_edit_is_a_replace_of_the_same_id():
    index = ClaimIndex(CLAIMS)
    edited = Claim("ck-09", "Bank Kaltimtara membekukan semua kartu ATM nasabah", "hoaks")
    with pytest.raises(ValueError, match="already in the index"):
        index.add([edited])
    index.add([edited], replace=True)
    assert index.get("ck-09").text == edited.text
    assert len(index) == len(CLAIMS)
    top = index.match("Bank Kaltimtara bekukan semua kartu ATM nasabah!", top_k=1)[0]
    assert top.claim_id == "ck-09"


def test_a_batch_with_a_duplicate_id_adds_nothing():
    index = ClaimIndex()
    with pytest.raises(ValueError):
        index.add([CLAIMS[0], CLAIMS[1], CLAIMS[0]])
    assert len(index) == 0 and index.match(CLAIMS[0].text) == []


def test_the_delta_is_merged_automatically_when_it_grows():
    index = ClaimIndex()
    many = [
        Claim(f"c{i}", f"Klaim nomor {i} tentang desa Sukamaju{i} banjir", "hoaks")
        for i in range(2100)
    ]
    index.add(many)
    assert index._delta_claims == 0  # merged once past the delta limit
    assert index.match("desa Sukamaju77 banjir", top_k=1)[0].claim_id == "c77"


def test_claims_are_validated():
    with pytest.raises(ValueError, match="verdict"):
        Claim("x", "teks", "palsu")
    with pytest.raises(ValueError):
        Claim("", "teks", "hoaks")
    with pytest.raises(TypeError):
        ClaimIndex().add(["not a claim"])

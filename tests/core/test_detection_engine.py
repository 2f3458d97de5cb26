"""Engine output contract (DESIGN.md §3), evidence offsets, long posts, plug-ins; shipped artifact."""

from __future__ import annotations

import pytest

from pantau.core.detection import CATEGORIES, load_engine


@pytest.fixture(scope="module")
def engine():
    return load_engine()


ABUSIVE = "dasar g0bl0k lu, kerja gak becus, b4ngs4t"
NEUTRAL = "Selamat pagi, hari ini pelayanan KTP buka sampai jam dua siang."


def check_contract(res: dict, text: str) -> None:
    assert set(res) == {"id", "scores", "flags", "hate_speech", "evidence", "claims", "model"}
    assert set(res["scores"]) == set(CATEGORIES)
    assert all(0.0 <= v <= 1.0 for v in res["scores"].values())
    assert set(res["flags"]) <= set(CATEGORIES)
    assert res["model"].startswith("pantau-id-")
    if "hate_speech" in res["flags"]:
        hs = res["hate_speech"]
        assert hs["target"] in {"individual", "group", "state"}
        assert hs["topics"] and set(hs["topics"]) <= {
            "religion",
            "race",
            "physical",
            "gender",
            "other",
        }
        assert hs["intensity"] in {"weak", "moderate", "strong"}
    else:
        assert res["hate_speech"] is None
    for ev in res["evidence"]:
        assert ev["source"] in {"model", "watchlist", "claim"}
        assert ev["category"] in CATEGORIES
        assert 0 <= ev["start"] < ev["end"] <= len(text)
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert 0.0 <= ev["weight"] <= 1.0


def test_abusive_post_flagged_with_evidence(engine) -> None:
    res = engine.classify(ABUSIVE, id="p1")
    check_contract(res, ABUSIVE)
    assert res["id"] == "p1"
    assert "abusive" in res["flags"]
    texts = {e["text"] for e in res["evidence"] if e["category"] == "abusive"}
    assert texts & {"g0bl0k", "b4ngs4t"}


def test_neutral_post_clean(engine) -> None:
    res = engine.classify(NEUTRAL)
    check_contract(res, NEUTRAL)
    assert res["flags"] == []
    assert res["evidence"] == []


def test_classify_many_keeps_order_and_ids(engine) -> None:
    texts = [NEUTRAL, ABUSIVE, "", "😀", NEUTRAL]
    out = engine.classify_many(texts, ids=["a", "b", "c", "d", "e"])
    assert [r["id"] for r in out] == ["a", "b", "c", "d", "e"]
    for r, t in zip(out, texts, strict=True):
        check_contract(r, t)
    assert out[0]["scores"] == out[4]["scores"]
    assert out[2]["flags"] == []


def test_long_post_with_one_hateful_passage(engine) -> None:
    calm = (
        "Hari ini kami rapat koordinasi di kantor kecamatan membahas jadwal posyandu, "
        "pembagian bibit pohon dan kerja bakti membersihkan saluran air bersama warga. "
    )
    bad = "Dasar anjing goblok bangsat kau kontol, mampus saja sana. "
    text = calm * 4 + bad + calm * 4
    res = engine.classify(text)
    check_contract(res, text)
    assert "abusive" in res["flags"]
    start, end = text.index(bad), text.index(bad) + len(bad)
    model_ev = [e for e in res["evidence"] if e["category"] == "abusive" and e["source"] == "model"]
    assert model_ev and all(start <= e["start"] and e["end"] <= end for e in model_ev)
    assert engine.classify(calm * 8)["flags"] == []


def test_watchlist_from_caller(engine) -> None:
    entries = [{"id": "t1", "kind": "phrase", "pattern": "rapat rahasia merah", "category": "radicalism",
                "weight": 0.99, "reason_id": "uji", "reason_en": "test"}]  # fmt: skip
    local = load_engine(watchlist=entries, watchlist_version="t")
    text = "Ayo ikut r4p4t rahasia m3rah malam ini"
    res = local.classify(text)
    check_contract(res, text)
    assert "radicalism" in res["flags"]
    ev = [e for e in res["evidence"] if e["source"] == "watchlist"]
    assert ev and ev[0]["entry_id"] == "t1" and ev[0]["text"] == "r4p4t rahasia m3rah"
    assert load_engine(watchlist=None).watchlist is None


def test_pluggable_hoax_scorer(engine) -> None:
    text = "Vaksin berisi chip pelacak, sebarkan!"

    def scorer(t, *, platform=None, reach=None):
        assert t == text and platform == "facebook" and reach == 10
        ev = [
            {
                "category": "hoax",
                "start": 0,
                "end": 6,
                "text": t[0:6],
                "source": "claim",
                "weight": 0.9,
            }
        ]
        return 0.93, [{"claim_id": "c1", "similarity": 0.93, "url": "https://example.org/c1"}], ev

    local = load_engine(hoax_scorer=scorer)
    res = local.classify(text, platform="facebook", reach=10)
    check_contract(res, text)
    assert res["scores"]["hoax"] == 0.93 and "hoax" in res["flags"]
    assert res["claims"][0]["claim_id"] == "c1"
    assert engine.classify(text)["scores"]["hoax"] == 0.0


def test_a_batch_scorer_gives_each_post_what_it_gives_alone() -> None:
    """The engine asks a scorer with ``score_many`` once per batch; results do not change."""
    from pantau.core.claims import Claim, ClaimIndex, HoaxScorer, load_hoax_style_model

    claim = Claim(
        claim_id="c1",
        text="Harga Pertalite naik jadi Rp 15.000 per liter mulai tengah malam nanti",
        verdict="hoaks",
        url="https://cekfakta.example/c1",
    )
    scorer = HoaxScorer(ClaimIndex([claim]), style_model=load_hoax_style_model())
    calls = []
    many = scorer.score_many
    scorer.score_many = lambda texts, **kw: calls.append(len(texts)) or many(texts, **kw)
    local = load_engine(hoax_scorer=scorer)
    texts = [
        "Share sebelum dihapus!! Harga Pertalite naik jadi Rp 15.000 per liter tengah malam",
        ABUSIVE,
        NEUTRAL,
        "VIRAL!!! Makanan kaleng dari Thailand mengandung virus AIDS, sebarkan sekarang",
    ]
    batch = local.classify_many(texts, ids=list(range(4)))
    assert calls == [4]
    alone = [local.classify(t, id=i) for i, t in enumerate(texts)]
    assert batch == alone
    assert "hoax" in batch[0]["flags"] and batch[0]["claims"][0]["claim_id"] == "c1"


def test_hate_speech_details(engine) -> None:
    text = "dasar cina kafir laknat, usir saja mereka semua dari kampung kita"
    res = engine.classify(text)
    check_contract(res, text)
    assert "hate_speech" in res["flags"]
    assert res["hate_speech"]["target"] == "group"


def test_rejects_non_text(engine) -> None:
    with pytest.raises(TypeError):
        engine.classify_many(["ok", None])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        engine.classify_many(["a", "b"], ids=["only-one"])

"""Sanction catalogues (PP 94/2021 Pasal 8, 42), levels by provision and Pasal 35."""

from __future__ import annotations

import pytest

from pantau.core.cases.provisions import skb_item
from pantau.core.cases.sanctions import (
    PROVISIONS,
    SANCTIONS,
    SKB_ITEMS,
    Impact,
    Level,
    allowed_sanctions,
    levels_for,
    recommend_level,
    sanction,
)


def codes(sanctions):
    return [s.code for s in sanctions]


def test_allowed_sanctions_per_level_and_catalogue():
    assert codes(allowed_sanctions(Level.LIGHT)) == [
        "oral_reprimand",
        "written_reprimand",
        "written_dissatisfaction",
    ]
    assert codes(allowed_sanctions("medium")) == [
        "salary_increment_delay_1y",
        "promotion_delay_1y",
        "rank_demotion_1y",
    ]
    assert codes(allowed_sanctions(Level.MEDIUM, medium_catalogue="pp94")) == [
        "allowance_cut_6m",
        "allowance_cut_9m",
        "allowance_cut_12m",
    ]
    assert codes(allowed_sanctions(Level.HEAVY, medium_catalogue="pp94")) == [
        "position_demotion_12m",
        "release_to_executive_12m",
        "honourable_dismissal",
    ]
    with pytest.raises(ValueError, match="medium_catalogue"):
        allowed_sanctions(Level.MEDIUM, medium_catalogue="pp30")


def test_every_sanction_cites_its_article():
    for s in SANCTIONS[Level.LIGHT]:
        assert s.legal_basis.startswith("PP 94/2021 Pasal 8 ayat (2) huruf")
    for s in SANCTIONS[Level.HEAVY]:
        assert s.legal_basis.startswith("PP 94/2021 Pasal 8 ayat (4) huruf")
    for s in SANCTIONS[Level.MEDIUM]:
        if s.catalogue == "pp53":
            assert "PP 53/2010 Pasal 7 ayat (3)" in s.legal_basis and "Pasal 42" in s.legal_basis
        else:
            assert s.legal_basis.startswith("PP 94/2021 Pasal 8 ayat (3) huruf")
    assert sanction("allowance_cut_9m").months == 9
    assert "teguran lisan" == sanction("oral_reprimand").name_id
    with pytest.raises(KeyError, match="unknown sanction"):
        sanction("flogging")


@pytest.mark.parametrize("impact", list(Impact))
def test_pasal_3a_is_heavy_only(impact):
    assert levels_for("3a", impact) == [Level.HEAVY]


def test_levels_by_impact():
    assert levels_for("3b", "unit") == [Level.MEDIUM]
    assert levels_for("3b", Impact.INSTANSI) == [Level.MEDIUM]
    assert levels_for("3b", Impact.NEGARA) == [Level.HEAVY]
    for code in ("3d", "3f", "4c"):
        assert levels_for(code, "unit") == [Level.LIGHT]
        assert levels_for(code, "instansi") == [Level.MEDIUM]
        assert levels_for(code, "negara") == [Level.HEAVY]
    assert levels_for("3b", None) == [Level.MEDIUM, Level.HEAVY]
    assert levels_for("3f", None) == [Level.LIGHT, Level.MEDIUM, Level.HEAVY]
    with pytest.raises(KeyError, match="unknown provision"):
        levels_for("99z", "unit")
    assert PROVISIONS["3a"].article == "PP 94/2021 Pasal 3 huruf a"


def test_skb_items():
    assert [i.number for i in SKB_ITEMS] == list(range(1, 12))
    categories = {"hate_speech", "abusive", "radicalism", "hoax"}
    for item in SKB_ITEMS:
        assert set(item.categories) <= categories
        assert set(item.provisions) <= set(PROVISIONS)
        assert item.text_id and item.text_en
    assert [i.number for i in SKB_ITEMS if i.never_auto_sanction] == [8]
    assert "never" in skb_item(8).note_en
    assert skb_item(4).categories == ("hoax",)
    with pytest.raises(KeyError):
        skb_item(12)


def test_recommend_pasal_3a_heavy_only():
    rec = recommend_level([("3a", "unit")], previous_sanctions=[])
    assert rec.level is Level.HEAVY
    assert codes(rec.sanctions) == codes(allowed_sanctions(Level.HEAVY))
    assert "PP 94/2021 Pasal 3 huruf a; PP 94/2021 Pasal 11 ayat (1) huruf a" in rec.legal_basis
    assert "PP 94/2021 Pasal 8 ayat (4)" in rec.legal_basis
    assert rec.team_required and any("Pasal 29 ayat (2)" in r for r in rec.reasons)


def test_recommend_pasal_3b_by_impact():
    medium = recommend_level([("3b", "instansi")], previous_sanctions=[])
    assert medium.level is Level.MEDIUM and not medium.team_required
    assert codes(medium.sanctions) == codes(allowed_sanctions(Level.MEDIUM))
    assert any("Pasal 10 ayat (1) huruf a" in b for b in medium.legal_basis)
    pp94 = recommend_level([("3b", "unit")], previous_sanctions=[], medium_catalogue="pp94")
    assert codes(pp94.sanctions)[0] == "allowance_cut_6m"
    assert recommend_level([("3b", "negara")], previous_sanctions=[]).level is Level.HEAVY


def test_several_violations_get_the_heaviest():
    rec = recommend_level(
        [("3f", "unit"), ("3b", "instansi"), ("4c", "unit")], previous_sanctions=[]
    )
    assert rec.level is Level.MEDIUM
    assert any("Pasal 35 ayat (1)" in r and "3 violations" in r for r in rec.reasons)
    assert "PP 94/2021 Pasal 35 ayat (1)" in rec.legal_basis
    assert any("Pasal 35 ayat (1)" in r for r in rec.reasons_id)


def test_repeat_after_a_medium_sanction_is_heavy():
    rec = recommend_level([("3f", "unit")], previous_sanctions=[Level.LIGHT, Level.MEDIUM])
    assert rec.level is Level.HEAVY
    assert any("Pasal 35 ayat (2)" in r and "heavier" in r for r in rec.reasons)
    assert "PP 94/2021 Pasal 35 ayat (2)" in rec.legal_basis
    assert any("no look-back" in r for r in rec.reasons)


def test_repeat_uses_the_last_sanction_not_the_heaviest():
    rec = recommend_level([("3f", "unit")], previous_sanctions=[Level.MEDIUM, Level.LIGHT])
    assert rec.level is Level.MEDIUM


def test_repeat_with_the_known_type_floors_at_the_next_heavier_type():
    rec = recommend_level([("3f", "unit")], previous_sanctions=[sanction("written_reprimand")])
    assert rec.level is Level.LIGHT
    assert codes(rec.sanctions) == ["written_dissatisfaction"]
    rec = recommend_level([("3f", "unit")], previous_sanctions=["written_dissatisfaction"])
    assert rec.level is Level.MEDIUM
    rec = recommend_level(
        [("3f", "unit")], previous_sanctions=["promotion_delay_1y"], medium_catalogue="pp53"
    )
    assert rec.level is Level.MEDIUM and codes(rec.sanctions) == ["rank_demotion_1y"]


def test_a_heavier_violation_than_the_floor_keeps_its_own_level():
    rec = recommend_level([("3a", "unit")], previous_sanctions=[Level.LIGHT])
    assert rec.level is Level.HEAVY


def test_recommend_needs_a_violation():
    with pytest.raises(ValueError):
        recommend_level([], previous_sanctions=[])

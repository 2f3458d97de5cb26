"""Pattern versus outburst: worked examples of the scoring."""

from __future__ import annotations

import datetime as dt

import pytest

from pantau.core.cases.pattern import Event, Weights, assess, event_weight
from pantau.core.cases.sanctions import Level

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


def ago(days: float = 0, hours: float = 0) -> dt.datetime:
    return NOW - dt.timedelta(days=days, hours=hours)


def post(days=1.0, category="hate_speech", severity=0.66, kind="post", reach=300, **kw) -> Event:
    return Event(ago(days), category, severity, kind, reach, **kw)


def test_one_finding_is_guidance_only():
    a = assess([post(days=2, severity=1.0, reach=50_000)], now=NOW)
    assert a.step == "guidance"
    assert a.reasons_id[0] == "Temuan pertama tanpa catatan sebelumnya: cukup pembinaan."
    assert a.reasons_en[0] == "First finding with no prior record: guidance is enough."
    assert a.counts == {"hate_speech": {30: 1, 90: 1, 365: 1}}


def test_one_outburst_of_comments_is_guidance_only():
    night = [post(days=3 + h / 24, category="abusive", kind="comment") for h in (0, 1, 2, 3)]
    a = assess(night, now=NOW)
    assert a.step == "guidance" and a.episodes == 1
    assert "luapan sesaat, bukan pola" in a.reasons_id[0]
    assert "outburst" in a.reasons_en[0]


def test_a_steady_pattern_over_90_days_is_a_summons():
    a = assess([post(days=80), post(days=45), post(days=10)], now=NOW)
    assert a.step == "summons"
    assert a.score >= Weights().summons_threshold
    assert a.counts["hate_speech"] == {30: 1, 90: 3, 365: 3}
    assert "3 temuan ujaran kebencian dalam 90 hari: pola berulang." in a.reasons_id


def test_persistence_after_a_reminder():
    events = [post(days=80), post(days=45, after_reminder=True), post(days=10, after_reminder=True)]
    a = assess(events, now=NOW)
    assert a.step == "summons"
    assert (
        "3 temuan ujaran kebencian dalam 90 hari, 2 di antaranya setelah pembinaan: "
        "pola yang berlanjut."
    ) in a.reasons_id
    assert "3 hate-speech findings in 90 days, 2 of them after guidance: a continuing pattern." in (
        a.reasons_en
    )
    # Even one finding after a reminder is beyond guidance.
    assert assess([post(days=5, after_reminder=True)], now=NOW).step == "summons"


def test_a_repeat_after_a_sanction_goes_higher_with_the_pasal_35_reason():
    a = assess([post(days=5, after_sanction_level=Level.MEDIUM)], now=NOW)
    assert a.step == "examination_team"
    assert any("Pasal 35 ayat (2)" in r for r in a.reasons_id)
    assert any("Pasal 35(2)" in r and "heavier" in r for r in a.reasons_en)
    light = assess([post(days=5, after_sanction_level=Level.LIGHT)], now=NOW)
    assert light.step == "summons"
    # No look-back limit: a sanction years ago still counts.
    old = assess([post(days=1200, after_sanction_level="heavy")], now=NOW)
    assert old.step == "examination_team"


def test_a_share_weighs_less_than_the_same_text_authored():
    authored = assess([post(days=3)], now=NOW)
    shared = assess([post(days=3, kind="share")], now=NOW)
    liked = assess([post(days=3, kind="reaction")], now=NOW)
    assert shared.score == pytest.approx(authored.score * 0.5, abs=0.01)
    assert liked.score == pytest.approx(authored.score * 0.25, abs=0.01)
    assert any("weigh less" in r for r in shared.reasons_en)


def test_reactions_alone_never_escalate():
    likes = [post(days=d, kind="reaction", severity=1.0, reach=100_000) for d in range(1, 80, 3)]
    a = assess(likes, now=NOW)
    assert a.score >= Weights().summons_threshold
    assert a.step == "guidance"
    assert any("SKB 11 butir 8" in r for r in a.reasons_id)
    liked_after = assess([post(days=2, kind="reaction", after_reminder=True)], now=NOW)
    assert liked_after.step == "guidance"


def test_reach_raises_the_score_modestly():
    quiet = event_weight(post(reach=0))
    loud = event_weight(post(reach=1_000_000))
    assert quiet < loud <= quiet * Weights().reach_cap
    a = assess([post(days=40, reach=12_000), post(days=2, reach=12_000)], now=NOW)
    assert any("12.000" in r for r in a.reasons_id)


def test_severity_and_category_weigh():
    assert event_weight(post(severity=1.0)) > event_weight(post(severity=0.2))
    assert event_weight(post(category="abusive")) < event_weight(post(category="radicalism"))


def test_a_heavy_flood_needs_an_examination_team():
    events = [
        post(days=d, category="radicalism", severity=1.0, reach=5000) for d in range(2, 60, 8)
    ]
    assert assess(events, now=NOW).step == "examination_team"


def test_unconfirmed_and_old_findings():
    a = assess([post(days=3), post(days=20, confirmed=False)], now=NOW)
    assert a.step == "guidance" and a.counts["hate_speech"][90] == 1
    assert "1 temuan belum dikonfirmasi tidak dihitung." in a.reasons_id
    stale = assess([post(days=400), post(days=380)], now=NOW)
    assert stale.score == 0.0 and stale.counts["hate_speech"] == {30: 0, 90: 0, 365: 0}
    empty = assess([], now=NOW)
    assert empty.step == "guidance" and empty.score == 0.0


def test_weights_are_adjustable():
    strict = Weights(summons_threshold=1.5)
    events = [post(days=60), post(days=5)]
    assert assess(events, now=NOW).step == "guidance"
    assert assess(events, now=NOW, weights=strict).step == "summons"


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="kind"):
        assess([post(kind="retweet")], now=NOW)
    with pytest.raises(ValueError, match="category"):
        assess([post(category="gossip")], now=NOW)

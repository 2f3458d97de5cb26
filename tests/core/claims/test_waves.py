"""Waves: posts carrying the same claim grouped once, with their spread over time."""

from __future__ import annotations

import datetime as dt

from pantau.core.claims import group_waves

T0 = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)


def at(hours: int) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def test_posts_repeating_the_same_claim_form_one_wave(index):
    posts = [
        ("a", "Bank Kaltimtara bangkrut, tabungan nasabah tidak bisa ditarik!!", at(5)),
        ("b", "Selamat pagi semua, semangat bekerja", at(1)),
        ("c", "bank kaltimtara udh bangkrut, tabungan gak bisa ditarik, buruan", at(2)),
        ("d", "Vaksin campak mengandung microchip untuk melacak anak", at(3)),
        ("e", "Cek dulu: Bank Kaltimtara bangkrut dan tabungan nasabah tidak bisa ditarik", at(9)),
    ]
    waves = group_waves(posts, index, threshold=0.5)
    assert [w.claim_id for w in waves] == ["ck-09", "ck-01"]
    bank = waves[0]
    assert bank.post_ids == ["c", "a", "e"]  # in order of creation
    assert bank.first_seen == at(2) and bank.last_seen == at(9)
    assert bank.size == 3
    assert waves[1].post_ids == ["d"]


def test_the_threshold_keeps_unrelated_posts_out(index):
    posts = [
        ("x", "Debit air Bendungan Sungai Wain normal, pasokan PDAM aman", dt.date(2026, 11, 2))
    ]
    assert group_waves(posts, index, threshold=0.5) == []


def test_dates_and_datetimes_can_be_mixed(index):
    posts = [
        ("p", "Telur palsu dari plastik beredar di pasar Samarinda", dt.date(2026, 11, 3)),
        ("q", "Awas telur plastik palsu beredar di pasar tradisional Samarinda", at(0)),
    ]
    [wave] = group_waves(posts, index)
    assert wave.post_ids == ["q", "p"]

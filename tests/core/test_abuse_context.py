"""Abusive words aimed at no one: at the writer, or as an exclamation; anything pointing at
another person or a group keeps the post as it is."""

from __future__ import annotations

import pytest

from pantau.core.detection import load_engine


@pytest.fixture(scope="module")
def engine():
    return load_engine()


@pytest.mark.parametrize(
    "text",
    [
        "Bodoh banget saya, kunci motor ketinggalan di parkiran",
        "aku memang bodoh soal ginian",
        "GUA UDAH MODAR",  # gua: colloquial "I"
        "Duh goblok gw, lupa bawa map",
        "Duh, saya bodoh sekali hari ini",  # the pronoun opens its clause
    ],
)
def test_abuse_aimed_at_the_writer(engine, text):
    assert engine.abuse_context(text) == "self"


@pytest.mark.parametrize(
    "text",
    [
        "Mampus, map SPJ ketinggalan di rumah",
        "Anjir! macet parah di jalan tol",
        "Hujan deras lagi. Sialan, jemuran belum diangkat",  # opening a later sentence
        "Goblok, aku lupa bawa dompet",  # a comma cuts it from the pronoun: an exclamation
    ],
)
def test_abuse_as_an_exclamation(engine, text):
    assert engine.abuse_context(text) == "exclamation"


@pytest.mark.parametrize(
    "text",
    [
        "Bodoh banget kamu, kunci motor ketinggalan",  # second person
        "Mampus, lu ketahuan juga",  # second person, however it opens
        "Mampus @budi_s ketahuan juga",  # a mention
        "Si Budi goblok, aku sampai malu",  # the pronoun is in another clause
        "Pejabat itu goblok. Aku heran",  # the insult is aimed at the official
        "Mampus, orang cina itu ketahuan",  # names a group
        "Sialan, aku telat lagi gara-gara sopir bodoh itu",  # one word is aimed at someone
        "Kabid saya ini brengsek banget, kerjaan dilempar ke staf",  # "saya" says whose Kabid
        "Ada yang nyindir saya di story, saya datangi. B*ngs*t!",  # closes a rant at someone
        "Bodoh banget dia, kunci motor ketinggalan",  # third person
        "Duh, saya bodoh tapi mereka lebih bodoh",  # others are named too
        "Jalan di depan kantor rusak lagi",  # no abusive word at all
        "",
    ],
)
def test_abuse_aimed_at_someone_or_no_abuse(engine, text):
    assert engine.abuse_context(text) is None


def test_obfuscated_words_are_read_through_the_normaliser(engine):
    assert engine.abuse_context("B0d0h bangeeet saya") == "self"
    assert engine.abuse_context("M4mpus, ID card ketinggalan") == "exclamation"

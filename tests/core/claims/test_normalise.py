"""The claim matcher's own normaliser: slang, numbers, affixes, offsets."""

from __future__ import annotations

from pantau.core.claims.normalise import NUM, content_keys, tokenize


def test_slang_and_standard_forms_meet():
    assert (
        content_keys("udah dibilangin gak usah divaksin bgt")
        == content_keys("sudah dibilang tidak usah divaksin banget")[
            : len(content_keys("udah dibilangin gak usah divaksin bgt"))
        ]
    )
    assert content_keys("yg nyebarin") == content_keys("yang menyebarkan")


def test_affixes_are_stripped_consistently():
    assert (
        content_keys("ditangkap")[0] == content_keys("penangkapan")[0] == content_keys("tangkap")[0]
    )
    assert content_keys("menulis") == content_keys("ditulis")
    assert content_keys("mengirim") == content_keys("dikirim") == content_keys("kirim")


def test_numbers_are_masked_and_letters_repeated_collapse():
    assert content_keys("Rp 9.500 per liter") == content_keys("Rp 12.000 per liter")
    assert NUM in content_keys("stroke 3x")
    assert content_keys("parahhhh bangeeet") == []


def test_offsets_point_into_the_original_text():
    text = "Vaksin COVID-19 ada microchip-nya!! cek dulu"
    toks = tokenize(text)
    for _stem, (a, b) in zip(toks.stems, toks.spans, strict=True):
        assert text[a:b].strip()
    assert text[slice(*toks.spans[0])] == "Vaksin"


def test_abbreviations_with_dots_join():
    assert content_keys("J.CO") == content_keys("jco")

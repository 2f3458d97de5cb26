"""Values a database cannot store: NUL characters, lone surrogates, nesting too deep."""

from __future__ import annotations

import json

from pantau.core.safe_text import printable_for_db, text_flaw, value_flaw


def test_text_flaw_names_the_character_and_its_position():
    assert text_flaw("biasa saja 🙏 é") is None
    assert text_flaw("ab\x00c") == "contains a NUL character (at position 3)"
    assert text_flaw("ab\ud800") == "contains a lone surrogate U+D800 (at position 3)"
    assert text_flaw(json.loads('"\\ud83d\\ude4f"')) is None  # a surrogate pair is an emoji


def test_value_flaw_gives_the_path_inside_the_record():
    record = json.loads('{"user": {"tags": ["a", "b\\u0000"]}, "text": "ok"}')
    assert value_flaw(record) == ("user.tags[1]", "contains a NUL character (at position 2)")
    keyed = json.loads('{"meta": {"k\\udc00": 1}}')
    assert value_flaw(keyed) == (
        "meta",
        "has a key that contains a lone surrogate U+DC00 (at position 2)",
    )
    assert value_flaw({"deep": json.loads("[" * 120 + "]" * 120)}) == (
        "deep" + "[0]" * 99,
        "is nested more than 100 levels deep",
    )


def test_a_literal_backslash_u0000_is_plain_text():
    record = {"text": "ketik \\u0000 untuk NUL", "n": [1, 2, {"x": None}]}
    assert value_flaw(record) is None
    assert value_flaw({"list": [[[]]] * 200}) is None  # many brackets, but shallow


def test_printable_for_db_replaces_what_cannot_be_stored():
    assert printable_for_db("a\x00b\ud800c").startswith("a\ufffdb\ufffd")
    assert printable_for_db("aman") == "aman"
    assert (
        "\x00" not in printable_for_db("\x00") and text_flaw(printable_for_db("x\udfffy")) is None
    )

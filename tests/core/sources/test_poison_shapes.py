"""A record of an unexpected shape in a platform export (a number where a list or a text was
expected, a time stamp out of range) is a problem at its place; the other records are read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.core.sources import open_source
from tests.core.sources.conftest import split
from tests.core.sources.samples import (
    write_facebook,
    write_instagram,
    write_tiktok,
    write_x_archive,
)


def _rewrite(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    prefix = text[: text.index("=") + 1] if path.suffix == ".js" else ""
    data = json.loads(text[len(prefix) :])
    change(data)
    path.write_text(prefix + json.dumps(data), encoding="utf-8")


def _x(data):
    data[0]["tweet"]["entities"] = 1e308


def _facebook(data):
    data[0]["timestamp"] = 1e308


def _instagram(data):
    data[0]["media"] = 7


def _tiktok(data):
    # A link that is not text is read as no link (TikTok's own placeholders are tolerated
    # since issue 15), so the poison is a time stamp the local zone cannot hold.
    data["Video"]["Videos"]["VideoList"][0]["Date"] = "9999-12-31 23:59:59"


@pytest.mark.parametrize(
    ("fmt", "writer", "pattern", "change", "message"),
    [
        ("x-archive", write_x_archive, "data/tweets.js", _x, "'float' object has no attribute"),
        ("facebook", write_facebook, "your_posts*_1.json", _facebook, "OverflowError"),
        ("instagram", write_instagram, "posts_1.json", _instagram, "'int' object is not iterable"),
        ("tiktok", write_tiktok, "user_data*.json", _tiktok, "OverflowError"),
    ],
)
def test_a_record_of_another_shape_is_a_problem_and_the_rest_is_read(
    tmp_path, fmt, writer, pattern, change, message
):
    root = writer(tmp_path / "export")
    before, problems_before = split(open_source(root, format=fmt, handle="budi"))
    [target] = root.rglob(pattern)
    _rewrite(target, change)
    after, problems = split(open_source(root, format=fmt, handle="budi"))
    assert len(after) == len(before) - 1
    [new] = [p for p in problems if p not in problems_before]
    assert new.file.endswith(target.name) and (new.index == 0 or new.line is not None)
    assert "not shaped as expected" in new.reason and message in new.reason


def test_a_mastodon_archive_activity_of_another_shape_is_a_problem_and_the_rest_is_read(tmp_path):
    from tests.core.sources.test_export_versions import write_mastodon_archive

    root = write_mastodon_archive(tmp_path / "m")
    outbox = root / "outbox.json"
    data = json.loads(outbox.read_text(encoding="utf-8"))
    data["orderedItems"][1]["object"]["inReplyTo"] = 7
    outbox.write_text(json.dumps(data), encoding="utf-8")
    (root / "actor.json").write_text(json.dumps({"preferredUsername": 7}), encoding="utf-8")
    posts, [problem] = split(open_source(root, format="mastodon", handle="rina@sosial.example"))
    assert [p.post_id for p in posts] == ["111", "113"]
    assert {p.handle for p in posts} == {"rina@sosial.example"}
    assert problem.file.endswith("outbox.json") and problem.index == 1
    assert "not shaped as expected" in problem.reason and "AttributeError" in problem.reason


def test_a_saved_mastodon_status_of_another_shape_is_a_problem_at_its_line(tmp_path):
    from tests.core.sources.test_mastodon import status

    page = [status(n, "https://mastodon.example") for n in (3, 2, 1)]
    page[1]["content"] = 7
    path = tmp_path / "statuses.jsonl"
    path.write_text("\n".join(json.dumps(s) for s in page) + "\n", encoding="utf-8")
    posts, [problem] = split(open_source(path, format="mastodon"))
    assert [p.post_id for p in posts] == ["3", "1"]
    assert problem.file.endswith("statuses.jsonl") and problem.line == 2
    assert "not shaped as expected (TypeError" in problem.reason

"""`pantau import` over real export shapes: a cut-off file keeps what came before and the rest of
the export, problems name the path inside the export (never the server's), Mastodon archives and
RSS files import, and an import that stores nothing says why."""

from __future__ import annotations

import json

import pytest

from pantau.cli import main
from pantau.monitoring.models import ImportProblem, ImportRun, Post
from pantau.registry.models import Account
from tests.core.sources.samples import _js, tweet, zip_dir
from tests.core.sources.test_export_versions import write_mastodon_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english", "_fresh_engine")]


def run_cli(capsys, fmt, path, *extra):
    status = main(["import", "--format", fmt, str(path), "--no-scan", *extra])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out, err


def run_json(capsys, fmt, path, *extra):
    out, _ = run_cli(capsys, fmt, path, "--json", *extra)
    return json.loads(out)


def _fb_posts(n, start, word):
    return [{"timestamp": start + i, "data": [{"post": f"{word} {i}"}]} for i in range(n)]


def write_cut_facebook(root, *, profile=True):
    if profile:
        info = root / "personal_information" / "profile_information" / "profile_information.json"
        info.parent.mkdir(parents=True)
        info.write_text(json.dumps({"profile_v2": {"username": "Fransiska.Ndun"}}))
    posts = root / "your_facebook_activity" / "posts"
    posts.mkdir(parents=True)
    (posts / "your_posts_1.json").write_text(json.dumps(_fb_posts(6, 1_700_000_000, "Utuh")))
    cut = json.dumps(_fb_posts(5, 1_710_000_000, "Terpotong"), indent=2)
    (posts / "your_posts_2.json").write_text(cut[: cut.index("Terpotong 4")])
    (posts / "your_posts_3.json").write_text(json.dumps(_fb_posts(2, 1_720_000_000, "Sesudah")))
    return root


def test_a_cut_off_facebook_file_keeps_every_good_record_and_the_rest(tmp_path, registry, capsys):
    archive = zip_dir(write_cut_facebook(tmp_path / "fb"), tmp_path / "facebook-fransiska.zip")
    out, err = run_cli(capsys, "facebook", archive)
    assert "facebook-fransiska.zip: 12 imported, 0 duplicates, 0 skipped" in out
    assert "1 errors" in out
    assert "your_posts_2.json" in err and "truncated at line" in err
    texts = set(Post.objects.values_list("text", flat=True))
    assert {"Utuh 0", "Utuh 5", "Terpotong 3", "Sesudah 1"} <= texts
    assert "Terpotong 4" not in texts
    problem = ImportProblem.objects.get()
    assert (
        problem.file
        == "facebook-fransiska.zip:export/your_facebook_activity/posts/your_posts_2.json"
    )
    assert problem.line > 1 and "column" in problem.reason
    assert str(tmp_path) not in problem.file + problem.reason
    assert ImportRun.objects.get().status == "done"
    again = run_json(capsys, "facebook", archive)
    assert (again["imported"], again["duplicates"]) == (0, 12)  # a re-run goes past the break


def test_a_cut_off_tweets_js_stores_the_tweets_before_the_break(tmp_path, registry, capsys):
    data = tmp_path / "x" / "data"
    data.mkdir(parents=True)
    (data / "account.js").write_text(_js("account", [{"account": {"username": "budisan"}}]))
    text = _js("tweets", [tweet(str(100 + i), f"Cuitan {i}") for i in range(5)])
    (data / "tweets.js").write_text(text[: text.index('"Cuitan 4"')])
    gone = tweet("200", "Dihapus", deleted_at="Fri Oct 12 09:00:00 +0000 2018")
    (data / "deleted-tweets.js").write_text(_js("deleted_tweets", [gone]))
    summary = run_json(capsys, "x-archive", tmp_path / "x")
    assert summary["imported"] == 5
    [error] = summary["errors"]
    assert error["file"] == "x/data/tweets.js" and "truncated at line" in error["reason"]
    assert sorted(Post.objects.values_list("post_id", flat=True)) == [
        "100",
        "101",
        "102",
        "103",
        "200",
    ]
    assert Post.objects.get(post_id="200").deleted_by_author


def test_a_mastodon_archive_and_an_rss_file_import(tmp_path, registry, capsys):
    Account.objects.create(
        employee=registry.employees["e4"], platform="mastodon", handle="rina@sosial.example"
    )
    archive = zip_dir(write_mastodon_archive(tmp_path / "m"), tmp_path / "archive-rina.zip")
    summary = run_json(capsys, "mastodon", archive)
    assert (summary["imported"], summary["errors"]) == (3, [])
    kinds = dict(Post.objects.values_list("post_id", "kind"))
    assert kinds == {"111": "post", "112": "comment", "113": "share"}
    assert Post.objects.get(post_id="113").reshared_author == "humas@lain.example"
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Rina</title>'
        "<item><title>Layanan KTP</title><link>https://sosial.example/@rina/300</link>"
        "<guid>https://sosial.example/@rina/300</guid>"
        "<pubDate>Mon, 05 Feb 2024 08:00:00 +0000</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    summary = run_json(capsys, "rss", feed)
    assert summary["imported"] == 1
    assert Post.objects.get(post_id="https://sosial.example/@rina/300").account.handle == (
        "rina@sosial.example"
    )


def test_an_export_without_its_profile_and_no_handle_says_why_nothing_came(
    tmp_path, registry, capsys
):
    root = write_cut_facebook(tmp_path / "fb", profile=False)
    out, _ = run_cli(capsys, "facebook", root)
    assert "0 imported" in out and "12 skipped" in out
    assert "the export does not name its account" in out and "handle" in out
    assert "does not name its account" in ImportRun.objects.get().message
    summary = run_json(capsys, "facebook", root, "--handle", "fransiska.ndun")
    assert summary["imported"] == 12 and summary["message"] == ""


def test_an_unregistered_account_is_named_when_nothing_came(tmp_path, registry, capsys):
    root = write_cut_facebook(tmp_path / "fb", profile=False)
    summary = run_json(capsys, "facebook", root, "--handle", "orang.lain")
    assert summary["imported"] == 0
    assert "no registered account matches facebook @orang.lain" in summary["message"]

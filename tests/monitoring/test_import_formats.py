"""`pantau import --format FORMAT PATH`: every export format, attribution and the JSON summary.

The samples are small exports written for these tests in the shapes the platforms use; the
accounts they name are the shared registry's (``budisan`` on X, ``budi.santoso`` on Instagram,
``siti_rahma`` on TikTok, ``fransiska.ndun`` on Facebook), spelt with other cases and an ``@``.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from pantau.cli import main
from pantau.monitoring.models import Finding, ImportProblem, ImportRun, Post
from tests.conftest import write_csv, write_xlsx
from tests.core.sources.samples import ARABIC, _js, mojibake, tweet, zip_dir

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english", "_fresh_engine")]

SUMMARY_KEYS = {"imported", "duplicates", "skipped", "errors"}
ERROR_KEYS = {"file", "line", "field", "reason"}


def run_import(capsys, fmt: str, path, *extra: str) -> dict:
    status = main(["import", "--format", fmt, str(path), "--json", "--no-scan", *extra])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    summary = json.loads(captured.out)
    assert SUMMARY_KEYS <= set(summary)
    for error in summary["errors"]:
        assert set(error) == ERROR_KEYS
    return summary


def account_of(registry, platform: str):
    return next(a for a in registry.accounts if a.platform == platform)


# --- sample exports --------------------------------------------------------------------------


def write_x_archive(root):
    data = root / "data"
    data.mkdir(parents=True)
    account = {"account": {"username": "BudiSan", "accountId": "42", "accountDisplayName": "Budi"}}
    (data / "account.js").write_text(_js("account", [account]), encoding="utf-8")
    tweets = [
        tweet("9001", "Selamat pagi warga 😀 rapat koordinasi jam sembilan"),
        tweet("9002", "RT @kominfo: Waspada banjir rob malam ini", retweet_count="12"),
        tweet(
            "9003",
            "@warga_bpn terima kasih laporannya",
            in_reply_to_status_id_str="8000",
            in_reply_to_screen_name="warga_bpn",
        ),
        tweet("9004", ARABIC, lang="ar"),
    ]
    (data / "tweets.js").write_text(_js("tweets", tweets), encoding="utf-8")
    deleted = tweet(
        "9005", "Unggahan yang sudah dihapus", deleted_at="Fri Oct 12 09:00:00 +0000 2018"
    )
    (data / "deleted-tweets.js").write_text(_js("deleted_tweets", [deleted]), encoding="utf-8")
    return root


def _meta(path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")


def write_facebook(root):
    _meta(
        root / "personal_information" / "profile_information" / "profile_information.json",
        {"profile_v2": {"profile_uri": "https://www.facebook.com/Fransiska.Ndun"}},
    )
    posts = [
        {
            "timestamp": 1763600000,
            "data": [{"post": mojibake("Ngopi di café dulu ☕ sebelum apel")}],
        },
        {"timestamp": 1763603600, "data": [{"post": "Jadwal posyandu minggu depan"}]},
    ]
    _meta(root / "your_facebook_activity" / "posts" / "your_posts_1.json", posts)
    return root


def write_instagram(root):
    _meta(
        root / "personal_information" / "personal_information" / "personal_information.json",
        {"profile_user": [{"string_map_data": {"Username": {"value": "Budi.Santoso"}}}]},
    )
    posts = [
        {
            "media": [
                {
                    "uri": "media/posts/1.jpg",
                    "creation_timestamp": 1763600000,
                    "title": mojibake("Senja di pantai 🌅 indah"),
                }
            ]
        }
    ]
    _meta(root / "your_instagram_activity" / "content" / "posts_1.json", posts)
    return root


def write_tiktok(root):
    data = {
        "Profile": {"Profile Information": {"ProfileMap": {"userName": "@Siti_Rahma"}}},
        "Video": {
            "Videos": {
                "VideoList": [
                    {
                        "Date": "2026-11-01 08:00:00",
                        "Link": "https://www.tiktokv.com/share/video/7400000000000000001/",
                        "Likes": "1,200",
                        "Desc": "Cara urus KTP digital 🪪 #pelayanan",
                    }
                ]
            }
        },
        "Comment": {
            "Comments": {"CommentsList": [{"Date": "2026-11-02 09:00:00", "Comment": "Mantap!"}]}
        },
    }
    root.mkdir(parents=True, exist_ok=True)
    (root / "user_data_tiktok.json").write_text(json.dumps(data), encoding="utf-8")
    return root


TABLE = [
    ["id", "platform", "handle", "url", "text", "created_at", "likes"],
    ["t1", "x", "@BudiSan", "", "Apel pagi di halaman kantor", "2026-11-01 08:00", "4"],
    ["t2", "", "", "https://twitter.com/budisan/status/7702", "Dari tautan saja", "", ""],
    ["t3", "x", "orang_lain", "", "Akun yang tidak terdaftar", "2026-11-01 09:00", ""],
    ["t4", "x", "budisan", "", "", "2026-11-01 10:00", ""],
    ["t5", "instagram", "", "https://www.instagram.com/Budi.Santoso/", "Lewat profil", "", ""],
]


# --- platform exports -------------------------------------------------------------------------


def test_an_x_archive_zip_is_imported_for_the_registered_account(tmp_path, registry, capsys):
    archive = zip_dir(write_x_archive(tmp_path / "x"), tmp_path / "twitter-2026.zip")
    summary = run_import(capsys, "x-archive", archive)
    assert summary["imported"] == 5 and summary["skipped"] == 0 and summary["errors"] == []
    posts = {p.post_id: p for p in Post.objects.filter(platform="x")}
    assert set(posts) == {"9001", "9002", "9003", "9004", "9005"}
    assert {p.account_id for p in posts.values()} == {account_of(registry, "x").pk}
    assert posts["9002"].kind == "share" and posts["9003"].kind == "comment"
    assert posts["9001"].text.startswith("Selamat pagi warga 😀")
    assert posts["9004"].text == ARABIC
    assert posts["9001"].raw["tweet"]["id_str"] == "9001"
    assert posts["9001"].created_at is not None and posts["9001"].scan_state == "pending"


def test_a_facebook_export_is_imported_with_its_mojibake_fixed(tmp_path, registry, capsys):
    summary = run_import(capsys, "facebook", write_facebook(tmp_path / "fb"))
    assert summary["imported"] == 2
    texts = set(Post.objects.values_list("text", flat=True))
    assert "Ngopi di café dulu ☕ sebelum apel" in texts
    assert set(Post.objects.values_list("account__employee", flat=True)) == {
        registry.employees["e8"].pk
    }


def test_an_instagram_export_is_attributed_whatever_the_case_of_the_username(
    tmp_path, registry, capsys
):
    summary = run_import(capsys, "instagram", write_instagram(tmp_path / "ig"))
    assert summary["imported"] == 1
    post = Post.objects.get()
    assert post.account == account_of(registry, "instagram")
    assert post.text == "Senja di pantai 🌅 indah"


def test_a_zipped_tiktok_export_is_attributed_despite_the_at_sign(tmp_path, registry, capsys):
    archive = zip_dir(write_tiktok(tmp_path / "tt"), tmp_path / "tiktok.zip")
    summary = run_import(capsys, "tiktok", archive)
    assert summary["imported"] == 2
    posts = Post.objects.order_by("kind")
    assert [p.kind for p in posts] == ["comment", "post"]
    assert {p.account.handle for p in posts} == {"siti_rahma"}
    assert posts[1].likes == 1200


# --- tables ----------------------------------------------------------------------------------


def test_a_csv_keeps_good_rows_skips_strangers_and_lists_the_bad_row(tmp_path, registry, capsys):
    path = write_csv(tmp_path / "pantauan.csv", TABLE)
    summary = run_import(capsys, "csv", path)
    assert (summary["imported"], summary["skipped"], summary["duplicates"]) == (3, 1, 0)
    assert len(summary["errors"]) == 1
    error = summary["errors"][0]
    assert error["file"].endswith("pantauan.csv")
    assert (error["line"], error["field"]) == (5, "text")
    assert error["reason"]
    x_account = account_of(registry, "x")
    stored = {p.post_id: p for p in Post.objects.all()}
    assert set(stored) == {"t1", "t2", "t5"}
    assert stored["t1"].account == x_account and stored["t1"].likes == 4
    assert stored["t2"].account == x_account  # attributed through the twitter.com URL
    assert stored["t5"].account == account_of(registry, "instagram")  # through the profile URL
    assert not Post.objects.filter(handle="orang_lain").exists()
    run = ImportRun.objects.get()
    assert (run.status, run.imported, run.skipped, run.error_count) == ("done", 3, 1, 1)
    assert ImportProblem.objects.get(run=run).field == "text"


def test_importing_the_same_file_again_stores_nothing_twice(tmp_path, registry, capsys):
    path = write_csv(tmp_path / "pantauan.csv", TABLE)
    run_import(capsys, "csv", path)
    again = run_import(capsys, "csv", path)
    assert (again["imported"], again["duplicates"], again["skipped"]) == (0, 3, 1)
    assert Post.objects.count() == 3


def test_an_xlsx_is_imported_with_a_column_mapping(tmp_path, registry, capsys):
    rows = [
        ["nomor", "akun", "isi", "waktu"],
        ["k1", "@SITI_RAHMA", "Layanan KTP buka Sabtu", "2026-11-03 08:00"],
        ["k2", "siti_rahma", "Jam layanan diperpanjang", "bukan tanggal"],
        ["k3", "tetangga", "Bukan pegawai", "2026-11-03 09:00"],
    ]
    path = write_xlsx(tmp_path / "rekap.xlsx", rows)
    summary = run_import(
        capsys, "xlsx", path, "--map", "post_id=nomor", "--map", "platform==tiktok"
    )
    assert (summary["imported"], summary["skipped"]) == (1, 1)
    [error] = summary["errors"]
    assert (error["line"], error["field"]) == (3, "created_at")
    assert "bukan tanggal" in error["reason"]
    post = Post.objects.get()
    assert (post.post_id, post.account.handle) == ("k1", "siti_rahma")


def test_json_lines_with_a_broken_line_keep_the_good_ones(tmp_path, registry, capsys):
    lines = [
        json.dumps({"id": "j1", "platform": "x", "handle": "BudiSan", "text": "Satu"}),
        '{"id": "j2", "platform": "x", "handle": "budisan", "text": "Dua"',
        json.dumps({"id": "j3", "platform": "x", "handle": "@budisan", "text": "Tiga 🙏"}),
        json.dumps({"id": "j4", "platform": "facebook", "handle": "Orang.Asing", "text": "Empat"}),
    ]
    path = tmp_path / "kiriman.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run_import(capsys, "jsonl", path)
    assert (summary["imported"], summary["skipped"]) == (2, 1)
    [error] = summary["errors"]
    assert error["line"] == 2 and error["file"].endswith("kiriman.jsonl")
    assert sorted(Post.objects.values_list("post_id", flat=True)) == ["j1", "j3"]


def test_a_zipped_jsonl_file_is_imported(tmp_path, registry, capsys):
    path = tmp_path / "kiriman.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "ekspor/kiriman.jsonl",
            json.dumps({"id": "z1", "platform": "x", "handle": "budisan", "text": "Dari zip"}),
        )
    assert run_import(capsys, "jsonl", path)["imported"] == 1
    assert Post.objects.get().post_id == "z1"


# --- without --json, and with the scan ---------------------------------------------------------


def test_the_summary_line_names_the_file_and_the_counts(tmp_path, registry, capsys):
    path = write_csv(tmp_path / "pantauan.csv", TABLE)
    assert main(["import", "--format", "csv", str(path), "--no-scan"]) == 0
    out, err = capsys.readouterr()
    assert "pantauan.csv: 3 imported, 0 duplicates, 1 skipped" in out
    assert "1 errors" in out
    assert ":5: text:" in err


def test_an_import_scans_the_new_posts_unless_told_not_to(tmp_path, registry, capsys):
    rows = [
        ["id", "platform", "handle", "text"],
        ["h1", "x", "budisan", "Dasar kaum kafir itu semua anjing, usir saja dari kota ini"],
        ["h2", "x", "budisan", "Selamat pagi, hari ini rapat evaluasi kinerja"],
    ]
    path = write_csv(tmp_path / "dua.csv", rows)
    assert main(["import", "--format", "csv", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["imported"] == 2 and summary["findings"] == 1
    assert set(Post.objects.values_list("scan_state", flat=True)) == {"scanned"}
    assert Finding.objects.get().post.post_id == "h1"


def test_a_file_of_the_wrong_format_is_refused_with_its_name(tmp_path, registry, capsys):
    path = tmp_path / "bukan-arsip.zip"
    path.write_bytes(b"this is not a zip file")
    assert main(["import", "--format", "x-archive", str(path), "--json", "--no-scan"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pantau import: error:") and "bukan-arsip.zip" in err
    assert Post.objects.count() == 0

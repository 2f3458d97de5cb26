"""`insert_rows`: the ingest path's plain multi-row insert fills defaults, adapts JSON, times and
UUID keys as the ORM would, and ignores duplicates only when asked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from pantau.monitoring.bulk import insert_rows
from pantau.monitoring.models import ImportRun, Post

pytestmark = pytest.mark.django_db

WITA = dt.timezone(dt.timedelta(hours=8))


def row(n: int, **extra) -> dict:
    return {
        "platform": "x",
        "post_id": f"bulk-{n}",
        "handle": "akun",
        "text": f"isi unggahan {n} 🙂 مرحبا",
        "content_hash": f"h{n}",
        **extra,
    }


def test_rows_read_back_as_the_orm_would_have_stored_them():
    run = ImportRun.objects.create(format="jsonl", source_name="a.jsonl", source_sha256="0" * 64)
    created = dt.datetime(2026, 11, 1, 8, 30, 15, 123456, tzinfo=WITA)
    raw = {"id": "1", "nested": {"teks": "ü", "angka": [1, 2.5, None]}}
    sent = insert_rows(
        Post,
        [
            row(1, created_at=created, raw=raw, import_run_id=run.pk, likes=7),
            row(2, raw=None),
        ],
    )
    assert sent == 2
    first, second = Post.objects.order_by("post_id")
    assert first.created_at == created
    assert first.raw == raw
    assert first.import_run == run
    assert first.likes == 7 and first.views == 0
    assert first.text.endswith("🙂 مرحبا")
    assert first.scan_state == Post.ScanState.PENDING and first.source == "import"
    assert first.kind == Post.Kind.POST and first.keep_until is None
    assert first.collected_at is not None
    assert second.created_at is None
    assert Post.objects.filter(post_id="bulk-2", raw__isnull=True).exists()


def test_duplicates_are_ignored_only_when_asked():
    insert_rows(Post, [row(1)])
    insert_rows(Post, [row(1, text="lagi"), row(3)], ignore_conflicts=True)
    assert Post.objects.filter(post_id="bulk-1").get().text.startswith("isi unggahan 1")
    assert Post.objects.count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Post, [row(1)])
    assert Post.objects.count() == 2


def test_a_bad_row_fails_the_whole_insert():
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Post, [row(1), row(2, likes=None)])
    assert not Post.objects.exists()


def test_no_rows_is_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_rows(Post, []) == 0


def test_a_row_reads_back_as_the_same_row_saved_through_the_orm():
    """Including a naive time, which both read as local time (TIME_ZONE), not as UTC."""
    values = {
        "created_at": dt.datetime(2026, 11, 1, 8, 0),  # naive: 08:00 WITA
        "keep_until": dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC),
        "raw": {"a": [1, "dua", None], "b": {"c": True}},
        "kind": Post.Kind.COMMENT,
        "language": "id",
        "views": 12_345_678_901,
    }
    with pytest.warns(RuntimeWarning, match="naive datetime"):
        Post.objects.create(**row(1), **values)
    with pytest.warns(RuntimeWarning, match="naive datetime"):
        insert_rows(Post, [{**row(2), **values}])
    skip = {"id", "post_id", "content_hash", "text", "collected_at"}
    orm, fast = (
        {k: v for k, v in Post.objects.filter(post_id=pid).values().get().items() if k not in skip}
        for pid in ("bulk-1", "bulk-2")
    )
    assert fast == orm
    assert fast["created_at"] == dt.datetime(2026, 11, 1, 0, 0, tzinfo=dt.UTC)


def test_a_key_that_names_no_column_is_refused_before_anything_is_written():
    with pytest.raises(ValueError, match="Post: no column for import_run .*account_id"):
        insert_rows(Post, [row(1), row(2, import_run=None)])
    assert not Post.objects.exists()


def test_a_default_made_by_a_function_is_made_afresh_for_each_row():
    sent = insert_rows(
        ImportRun,
        [
            {"format": "csv", "source_name": f"{n}.csv", "source_sha256": str(n) * 64}
            for n in range(3)
        ],
    )
    assert sent == 3
    assert len(set(ImportRun.objects.values_list("id", flat=True))) == 3
    assert set(ImportRun.objects.values_list("status", flat=True)) == {ImportRun.Status.RUNNING}

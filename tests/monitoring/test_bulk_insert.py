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

"""Keyed audit chains: the access log joins the chain, triggers also refuse DELETE and TRUNCATE.

Existing audit entries keep their plain SHA-256 hashes; the audit head records from which entry
on hashes are keyed (``keyed_from_seq`` = the next entry). Existing access-log rows are numbered
in their order of writing and linked with plain SHA-256 hashes in the same way, so deleting one
of them later is detected; every row written after this migration carries an HMAC.
"""

from django.db import migrations, models
from django.utils import timezone

from pantau.audit import protection
from pantau.audit.chain import GENESIS_HASH, access_fields, link_hash

AUDIT_CHAIN, ACCESS_CHAIN = 1, 2


def drop_triggers(apps, schema_editor):
    for sql in protection.drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, None)


def create_triggers(apps, schema_editor):
    for sql in protection.create_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, None)


def record_switch_over(apps, schema_editor):
    head_model = apps.get_model("audit", "AuditChainHead")
    access_model = apps.get_model("audit", "AccessLog")
    head_model.objects.filter(pk=AUDIT_CHAIN).update(keyed_from_seq=models.F("seq") + 1)
    prev_hash, seq = GENESIS_HASH, 0
    for row in access_model.objects.order_by("created_at", "id").iterator(chunk_size=2000):
        seq += 1
        row.seq, row.prev_hash = seq, prev_hash
        row.hash = link_hash(
            seq=seq,
            created_at=row.created_at,
            prev_hash=prev_hash,
            fields=access_fields(row),
            key=None,
        )
        access_model.objects.filter(pk=row.pk).update(
            seq=row.seq, prev_hash=row.prev_hash, hash=row.hash
        )
        prev_hash = row.hash
    if seq:
        head_model.objects.update_or_create(
            pk=ACCESS_CHAIN, defaults={"seq": seq, "hash": prev_hash, "keyed_from_seq": seq + 1}
        )


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_append_only_triggers")]

    operations = [
        migrations.RunPython(drop_triggers, create_triggers),
        migrations.AddField(
            model_name="auditchainhead",
            name="keyed_from_seq",
            field=models.PositiveBigIntegerField(default=1),
        ),
        migrations.AlterField(
            model_name="accesslog",
            name="created_at",
            field=models.DateTimeField(db_index=True, default=timezone.now, verbose_name="time"),
        ),
        migrations.AddField(
            model_name="accesslog",
            name="seq",
            field=models.PositiveBigIntegerField(null=True, unique=True, verbose_name="sequence"),
        ),
        migrations.AddField(
            model_name="accesslog",
            name="prev_hash",
            field=models.CharField(blank=True, max_length=64, verbose_name="previous hash"),
        ),
        migrations.AddField(
            model_name="accesslog",
            name="hash",
            field=models.CharField(blank=True, max_length=64, verbose_name="hash"),
        ),
        migrations.RunPython(record_switch_over, migrations.RunPython.noop),
        migrations.RunPython(create_triggers, drop_triggers),
    ]

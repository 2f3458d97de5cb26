"""Indexes for the dashboards' "posts scanned" count: by date, and by account then date.

With them, counting the scanned posts of a period — for the whole organisation, or for a unit's
or a supervisor's staff through their accounts — reads only an index (no table rows), which
keeps the dashboard fast with a million posts. They live on the monitoring app's table; the
monitoring app may adopt them in ``Post.Meta.indexes`` under these names (and this migration's
operations then become no-ops). Plain SQL that SQLite and PostgreSQL both accept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("monitoring", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            'CREATE INDEX IF NOT EXISTS "reports_post_created_scan_idx" '
            'ON "monitoring_post" ("created_at", "scan_state")',
            reverse_sql='DROP INDEX IF EXISTS "reports_post_created_scan_idx"',
        ),
        migrations.RunSQL(
            'CREATE INDEX IF NOT EXISTS "reports_post_account_scan_idx" '
            'ON "monitoring_post" ("account_id", "created_at", "scan_state")',
            reverse_sql='DROP INDEX IF EXISTS "reports_post_account_scan_idx"',
        ),
    ]

"""Pre-fill the holiday table with 2026 and 2027 (see cases/holiday_calendar.py for sources)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from pantau.cases.holiday_calendar import SHIPPED_HOLIDAYS

    Holiday = apps.get_model("cases", "Holiday")
    for date, name, kind, source in SHIPPED_HOLIDAYS:
        Holiday.objects.get_or_create(
            date=date, defaults={"name": name, "kind": kind, "source": source}
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

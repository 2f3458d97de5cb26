"""Seed the default letter templates (Bahasa Indonesia and English), letterhead and numbering."""

from django.db import migrations


def seed(apps, schema_editor):
    from pantau.letters.defaults import seed as seed_defaults

    seed_defaults(apps)


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

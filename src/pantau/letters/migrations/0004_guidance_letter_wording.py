"""The guidance letter is a surat pembinaan, never a "teguran"; the LHP states facts, not scores.

- Its numbering code "ST" (read as Surat Tugas in most offices) becomes "PMB" where the admin
  has not changed it; the admin sets the classification code per kind.
- The stored default templates that still hold the shipped wording are updated in place: the
  guidance letter's subject and closing sentence, and the LHP's "pattern" section (the machine's
  score) becomes the record of guidance and earlier sanctions. Templates an admin rewrote are
  left alone (their wording is the office's).
"""

from django.db import migrations

from pantau.letters.defaults import read_default

OLD_GUIDANCE = {
    "id": [
        (
            "Teguran dan permintaan penghapusan unggahan media sosial",
            "Pembinaan dan permintaan penghapusan unggahan media sosial",
        ),
        (
            "Sehubungan dengan hal tersebut, Saudara diingatkan untuk menjaga etika dalam "
            "bermedia sosial dan diminta menghapus",
            "Sehubungan dengan hal tersebut, sebagai pembinaan Saudara diminta untuk menjaga "
            "etika dalam bermedia sosial dan menghapus",
        ),
        (
            "Surat teguran ini merupakan bagian dari pembinaan dan bukan merupakan hukuman "
            "disiplin.",
            "Surat pembinaan ini bukan merupakan hukuman disiplin dan tidak dicatat sebagai "
            "hukuman disiplin.",
        ),
    ],
    "en": [
        (
            "Reminder and request to delete social-media posts",
            "Guidance and request to delete social-media posts",
        ),
        (
            "You are therefore reminded to observe proper conduct on social media and requested "
            "to delete these posts",
            "As guidance, you are therefore asked to observe proper conduct on social media and "
            "to delete these posts",
        ),
        (
            "This reminder is part of guidance and is not a disciplinary sanction.",
            "This guidance letter is not a disciplinary sanction and is not recorded as one.",
        ),
    ],
}
OLD_PATTERN = {
    "id": "3. Pola unggahan\n{% for r in pattern %}> - {{ r }}\n{% empty %}> Tidak terdapat "
    "catatan pola.\n{% endfor %}",
    "en": "3. Pattern of posting\n{% for r in pattern %}> - {{ r }}\n{% empty %}> No pattern "
    "noted.\n{% endfor %}",
}
SECTION_START = {"id": "3. Riwayat pembinaan", "en": "3. Record of guidance"}


def _new_history_section(language: str) -> str:
    body = read_default("lhp", language)["body"]
    start = body.index(SECTION_START[language])
    end = body.index("{% endfor %}", start) + len("{% endfor %}")
    return body[start:end]


def forwards(apps, schema_editor):
    scheme = apps.get_model("letters", "NumberingScheme")
    template = apps.get_model("letters", "LetterTemplate")
    scheme.objects.filter(kind="teguran", code="ST").update(code="PMB")
    for row in template.objects.filter(kind="teguran"):
        for old, new in OLD_GUIDANCE.get(row.language, []):
            row.title = row.title.replace(old, new)
            row.body = row.body.replace(old, new)
        row.save(update_fields=["title", "body"])
    for row in template.objects.filter(kind="lhp"):
        old = OLD_PATTERN.get(row.language)
        if old and old in row.body:
            row.body = row.body.replace(old, _new_history_section(row.language))
            row.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0003_letter_translations_signatories")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

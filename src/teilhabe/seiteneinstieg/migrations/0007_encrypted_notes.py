"""Special needs and the notes of families, children, assessments and appointments encrypted
at rest (teilhabe.core.crypto); the rows already there are encrypted in batches."""

from django.db import migrations

import teilhabe.core.crypto

ENCRYPTED = {
    "family": ("notes",),
    "child": ("special_needs", "notes"),
    "assessment": ("notes",),
    "appointment": ("notes",),
}


def encrypt_rows(apps, schema_editor):
    from teilhabe.core.crypto import rotate_model

    for model_name, names in ENCRYPTED.items():
        rotate_model(apps.get_model("seiteneinstieg", model_name), names, batch_size=500)


def decrypt_rows(apps, schema_editor):
    from teilhabe.core.crypto import decrypt_model

    for model_name, names in ENCRYPTED.items():
        decrypt_model(apps.get_model("seiteneinstieg", model_name), names, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("seiteneinstieg", "0006_self_registration"),
    ]

    operations = [
        migrations.AlterField(
            model_name="appointment",
            name="notes",
            field=teilhabe.core.crypto.EncryptedTextField(
                blank=True, verbose_name="Notizen zur Beratung"
            ),
        ),
        migrations.AlterField(
            model_name="assessment",
            name="notes",
            field=teilhabe.core.crypto.EncryptedTextField(blank=True, verbose_name="Bemerkungen"),
        ),
        migrations.AlterField(
            model_name="child",
            name="notes",
            field=teilhabe.core.crypto.EncryptedTextField(blank=True, verbose_name="Notizen"),
        ),
        migrations.AlterField(
            model_name="child",
            name="special_needs",
            field=teilhabe.core.crypto.EncryptedTextField(
                blank=True, verbose_name="Besonderer Förderbedarf"
            ),
        ),
        migrations.AlterField(
            model_name="family",
            name="notes",
            field=teilhabe.core.crypto.EncryptedTextField(blank=True, verbose_name="Notizen"),
        ),
        migrations.RunPython(encrypt_rows, decrypt_rows),
    ]

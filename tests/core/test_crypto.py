"""Encrypted fields: no plaintext in the column, plaintext on the page, key rotation."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from teilhabe.core import crypto
from teilhabe.seiteneinstieg.models import Appointment, Assessment, Child, Family
from tests.factories import AppointmentFactory, AssessmentFactory, ChildFactory

pytestmark = pytest.mark.django_db

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()
SECRET = "Diabetes Typ 1, braucht Insulin in der Pause"


def _raw(model, pk: int, column: str) -> str:
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_every_sensitive_field_is_encrypted_and_no_other():
    found = {
        f"{model._meta.label_lower}.{name}"
        for model, names in crypto.encrypted_models()
        for name in names
    }
    assert found == {
        "seiteneinstieg.family.notes",
        "seiteneinstieg.child.special_needs",
        "seiteneinstieg.child.notes",
        "seiteneinstieg.assessment.notes",
        "seiteneinstieg.appointment.notes",
    }


def test_the_column_holds_no_plaintext_and_the_model_reads_it_back():
    child = ChildFactory(special_needs=SECRET, notes="Vater krank")
    family = child.family
    family.notes = "Familie lebt in Notunterkunft"
    family.save()
    assessment = AssessmentFactory(child=child, notes="spricht kaum")
    appointment = AppointmentFactory(notes="Mutter weint oft")

    for model, pk, column, plain in [
        (Child, child.pk, "special_needs", SECRET),
        (Child, child.pk, "notes", "Vater krank"),
        (Family, family.pk, "notes", "Familie lebt in Notunterkunft"),
        (Assessment, assessment.pk, "notes", "spricht kaum"),
        (Appointment, appointment.pk, "notes", "Mutter weint oft"),
    ]:
        stored = _raw(model, pk, column)
        assert stored.startswith(crypto.MARKER)
        assert plain not in stored and plain.split()[0] not in stored
        assert getattr(model.objects.get(pk=pk), column) == plain
        assert model.objects.filter(pk=pk).values_list(column, flat=True).get() == plain


def test_the_same_text_encrypts_differently_each_time():
    one, two = ChildFactory(special_needs=SECRET), ChildFactory(special_needs=SECRET)
    assert _raw(Child, one.pk, "special_needs") != _raw(Child, two.pk, "special_needs")


def test_empty_stays_empty_so_emptiness_can_be_filtered():
    with_needs = ChildFactory(special_needs=SECRET)
    without = ChildFactory(special_needs="")
    assert _raw(Child, without.pk, "special_needs") == ""
    assert list(Child.objects.filter(special_needs="")) == [without]
    assert list(Child.objects.exclude(special_needs="").filter(pk=with_needs.pk)) == [with_needs]


def test_searching_the_text_is_refused():
    ChildFactory(special_needs=SECRET)
    with pytest.raises(FieldError):
        list(Child.objects.filter(special_needs=SECRET))
    with pytest.raises(FieldError):
        list(Child.objects.filter(special_needs__icontains="Diabetes"))


def test_plaintext_from_before_is_read_as_is_and_encrypted_by_rotation():
    child = ChildFactory()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Child._meta.db_table} SET special_needs = %s WHERE id = %s",
            [SECRET, child.pk],
        )
    assert Child.objects.get(pk=child.pk).special_needs == SECRET
    assert crypto.rotate_model(Child, dry_run=True) == 1
    assert _raw(Child, child.pk, "special_needs") == SECRET  # a dry run writes nothing
    assert crypto.rotate_model(Child) == 1
    assert _raw(Child, child.pk, "special_needs").startswith(crypto.MARKER)
    assert Child.objects.get(pk=child.pk).special_needs == SECRET
    assert crypto.rotate_model(Child) == 0  # idempotent


def test_an_unknown_key_is_a_clear_error_not_garbage():
    with override_settings(TEILHABE_FIELD_KEYS=[KEY_A]):
        child = ChildFactory(special_needs=SECRET)
    with (
        override_settings(TEILHABE_FIELD_KEYS=[KEY_B]),
        pytest.raises(crypto.FieldDecryptionError, match="TEILHABE_FIELD_KEYS"),
    ):
        Child.objects.get(pk=child.pk)


def test_rotate_field_keys_command(capsys):
    with override_settings(TEILHABE_FIELD_KEYS=[KEY_A]):
        child = ChildFactory(special_needs=SECRET, notes="Notiz")
        appointment = AppointmentFactory(notes="Beratungsnotiz")
        empty = ChildFactory(special_needs="", notes="")
    before = _raw(Child, child.pk, "special_needs")

    with override_settings(TEILHABE_FIELD_KEYS=[KEY_B, KEY_A]):
        call_command("rotate_field_keys", "--dry-run")
        assert _raw(Child, child.pk, "special_needs") == before
        out = capsys.readouterr().out
        assert "seiteneinstieg.child" in out and "Probelauf" in out
        call_command("rotate_field_keys", "--batch-size", "1")
        call_command("rotate_field_keys")  # nothing left to do
        assert "0 Zeilen" in capsys.readouterr().out.splitlines()[-1]

    assert _raw(Child, empty.pk, "special_needs") == ""
    with override_settings(TEILHABE_FIELD_KEYS=[KEY_B]):
        again = Child.objects.get(pk=child.pk)
        assert (again.special_needs, again.notes) == (SECRET, "Notiz")
        assert Appointment.objects.get(pk=appointment.pk).notes == "Beratungsnotiz"


def test_the_development_key_is_derived_and_stable():
    assert crypto.derived_key("a") == crypto.derived_key("a") != crypto.derived_key("b")
    Fernet(crypto.derived_key("a").encode())  # a valid key


def test_the_migration_way_back_writes_plaintext_and_forward_encrypts_again():
    """``seiteneinstieg`` 0007 runs ``rotate_model`` forward and ``decrypt_model`` back."""
    child = ChildFactory(special_needs=SECRET, notes="")
    assert crypto.decrypt_model(Child, ["special_needs", "notes"], batch_size=1) == 1
    assert _raw(Child, child.pk, "special_needs") == SECRET
    assert _raw(Child, child.pk, "notes") == ""
    assert crypto.rotate_model(Child, ["special_needs", "notes"], batch_size=1) == 1
    assert _raw(Child, child.pk, "special_needs").startswith(crypto.MARKER)
    assert Child.objects.get(pk=child.pk).special_needs == SECRET

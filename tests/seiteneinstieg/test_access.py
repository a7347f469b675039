"""Right of access (Art. 15): the ZIP holds every record about the person, audited once."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from teilhabe.core.registry import personal_data_collectors
from tests.factories import (
    AppointmentFactory,
    AssessmentFactory,
    ChildFactory,
    ChildLanguageFactory,
    DocumentFactory,
    FamilyFactory,
    GuardianFactory,
    SlotFactory,
)

pytestmark = pytest.mark.django_db

CASE_MODELS = {"seiteneinstieg.child", "seiteneinstieg.family", "seiteneinstieg.guardian"}


def test_every_model_related_to_a_case_is_in_the_registry():
    """Every model with a foreign-key path to a child, family or guardian says how to find
    its rows about a person (walks the relations of ``apps.get_models()``)."""
    related = set(CASE_MODELS)
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            label = model._meta.label_lower
            if label in related:
                continue
            for f in model._meta.concrete_fields:
                if f.is_relation and f.related_model._meta.label_lower in related:
                    related.add(label)
                    grew = True
                    break
    missing = sorted(related - set(personal_data_collectors()))
    assert not missing, f"register_personal_data for: {missing}"


@pytest.fixture
def case(staff):
    family = FamilyFactory(centre=staff.centre, notes="Vater arbeitet nachts")
    child = ChildFactory(family=family, first_name="Mariam", special_needs="Hörgerät")
    sibling = ChildFactory(family=family, first_name="Yusuf")
    GuardianFactory(family=family, first_name="Leyla")
    AssessmentFactory(child=child, assessed_by=staff.counsellor, notes="liest gut")
    AssessmentFactory(child=sibling, assessed_by=staff.counsellor)
    ChildLanguageFactory(child=child)
    DocumentFactory(family=family, child=child, uploaded_by=staff.counsellor)
    DocumentFactory(family=family, child=sibling, uploaded_by=staff.counsellor)
    AppointmentFactory(slot=SlotFactory(counsellor=staff.counsellor), family=family)
    return child, sibling


def _zip(response):
    return zipfile.ZipFile(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )


def test_the_child_zip_holds_exactly_the_records_about_the_child(staff, login, case):
    child, sibling = case
    response = login(staff.counsellor).post(
        reverse("seiteneinstieg:child_access_export", args=[child.pk])
    )
    assert response.status_code == 200
    archive = _zip(response)
    assert archive.read("auskunft.pdf").startswith(b"%PDF")
    data = json.loads(archive.read("daten.json"))["records"]

    def ids(label):
        return sorted(r["id"] for r in data.get(label, []))

    assert ids("seiteneinstieg.child") == [child.pk]
    assert data["seiteneinstieg.child"][0]["special_needs"] == "Hörgerät"
    assert ids("seiteneinstieg.assessment") == sorted(
        child.assessments.values_list("pk", flat=True)
    )
    assert ids("seiteneinstieg.childlanguage") == sorted(
        child.languages.values_list("pk", flat=True)
    )
    assert ids("seiteneinstieg.document") == sorted(child.documents.values_list("pk", flat=True))
    assert ids("seiteneinstieg.family") == [child.family_id]
    assert data["seiteneinstieg.family"][0]["notes"] == "Vater arbeitet nachts"
    assert ids("seiteneinstieg.guardian") == sorted(
        child.family.guardians.values_list("pk", flat=True)
    )
    assert ids("seiteneinstieg.appointment") == sorted(
        child.family.appointments.values_list("pk", flat=True)
    )
    # the sibling's own records are not in it
    assert sibling.pk not in ids("seiteneinstieg.child")
    assert [n for n in archive.namelist() if n.startswith("dokumente/")] == [
        f"dokumente/{d.pk}-Reisepass.pdf" for d in child.documents.all()
    ]
    entry = AuditEntry.objects.get(action="audit.personal_data.exported")
    assert (entry.actor, entry.target_id) == (staff.counsellor, str(child.pk))


def test_the_guardian_zip(staff, login, case):
    child, _ = case
    guardian = child.family.guardians.get()
    response = login(staff.centre_admin).post(
        reverse("seiteneinstieg:guardian_access_export", args=[child.family_id, guardian.pk])
    )
    data = json.loads(_zip(response).read("daten.json"))["records"]
    assert [r["id"] for r in data["seiteneinstieg.guardian"]] == [guardian.pk]
    assert "seiteneinstieg.child" not in data


def test_schulamt_may_not_export(staff, login, case):
    child, _ = case
    response = login(staff.schulamt).post(
        reverse("seiteneinstieg:child_access_export", args=[child.pk])
    )
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="audit.personal_data.exported").exists()

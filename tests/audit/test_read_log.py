"""Who read what: case pages, documents and letters are logged; admins see a case's reads."""

from __future__ import annotations

import pytest
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from tests.factories import (
    AppointmentFactory,
    ChildFactory,
    DocumentFactory,
    FamilyFactory,
    SlotFactory,
)

pytestmark = pytest.mark.django_db


def _reads():
    return AuditEntry.objects.filter(data__read=True)


def test_opening_a_child_page_is_logged(staff, login):
    child = ChildFactory(family=FamilyFactory(centre=staff.centre))
    login(staff.counsellor).get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
    entry = _reads().get()
    assert (entry.actor, entry.action) == (staff.counsellor, "audit.case.viewed")
    assert (entry.target_type, entry.target_id) == ("seiteneinstieg.child", str(child.pk))
    assert entry.centre_id == staff.centre.pk


def test_opening_a_family_page_is_logged(staff, login):
    family = FamilyFactory(centre=staff.centre)
    login(staff.schulamt).get(reverse("seiteneinstieg:family_detail", args=[family.pk]))
    entry = _reads().get()
    assert (entry.actor, entry.target_type) == (staff.schulamt, "seiteneinstieg.family")


def test_a_page_of_another_centre_logs_nothing(staff, other_staff, login):
    child = ChildFactory(family=FamilyFactory(centre=other_staff.centre))
    response = login(staff.counsellor).get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
    assert response.status_code == 404
    assert not _reads().exists()


def test_downloading_a_document_is_logged(staff, login):
    family = FamilyFactory(centre=staff.centre)
    document = DocumentFactory(family=family)
    response = login(staff.counsellor).get(
        reverse("seiteneinstieg:document_download", args=[document.pk])
    )
    assert response.status_code == 200
    entry = _reads().get()
    assert entry.action == "audit.document.downloaded"
    assert (entry.target_type, entry.target_id) == ("seiteneinstieg.family", str(family.pk))
    assert f"Nr. {document.pk}" in entry.summary


def test_the_invitation_letter_is_logged(staff, login):
    family = FamilyFactory(centre=staff.centre)
    appointment = AppointmentFactory(slot=SlotFactory(counsellor=staff.counsellor), family=family)
    response = login(staff.counsellor).get(
        reverse("seiteneinstieg:invitation_letter", args=[appointment.pk])
    )
    assert response.status_code == 200
    entry = _reads().get()
    assert entry.action == "audit.document.downloaded"
    assert "Einladungsbrief" in entry.summary


def test_reads_stay_out_of_the_case_history(staff, login):
    child = ChildFactory(family=FamilyFactory(centre=staff.centre))
    client = login(staff.centre_admin)
    client.get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
    page = client.get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
    assert "Fallseite geöffnet" not in page.content.decode()


def test_the_admin_sees_who_read_the_case(staff, login):
    family = FamilyFactory(centre=staff.centre)
    child = ChildFactory(family=family)
    login(staff.counsellor).get(reverse("seiteneinstieg:child_detail", args=[child.pk]))
    client = login(staff.centre_admin)
    page = client.get(reverse("seiteneinstieg:family_detail", args=[family.pk])).content.decode()
    log_url = reverse("seiteneinstieg:read_log", args=[family.pk])
    assert log_url in page
    html = client.get(log_url).content.decode()
    assert "Fallseite geöffnet" in html
    assert staff.counsellor.get_full_name() in html
    assert "Kinderseite" in html


def test_counsellors_do_not_see_the_read_log_link(staff, login):
    family = FamilyFactory(centre=staff.centre)
    page = login(staff.counsellor).get(reverse("seiteneinstieg:family_detail", args=[family.pk]))
    assert reverse("seiteneinstieg:read_log", args=[family.pk]) not in page.content.decode()

"""Removing a family's document: audited by name and kind, the file goes after the commit."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.models import Document
from teilhabe.seiteneinstieg.services.documents import remove_document
from tests.factories import ChildFactory, DocumentFactory, FamilyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(staff):
    family = FamilyFactory(centre=staff.centre)
    return DocumentFactory(family=family, child=ChildFactory(family=family), kind="school_record")


def test_removal_deletes_row_and_file_after_commit(
    staff, document, django_capture_on_commit_callbacks
):
    path = document.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        remove_document(actor=staff.counsellor, document=document)
    assert not Document.objects.filter(pk=document.pk).exists()
    assert default_storage.exists(path)  # the file waits for the commit
    for callback in callbacks:
        callback()
    assert not default_storage.exists(path)

    entry = AuditEntry.objects.get(action="seiteneinstieg.document.removed")
    assert entry.target_id == str(document.family_id) and entry.actor == staff.counsellor
    assert entry.data == {
        "document": document.pk,
        "name": "Reisepass.pdf",
        "kind": "school_record",
        "child": document.child_id,
    }
    assert "Reisepass.pdf" in entry.summary and "Schul" in entry.summary
    assert "%PDF" not in str(entry.data) + entry.summary  # never the content


def test_roles_without_change_case_and_other_centres_cannot_remove(staff, other_staff, document):
    for actor in (staff.schulamt, staff.statistics, other_staff.counsellor):
        with pytest.raises(PermissionDenied):
            remove_document(actor=actor, document=document)
    assert Document.objects.filter(pk=document.pk).exists()
    assert not AuditEntry.objects.filter(action="seiteneinstieg.document.removed").exists()


def test_a_document_removed_meanwhile_gets_a_german_error(staff, document):
    stale = Document.objects.get(pk=document.pk)
    remove_document(actor=staff.counsellor, document=document)
    with pytest.raises(ValidationError) as caught:
        remove_document(actor=staff.centre_admin, document=stale)
    assert caught.value.messages == ["Das Dokument wurde bereits entfernt."]
    assert AuditEntry.objects.filter(action="seiteneinstieg.document.removed").count() == 1


def test_a_failed_audit_keeps_row_and_file(staff, document, monkeypatch):
    from teilhabe.seiteneinstieg.services import documents as services

    def broken(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(services, "record", broken)
    with pytest.raises(RuntimeError):
        remove_document(actor=staff.counsellor, document=document)
    assert Document.objects.filter(pk=document.pk).exists()
    assert default_storage.exists(document.file.name)


def test_confirmation_page_then_post_removes_and_goes_back(
    staff, document, login, django_capture_on_commit_callbacks
):
    client = login(staff.counsellor)
    family_url = reverse("seiteneinstieg:family_detail", args=[document.family_id])
    remove_url = reverse("seiteneinstieg:document_remove", args=[document.pk])
    assert remove_url in client.get(family_url).content.decode()

    page = client.get(remove_url).content.decode()
    assert "Dokument „Reisepass.pdf“ entfernen?" in page
    assert "kann nicht wiederhergestellt werden" in page
    assert Document.objects.filter(pk=document.pk).exists()  # GET only asks

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(remove_url)
    assert response.status_code == 302 and response["Location"] == family_url + "#dokumente"
    page = client.get(family_url).content.decode()
    assert "Dokument „Reisepass.pdf“ wurde entfernt." in page
    assert "Noch keine Dokumente." in page
    assert "Dokument entfernt" in page or "entfernt" in page  # the history says so


def test_schulamt_sees_no_remove_button_and_gets_403(staff, document, login):
    client = login(staff.schulamt)
    family_url = reverse("seiteneinstieg:family_detail", args=[document.family_id])
    remove_url = reverse("seiteneinstieg:document_remove", args=[document.pk])
    assert remove_url not in client.get(family_url).content.decode()
    assert client.post(remove_url).status_code == 403
    assert Document.objects.filter(pk=document.pk).exists()


def test_another_centres_document_answers_404_on_post(other_staff, document, login):
    response = login(other_staff.counsellor).post(
        reverse("seiteneinstieg:document_remove", args=[document.pk])
    )
    assert response.status_code == 404
    assert Document.objects.filter(pk=document.pk).exists()


def test_download_headers(staff, document, login):
    response = login(staff.counsellor).get(
        reverse("seiteneinstieg:document_download", args=[document.pk])
    )
    assert response["Cache-Control"] == "no-store, private"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="Reisepass.pdf"'

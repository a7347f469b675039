"""A counsellor uploads a document, removes it after confirming, and sees the family's mail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from teilhabe.seiteneinstieg.models import Document
from teilhabe.seiteneinstieg.services.appointments import book_appointment
from tests.browser.helpers import log_in
from tests.factories import ChildFactory, FamilyFactory, GuardianFactory, SlotFactory

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n% Meldebescheinigung\n%%EOF\n"


def test_upload_then_remove_a_document_with_confirmation(
    page, staff, screenshot, axe_violations, tmp_path
):
    family = FamilyFactory(centre=staff.centre)
    ChildFactory(family=family)
    scan = tmp_path / "Meldebescheinigung.pdf"
    scan.write_bytes(PDF)

    log_in(page, staff.counsellor)
    page.goto(page.base_url + reverse("seiteneinstieg:family_detail", args=[family.pk]))
    page.get_by_label("Art des Dokuments").select_option("registration")
    page.get_by_label("Datei").set_input_files(str(scan))
    page.get_by_role("button", name="Hochladen").click()
    assert "wurde hochgeladen" in page.inner_text(".messages")
    document = Document.objects.get(family=family)
    stored = document.file.name
    assert default_storage.exists(stored)

    page.get_by_role("link", name="Entfernen Meldebescheinigung.pdf").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Dokument „Meldebescheinigung.pdf“ entfernen?"
    )
    screenshot("documents-remove-confirm")
    assert axe_violations() == []
    page.set_viewport_size({"width": 360, "height": 780})
    screenshot("documents-remove-confirm-360")
    page.set_viewport_size({"width": 1366, "height": 900})

    # "Abbrechen" leaves everything as it was
    page.get_by_role("link", name="Abbrechen").click()
    assert Document.objects.filter(pk=document.pk).exists()

    page.get_by_role("link", name="Entfernen Meldebescheinigung.pdf").click()
    page.get_by_role("button", name="Endgültig entfernen").click()
    assert "Dokument „Meldebescheinigung.pdf“ wurde entfernt." in page.inner_text(".messages")
    assert "Noch keine Dokumente." in page.inner_text("#dokumente")
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not default_storage.exists(stored)
    screenshot("documents-removed")
    assert axe_violations() == []


def test_family_page_lists_the_invitation_mail(page, staff, screenshot, axe_violations):
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, language="ar", email="amal@example.org")
    ChildFactory(family=family)
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=2)
    slot = SlotFactory(
        counsellor=staff.counsellor, starts_at=start, ends_at=start + dt.timedelta(minutes=45)
    )
    appointment = book_appointment(actor=staff.counsellor, slot=slot, family=family)

    log_in(page, staff.counsellor)
    page.goto(page.base_url + reverse("seiteneinstieg:family_detail", args=[family.pk]))
    mails = page.locator("#nachrichten")
    text = mails.inner_text()
    assert f"Einladung zum Beratungsgespräch – {family.reference}" in text
    assert "amal@example.org" in text and "Versandt" in text and "1 Anhang" in text
    screenshot("family-messages")
    assert axe_violations() == []
    page.set_viewport_size({"width": 360, "height": 780})
    screenshot("family-messages-360")

    letter = page.request.get(
        page.base_url + reverse("seiteneinstieg:invitation_letter", args=[appointment.pk])
    )
    assert letter.ok and letter.headers["content-type"] == "application/pdf"
    assert letter.headers["cache-control"] == "no-store, private"
    assert letter.headers["content-disposition"].startswith("inline;")
    assert letter.body().startswith(b"%PDF")

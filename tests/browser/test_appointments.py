"""A counsellor offers slots, books one for a family and opens the invitation letter."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Appointment
from tests.browser.helpers import log_in
from tests.factories import ChildFactory, FamilyFactory, GuardianFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _offer_slots(page, day: dt.date, start: str, end: str, minutes: int, place: str = "") -> None:
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Beginn").fill(start)
    page.get_by_role("textbox", name="Ende", exact=True).fill(end)
    page.get_by_label("Dauer je Termin (Minuten)").fill(str(minutes))
    if place:
        page.get_by_label("Ort").fill(place)
    page.get_by_role("button", name="Termine anlegen").click()


def test_offer_slots_book_and_print_the_letter(page, staff, screenshot, axe_violations):
    family = FamilyFactory(centre=staff.centre)
    GuardianFactory(family=family, language="ar", interpreter_needed=True)
    child = ChildFactory(family=family, first_language="ar")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    log_in(page, staff.counsellor)
    page.get_by_role("link", name="Beratungstermine").click()
    _offer_slots(page, tomorrow, "09:00", "11:00", 45, "KI Köln, Raum 3.12")
    assert "2 Beratungstermin(e) angelegt." in page.inner_text("main")
    assert page.locator("table.slots tbody tr.free").count() == 2
    screenshot("appointments-slot-list")
    assert axe_violations() == []

    page.goto(page.base_url + reverse("seiteneinstieg:appointment_book", args=[family.pk]))
    slot_select = page.get_by_label("Freier Termin")
    options = slot_select.locator("option").all_inner_texts()
    assert len(options) == 3 and options[1].startswith(f"{tomorrow:%d.%m.%Y} 09:00–09:45")
    slot_select.select_option(index=1)
    assert page.get_by_label("Dolmetschung").input_value() == "ar"  # from the guardian
    screenshot("appointments-book")
    assert axe_violations() == []
    page.get_by_role("button", name="Termin buchen").click()
    assert "gebucht" in page.inner_text(".messages")
    screenshot("appointments-booked")

    appointment = Appointment.objects.get(family=family)
    child.refresh_from_db()
    assert child.status == Status.INVITED
    letter = page.request.get(
        page.base_url + reverse("seiteneinstieg:invitation_letter", args=[appointment.pk])
    )
    assert letter.ok and letter.headers["content-type"] == "application/pdf"
    assert letter.body().startswith(b"%PDF")

    page.get_by_role("link", name="Beratungstermine").click()
    assert page.locator("table.slots tbody tr.booked").count() == 1
    assert family.reference in page.locator("table.slots tbody tr.booked").inner_text()
    screenshot("appointments-slot-list-booked")


def test_assess_and_release_a_counselled_child(page, staff, screenshot, axe_violations):
    child = ChildFactory(
        family=FamilyFactory(centre=staff.centre), status=Status.COUNSELLED, first_name="Mariam"
    )
    log_in(page, staff.counsellor)
    page.goto(page.base_url + reverse("seiteneinstieg:child_detail", args=[child.pk]))
    page.get_by_role("link", name="Einstufung erfassen").click()
    page.get_by_label("Deutschkenntnisse").select_option("A1")
    page.get_by_label("Mathematik").select_option("age_appropriate")
    page.get_by_label("Lesen und Schreiben in der Erstsprache").select_option("basic")
    page.get_by_label("Bisherige Schulart").select_option("lower_secondary")
    page.get_by_label("Empfohlene Stufe").select_option("secondary")
    page.get_by_label("Empfohlene Klasse").fill("3")
    page.get_by_label("Gesamtschule").check()
    page.get_by_role("button", name="Einstufung speichern").click()
    assert "Klasse 3 passt nicht zur Stufe" in page.inner_text("main")
    screenshot("assessment-form-error")
    assert axe_violations() == []
    page.get_by_label("Empfohlene Klasse").fill("6")
    page.get_by_role("button", name="Einstufung speichern").click()
    assert "Einstufung gespeichert." in page.inner_text(".messages")
    page.get_by_role("button", name="Bereit zur Zuweisung").click()
    assert "ist bereit zur Zuweisung" in page.inner_text(".messages")
    screenshot("assessment-child-ready")
    assert axe_violations() == []
    child.refresh_from_db()
    assert child.status == Status.READY and child.recommended_level == "secondary"


def test_counsellor_renews_the_calendar_address(page, staff, screenshot, axe_violations):
    log_in(page, staff.counsellor)
    page.get_by_role("link", name="Beratungstermine").click()
    old = page.get_by_label("Kalender-Adresse (iCal)").input_value()
    page.get_by_role("button", name="Neue Kalender-Adresse erstellen").click()
    assert "Neue Kalender-Adresse erstellt" in page.inner_text(".messages")
    new = page.get_by_label("Kalender-Adresse (iCal)").input_value()
    assert new != old and new.endswith(".ics")
    assert page.request.get(old).status == 404
    assert page.request.get(new).status == 200
    screenshot("appointments-calendar-renewed")
    assert axe_violations() == []


def test_counsellor_takes_back_a_slot_offered_by_mistake(page, staff, screenshot, axe_violations):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    log_in(page, staff.counsellor)
    page.get_by_role("link", name="Beratungstermine").click()
    _offer_slots(page, tomorrow, "14:00", "15:30", 45)
    assert page.locator("table.slots tbody tr.free").count() == 2
    screenshot("appointments-removable-slots")
    assert axe_violations() == []
    page.get_by_role("button", name=f"Termin am {tomorrow:%d.%m.%Y} um 14:45 Uhr entfernen").click()
    assert f"Termin am {tomorrow:%d.%m.%Y} um 14:45 Uhr entfernt." in page.inner_text(".messages")
    assert page.locator("table.slots tbody tr.free").count() == 1
    screenshot("appointments-slot-removed")

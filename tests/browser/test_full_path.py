"""Acceptance test of the Seiteneinstieg issue: one counsellor drives the whole path in Chromium.

Log in → offer a slot → register a family with two children → book the appointment with an
interpreter → print the invitation letter → mark it attended → assess both children → release
them („Bereit zur Zuweisung“) → find them on the waiting list, filtered, and in the CSV export.
Everything goes through the UI with accessible locators; the ORM is used only to move time
(see the comments where it is).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import AppointmentStatus, Status
from teilhabe.seiteneinstieg.models import Appointment, Child, CounsellingSlot, Family
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

DAYS_WAITED = 35  # more than the 28 days after which a school-age child is flagged
STREET, POSTCODE = "Neusser Straße 200", "50733"  # Köln-Nippes, Stadtbezirk 5 Nippes
BEZIRK_NUMBER, BEZIRK_NAME = "5", "Nippes"
CHILDREN = {
    "Omar": {
        "birth_date": "2013-05-04",
        "second_language": "en",
        "german": "A1",
        "maths": "Altersgemäß",
        "literacy": "Altersgemäß",
        "prior": "Weiterführende Schule (Sek. I)",
        "level": "Sekundarstufe I (Klasse 5–10)",
        "grade": "7",
        "forms": ("Realschule", "Gesamtschule"),  # in the order of SchoolForm
    },
    "Lina": {
        "birth_date": "2017-09-12",
        "second_language": "ku",
        "german": "Keine Deutschkenntnisse",
        "maths": "Grundlegend",
        "literacy": "Grundlegend",
        "prior": "Grundschule",
        "level": "Primarstufe (Klasse 1–4)",
        "grade": "3",
        "forms": ("Grundschule",),
    },
}


def fill_child(page, number: int, first_name: str) -> None:
    data = CHILDREN[first_name]
    child = page.get_by_role("group", name=f"Kind {number}", exact=True)
    child.get_by_label("Vorname").fill(first_name)
    child.get_by_label("Nachname").fill("Haddad")
    child.get_by_label("Geburtsdatum").fill(data["birth_date"])
    child.get_by_label("Staatsangehörigkeit").select_option(label="Syrien")
    child.get_by_label("Ankunft in Deutschland").fill("2026-07-01")
    child.get_by_label("Zuzug nach Köln").fill("2026-07-20")
    child.get_by_label("Schulbesuchsjahre").fill("4" if first_name == "Omar" else "1")
    child.get_by_label("Erstsprache").select_option("ar")
    child.get_by_label("Weitere Sprache 1").select_option(data["second_language"])
    child.get_by_label("Niveau Sprache 1").select_option("basic")


def assess(page, screenshot, axe_violations, first_name: str, shot: str) -> None:
    data = CHILDREN[first_name]
    page.get_by_role("link", name="Einstufung erfassen").click()
    page.wait_for_url("**/einstufung/")
    assert page.get_by_role("heading", level=1).inner_text() == f"Einstufung: {first_name} Haddad"
    page.get_by_label("Deutschkenntnisse").select_option(label=data["german"])
    page.get_by_label("Mathematik").select_option(label=data["maths"])
    literacy = page.get_by_label("Lesen und Schreiben in der Erstsprache")
    literacy.select_option(label=data["literacy"])
    page.get_by_label("Bisherige Schulart").select_option(label=data["prior"])
    page.get_by_label("Empfohlene Stufe").select_option(label=data["level"])
    page.get_by_label("Empfohlene Klasse").fill(data["grade"])
    forms = page.get_by_role("group", name="Empfohlene Schulformen")
    for school_form in data["forms"]:
        forms.get_by_label(school_form).check()
    screenshot(shot)
    assert axe_violations() == []
    page.get_by_role("button", name="Einstufung speichern").click()
    page.wait_for_url("**/kinder/*/")
    assert "Einstufung gespeichert." in page.inner_text(".messages")
    assessment = page.get_by_role("region", name="Einstufung")
    assert ", ".join(data["forms"]) in assessment.inner_text()
    assert f"Klasse {data['grade']}" in assessment.inner_text()
    page.get_by_role("button", name="Bereit zur Zuweisung").click()
    assert f"{first_name} Haddad ist bereit zur Zuweisung." in page.inner_text(".messages")


def test_counsellor_takes_a_family_from_registration_to_the_waiting_list(
    page, staff, screenshot, axe_violations
):
    base = page.base_url
    today = timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)

    # 1. Log in through the real form.
    page.goto(base + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(staff.counsellor.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(base + "/")
    screenshot("full-path-01-start")

    # 2. The counsellor offers a free slot beforehand (the service refuses slots in the past).
    page.get_by_role("link", name="Beratungstermine").click()
    page.get_by_label("Datum").fill(tomorrow.isoformat())
    page.get_by_label("Beginn").fill("10:00")
    page.get_by_role("textbox", name="Ende", exact=True).fill("11:00")
    page.get_by_label("Ort", exact=True).fill("KI Köln, Raum 3.12")
    page.get_by_role("button", name="Termine anlegen").click()
    assert "1 Beratungstermin(e) angelegt." in page.inner_text(".messages")
    assert page.locator("table.slots tbody tr.free").count() == 1
    screenshot("full-path-02-slot-offered")

    # 3. Register the family: address, one guardian needing an interpreter, two children.
    page.get_by_role("link", name="Familie registrieren").click()
    page.wait_for_url("**/familien/neu/")
    address = page.get_by_role("group", name="Adresse der Familie")
    address.get_by_label("Straße und Hausnummer").fill(STREET)
    address.get_by_label("PLZ").fill(POSTCODE)
    assert address.get_by_role("textbox", name="Ort", exact=True).input_value() == "Köln"
    guardian = page.get_by_role("group", name="Sorgeberechtigte Person 1")
    guardian.get_by_label("Vorname").fill("Rana")
    guardian.get_by_label("Nachname").fill("Haddad")
    guardian.get_by_label("Beziehung zum Kind").fill("Mutter")
    guardian.get_by_label("Telefon").fill("0157 7654321")
    guardian.get_by_label("Sprache").select_option("ar")
    guardian.get_by_label("Dolmetschung nötig").check()
    fill_child(page, 1, "Omar")
    page.get_by_role("button", name="Weiteres Kind hinzufügen").click()
    fill_child(page, 2, "Lina")
    screenshot("full-path-03-registration-form")
    assert axe_violations() == []
    page.get_by_role("button", name="Familie registrieren").click()
    page.wait_for_url(re.compile(r"/familien/\d+/$"))

    family = Family.objects.get()
    assert page.get_by_role("heading", level=1).inner_text() == f"Familie {family.reference}"
    facts = page.inner_text("dl.facts")
    assert f"{STREET}, {POSTCODE} Köln" in facts and f"{BEZIRK_NAME} ({BEZIRK_NUMBER})" in facts
    children_table = page.get_by_role("table", name="Kinder der Familie")
    assert children_table.get_by_role("link", name="Omar Haddad").is_visible()
    assert children_table.get_by_role("link", name="Lina Haddad").is_visible()
    assert (
        "Arabisch · Dolmetschung nötig"
        in page.get_by_role("table", name="Sorgeberechtigte der Familie").inner_text()
    )
    screenshot("full-path-04-family")
    assert axe_violations() == []

    # Waiting time is counted from registered_at. A real wait of five weeks cannot be driven
    # through the UI, so move the registration back by a known number of days (local noon,
    # so the day count does not depend on the hour or a DST change in between).
    registered = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=DAYS_WAITED), dt.time(12))
    )
    assert Child.objects.filter(family=family).update(registered_at=registered) == 2

    # 4. Book the appointment from the child's page, with the suggested interpreter language.
    children_table.get_by_role("link", name="Omar Haddad").click()
    page.wait_for_url("**/kinder/*/")
    page.get_by_role("link", name="Termin buchen oder verwalten").click()
    page.wait_for_url(re.compile(r"/termin/\?next="))
    page.get_by_label("Freier Termin").select_option(index=1)
    interpreter = page.get_by_label("Dolmetschung")
    assert interpreter.input_value() == "ar"  # suggested from the guardian
    interpreter.select_option(label="Arabisch")
    screenshot("full-path-05-book")
    page.get_by_role("button", name="Termin buchen").click()
    page.wait_for_url("**/kinder/*/")  # back to the child's page (next=)
    assert f"Termin am {tomorrow:%d.%m.%Y} um 10:00 Uhr gebucht." in page.inner_text(".messages")
    appointments = page.get_by_role("region", name="Beratungstermine der Familie")
    assert "Dolmetschung: Arabisch" in appointments.inner_text()
    assert set(Child.objects.values_list("status", flat=True)) == {Status.INVITED}
    screenshot("full-path-06-booked")

    # 5. The invitation letter, fetched with the browser's session.
    href = appointments.get_by_role("link", name="Einladung (PDF)").get_attribute("href")
    letter = page.request.get(base + href)
    assert letter.ok
    assert letter.headers["content-type"] == "application/pdf"
    assert letter.body().startswith(b"%PDF")

    # 6. Mark the appointment attended. The service only allows this once the slot has started
    # (slot.starts_at <= now), and the UI only offers the button then; slots in the past cannot
    # be created or booked through the UI, so move the booked slot to earlier today.
    appointment = Appointment.objects.get(family=family)
    started = timezone.now() - dt.timedelta(minutes=30)
    CounsellingSlot.objects.filter(pk=appointment.slot_id).update(
        starts_at=started, ends_at=started + dt.timedelta(hours=1)
    )
    page.get_by_role("link", name="Termin buchen oder verwalten").click()
    page.wait_for_url(re.compile(r"/termin/\?next="))
    table = page.get_by_role("table", name="Termine der Familie")
    table.get_by_role("button", name="Wahrgenommen").click()
    page.wait_for_url("**/termin/")
    assert f"Termin der Familie {family.reference}: Wahrgenommen." in page.inner_text(".messages")
    screenshot("full-path-07-attended")
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.ATTENDED
    assert set(Child.objects.values_list("status", flat=True)) == {Status.COUNSELLED}

    # 7. Assess each child and release it for school assignment.
    page.get_by_role("link", name="Omar Haddad").click()
    page.wait_for_url("**/kinder/*/")
    assess(page, screenshot, axe_violations, "Omar", "full-path-08-assessment-omar")
    screenshot("full-path-09-omar-ready")
    page.get_by_role("link", name="Zur Familie").click()
    page.get_by_role("table", name="Kinder der Familie").get_by_role(
        "link", name="Lina Haddad"
    ).click()
    page.wait_for_url("**/kinder/*/")
    assess(page, screenshot, axe_violations, "Lina", "full-path-10-assessment-lina")
    screenshot("full-path-11-lina-ready")
    for child in Child.objects.filter(family=family):
        assessment = child.assessments.get()
        data = CHILDREN[child.first_name]
        assert child.status == Status.READY
        assert child.recommended_level == assessment.recommended_level
        assert assessment.get_recommended_level_display() == data["level"]
        assert assessment.get_german_level_display() == data["german"]
        assert assessment.get_prior_school_type_display() == data["prior"]
        assert assessment.recommended_grade == int(data["grade"])
        assert assessment.recommended_school_forms == list(data["forms"])
        assert assessment.assessed_by == staff.counsellor

    # 8. The waiting list: both children, 35 days waited (flagged), counselled today.
    page.get_by_role("link", name="Warteliste").click()
    page.wait_for_url("**/warteliste/")
    assert "2 Kinder warten auf einen Schulplatz" in page.inner_text("main")
    waiting = page.get_by_role("table", name="Wartende Kinder, Seite 1 von 1")
    for first_name, level in (("Omar", "Sekundarstufe I"), ("Lina", "Primarstufe")):
        row = waiting.get_by_role("row").filter(has_text=f"Haddad, {first_name}")
        assert row.count() == 1
        cells = row.get_by_role("cell")
        assert family.reference in cells.nth(0).inner_text()
        assert "Nippes" in cells.nth(3).inner_text()
        assert cells.nth(4).inner_text() == "Bereit zur Zuweisung"
        assert cells.nth(5).inner_text().startswith(level)
        days = cells.nth(6)
        assert days.inner_text().split()[0] == str(DAYS_WAITED)
        assert days.locator(".flag-overdue").inner_text() == "über 4 Wochen"
        assert cells.nth(7).inner_text() == "0"
    screenshot("full-path-12-waiting-list")
    assert axe_violations() == []

    # Filtered by the family's Stadtbezirk both remain; another Bezirk shows neither.
    page.get_by_label("Stadtbezirk").select_option("2")
    page.get_by_role("button", name="Anwenden").click()
    page.wait_for_url("**stadtbezirk=2*")
    assert "Keine wartenden Kinder für diese Auswahl." in page.inner_text("table.waiting-list")
    page.get_by_label("Stadtbezirk").select_option(label=f"{BEZIRK_NUMBER} {BEZIRK_NAME}")
    page.get_by_role("button", name="Anwenden").click()
    page.wait_for_url(f"**stadtbezirk={BEZIRK_NUMBER}*")
    waiting = page.locator("table.waiting-list")
    assert waiting.locator("tbody tr").count() == 2
    assert "Haddad, Omar" in waiting.inner_text() and "Haddad, Lina" in waiting.inner_text()
    screenshot("full-path-13-waiting-list-filtered")

    # 9. The CSV export of the filtered list, with the browser's session.
    # the export runs as a job with the list's filter; its page offers the file
    page.get_by_role("button", name="Export als CSV").click()
    page.wait_for_url("**/auftraege/*/")
    href = page.locator("a[href$='/datei/']").first.get_attribute("href")
    response = page.request.get(base + href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.body().decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    by_name = {row[header.index("Vorname")]: row for row in body}
    assert set(by_name) == {"Omar", "Lina"}
    for row in by_name.values():
        assert row[header.index("Nachname")] == "Haddad"
        assert row[header.index("Stadtbezirk")] == f"{BEZIRK_NUMBER} {BEZIRK_NAME}"
        assert row[header.index("Tage seit Registrierung")] == str(DAYS_WAITED)
        assert row[header.index("Tage seit Beratung")] == "0"
        assert row[header.index("Über vier Wochen")] == "ja"

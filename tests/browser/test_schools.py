"""A school reports its free seats; the Schulamt's overview, the map and the export show them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from teilhabe.schulen.models import OfferKind
from tests.factories import (
    PASSWORD,
    AssessmentFactory,
    ChildFactory,
    FamilyFactory,
    OfferFactory,
    SchoolFactory,
    link_school,
)

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, user):
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(user.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(page.base_url + "/")


def log_out(page):
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/anmelden/**")


def test_school_reports_free_seats_and_schulamt_sees_them(page, staff, screenshot):
    helios = SchoolFactory(
        schulnummer="100036",
        name="Gesamtschule Helios",
        street="Borsigstr. 13",
        lat=50.957033,
        lon=6.906742,
    )
    SchoolFactory(
        schulnummer="100041", name="Gesamtschule Wasseramselweg", lat=50.950691, lon=6.879060
    )
    offer = OfferFactory(
        centre=staff.centre,
        school=helios,
        kind=OfferKind.PREP_SECONDARY,
        seats_total=2,
        last_reported_at=timezone.now() - dt.timedelta(days=45),
    )
    OfferFactory(
        centre=staff.centre,
        school=helios,
        kind=OfferKind.PREP_PRIMARY,
        level="primary",
        grade_from=1,
        grade_to=4,
        seats_total=0,
    )
    link_school(staff.school_staff, helios)
    for number, name, n in (
        ("401", "Ehrenfeld", 3),
        ("802", "Kalk", 7),
        ("104", "Neustadt/Nord", 1),
    ):
        family = FamilyFactory(centre=staff.centre, stadtteil_number=number, stadtteil_name=name)
        for _ in range(n):
            child = ChildFactory(family=family, status="ready", recommended_level="secondary")
            AssessmentFactory(child=child, assessed_by=staff.counsellor)

    # The school reports: 6 seats free today in its secondary preparatory class.
    log_in(page, staff.school_staff)
    page.goto(page.base_url + "/schulen/")
    page.get_by_role("link", name="Freie Plätze melden").click()
    field = page.get_by_label("Vorbereitungsklasse Sekundarstufe I, Klasse 5–10")
    field.fill("6")
    screenshot("schulen-meldung")
    page.get_by_role("button", name="Meldung senden").click()
    assert "Die freien Plätze sind gemeldet" in page.inner_text("main")
    assert "Freie Plätze gemeldet" in page.inner_text("section[aria-labelledby=history-heading]")
    screenshot("schulen-schule")
    log_out(page)

    # The Schulamt's overview shows the 6 free seats, reported today.
    log_in(page, staff.schulamt)
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Schulen"
    ).click()
    row = page.locator("table.schools tbody tr", has_text="Vorbereitungsklasse Sekundarstufe I")
    assert row.locator("td.num").nth(2).inner_text() == "6"
    assert timezone.localdate().strftime("%d.%m.%Y") in row.inner_text()
    assert "6 freie Plätze" in page.inner_text("main")
    screenshot("schulen-uebersicht")

    # The map shows the school with its free seats and the waiting children per Stadtteil.
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Karte").click()
    page.wait_for_selector("#school-map[data-ready='1']")
    assert page.get_attribute("#school-map", "data-schools-shown") == "1"
    assert page.locator(".leaflet-interactive").count() >= 87  # 86 Stadtteile + 1 school
    seats = page.locator("#free-seats-table tbody tr", has_text="Gesamtschule Helios")
    assert seats.locator("td.num").nth(1).inner_text() == "6"
    assert "Kalk (802)" in page.locator("#waiting-table").inner_text()
    page.select_option("#map-level", "primary")
    assert page.get_attribute("#school-map", "data-schools-shown") == "0"
    page.select_option("#map-level", "")
    screenshot("schulen-karte")

    # The export contains the offer with its 6 seats.
    response = page.request.get(page.base_url + "/zuweisung/export/")
    doc = json.loads(response.body())
    offers = [o for s in doc["schools"] for o in s["offers"]]
    assert offers == [
        {"id": f"100036-{offer.pk}", "level": "secondary", "grades": [5, 10], "seats": 6}
    ]
    assert len(doc["students"]) == 11


def test_school_accepts_a_proposed_child(page, staff, screenshot):
    from teilhabe.zuweisung.models import Placement

    school = SchoolFactory(name="Gesamtschule Helios")
    offer = OfferFactory(centre=staff.centre, school=school, seats_total=3)
    child = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Mariam",
        last_name="Haddad",
        status="proposed",
    )
    Placement.objects.create(
        centre=staff.centre, child=child, offer=offer, created_by=staff.schulamt
    )
    link_school(staff.school_staff, school)
    log_in(page, staff.school_staff)
    page.goto(page.base_url + "/schulen/")
    screenshot("schulen-vorschlag")
    page.get_by_role("button", name="Aufnehmen Mariam Haddad").click()
    assert "Die Entscheidung ist gespeichert" in page.inner_text("main")
    assert "Schulplatz angetreten" in page.inner_text("main")


def test_schulamt_computes_proposals_with_the_engine(page, staff, screenshot, axe_violations):
    helios = SchoolFactory(name="Gesamtschule Helios", lat=50.957033, lon=6.906742)
    OfferFactory(centre=staff.centre, school=helios, seats_total=2)
    near, far = FamilyFactory(centre=staff.centre), FamilyFactory(centre=staff.centre, lat=51.6)
    for family in (near, near, near, far):
        child = ChildFactory(family=family, status="ready", recommended_level="secondary")
        AssessmentFactory(
            child=child,
            recommended_level="secondary",
            recommended_grade=7,
            assessed_by=staff.counsellor,
            recommended_school_forms=["Gesamtschule"],
        )
    log_in(page, staff.schulamt)
    page.goto(page.base_url + "/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Zuweisung"
    ).click()
    page.get_by_role("button", name="Zuweisung berechnen").click()
    message = page.locator(".message.success")
    message.wait_for()
    assert message.inner_text().startswith(
        "2 Platzvorschläge berechnet; 1 Kind ohne Platz in Reichweite; "
        "1 Kind wartet auf einen freien Platz (nachweislich optimal"
    )
    assert axe_violations() == []
    screenshot("schulen-zuweisung-berechnet")
    page.get_by_role("button", name="Zuweisung berechnen").click()
    error = page.locator(".message.error")
    error.wait_for()
    assert "keine aktiven Angebote mit freien Plätzen" in error.inner_text()
    screenshot("schulen-zuweisung-nichts-frei")

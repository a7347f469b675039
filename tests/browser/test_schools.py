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

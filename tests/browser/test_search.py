"""Casework in Chromium: the header search, duplicates by sound, a walk-in, and the staff
pages on a 360 px phone screen (screenshots under var/screenshots/)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child, Family
from teilhabe.seiteneinstieg.services.appointments import record_walk_in
from tests.browser.helpers import log_in
from tests.browser.test_registration import fill_child
from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    FamilyFactory,
    GuardianFactory,
    SlotFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def hassan_family(staff) -> Family:
    family = FamilyFactory(centre=staff.centre, reference="F-2025-00012")
    GuardianFactory(family=family, first_name="Rana", last_name="Al Hassan", language="ar")
    ChildFactory(
        family=family,
        first_name="Mohammed",
        last_name="Al-Hassan",
        birth_date=dt.date(2015, 5, 3),
        first_language="ar",
        nationality="SY",
    )
    ChildFactory(
        family=family,
        first_name="Lina",
        last_name="Al Hassan",
        birth_date=dt.date(2017, 9, 12),
        first_language="ar",
        nationality="SY",
    )
    return family


def test_header_search_finds_every_spelling(page, staff, screenshot):
    hassan_family(staff)
    ChildFactory(family=FamilyFactory(centre=staff.centre), first_name="Sofiia", last_name="Bondar")
    log_in(page, staff.counsellor)
    page.get_by_label("Fälle suchen").fill("Alhassan")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/suche/?q=Alhassan")
    results = page.locator(".results").inner_text()
    assert "Mohammed Al-Hassan" in results and "Lina Al Hassan" in results
    assert "Bondar" not in results
    screenshot("search-results")
    page.get_by_role("link", name="Mohammed Al-Hassan").click()
    page.wait_for_url("**/kinder/*/")


def test_transliterated_duplicate_warns_and_links(page, staff, screenshot):
    earlier = hassan_family(staff).children.get(first_name="Mohammed")
    log_in(page, staff.counsellor)
    page.goto(page.base_url + "/seiteneinstieg/familien/neu/")
    page.get_by_label("Straße und Hausnummer").fill("Keupstraße 5")
    page.get_by_label("PLZ").fill("51063")
    page.fill('[name="guardians-0-first_name"]', "Rana")
    page.fill('[name="guardians-0-last_name"]', "Al Hasan")
    fill_child(page, 0, "Mohamad", "2015-05-03")
    page.fill('[name="children-0-last_name"]', "Al Hasan")
    page.get_by_role("button", name="Familie registrieren").click()

    warning = page.locator(".duplicate-warning")
    assert "Bereits registriert: Mohammed Al-Hassan (03.05.2015, F-2025-00012)" in (
        warning.inner_text()
    )
    screenshot("registration-duplicate-by-sound")
    page.get_by_label("Trotzdem registrieren und verknüpfen").check()
    page.get_by_role("button", name="Familie registrieren").click()
    page.wait_for_url("**/familien/*/")
    assert "mögliche Doppelerfassung" in page.inner_text("main")
    new = Child.objects.get(first_name="Mohamad")
    assert new.duplicate_of_id == earlier.pk


def test_walk_in_from_the_family_page(page, staff, screenshot):
    family = hassan_family(staff)
    log_in(page, staff.counsellor)
    page.goto(page.base_url + f"/seiteneinstieg/familien/{family.pk}/")
    page.get_by_role("link", name="Beratung ohne Termin erfassen").click()
    page.get_by_label("Dolmetschung").select_option("ar")
    page.get_by_label("Notizen zur Beratung").fill("Zeugnis aus Aleppo mitgebracht")
    screenshot("walk-in-form")
    page.get_by_role("button", name="Beratung erfassen").click()
    page.wait_for_url(f"**/familien/{family.pk}/")
    assert "Beratung ohne Termin erfasst." in page.inner_text("main")
    assert page.inner_text("main").count("Beraten") >= 2
    assert set(family.children.values_list("status", flat=True)) == {Status.COUNSELLED}
    page.get_by_role("link", name="Beratungstermine").click()
    assert "Wahrgenommen" in page.inner_text("table.slots")


# --- phone screens ------------------------------------------------------------------------


def phone_world(staff) -> Child:
    """A little of everything, so that each role's start page has tiles to show."""
    family = hassan_family(staff)
    for n, (first, last, status) in enumerate(
        [
            ("Oleksandr", "Kovalenko", Status.REGISTERED),
            ("Yusuf", "Yılmaz", Status.ASSESSED),
            ("Tesfaye", "Gebremedhin", Status.READY),
            ("Fatemeh", "Hosseini", Status.READY),
            ("Dmytro", "Shevchenko-Bondarenko", Status.COUNSELLED),
        ]
    ):
        child = ChildFactory(
            family=FamilyFactory(centre=staff.centre),
            first_name=first,
            last_name=last,
            status=status,
            registered_by=staff.counsellor,
            registered_at=timezone.now() - dt.timedelta(days=10 + 9 * n),
            recommended_level="secondary" if status == Status.READY else "",
        )
        if status in (Status.ASSESSED, Status.READY):
            AssessmentFactory(child=child, assessed_by=staff.counsellor)
    SlotFactory(counsellor=staff.counsellor)
    record_walk_in(actor=staff.counsellor, family=family, interpreter_language="ar")
    return family.children.get(first_name="Mohammed")


def no_sideways_scrolling(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width} px wide on a {PHONE['width']} px screen"


@pytest.mark.parametrize(
    "role", ["counsellor", "centre_admin", "schulamt", "school_staff", "statistics", "state_office"]
)
def test_start_page_on_a_phone(page, staff, screenshot, axe_violations, role):
    phone_world(staff)
    page.set_viewport_size(PHONE)
    log_in(page, staff.by_role(role))
    no_sideways_scrolling(page)
    assert axe_violations() == []
    screenshot(f"phone-start-{role}")
    menu = page.locator("details.nav-menu summary")
    if page.locator("details.nav-menu li").count():
        assert page.locator("nav.nav-wide").is_hidden()
        menu.click()
        assert page.locator("details.nav-menu nav").is_visible()
        screenshot(f"phone-menu-{role}")


def test_casework_pages_on_a_phone(page, staff, screenshot, axe_violations):
    child = phone_world(staff)
    page.set_viewport_size(PHONE)
    log_in(page, staff.counsellor)
    for name, path in [
        ("waiting-list", "/seiteneinstieg/warteliste/"),
        ("child", f"/seiteneinstieg/kinder/{child.pk}/"),
        ("family", f"/seiteneinstieg/familien/{child.family_id}/"),
        ("slots", "/seiteneinstieg/termine/"),
        ("search", "/seiteneinstieg/suche/?q=Hassan"),
    ]:
        page.goto(page.base_url + path)
        no_sideways_scrolling(page)
        screenshot(f"phone-{name}")
        assert axe_violations() == [], name
    page.goto(page.base_url + "/seiteneinstieg/warteliste/")
    # the row reads as a card: each value with its label before it, the header row hidden
    label = page.evaluate(
        "getComputedStyle(document.querySelector('table.waiting-list tbody td[data-label]'),"
        " '::before').content"
    )
    assert label == '"Geburtsdatum: "'
    assert page.locator("table.waiting-list thead").is_hidden()


def test_protocol_filtered_by_action(page, staff, screenshot, axe_violations):
    """The centre administration reads the Protokoll in words and narrows it to walk-ins."""
    phone_world(staff)
    log_in(page, staff.centre_admin)
    page.get_by_role("link", name="Protokoll").click()
    page.get_by_label("Aktion").select_option(label="Beratung ohne Termin erfasst")
    page.get_by_role("button", name="Anwenden").click()
    page.wait_for_url("**aktion=seiteneinstieg.appointment.walk_in**")
    rows = page.locator("table.audit tbody tr")
    assert rows.count() == 1
    assert "Familie F-2025-00012" in rows.first.inner_text()
    assert axe_violations() == []
    screenshot("protocol-walk-ins")
    page.get_by_label("Von").fill("2026-05-03")
    page.get_by_label("Bis").fill("2026-05-01")
    page.get_by_role("button", name="Anwenden").click()
    assert "Das Enddatum liegt vor dem Anfangsdatum." in page.inner_text("main")
    screenshot("protocol-bad-filter")

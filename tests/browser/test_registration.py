"""A counsellor registers a family with two children in Chromium, fixing one mistake on the way."""

import datetime as dt

import pytest

from teilhabe.seiteneinstieg.models import Family
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def fill_child(page, index: int, first_name: str, birth_date: str) -> None:
    prefix = f"children-{index}-"
    page.fill(f'[name="{prefix}first_name"]', first_name)
    page.fill(f'[name="{prefix}last_name"]', "Haddad")
    page.fill(f'[name="{prefix}birth_date"]', birth_date)
    page.select_option(f'[name="{prefix}nationality"]', "SY")
    page.select_option(f'[name="{prefix}first_language"]', "ar")
    page.fill(f'[name="{prefix}arrived_in_germany_on"]', "2026-07-01")
    page.fill(f'[name="{prefix}arrived_in_city_on"]', "2026-07-20")
    page.fill(f'[name="{prefix}school_years"]', "4")
    page.select_option(f'[name="{prefix}language_1"]', "en")
    page.select_option(f'[name="{prefix}level_1"]', "basic")


def test_register_family_with_two_children(page, staff, screenshot):
    log_in(page, staff.counsellor)

    page.get_by_role("link", name="Familie registrieren").click()
    page.wait_for_url("**/familien/neu/")
    page.get_by_label("Straße und Hausnummer").fill("Keupstraße 5")
    page.get_by_label("PLZ").fill("51063")
    page.fill('[name="guardians-0-first_name"]', "Rana")
    page.fill('[name="guardians-0-last_name"]', "Haddad")
    page.fill('[name="guardians-0-phone"]', "0157 7654321")
    page.select_option('[name="guardians-0-language"]', "ar")
    page.check('[name="guardians-0-interpreter_needed"]')
    future = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    fill_child(page, 0, "Omar", future)
    page.evaluate("window.stillHere = true")
    page.get_by_role("button", name="Weiteres Kind hinzufügen").click()
    assert page.evaluate("window.stillHere === true")  # added in place by formset.js
    assert page.get_by_role("group", name="Kind 2").is_visible()
    fill_child(page, 1, "Lina", "2017-09-12")
    page.get_by_role("button", name="Familie registrieren").click()

    summary = page.locator(".error-summary")
    assert "Das Geburtsdatum liegt in der Zukunft." in summary.inner_text()
    assert page.locator('[name="children-1-first_name"]').input_value() == "Lina"
    screenshot("registration-error")
    assert Family.objects.count() == 0

    page.fill('[name="children-0-birth_date"]', "2013-05-04")
    page.get_by_role("button", name="Familie registrieren").click()
    page.wait_for_url("**/familien/*/")
    family = Family.objects.get()
    assert page.get_by_role("heading", level=1).inner_text() == f"Familie {family.reference}"
    body = page.inner_text("main")
    assert "Omar Haddad" in body and "Lina Haddad" in body and "Mülheim" in body
    screenshot("registration-family")

    page.get_by_role("link", name="Lina Haddad").click()
    page.wait_for_url("**/kinder/*/")
    screenshot("registration-child")


def test_duplicate_warning_then_register_and_link(page, staff, screenshot):
    from tests.factories import ChildFactory, FamilyFactory

    earlier = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Omar",
        last_name="Haddad",
        birth_date=dt.date(2013, 5, 4),
    )
    log_in(page, staff.counsellor)
    page.goto(page.base_url + "/seiteneinstieg/familien/neu/")
    page.get_by_label("Straße und Hausnummer").fill("Keupstraße 5")
    page.get_by_label("PLZ").fill("51063")
    page.fill('[name="guardians-0-first_name"]', "Rana")
    page.fill('[name="guardians-0-last_name"]', "Haddad")
    fill_child(page, 0, "Omar", "2013-05-04")
    page.get_by_role("button", name="Familie registrieren").click()

    warning = page.locator(".duplicate-warning")
    assert "Bereits registriert: Omar Haddad (04.05.2013" in warning.inner_text()
    screenshot("registration-duplicate")
    page.get_by_label("Trotzdem registrieren und verknüpfen").check()
    page.get_by_role("button", name="Familie registrieren").click()
    page.wait_for_url("**/familien/*/")
    assert "mögliche Doppelerfassung" in page.inner_text("main")
    new = Family.objects.exclude(pk=earlier.family_id).get().children.get()
    assert new.duplicate_of_id == earlier.pk


def test_add_sibling_from_the_family_page(page, staff, screenshot):
    """A sibling reported weeks later joins the family from the family page."""
    from tests.factories import ChildFactory, FamilyFactory, GuardianFactory

    family = FamilyFactory(centre=staff.centre, street="Keupstraße 5", postcode="51063")
    GuardianFactory(family=family, first_name="Rana", last_name="Haddad", language="ar")
    ChildFactory(family=family, first_name="Omar", last_name="Haddad", first_language="ar")
    log_in(page, staff.counsellor)
    page.goto(page.base_url + f"/seiteneinstieg/familien/{family.pk}/")

    page.get_by_role("link", name="Geschwisterkind hinzufügen").click()
    page.wait_for_url(f"**/familien/{family.pk}/kinder/neu/")
    assert page.get_by_role("group", name="Kind 2").is_visible()
    assert page.locator('[name="last_name"]').input_value() == "Haddad"  # prefilled
    page.fill('[name="first_name"]', "Lina")
    page.fill('[name="birth_date"]', "2017-09-12")
    page.select_option('[name="nationality"]', "SY")
    page.select_option('[name="first_language"]', "ar")
    page.fill('[name="arrived_in_germany_on"]', "2026-07-01")
    page.fill('[name="arrived_in_city_on"]', "2026-06-20")  # before arrival: refused
    page.get_by_role("button", name="Kind hinzufügen").click()
    summary = page.locator(".error-summary")
    assert "Der Zuzug nach Köln liegt vor der Ankunft in Deutschland." in summary.inner_text()
    assert page.locator('[name="first_name"]').input_value() == "Lina"
    assert family.children.count() == 1
    screenshot("child-add-error")

    page.fill('[name="arrived_in_city_on"]', "2026-07-20")
    page.get_by_role("button", name="Kind hinzufügen").click()
    page.wait_for_url(f"**/familien/{family.pk}/")
    body = page.inner_text("main")
    assert "Lina Haddad wurde zur Familie" in body
    assert "Omar Haddad" in body and "Lina Haddad" in body
    assert "Geschwisterkind Lina Haddad zur Familie" in body  # history
    assert family.children.get(first_name="Lina").first_language == "ar"
    screenshot("family-sibling-added")


def test_correcting_a_child_into_a_known_record_warns_first(
    page, staff, screenshot, axe_violations
):
    """A typo fixed on the edit page may reveal that the child was registered before."""
    from tests.factories import ChildFactory, FamilyFactory

    earlier = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Omar",
        last_name="Haddad",
        birth_date=dt.date(2013, 5, 4),
    )
    child = ChildFactory(
        family=FamilyFactory(centre=staff.centre),
        first_name="Omer",
        last_name="Haddad",
        birth_date=dt.date(2013, 5, 4),
    )
    log_in(page, staff.counsellor)
    page.goto(page.base_url + f"/seiteneinstieg/kinder/{child.pk}/bearbeiten/")
    page.fill('[name="first_name"]', "Omar")
    page.get_by_role("button", name="Änderungen speichern").click()

    warning = page.locator(".duplicate-warning")
    assert "Bereits registriert: Omar Haddad (04.05.2013" in warning.inner_text()
    assert page.locator('[name="first_name"]').input_value() == "Omar"  # input kept
    screenshot("child-edit-duplicate")
    assert axe_violations() == []
    child.refresh_from_db()
    assert child.first_name == "Omer"

    page.get_by_label("Trotzdem speichern und verknüpfen").check()
    page.get_by_role("button", name="Änderungen speichern").click()
    page.wait_for_url(f"**/kinder/{child.pk}/")
    assert "Die Daten wurden gespeichert." in page.inner_text("main")
    child.refresh_from_db()
    assert child.first_name == "Omar" and child.duplicate_of_id == earlier.pk

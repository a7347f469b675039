"""A counsellor logs in through the real form in Chromium and sees the start page."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_login_shows_start_page(page, staff, screenshot):
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(staff.counsellor.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(page.base_url + "/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Guten Tag")
    screenshot("login-home")


def test_wrong_password_shows_german_error(page, staff):
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(staff.counsellor.username)
    page.get_by_label("Passwort").fill("falsch")
    page.get_by_role("button", name="Anmelden").click()
    assert "Bitte Benutzername und Passwort eingeben" in page.inner_text("main")

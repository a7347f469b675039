"""One installation for every centre in NRW, driven end to end in Chromium:

the statewide office creates a centre for Kreis Soest and its administrator; the
administrator accepts the invitation, sets up TOTP and invites a counsellor; the counsellor
(also with TOTP) registers a family in Lippstadt; the waiting list shows the child with its
town; an address in Köln is refused with a message naming the Kreis."""

from __future__ import annotations

import base64
import re

import pytest
from django.test import override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.centres.models import Centre
from teilhabe.notify.models import OutboxMail
from teilhabe.seiteneinstieg.models import Child
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_registration import fill_child
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _code(key: bytes) -> str:
    return f"{TOTP(key).token():06d}"


def _accept(browser, base_url: str, email: str, password: str):
    """Open the invitation from the outbox, set a password and a second factor."""
    mail = OutboxMail.objects.filter(to=[email]).latest("id")
    link = re.search(r"https?://\S+/konto/einladung/\S+/", mail.body).group(0)
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(link)
    page.locator("#id_new_password1").fill(password)
    page.locator("#id_new_password2").fill(password)
    page.get_by_role("button", name="Passwort festlegen").click()
    page.wait_for_url(re.compile(r".*/konto/zwei-faktor/einrichten/$"))
    secret = page.locator("main code").inner_text().strip()
    page.get_by_label("Sechsstelliger Code").fill(_code(base64.b32decode(secret)))
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url(base_url + "/")
    return page


@override_settings(TEILHABE_REQUIRE_2FA=True, TEILHABE_SITE_URL="")
def test_a_new_kreis_centre_from_the_statewide_office_to_its_first_family(
    page, browser, staff, screenshot, axe_violations
):
    office = staff.state_office
    device = TOTPDevice.objects.create(user=office, name="App", confirmed=True)
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(office.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_label("Sechsstelliger Code").fill(_code(device.bin_key))
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(page.base_url + "/")

    # the statewide office creates the centre for Kreis Soest and its administrator
    page.goto(page.base_url + "/land/zentren/")
    page.get_by_role("link", name="Zentrum anlegen").click()
    page.locator("#id_name").fill("KI Kreis Soest")
    page.locator("#id_slug").fill("kreis-soest")
    page.locator("#id_area_keys").fill("05974")
    page.locator("#id_city").fill("Soest")
    page.locator("#id_admin_first_name").fill("Eva")
    page.locator("#id_admin_last_name").fill("Berg")
    page.locator("#id_admin_email").fill("eva.berg@kreis-soest.example")
    page.get_by_role("button", name="Zentrum anlegen und einladen").click()
    page.wait_for_url("**/land/zentren/")
    assert "Kreis Soest" in page.get_by_role("row", name=re.compile("KI Kreis Soest")).inner_text()
    centre = Centre.objects.get(slug="kreis-soest")

    # the administrator accepts, sets up TOTP and invites a counsellor
    admin = _accept(browser, page.base_url, "eva.berg@kreis-soest.example", "Soester-Boerde-2026")
    admin.get_by_role("navigation").get_by_role("link", name="Konten").click()
    admin.get_by_role("link", name="Kollegin oder Kollegen einladen").click()
    admin.get_by_label("Vorname").fill("Deniz")
    admin.get_by_label("Nachname").fill("Aydin")
    admin.get_by_label("E-Mail-Adresse").fill("deniz.aydin@kreis-soest.example")
    admin.get_by_label("Rolle").select_option(label="Beratung")
    admin.get_by_label("Sprachen").fill("tr, de")
    admin.get_by_role("button", name="Einladung senden").click()
    admin.wait_for_url(page.base_url + "/konten/")

    # the counsellor accepts and registers a family in Lippstadt
    counsellor = _accept(
        browser, page.base_url, "deniz.aydin@kreis-soest.example", "Lippe-Auen-2026-Soest"
    )
    counsellor.get_by_role("link", name="Familie registrieren").first.click()
    counsellor.get_by_label("Straße und Hausnummer").fill("Lange Straße 12")
    counsellor.get_by_label("PLZ").fill("59555")
    counsellor.get_by_label("Ort").fill("Lippstadt")
    counsellor.fill('[name="guardians-0-first_name"]', "Rana")
    counsellor.fill('[name="guardians-0-last_name"]', "Haddad")
    fill_child(counsellor, 0, "Omar", "2014-05-04")
    counsellor.get_by_role("button", name="Familie registrieren").click()
    counsellor.wait_for_url("**/familien/*/")
    child = Child.objects.get(first_name="Omar", centre=centre)
    assert child.family.municipality_name == "Lippstadt"

    counsellor.get_by_role("link", name="Warteliste").first.click()
    row = counsellor.get_by_role("row", name=re.compile("Haddad, Omar"))
    assert "Lippstadt" in row.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 360):
        counsellor.set_viewport_size({"width": width, "height": 900})
        counsellor.screenshot(
            path=str(SCREENSHOTS / f"kreis-waiting-list-{width}.png"), full_page=True
        )
    counsellor.set_viewport_size({"width": 1280, "height": 900})

    # an address in Köln lies outside the Kreis: refused, naming the Kreis
    counsellor.goto(page.base_url + "/seiteneinstieg/familien/neu/")
    counsellor.get_by_label("Straße und Hausnummer").fill("Keupstraße 5")
    counsellor.get_by_label("PLZ").fill("51063")
    counsellor.get_by_label("Ort").fill("Köln")
    counsellor.fill('[name="guardians-0-first_name"]', "Lea")
    counsellor.fill('[name="guardians-0-last_name"]', "Neumann")
    fill_child(counsellor, 0, "Mila", "2015-02-03")
    counsellor.get_by_role("button", name="Familie registrieren").click()
    error = counsellor.locator(".error-summary")
    assert "nicht im Gebiet des Zentrums (Kreis Soest)" in error.inner_text()
    assert not Child.objects.filter(first_name="Mila").exists()
    counsellor.screenshot(path=str(SCREENSHOTS / "kreis-address-refused.png"), full_page=True)
    from axe_playwright_python.sync_playwright import Axe

    assert Axe().run(counsellor).response["violations"] == []
    assert axe_violations() == []  # and the statewide office's page

"""An administrator invites a counsellor; the counsellor accepts in the browser, sets a
password and a second factor, and lands on the start page."""

from __future__ import annotations

import base64
import re

import pytest
from django.test import override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.centres.models import AccountStatus, User
from teilhabe.notify.models import OutboxMail
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "Rheinufer-Kranhaus-2026"


def _code(key: bytes) -> str:
    return f"{TOTP(key).token():06d}"


def _shots(page, screenshot, name: str) -> None:
    """The page at a laptop's width and at a small phone's."""
    for width in (1366, 360):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(f"{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


@override_settings(TEILHABE_REQUIRE_2FA=True, TEILHABE_SITE_URL="")
def test_admin_invites_a_counsellor_who_sets_password_and_second_factor(
    page, staff, screenshot, axe_violations
):
    admin = staff.centre_admin
    admin_device = TOTPDevice.objects.create(user=admin, name="App", confirmed=True)

    # the administrator logs in with password and code
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(admin.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_label("Sechsstelliger Code").fill(_code(admin_device.bin_key))
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(page.base_url + "/")

    # accounts page from the navigation, then the invitation
    page.get_by_role("navigation").get_by_role("link", name="Konten").click()
    page.get_by_role("link", name="Kollegin oder Kollegen einladen").click()
    page.get_by_label("Vorname").fill("Mira")
    page.get_by_label("Nachname").fill("Yilmaz")
    page.get_by_label("E-Mail-Adresse").fill("mira.yilmaz@example.org")
    page.get_by_label("Rolle").select_option(label="Beratung")
    page.get_by_label("Sprachen").fill("tr, ku")
    page.get_by_role("button", name="Einladung senden").click()
    page.wait_for_url(page.base_url + "/konten/")
    assert "Die Einladung an mira.yilmaz@example.org ist unterwegs" in page.inner_text("main")
    row = page.get_by_role("row", name=re.compile("Mira Yilmaz"))
    assert "eingeladen" in row.inner_text() and "tr, ku" in row.inner_text()
    assert axe_violations() == []
    _shots(page, screenshot, "accounts-list")
    page.get_by_role("link", name="Mira Yilmaz").click()
    assert "Einladung erneut senden" in page.inner_text("main")
    assert axe_violations() == []
    _shots(page, screenshot, "account-edit")
    page.go_back()

    # the invitation mail holds the one-time link
    mail = OutboxMail.objects.get(to=["mira.yilmaz@example.org"])
    link = re.search(r"https?://\S+/konto/einladung/\S+/", mail.body).group(0)
    assert link.startswith(page.base_url)

    invitee_context = page.context.browser.new_context(
        locale="de-DE", viewport={"width": 1280, "height": 900}
    )
    invitee = invitee_context.new_page()
    invitee.set_default_timeout(15_000)
    invitee.goto(link)
    assert "Willkommen bei Teilhabe" in invitee.inner_text("h1")
    assert "mira.yilmaz@example.org" in invitee.inner_text("main")
    from axe_playwright_python.sync_playwright import Axe

    assert Axe().run(invitee).response["violations"] == []
    for width in (1366, 360):
        invitee.set_viewport_size({"width": width, "height": 900})
        invitee.screenshot(path=_path(f"invitation-accept-{width}"), full_page=True)
    invitee.set_viewport_size({"width": 1280, "height": 900})

    # a weak password is refused in German, then a good one
    invitee.locator("#id_new_password1").fill("kurz")
    invitee.locator("#id_new_password2").fill("kurz")
    invitee.get_by_role("button", name="Passwort festlegen").click()
    assert "zu kurz" in invitee.inner_text("main")
    invitee.locator("#id_new_password1").fill(NEW_PASSWORD)
    invitee.locator("#id_new_password2").fill(NEW_PASSWORD)
    invitee.get_by_role("button", name="Passwort festlegen").click()

    # second factor: the key shown for manual entry gives the code an app would show
    invitee.wait_for_url(re.compile(r".*/konto/zwei-faktor/einrichten/$"))
    secret = invitee.locator("main code").inner_text().strip()
    invitee.get_by_label("Sechsstelliger Code").fill(_code(base64.b32decode(secret)))
    invitee.get_by_role("button", name="Bestätigen").click()
    invitee.wait_for_url(page.base_url + "/")
    assert invitee.get_by_role("heading", level=1).inner_text() == "Guten Tag, Mira"

    user = User.objects.get(username="mira.yilmaz@example.org")
    assert user.account_status == AccountStatus.ACTIVE
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    # the used link is dead; the administrator sees the account active with 2FA
    invitee.goto(link)
    assert "gilt nicht mehr" in invitee.inner_text("h1")
    invitee_context.close()
    page.reload()
    row = page.get_by_role("row", name=re.compile("Mira Yilmaz"))
    assert "aktiv" in row.inner_text() and "eingerichtet" in row.inner_text()
    page.goto(page.base_url + "/")
    tile = page.get_by_role("region", name="Konten")
    assert "Offene Einladungen" in tile.inner_text()
    screenshot("accounts-tile")


def _path(name: str) -> str:
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return str(SCREENSHOTS / f"{name}.png")


def test_forgotten_password_by_mail(page, staff, screenshot):
    user = staff.counsellor
    page.goto(page.base_url + "/konto/anmelden/")
    page.get_by_role("link", name="Passwort vergessen?").click()
    _shots(page, screenshot, "password-reset")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_role("button", name="Link anfordern").click()
    assert "Bitte sehen Sie in Ihr Postfach" in page.inner_text("h1")

    mail = OutboxMail.objects.get(to=[user.email])
    link = re.search(r"https?://\S+/konto/passwort-neu/\S+/\S+/", mail.body).group(0)
    page.goto(link)
    assert "Neues Passwort festlegen" in page.inner_text("h1")
    _shots(page, screenshot, "password-reset-confirm")
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Passwort speichern").click()
    assert "Ihr neues Passwort ist gespeichert" in page.inner_text("h1")

    page.get_by_role("link", name="Zur Anmeldung").click()
    page.get_by_label("Benutzername").fill(user.username)
    page.get_by_label("Passwort").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(page.base_url + "/")

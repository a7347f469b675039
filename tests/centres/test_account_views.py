"""The accounts pages: list, invite, change, the buttons, accepting an invitation."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.audit.models import AuditEntry
from teilhabe.centres import services
from teilhabe.centres.models import AccountStatus, User
from teilhabe.centres.roles import Role
from teilhabe.centres.selectors import invitation_token
from teilhabe.notify.models import OutboxMail
from tests.centres.test_accounts import NEW_PASSWORD, invite, link_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_list_shows_own_centre_with_status_and_second_factor(login, staff, other_staff):
    TOTPDevice.objects.create(user=staff.counsellor, name="App", confirmed=True)
    invited = invite(staff)
    retired = UserFactory(centre=staff.centre, last_name="Ruhestand", is_active=False)
    staff.counsellor.languages = "uk,ru"
    staff.counsellor.save()
    page = login(staff.centre_admin).get(reverse("centres:account_list")).content.decode()
    for user in (staff.counsellor, staff.schulamt, invited, retired):
        assert reverse("centres:account_edit", args=[user.pk]) in page
    assert other_staff.counsellor.last_name not in page
    assert "eingeladen" in page and "deaktiviert" in page and "uk, ru" in page
    assert "eingerichtet" in page and "fehlt" in page
    # school accounts: the link is kept on schulen's page
    assert reverse("schulen:staff_links") in page


def test_navigation_and_tile_for_administrators_only(login, staff):
    home = login(staff.centre_admin).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("centres:account_list")}"' in home
    assert "Offene Einladungen" in home
    other = Client()
    other.force_login(staff.counsellor)
    home = other.get(reverse("core:home")).content.decode()
    assert reverse("centres:account_list") not in home


def test_invite_through_the_page(login, staff):
    client = login(staff.centre_admin)
    response = client.post(
        reverse("centres:account_invite"),
        {
            "first_name": "Nina",
            "last_name": "Neumann",
            "email": "nina@example.org",
            "role": "counsellor",
            "languages": "tr",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nina@example.org")
    assert user.centre == staff.centre and user.account_status == AccountStatus.INVITED
    assert link_token(OutboxMail.objects.get())  # a link to this very site


def test_invite_page_offers_no_statewide_role_and_explains_duplicates(login, staff):
    client = login(staff.centre_admin)
    page = client.get(reverse("centres:account_invite")).content.decode()
    assert 'value="state_office"' not in page and 'value="counsellor"' in page
    response = client.post(
        reverse("centres:account_invite"),
        {
            "first_name": "Doppelt",
            "last_name": "Vorhanden",
            "email": staff.counsellor.email.upper(),
            "role": "counsellor",
        },
    )
    assert response.status_code == 200
    assert "gibt es in dieser Installation schon ein Konto" in response.content.decode()
    forged = client.post(
        reverse("centres:account_invite"),
        {"first_name": "A", "last_name": "B", "email": "a@example.org", "role": "state_office"},
    )
    assert forged.status_code == 200 and not User.objects.filter(email="a@example.org").exists()


def test_change_page_keeps_the_last_administrator(login, staff):
    client = login(staff.centre_admin)
    url = reverse("centres:account_edit", args=[staff.centre_admin.pk])
    response = client.post(
        url,
        {"first_name": "Ada", "last_name": "Admin", "role": "counsellor", "languages": ""},
    )
    assert response.status_code == 200
    assert "mindestens ein aktives Konto" in response.content.decode()
    staff.centre_admin.refresh_from_db()
    assert staff.centre_admin.role == Role.CENTRE_ADMIN


def test_change_page_saves(login, staff):
    client = login(staff.centre_admin)
    url = reverse("centres:account_edit", args=[staff.counsellor.pk])
    response = client.post(
        url,
        {"first_name": "Kim", "last_name": "Kurz", "role": "statistics", "languages": "ar, fa"},
    )
    assert response.status_code == 302
    staff.counsellor.refresh_from_db()
    assert (staff.counsellor.role, staff.counsellor.languages) == ("statistics", "ar,fa")
    page = client.get(url).content.decode()
    assert "geändert" in page  # the account's history


def test_buttons(login, staff):
    client = login(staff.centre_admin)
    user = staff.counsellor
    TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    client.post(reverse("centres:account_totp_reset", args=[user.pk]))
    assert not TOTPDevice.objects.filter(user=user).exists()
    client.post(reverse("centres:account_deactivate", args=[user.pk]))
    user.refresh_from_db()
    assert not user.is_active
    client.post(reverse("centres:account_reactivate", args=[user.pk]))
    user.refresh_from_db()
    assert user.is_active
    # a refused action comes back as a message, nothing changes
    response = client.post(
        reverse("centres:account_deactivate", args=[staff.centre_admin.pk]), follow=True
    )
    assert "mindestens ein aktives Konto" in response.content.decode()
    staff.centre_admin.refresh_from_db()
    assert staff.centre_admin.is_active


def test_another_centres_account_is_404_on_every_page(login, staff, other_staff):
    client = login(staff.centre_admin)
    foreign = other_staff.counsellor
    assert client.get(reverse("centres:account_edit", args=[foreign.pk])).status_code == 404
    for name in (
        "account_resend",
        "account_deactivate",
        "account_reactivate",
        "account_totp_reset",
    ):
        assert client.post(reverse(f"centres:{name}", args=[foreign.pk])).status_code == 404
    foreign.refresh_from_db()
    assert foreign.is_active
    assert not AuditEntry.objects.exists()


def test_resend_from_the_page_retires_the_old_link(login, staff):
    user = invite(staff)
    old = invitation_token(user)
    login(staff.centre_admin).post(reverse("centres:account_resend", args=[user.pk]))
    page = Client().get(reverse("centres:invitation_accept", args=[old])).content.decode()
    assert "gilt nicht mehr" in page


@override_settings(TEILHABE_REQUIRE_2FA=True)
def test_accepting_an_invitation_leads_to_the_second_factor(staff):
    user = invite(staff)
    token = link_token(OutboxMail.objects.get())
    client = Client()
    url = reverse("centres:invitation_accept", args=[token])
    page = client.get(url).content.decode()
    assert user.username in page and "Passwort festlegen" in page

    mismatch = client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": "anders"})
    assert mismatch.status_code == 200
    assert "nicht identisch" in mismatch.content.decode()
    weak = client.post(url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert "zu kurz" in weak.content.decode()

    response = client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == reverse("centres:otp_setup")
    client.get(reverse("centres:otp_setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
    assert client.post(reverse("centres:otp_setup"), {"token": code}).url == reverse("core:home")
    assert client.get(reverse("core:home")).status_code == 200

    # the link is used up
    again = Client().get(url).content.decode()
    assert "gilt nicht mehr" in again


def test_login_page_offers_the_password_reset(client):
    page = client.get(reverse("centres:login")).content.decode()
    assert reverse("centres:password_reset") in page and "Passwort vergessen?" in page


def test_state_office_uses_the_service_for_a_first_administrator(staff):
    """No page for the statewide office yet: the lead's centre pages call the service."""
    from tests.factories import CentreFactory

    centre = CentreFactory(slug="neu")
    user = services.invite_user(
        actor=staff.state_office,
        centre=centre,
        email="erste@example.org",
        first_name="Erste",
        last_name="Leitung",
        role=Role.CENTRE_ADMIN,
    )
    services.accept_invitation(actor=user, token=invitation_token(user), password=NEW_PASSWORD)
    user.refresh_from_db()
    assert user.has_perm("centres.manage_users", staff.counsellor) is False  # other centre
    assert user.has_perm("centres.manage_users", user)

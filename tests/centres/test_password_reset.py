"""Password reset by mail: through the outbox, the same answer for every address, audited."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from teilhabe.centres import services
from teilhabe.notify.models import OutboxMail
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Domplatte-Nebel-4711"


def request_reset(client: Client, email: str):
    return client.post(reverse("centres:password_reset"), {"email": email})


def reset_link(mail: OutboxMail) -> str:
    match = re.search(r"http://testserver(/konto/passwort-neu/[^/\s]+/[^/\s]+/)", mail.body)
    assert match, mail.body
    return match.group(1)


def test_a_known_address_gets_a_link_through_the_outbox(client, staff):
    response = request_reset(client, staff.counsellor.email.upper())
    assert response.status_code == 302
    assert response.url == reverse("centres:password_reset_done")
    mail = OutboxMail.objects.get()
    assert mail.to == [staff.counsellor.email]
    assert mail.subject == "Teilhabe: Passwort zurücksetzen"
    assert staff.counsellor.username in mail.body and "24 Stunden" in mail.body


def test_no_enumeration(client, staff):
    """Unknown, deactivated and role-less accounts: the same answer, and no mail."""
    known = request_reset(client, staff.counsellor.email)
    OutboxMail.objects.all().delete()
    inactive = UserFactory(centre=staff.centre, is_active=False)
    no_role = UserFactory(centre=staff.centre, role="")
    invited = services.invite_user(
        actor=staff.centre_admin,
        centre=staff.centre,
        email="eingeladen@example.org",
        first_name="E",
        last_name="L",
        role="counsellor",
    )
    OutboxMail.objects.all().delete()
    for email in ("niemand@example.org", inactive.email, no_role.email, invited.email):
        response = request_reset(Client(), email)
        assert (response.status_code, response.url) == (known.status_code, known.url)
    assert not OutboxMail.objects.exists()
    done = client.get(known.url).content.decode()
    assert "Wenn es zu dieser Adresse ein aktives Konto gibt" in done


def test_the_link_sets_a_new_password_once_and_is_audited(client, staff):
    user = staff.counsellor
    request_reset(client, user.email)
    link = reset_link(OutboxMail.objects.get())
    form_page = client.get(link, follow=True)
    assert "Neues Passwort festlegen" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]

    weak = client.post(set_url, {"new_password1": "abc", "new_password2": "abc"})
    assert "zu kurz" in weak.content.decode()
    response = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("centres:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and not user.check_password(PASSWORD)
    entry = AuditEntry.objects.get(action="centres.user.password_reset")
    assert entry.actor == user and entry.centre == staff.centre

    again = Client().get(link, follow=True).content.decode()
    assert "Dieser Link gilt nicht mehr" in again


def test_a_reset_ends_the_other_sessions(client, staff):
    user = staff.counsellor
    elsewhere = Client()
    elsewhere.force_login(user)
    assert elsewhere.get(reverse("core:home")).status_code == 200
    services.complete_password_reset(actor=user, password=NEW_PASSWORD)
    assert elsewhere.get(reverse("core:home")).status_code == 302


def test_a_deactivated_account_cannot_finish_a_reset(staff):
    from django.core.exceptions import ValidationError

    user = staff.counsellor
    services.deactivate_user(actor=staff.centre_admin, user=user)
    with pytest.raises(ValidationError):
        services.complete_password_reset(actor=user, password=NEW_PASSWORD)
    assert not AuditEntry.objects.filter(action="centres.user.password_reset").exists()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_reset_lifts_a_lockout(staff):
    user = staff.counsellor
    client = Client()
    for _ in range(3):
        client.post(reverse("centres:login"), {"username": user.username, "password": "falsch"})
    locked = client.post(
        reverse("centres:login"), {"username": user.username, "password": PASSWORD}
    )
    assert locked.status_code == 429
    services.complete_password_reset(actor=user, password=NEW_PASSWORD)
    response = client.post(
        reverse("centres:login"), {"username": user.username, "password": NEW_PASSWORD}
    )
    assert response.status_code == 302

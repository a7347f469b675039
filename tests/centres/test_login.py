"""Login: Argon2 hashes, lockout after repeated failures, TOTP second factor."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.audit.models import AuditEntry
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _post_login(client: Client, username: str, password: str):
    return client.post(reverse("centres:login"), {"username": username, "password": password})


def test_production_hasher_is_argon2():
    from teilhabe import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS[:1]):
        assert make_password("irrelevant-password").startswith("argon2$")


def test_correct_password_logs_in(client, staff):
    response = _post_login(client, staff.counsellor.username, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


@override_settings(AXES_FAILURE_LIMIT=3)
def test_lockout_after_repeated_failures(client, staff):
    for _ in range(3):
        _post_login(client, staff.counsellor.username, "wrong-password")
    response = _post_login(client, staff.counsellor.username, PASSWORD)
    assert response.status_code == 429
    assert "vorübergehend gesperrt" in response.content.decode()
    assert client.get(reverse("core:home")).status_code == 302  # still not logged in


@override_settings(TEILHABE_REQUIRE_2FA=True)
def test_two_factor_setup_then_verify(client, staff):
    user = staff.counsellor
    assert _post_login(client, user.username, PASSWORD).status_code == 302
    # Without a confirmed device every page leads to the setup page.
    response = client.get(reverse("audit:list"))
    assert response.status_code == 302 and response.url == reverse("centres:otp_setup")

    page = client.get(reverse("centres:otp_setup"))
    assert page.status_code == 200 and b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post(reverse("centres:otp_setup"), {"token": "000000"})
    assert "Der Code stimmt nicht" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp throttles attempts after a failure

    token = f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
    assert client.post(reverse("centres:otp_setup"), {"token": token}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("core:home")).status_code == 200
    assert AuditEntry.objects.filter(action="centres.totp.confirmed", actor=user).count() == 1

    # A new session must confirm a code again before reaching any page.
    other = Client()
    _post_login(other, user.username, PASSWORD)
    response = other.get(reverse("core:home"))
    assert response.status_code == 302 and response.url == reverse("centres:otp_verify")


@override_settings(TEILHABE_REQUIRE_2FA=True)
def test_unverified_user_cannot_reach_data(client, staff):
    _post_login(client, staff.centre_admin.username, PASSWORD)
    for name in ("core:home", "audit:list", "seiteneinstieg:child_detail"):
        kwargs = {"pk": 1} if name.endswith("detail") else None
        response = client.get(reverse(name, kwargs=kwargs))
        assert response.status_code == 302, name
        assert response.url.startswith("/konto/zwei-faktor/")


@override_settings(TEILHABE_REQUIRE_2FA=True)
@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("https://evil.example/phish", "/"),
        ("//evil.example/phish", "/"),
        ("/protokoll/", "/protokoll/"),
    ],
)
def test_verify_follows_next_only_within_the_site(client, staff, next_url, expected):
    """A crafted ``?next=`` after the second factor must not bounce the user to another site."""
    user = staff.counsellor
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    _post_login(client, user.username, PASSWORD)
    token = f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
    response = client.post(reverse("centres:otp_verify") + f"?next={next_url}", {"token": token})
    assert response.status_code == 302
    assert response.url == expected


def test_overlong_username_is_refused_without_a_lockout_record(client, staff):
    """Django's login form does not check the length; axes would overflow its column."""
    from axes.models import AccessAttempt

    response = _post_login(client, "x" * 5000, "irrelevant")
    assert response.status_code == 200
    assert "Der Benutzername ist zu lang" in response.content.decode()
    assert not AccessAttempt.objects.exists()

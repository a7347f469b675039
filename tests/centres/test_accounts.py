"""Account services: invitations (one-time, expiring links), changes that keep an
administrator, deactivation that ends sessions, resetting the second factor."""

from __future__ import annotations

import re
import time
from unittest import mock

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.audit.models import AuditEntry
from teilhabe.centres import services
from teilhabe.centres.models import AccountStatus, User
from teilhabe.centres.roles import Role
from teilhabe.centres.selectors import account_figures, invitation_token, invited_user
from teilhabe.notify.models import OutboxMail
from tests.factories import PASSWORD, CentreFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Sonnenblume-Rhein-2026"


def invite(staff, **overrides) -> User:
    values = {
        "actor": staff.centre_admin,
        "centre": staff.centre,
        "email": "Neu.Kollegin@Example.org",
        "first_name": "Nina",
        "last_name": "Neumann",
        "role": Role.COUNSELLOR,
        "languages": "UK, ru",
    } | overrides
    return services.invite_user(**values)


def link_token(mail: OutboxMail) -> str:
    match = re.search(r"http://testserver/konto/einladung/([^/\s]+)/", mail.body)
    assert match, mail.body
    return match.group(1)


def audit_count(action: str, user: User) -> int:
    return AuditEntry.objects.filter(action=action, target_id=str(user.pk)).count()


# --- invitations ---------------------------------------------------------------------------


def test_invitation_creates_an_inactive_account_and_queues_a_link(staff):
    user = invite(staff)
    assert user.username == user.email == "neu.kollegin@example.org"
    assert not user.is_active and not user.has_usable_password()
    assert user.account_status == AccountStatus.INVITED
    assert user.languages == "uk,ru"
    mail = OutboxMail.objects.get()
    assert mail.to == ["neu.kollegin@example.org"]
    assert mail.centre_id == staff.centre.pk
    assert "Nina Neumann" in mail.body and "Beratung" in mail.body
    assert invited_user(link_token(mail)) == user
    assert audit_count("centres.user.invited", user) == 1
    assert AuditEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"role": Role.STATE_OFFICE}, "role", "nicht gegeben werden"),
        ({"role": "superuser"}, "role", "nicht gegeben werden"),
        ({"email": "keine-adresse"}, "email", "gültige E-Mail-Adresse"),
        ({"first_name": " "}, "first_name", "Vornamen"),
        ({"languages": "ukrainisch"}, "languages", "kein Sprachkürzel"),
    ],
)
def test_bad_invitations_write_nothing(staff, overrides, field, message):
    with pytest.raises(ValidationError) as exc:
        invite(staff, **overrides)
    assert message in " ".join(exc.value.message_dict[field])
    assert not User.objects.filter(first_name="Nina").exists()
    assert not OutboxMail.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize("field", ["email", "username"])
def test_an_address_has_one_account_in_the_whole_installation(staff, other_staff, field):
    UserFactory(centre=other_staff.centre, **{field: "neu.kollegin@example.org"})
    with pytest.raises(ValidationError) as exc:
        invite(staff, email="NEU.kollegin@example.org")
    assert "schon ein Konto" in exc.value.message_dict["email"][0]
    assert not OutboxMail.objects.exists()


def test_only_administrators_of_the_centre_or_the_state_office_invite(staff, other_staff):
    for actor in (staff.counsellor, staff.schulamt, other_staff.centre_admin):
        with pytest.raises(PermissionDenied):
            invite(staff, actor=actor)
    assert not User.objects.filter(first_name="Nina").exists()


def test_the_state_office_invites_a_new_centres_first_administrator(staff):
    centre = CentreFactory(slug="soest", name="KI Kreis Soest")
    user = services.invite_user(
        actor=staff.state_office,
        centre=centre,
        email="leitung@soest.example.org",
        first_name="Lea",
        last_name="Leitung",
        role=Role.CENTRE_ADMIN,
    )
    assert user.centre == centre and user.role == Role.CENTRE_ADMIN
    entry = AuditEntry.objects.get(action="centres.user.invited")
    assert entry.centre == centre and entry.actor == staff.state_office


def test_accepting_activates_once(staff):
    user = invite(staff)
    token = invitation_token(user)
    user = services.accept_invitation(actor=user, token=token, password=NEW_PASSWORD)
    assert user.is_active and user.check_password(NEW_PASSWORD)
    assert user.account_status == AccountStatus.ACTIVE
    assert audit_count("centres.user.activated", user) == 1
    # the link is used up
    assert invited_user(token) is None
    with pytest.raises(ValidationError):
        services.accept_invitation(actor=user, token=token, password="Noch-ein-Passwort-99")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_a_weak_password_is_refused_in_german(staff):
    user = invite(staff)
    with pytest.raises(ValidationError) as exc:
        services.accept_invitation(actor=user, token=invitation_token(user), password="kurz")
    assert "zu kurz" in " ".join(exc.value.message_dict["new_password1"])
    user.refresh_from_db()
    assert not user.is_active and invited_user(invitation_token(user)) == user


def test_a_newer_invitation_replaces_the_old_link(staff):
    user = invite(staff)
    old = invitation_token(user)
    user = services.resend_invitation(actor=staff.centre_admin, user=user)
    new = invitation_token(user)
    assert invited_user(old) is None
    assert invited_user(new) == user
    assert OutboxMail.objects.count() == 2
    assert audit_count("centres.user.invited", user) == 2
    with pytest.raises(ValidationError):
        services.accept_invitation(actor=user, token=old, password=NEW_PASSWORD)


def test_the_link_expires_after_the_invitation_period(staff, settings):
    settings.TEILHABE_INVITATION_DAYS = 7
    user = invite(staff)
    token = invitation_token(user)
    now = time.time()
    with mock.patch("django.core.signing.time.time", return_value=now + 6 * 86400):
        assert invited_user(token) == user
    with mock.patch("django.core.signing.time.time", return_value=now + 7 * 86400 + 60):
        assert invited_user(token) is None


@pytest.mark.parametrize("token", ["", "abc", "eyJ1IjoxfQ:1vO:forged"])
def test_forged_tokens_name_nobody(staff, token):
    invite(staff)
    assert invited_user(token) is None


def test_a_token_from_another_signing_purpose_is_refused(staff):
    from django.core import signing

    user = invite(staff)
    forged = signing.dumps({"u": user.pk, "n": user.invitation_nonce}, salt="something.else")
    assert invited_user(forged) is None


def test_resending_is_refused_once_accepted(staff):
    user = invite(staff)
    services.accept_invitation(actor=user, token=invitation_token(user), password=NEW_PASSWORD)
    with pytest.raises(ValidationError):
        services.resend_invitation(actor=staff.centre_admin, user=user)


# --- changes and the last administrator -------------------------------------------------


def test_change_role_languages_and_names(staff):
    user = services.change_user(
        actor=staff.centre_admin,
        user=staff.counsellor,
        role=Role.SCHULAMT,
        languages="ar; fa  tr",
        first_name="Kim",
        last_name="Kurz",
    )
    user.refresh_from_db()
    assert (user.role, user.languages, user.first_name) == ("schulamt", "ar,fa,tr", "Kim")
    entry = AuditEntry.objects.get(action="centres.user.changed")
    assert entry.data["changes"]["role"] == ["counsellor", "schulamt"]


def test_change_refuses_the_statewide_role(staff):
    with pytest.raises(ValidationError) as exc:
        services.change_user(actor=staff.centre_admin, user=staff.counsellor, role="state_office")
    assert "role" in exc.value.message_dict
    staff.counsellor.refresh_from_db()
    assert staff.counsellor.role == Role.COUNSELLOR


def test_the_last_administrator_cannot_demote_themself(staff):
    admin = staff.centre_admin
    with pytest.raises(ValidationError) as exc:
        services.change_user(actor=admin, user=admin, role=Role.COUNSELLOR)
    assert "mindestens ein aktives Konto" in exc.value.message_dict["role"][0]
    admin.refresh_from_db()
    assert admin.role == Role.CENTRE_ADMIN
    assert not AuditEntry.objects.exists()


def test_with_a_second_administrator_the_first_may_step_down(staff):
    UserFactory(centre=staff.centre, role=Role.CENTRE_ADMIN)
    services.change_user(actor=staff.centre_admin, user=staff.centre_admin, role=Role.COUNSELLOR)
    staff.centre_admin.refresh_from_db()
    assert staff.centre_admin.role == Role.COUNSELLOR


def test_an_invited_or_deactivated_administrator_does_not_count(staff):
    UserFactory(centre=staff.centre, role=Role.CENTRE_ADMIN, is_active=False)
    invite(staff, role=Role.CENTRE_ADMIN)
    with pytest.raises(ValidationError):
        services.deactivate_user(actor=staff.centre_admin, user=staff.centre_admin)
    with pytest.raises(ValidationError):
        services.change_user(
            actor=staff.centre_admin, user=staff.centre_admin, role=Role.STATISTICS
        )


def test_another_centres_administrator_does_not_count(staff, other_staff):
    assert other_staff.centre_admin.is_active
    with pytest.raises(ValidationError):
        services.deactivate_user(actor=staff.centre_admin, user=staff.centre_admin)


def test_changes_need_the_permission_on_that_account(staff, other_staff):
    for actor, user in (
        (staff.counsellor, staff.statistics),
        (other_staff.centre_admin, staff.counsellor),
        (staff.state_office, staff.counsellor),
    ):
        with pytest.raises(PermissionDenied):
            services.change_user(actor=actor, user=user, role=Role.STATISTICS)
        with pytest.raises(PermissionDenied):
            services.deactivate_user(actor=actor, user=user)
        with pytest.raises(PermissionDenied):
            services.reset_second_factor(actor=actor, user=user)


# --- deactivation ---------------------------------------------------------------------------


def _sessions_of(user: User) -> int:
    return sum(1 for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == str(user.pk))


def test_deactivation_ends_sessions_and_blocks_login(staff):
    user = staff.counsellor
    browser, phone, bystander = Client(), Client(), Client()
    browser.force_login(user)
    phone.force_login(user)
    bystander.force_login(staff.schulamt)
    assert _sessions_of(user) == 2

    services.deactivate_user(actor=staff.centre_admin, user=user)

    assert _sessions_of(user) == 0
    assert _sessions_of(staff.schulamt) == 1
    assert browser.get(reverse("core:home")).status_code == 302
    assert bystander.get(reverse("core:home")).status_code == 200
    response = Client().post(
        reverse("centres:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 200  # the form again, not a redirect
    user.refresh_from_db()
    assert user.account_status == AccountStatus.DEACTIVATED
    assert not user.has_perm("seiteneinstieg.view_case")
    entry = AuditEntry.objects.get(action="centres.user.deactivated")
    assert entry.data["sessions_ended"] == 2
    assert User.objects.filter(pk=user.pk).exists()  # never deleted


def test_deactivating_twice_is_refused(staff):
    services.deactivate_user(actor=staff.centre_admin, user=staff.counsellor)
    with pytest.raises(ValidationError):
        services.deactivate_user(actor=staff.centre_admin, user=staff.counsellor)
    assert AuditEntry.objects.filter(action="centres.user.deactivated").count() == 1


def test_deactivating_an_invitation_withdraws_the_link(staff):
    user = invite(staff)
    token = invitation_token(user)
    services.deactivate_user(actor=staff.centre_admin, user=user)
    assert invited_user(token) is None
    user.refresh_from_db()
    assert user.account_status == AccountStatus.DEACTIVATED
    with pytest.raises(ValidationError):  # it never had a password: invite again instead
        services.reactivate_user(actor=staff.centre_admin, user=user)
    services.resend_invitation(actor=staff.centre_admin, user=user)
    user.refresh_from_db()
    assert user.account_status == AccountStatus.INVITED


def test_reactivation_restores_login(staff):
    user = staff.counsellor
    services.deactivate_user(actor=staff.centre_admin, user=user)
    services.reactivate_user(actor=staff.centre_admin, user=user)
    user.refresh_from_db()
    assert user.is_active and user.check_password(PASSWORD)
    assert audit_count("centres.user.reactivated", user) == 1
    with pytest.raises(ValidationError):
        services.reactivate_user(actor=staff.centre_admin, user=user)


# --- second factor ---------------------------------------------------------------------------


def test_resetting_the_second_factor_removes_the_devices(staff, settings):
    user = staff.counsellor
    TOTPDevice.objects.create(user=user, name="Altes Telefon", confirmed=True)
    TOTPDevice.objects.create(user=user, name="halb eingerichtet", confirmed=False)
    other = TOTPDevice.objects.create(user=staff.schulamt, name="App", confirmed=True)

    services.reset_second_factor(actor=staff.centre_admin, user=user)

    assert not TOTPDevice.objects.filter(user=user).exists()
    assert TOTPDevice.objects.filter(pk=other.pk).exists()
    assert audit_count("centres.totp.reset", user) == 1
    with pytest.raises(ValidationError):
        services.reset_second_factor(actor=staff.centre_admin, user=user)

    settings.TEILHABE_REQUIRE_2FA = True
    client = Client()
    client.post(reverse("centres:login"), {"username": user.username, "password": PASSWORD})
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response.url == reverse("centres:otp_setup")


# --- the administrator's tile ---------------------------------------------------------------


def test_tile_counts_accounts_invitations_and_missing_second_factors(staff, other_staff):
    TOTPDevice.objects.create(user=staff.counsellor, name="App", confirmed=True)
    invite(staff)
    UserFactory(centre=staff.centre, is_active=False)
    figures = account_figures(user=staff.centre_admin)
    # one active account per centre role, one of them with a second factor
    from teilhabe.centres.roles import CENTRE_ROLES

    n = len(CENTRE_ROLES)
    assert figures == {"active": n, "invited": 1, "without_2fa": n - 1}
    assert account_figures(user=staff.counsellor) is None
    assert account_figures(user=staff.state_office) is None


def test_change_leaves_out_what_is_not_given(staff):
    user = staff.counsellor
    user.languages = "uk"
    user.save()
    services.change_user(actor=staff.centre_admin, user=user, languages="uk, pl")
    user.refresh_from_db()
    assert (user.role, user.languages, user.first_name) == ("counsellor", "uk,pl", "Alex")

"""Making and revoking tokens: the page, the command, the services' limits and audit."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import transaction

from teilhabe.api.models import ApiToken
from teilhabe.api.services import create_token
from teilhabe.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_only_scopes_the_role_holds_can_be_given(koeln):
    with pytest.raises(ValidationError) as caught, transaction.atomic():
        create_token(
            actor=koeln.staff.school_staff,
            user=koeln.staff.school_staff,
            name="Schulprogramm",
            scopes=["cases:read", "seat_reports:write"],
        )
    assert "cases:read" in caught.value.message_dict["scopes"][0]
    assert not ApiToken.objects.exists()


def test_nobody_makes_a_token_for_someone_else(koeln):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied), transaction.atomic():
        create_token(
            actor=koeln.staff.centre_admin,
            user=koeln.staff.counsellor,
            name="x",
            scopes=["cases:read"],
        )


def test_the_page_offers_the_roles_scopes_and_shows_the_secret_once(koeln, login):
    client = login(koeln.staff.school_staff)
    page = client.get("/api/zugaenge/").content.decode()
    assert "seat_reports:write" in page and "cases:read" not in page
    response = client.post(
        "/api/zugaenge/", {"name": "Schulverwaltung", "scopes": ["seat_reports:write"]}
    )
    assert response.status_code == 200
    secret = re.search(r'value="(th_[^"]+)"', response.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert token.user == koeln.staff.school_staff and token.scopes == ["seat_reports:write"]
    assert secret not in client.get("/api/zugaenge/").content.decode()
    entry = AuditEntry.objects.get(action="api.token.created")
    assert entry.actor == koeln.staff.school_staff and secret not in entry.summary


def test_a_refused_scope_on_the_page_is_a_german_error(koeln, login):
    client = login(koeln.staff.school_staff)
    response = client.post("/api/zugaenge/", {"name": "x", "scopes": ["cases:read"]})
    assert response.status_code == 400
    assert "keine gültige Auswahl" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_on_the_page(koeln, login, api):
    client_api = api(koeln.staff.counsellor, "cases:read")
    token = ApiToken.objects.get()
    other = login(koeln.staff.centre_admin)
    assert other.post(f"/api/zugaenge/{token.pk}/widerrufen/").status_code == 404
    owner = login(koeln.staff.counsellor)
    assert owner.post(f"/api/zugaenge/{token.pk}/widerrufen/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="api.token.revoked").count() == 1
    assert client_api.get("/api/v1/cases/").status_code == 401


def test_the_command_prints_the_secret(koeln):
    out = io.StringIO()
    call_command(
        "api_token",
        koeln.staff.schulamt.username,
        "--scope",
        "placements:read",
        "--scope",
        "cases:read",
        "--name",
        "Schulamt-Statistik",
        "--days",
        "30",
        stdout=out,
        stderr=io.StringIO(),
    )
    secret = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert secret.startswith(token.prefix) and token.expires_at is not None
    entry = AuditEntry.objects.get(action="api.token.created")
    assert entry.actor is None and entry.centre == koeln.staff.centre


def test_the_command_refuses_what_the_role_does_not_hold(koeln):
    with pytest.raises(CommandError, match="nicht zu"):
        call_command(
            "api_token",
            koeln.staff.counsellor.username,
            "--scope",
            "placements:write",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    with pytest.raises(CommandError, match="keine API-Zugänge"):
        call_command(
            "api_token",
            koeln.staff.statistics.username,
            "--scope",
            "cases:read",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    with pytest.raises(CommandError, match="Kein Konto"):
        call_command("api_token", "niemand", "--scope", "cases:read", stdout=io.StringIO())

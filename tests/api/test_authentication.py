"""Bearer tokens: who the request is, and every way a token stops working (401)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from teilhabe.api.models import ApiToken
from teilhabe.api.selectors import hash_secret
from tests.api.conftest import token_for

CASES = "/api/v1/cases/"


def bearer(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.mark.django_db
def test_without_a_token_the_api_answers_401_and_names_the_scheme(koeln):
    response = APIClient().get(CASES)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["detail"]


@pytest.mark.django_db
def test_a_session_login_is_no_api_access(koeln):
    client = APIClient()
    client.force_login(koeln.staff.counsellor)
    assert client.get(CASES).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header", ["Bearer", "Bearer th_nicht-echt", "Bearer a b", "Token th_x", "Bearer ä"]
)
def test_a_wrong_header_or_secret_is_refused(koeln, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    assert client.get(CASES).status_code == 401


@pytest.mark.django_db
def test_the_secret_is_stored_only_as_its_hash(koeln):
    secret = token_for(koeln.staff.counsellor, "cases:read")
    token = ApiToken.objects.get()
    assert token.secret_hash == hash_secret(secret) != secret
    stored = [str(v) for v in ApiToken.objects.values().get().values()]
    assert not any(secret in value for value in stored)
    assert secret.startswith(token.prefix)


@pytest.mark.django_db
def test_the_request_acts_as_the_tokens_user_and_notes_the_use(koeln):
    secret = token_for(koeln.staff.counsellor, "cases:read")
    response = bearer(secret).get(CASES)
    assert response.status_code == 200
    assert response.json()["count"] == 2  # the centre's child and the proposed child
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.django_db
def test_revoked_and_expired_tokens_stop_working(koeln):
    secret = token_for(koeln.staff.counsellor, "cases:read")
    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert bearer(secret).get(CASES).status_code == 401
    ApiToken.objects.update(expires_at=None, revoked_at=timezone.now())
    assert bearer(secret).get(CASES).status_code == 401


@pytest.mark.django_db
def test_an_inactive_account_or_centre_is_refused(koeln):
    user = koeln.staff.counsellor
    secret = token_for(user, "cases:read")
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert bearer(secret).get(CASES).status_code == 401
    type(user).objects.filter(pk=user.pk).update(is_active=True)
    type(koeln.staff.centre).objects.filter(pk=koeln.staff.centre.pk).update(is_active=False)
    assert bearer(secret).get(CASES).status_code == 401

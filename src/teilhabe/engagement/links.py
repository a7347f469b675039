"""Personal links without an account: signed tokens naming an object and its nonce.

Renewing the nonce retires every older link. Organisation links do not expire (they are
sent once a year with the confirmation request); volunteer login links expire after
``VOLUNTEER_LOGIN_MAX_AGE``; answers to an assignment request expire with the request.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

ORGANISATION_SALT = "teilhabe.engagement.organisation"
VOLUNTEER_SALT = "teilhabe.engagement.volunteer"
ASSIGNMENT_SALT = "teilhabe.engagement.assignment"
VOLUNTEER_LOGIN_MAX_AGE = 60 * 60 * 24  # one day


def base_url() -> str:
    return getattr(settings, "TEILHABE_BASE_URL", "").rstrip("/")


def make_token(salt: str, pk: int, nonce: str) -> str:
    return signing.dumps({"i": pk, "n": nonce}, salt=salt, compress=True)


def read_token(salt: str, token: str, *, max_age: int | None = None) -> tuple[int, str] | None:
    """(pk, nonce) of a valid token, or None for a forged, garbled or expired one."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict):
        return None
    pk, nonce = data.get("i"), data.get("n")
    if not isinstance(pk, int) or not isinstance(nonce, str):
        return None
    return pk, nonce


def absolute(url_name: str, **kwargs: object) -> str:
    return base_url() + reverse(url_name, kwargs=kwargs)

"""Tokens as their owner sees them, the scopes a user may give, and the lookup by secret."""

from __future__ import annotations

import hashlib

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from teilhabe.api.models import ApiToken
from teilhabe.api.registry import Scope, scopes
from teilhabe.centres.models import User

SECRET_PREFIX = "th_"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def allowed_scopes(user: User) -> list[Scope]:
    """The scopes whose permission the user holds (model level): a token gets no more."""
    return [s for s in scopes().values() if user.has_perm(s.permission)]


def tokens_of(*, user: User) -> QuerySet[ApiToken]:
    """The user's own tokens; nobody sees another person's tokens."""
    if not getattr(user, "is_authenticated", False):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user_id=user.pk)


def token_of(*, user: User, pk: int) -> ApiToken:
    return get_object_or_404(tokens_of(user=user), pk=pk)


def token_for_secret(secret: str) -> ApiToken | None:
    """The token a secret belongs to (with its user and centre), or None."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 200:
        return None
    return (
        ApiToken.objects.select_related("user", "user__centre")
        .filter(secret_hash=hash_secret(secret))
        .first()
    )

"""``Authorization: Bearer <secret>``: the request acts as the token's user, nobody else."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from teilhabe.api.selectors import token_for_secret
from teilhabe.api.services import note_use


class BearerTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Ungültiger Authorization-Kopf: „Bearer <Schlüssel>“."))
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise AuthenticationFailed(_("Ungültiger API-Schlüssel.")) from exc
        token = token_for_secret(secret)
        if token is None or not token.is_valid():
            raise AuthenticationFailed(
                _("Ungültiger, abgelaufener oder widerrufener API-Schlüssel.")
            )
        user = token.user
        # The same accounts that may log in on the pages (PasswordOnlyBackend): an inactive
        # account or an account of a deactivated centre is refused.
        if not user.is_active or (user.centre_id is not None and not user.centre.is_active):
            raise AuthenticationFailed(_("Das Konto dieses API-Schlüssels ist nicht aktiv."))
        note_use(token)
        return user, token

    def authenticate_header(self, request: Request) -> str:
        return f'{self.keyword} realm="teilhabe"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "teilhabe.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "API-Schlüssel von der Seite „API-Zugänge“ oder `teilhabe api_token`.",
        }

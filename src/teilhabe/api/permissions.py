"""The one check of every API request: the token's scope, then the permission of the table.

Each viewset maps its actions to a scope (``scopes = {"list": "cases:read", ...}``); the
scope names the permission (``registry.register_scope``) that ``user.has_perm`` decides, as
``staff_view`` does for the pages. Objects come from the same selectors the pages use, so
another centre's object is never found (404); object rules are the services' business.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from teilhabe.api.models import ApiToken
from teilhabe.api.registry import scope as lookup_scope


def required_scope(view: Any) -> str | None:
    return getattr(view, "scopes", {}).get(getattr(view, "action", None))


class ScopePermission(BasePermission):
    message = gettext_lazy("Keine Berechtigung für diese Anfrage.")

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False  # DRF answers 401 with WWW-Authenticate
        if request.method.lower() not in getattr(view, "action_map", {}):
            return True  # no handler for this method: DRF answers 405 with Allow
        name = required_scope(view)
        scope = lookup_scope(name) if name else None
        if scope is None:
            return False  # an action without a declared scope is closed
        token = request.auth
        if isinstance(token, ApiToken) and scope.name not in token.scopes:
            self.message = _("Dem API-Schlüssel fehlt der Bereich „%(scope)s“.") % {
                "scope": scope.name
            }
            return False
        if not user.has_perm(scope.permission):
            self.message = _("Ihre Rolle hat dafür keine Berechtigung.")
            return False
        return True

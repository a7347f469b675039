"""Password authentication without Django's group/permission tables.

Rights come from django-rules alone (one mechanism); a superuser flag grants nothing.
Accounts of a deactivated centre can neither log in nor keep using a session.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend


class PasswordOnlyBackend(ModelBackend):
    def user_can_authenticate(self, user: Any) -> bool:
        if not super().user_can_authenticate(user):
            return False
        return user.centre_id is None or user.centre.is_active

    def get_user(self, user_id: Any) -> Any:
        """The session's user with its centre in the same query (checked on every request)."""
        from teilhabe.centres.models import User

        user = User.objects.select_related("centre").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return False

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return False

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

"""Role predicates and object rules (django-rules). Everything not granted here is denied."""

from __future__ import annotations

from typing import Any

import rules

from teilhabe.centres.roles import Role


def _has_role(*roles: Role) -> rules.Predicate:
    names = "_or_".join(roles)

    @rules.predicate(name=f"has_role_{names}")
    def predicate(user: Any) -> bool:
        return bool(
            getattr(user, "is_authenticated", False)
            and user.is_active
            and user.centre_id is not None
            and user.role in roles
        )

    return predicate


is_centre_admin = _has_role(Role.CENTRE_ADMIN)
is_counsellor = _has_role(Role.COUNSELLOR)
is_schulamt = _has_role(Role.SCHULAMT)
is_school_staff = _has_role(Role.SCHOOL_STAFF)
is_statistics_reader = _has_role(Role.STATISTICS)
is_centre_staff = _has_role(
    Role.CENTRE_ADMIN, Role.COUNSELLOR, Role.SCHULAMT, Role.SCHOOL_STAFF, Role.STATISTICS
)


@rules.predicate
def same_centre(user: Any, obj: Any) -> bool:
    """The object belongs to the user's centre (objects without a centre never match)."""
    if obj is None:
        return True  # a model-level check; object checks pass the object
    centre_id = getattr(obj, "centre_id", None)
    return centre_id is not None and centre_id == getattr(user, "centre_id", None)


rules.add_perm("centres.view_audit", is_centre_admin & same_centre)
rules.add_perm("centres.manage_users", is_centre_admin & same_centre)

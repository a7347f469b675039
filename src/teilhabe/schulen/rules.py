"""Who may do what with schools and seats: lines of the one permission table.

School staff act only for their own school (``SchoolMembership``). A school account
without a school is a misconfiguration; ``own_school`` makes it see nothing rather than guess.
"""

from __future__ import annotations

from typing import Any

import rules

from teilhabe.centres.permissions import anywhere, grant, same_centre
from teilhabe.centres.roles import Role

_MISSING = object()


def school_id_of(user: Any) -> int | None:
    """The school a school account works for (cached on the user object for the request)."""
    cached = getattr(user, "_teilhabe_school_id", _MISSING)
    if cached is _MISSING:
        from teilhabe.schulen.models import SchoolMembership

        cached = (
            SchoolMembership.objects.filter(user_id=getattr(user, "pk", None))
            .values_list("school_id", flat=True)
            .first()
        )
        user._teilhabe_school_id = cached
    return cached


@rules.predicate
def own_school(user: Any, obj: Any) -> bool:
    """The account has a school and the object is that school or belongs to it."""
    school_id = school_id_of(user)
    if school_id is None:
        return False
    if obj is None:
        return True
    if obj.__class__.__name__ == "School":
        return obj.pk == school_id
    return getattr(obj, "school_id", None) == school_id


@rules.predicate
def in_centre(user: Any, obj: Any) -> bool:
    """The centre's own object; for a school (statewide reference data): in the area."""
    if obj is None:
        return True
    if obj.__class__.__name__ == "School":
        if getattr(user, "centre_id", None) is None:
            return False
        from teilhabe.schulen.selectors.schools import area_schools

        return area_schools(centre=user.centre).filter(pk=obj.pk).exists()
    return same_centre(user, obj)


OFFICE = (Role.CENTRE_ADMIN, Role.SCHULAMT)

grant("schulen.view_schools", Role.CENTRE_ADMIN, Role.COUNSELLOR, Role.SCHULAMT, rule=in_centre)
grant("schulen.view_schools", Role.SCHOOL_STAFF, rule=own_school)
# Every school of the area (school staff see only their own).
grant("schulen.view_area_schools", Role.CENTRE_ADMIN, Role.COUNSELLOR, Role.SCHULAMT)
grant("schulen.manage_offers", *OFFICE, rule=in_centre)
grant("schulen.manage_offers", Role.SCHOOL_STAFF, rule=own_school)
grant("schulen.report_seats", *OFFICE, rule=in_centre)
grant("schulen.report_seats", Role.SCHOOL_STAFF, rule=own_school)
grant("schulen.manage_area", Role.CENTRE_ADMIN)
grant("schulen.manage_school_staff", Role.CENTRE_ADMIN)
# The statewide directory: only the state's coordination office imports it.
grant("schulen.import_directory", Role.STATE_OFFICE, rule=anywhere)
# Works for one school (the school accounts): who may be linked to a school.
grant("schulen.act_for_school", Role.SCHOOL_STAFF, rule=own_school)
# API tokens (teilhabe.api) for a school's own program: only an account with a school.
grant("api.manage_tokens", Role.SCHOOL_STAFF, rule=own_school)

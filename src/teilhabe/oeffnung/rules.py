"""Who may do what in the Interkulturelle Öffnung: lines of the one permission table.

Department contacts (``Role.DEPARTMENT_CONTACT``) read the whole programme of their centre
but change only the measures of their own department and its sub-units (``own_department``).
"""

from __future__ import annotations

from typing import Any

import rules

from teilhabe.centres.permissions import grant, same_centre
from teilhabe.centres.roles import Role

_MISSING = object()


def department_id_of(user: Any) -> int | None:
    """The department a contact person works for (cached on the user for the request)."""
    cached = getattr(user, "_teilhabe_department_id", _MISSING)
    if cached is _MISSING:
        from teilhabe.oeffnung.models import DepartmentMembership

        cached = (
            DepartmentMembership.objects.filter(
                user_id=getattr(user, "pk", None),
                department__centre_id=getattr(user, "centre_id", None),
            )
            .values_list("department_id", flat=True)
            .first()
        )
        user._teilhabe_department_id = cached
    return cached


def department_and_below(department_id: int) -> set[int]:
    """A department's id with the ids of all its sub-units."""
    from teilhabe.oeffnung.models import Department

    found = {department_id}
    frontier = {department_id}
    while frontier:
        frontier = (
            set(Department.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            - found
        )
        found |= frontier
    return found


@rules.predicate
def own_department(user: Any, obj: Any) -> bool:
    """The account has a department, and the object belongs to it or to one of its units."""
    department_id = department_id_of(user)
    if department_id is None:
        return False
    if obj is None:
        return True
    if not same_centre(user, obj):
        return False
    target = obj.pk if obj.__class__.__name__ == "Department" else obj.department_id
    return target in department_and_below(department_id)


KI = (Role.CENTRE_ADMIN, Role.COUNSELLOR)

# departments
grant("oeffnung.view_departments", *KI, Role.STATISTICS, Role.DEPARTMENT_CONTACT)
grant("oeffnung.manage_departments", Role.CENTRE_ADMIN)
# staff survey
grant("oeffnung.manage_survey", *KI)
grant("oeffnung.view_survey_results", *KI, Role.STATISTICS)
# measures programme
grant("oeffnung.view_measures", *KI, Role.STATISTICS, Role.DEPARTMENT_CONTACT)
grant("oeffnung.change_measure", *KI)
grant("oeffnung.change_measure", Role.DEPARTMENT_CONTACT, rule=own_department)
grant("oeffnung.import_measures", *KI)
grant("oeffnung.manage_council_report", *KI)
# intercultural training
grant("oeffnung.manage_training", *KI)
grant("oeffnung.view_training_figures", *KI, Role.STATISTICS)

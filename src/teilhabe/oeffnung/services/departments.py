"""Departments of the city administration and their contact persons."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.oeffnung.choices import DepartmentLevel
from teilhabe.oeffnung.models import Department, DepartmentMembership

LEVEL_BELOW = {
    DepartmentLevel.DEZERNAT: DepartmentLevel.AMT,
    DepartmentLevel.AMT: DepartmentLevel.ABTEILUNG,
}


@transaction.atomic
def create_department(
    *,
    actor: User,
    name: str,
    level: str,
    number: str = "",
    parent: Department | None = None,
    staff_count: int | None = None,
) -> Department:
    if not actor.has_perm("oeffnung.manage_departments"):
        raise PermissionDenied
    if parent is not None and parent.centre_id != actor.centre_id:
        raise PermissionDenied
    if parent is None and level != DepartmentLevel.DEZERNAT:
        raise ValidationError({"parent": [_("Ämter und Abteilungen gehören zu einer Einheit.")]})
    if parent is not None and LEVEL_BELOW.get(parent.level) != level:
        raise ValidationError(
            {"level": [_("Diese Ebene passt nicht unter „%(parent)s“.") % {"parent": parent}]}
        )
    department = Department(
        centre=actor.centre,
        name=name,
        level=level,
        number=number,
        parent=parent,
        staff_count=staff_count,
    )
    department.full_clean()
    department.save()
    record(
        actor=actor,
        centre=actor.centre,
        action="oeffnung.department.created",
        target=department,
        summary=_("Dienststelle %(name)s angelegt") % {"name": department},
    )
    return department


@transaction.atomic
def link_contact(*, actor: User, user: User, department: Department) -> DepartmentMembership:
    """Make ``user`` the contact person of ``department`` (one department per account)."""
    if not actor.has_perm("oeffnung.manage_departments", department):
        raise PermissionDenied
    if user.centre_id != department.centre_id:
        raise ValidationError(_("Das Konto gehört zu einem anderen Zentrum."))
    if not user.has_perm("oeffnung.view_measures"):
        raise ValidationError(_("Das Konto hat keine Rolle für das Maßnahmenprogramm."))
    membership, _created = DepartmentMembership.objects.update_or_create(
        user=user, defaults={"department": department}
    )
    record(
        actor=actor,
        centre=actor.centre,
        action="oeffnung.contact.linked",
        target=department,
        summary=_("%(user)s ist Ansprechperson von %(department)s")
        % {"user": user.get_username(), "department": department},
    )
    return membership

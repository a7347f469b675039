"""Linking a school account to its school (the school it reports seats and answers for)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.centres.permissions import role_holds
from teilhabe.schulen.models import SchoolMembership
from teilhabe.schulen.selectors.schools import area_schools


@transaction.atomic
def link_school_staff(*, actor: User, user: User, schulnummer: str) -> SchoolMembership:
    """Give a school account its school; only open schools of the centre's area qualify."""
    if not actor.has_perm("schulen.manage_school_staff"):
        raise PermissionDenied
    user = User.objects.select_for_update().get(pk=user.pk)
    # the role must be one that works for a school (the account is not linked yet, so
    # the table is asked about the role rather than the account)
    if user.centre_id != actor.centre_id or not role_holds(user.role, "schulen.act_for_school"):
        raise ValidationError({"user": _("Nur Konten mit der Rolle „Schule“ dieses Zentrums.")})
    school = area_schools(centre=actor.centre).filter(schulnummer=schulnummer.strip()).first()
    if school is None:
        raise ValidationError(
            {
                "schulnummer": _("Keine offene Schule mit der Schulnummer %(nr)s im Gebiet.")
                % {"nr": schulnummer}
            }
        )
    membership = SchoolMembership.objects.select_for_update().filter(user=user).first()
    previous = membership.school.schulnummer if membership else None
    if membership is None:
        membership = SchoolMembership(user=user, school=school)
    membership.school = school
    membership.full_clean()
    membership.save()
    record(
        actor=actor,
        centre=actor.centre,
        action="schulen.staff.linked",
        target=user,
        summary=_("%(user)s meldet für %(school)s") % {"user": user, "school": school},
        data={"school": school.schulnummer, "previous": previous},
    )
    return membership

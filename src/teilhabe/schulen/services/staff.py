"""Linking a school_staff account to its school (the school it reports seats for)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.centres.roles import Role
from teilhabe.schulen.selectors.schools import area_schools


@transaction.atomic
def link_school_staff(*, actor: User, user: User, schulnummer: str) -> User:
    """Give a school account its school; only schools of the centre's area qualify."""
    if not actor.has_perm("schulen.manage_area"):
        raise PermissionDenied
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.centre_id != actor.centre_id or user.role != Role.SCHOOL_STAFF:
        raise ValidationError({"user": _("Nur Konten mit der Rolle „Schule“ dieses Zentrums.")})
    school = area_schools(centre=actor.centre).filter(schulnummer=schulnummer.strip()).first()
    if school is None:
        raise ValidationError(
            {
                "schulnummer": _("Keine offene Schule mit der Schulnummer %(nr)s im Gebiet.")
                % {"nr": schulnummer}
            }
        )
    previous = user.school
    user.school = school
    user.full_clean()
    user.save(update_fields=["school"])
    record(
        actor=actor,
        centre=actor.centre,
        action="schulen.staff.linked",
        target=user,
        summary=_("%(user)s meldet für %(school)s") % {"user": user, "school": school},
        data={"school": school.schulnummer, "previous": previous.schulnummer if previous else None},
    )
    return user

"""The centre's area: the administrator adds or removes single schools."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.schulen.models import AreaChange, School
from teilhabe.schulen.selectors.schools import in_area_by_default


@transaction.atomic
def change_area(*, actor: User, schulnummer: str, included: bool) -> School:
    """Include or exclude a school; a change back to the default just drops the exception."""
    if not actor.has_perm("schulen.manage_area"):
        raise PermissionDenied
    school = School.objects.filter(schulnummer=schulnummer.strip()).first()
    if school is None:
        raise ValidationError(
            {
                "schulnummer": _("Keine Schule mit der Schulnummer %(nr)s im Verzeichnis.")
                % {"nr": schulnummer}
            }
        )
    centre = actor.centre
    default = in_area_by_default(centre=centre, school=school)
    AreaChange.objects.filter(centre=centre, school=school).delete()
    if included != default:
        change = AreaChange(centre=centre, school=school, included=included)
        change.full_clean()
        change.save()
    record(
        actor=actor,
        centre=centre,
        action="schulen.area.included" if included else "schulen.area.excluded",
        target=school,
        summary=(
            _("Schule ins Gebiet aufgenommen: %(s)s")
            if included
            else _("Schule aus dem Gebiet genommen: %(s)s")
        )
        % {"s": school},
        data={"schulnummer": school.schulnummer, "default": default},
    )
    return school

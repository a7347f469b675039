"""Recording that protected results left the system as a file."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.oeffnung.models import SurveyWave


@transaction.atomic
def record_results_export(*, actor: User, wave: SurveyWave, fmt: str) -> None:
    if not actor.has_perm("oeffnung.view_survey_results", wave):
        raise PermissionDenied
    record(
        actor=actor,
        centre=wave.centre,
        action="oeffnung.results.exported",
        target=wave,
        summary=_("Ergebnis der Befragung als %(fmt)s exportiert") % {"fmt": fmt.upper()},
        data={"format": fmt},
    )

"""Recording that someone took personal data out of the system as a file."""

from __future__ import annotations

from dataclasses import asdict

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.seiteneinstieg.selectors.waiting_list import WaitingListFilters


@transaction.atomic
def record_waiting_list_export(*, actor: User, fmt: str, filters: WaitingListFilters) -> None:
    """One audit entry per export: a file of names leaves the system's access control.

    Called by the export job (``seiteneinstieg/exports.py``) once the file is written, with
    the rights the user holds at that moment. The target is the user's centre: the export
    concerns the centre's list as a whole.
    """
    if actor.centre is None or not actor.has_perm("seiteneinstieg.export_waiting_list"):
        raise PermissionDenied
    record(
        actor=actor,
        centre=actor.centre,
        action="seiteneinstieg.waiting_list.exported",
        target=actor.centre,
        summary=_("Warteliste als %(fmt)s exportiert") % {"fmt": fmt.upper()},
        data={"format": fmt, "filters": asdict(filters)},
    )

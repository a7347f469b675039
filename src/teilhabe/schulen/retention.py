"""A school account's link to its school, due one year after the account was deactivated
(the account itself is anonymised later by ``centres``' own rule)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from teilhabe.centres.retention import deactivated_before
from teilhabe.core.registry import years
from teilhabe.schulen.models import SchoolMembership

MEMBERSHIP_PERIOD = years(1)


def due_school_memberships(now: dt.datetime) -> QuerySet[SchoolMembership]:
    return SchoolMembership._base_manager.filter(
        user__in=deactivated_before(now - MEMBERSHIP_PERIOD)
    )

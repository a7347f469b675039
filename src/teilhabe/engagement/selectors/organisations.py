"""Reading the organisations: the staff list and what the public may see."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.centres.models import Centre
from teilhabe.engagement.models import Organisation

#: Entries not confirmed for this long are never shown to the public.
PUBLIC_CONFIRMATION_DAYS = 730


def organisations_for_user(user: Any) -> QuerySet[Organisation]:
    """Every organisation of the user's centre (empty for anyone without one)."""
    return Organisation.objects.for_user(user).order_by("name")


def organisation_for(*, user: Any, pk: int) -> Organisation:
    return get_object_or_404(organisations_for_user(user), pk=pk)


def public_organisations(
    centre: Centre, *, now: dt.datetime | None = None
) -> QuerySet[Organisation]:
    """The centre's public entries: marked public, not hidden and confirmed within two years.

    The confirmation date is checked here too, so an entry disappears on the day even when
    the nightly job has not yet run.
    """
    now = now or timezone.now()
    return Organisation.objects.for_centre(centre).filter(
        is_public=True,
        hidden_at__isnull=True,
        confirmed_at__gte=now - dt.timedelta(days=PUBLIC_CONFIRMATION_DAYS),
    )

"""What the family sees on the public pages: free slots and its own appointment."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef
from django.utils import timezone

from teilhabe.centres.models import Centre
from teilhabe.seiteneinstieg.choices import AppointmentStatus
from teilhabe.seiteneinstieg.models import Appointment, CounsellingSlot, SelfRegistration

OFFER_DAYS = 42  # slots of the next six weeks are offered
LEAD_TIME = dt.timedelta(hours=12)  # not for tonight: staff need time to prepare
MAX_OFFERED = 60


def free_slots(*, centre: Centre, now: dt.datetime | None = None) -> list[CounsellingSlot]:
    """The centre's free slots of the coming weeks, soonest first (no names, no counsellor)."""
    now = now or timezone.now()
    booked = Appointment.objects.filter(slot=OuterRef("pk"), status=AppointmentStatus.BOOKED)
    return list(
        CounsellingSlot.objects.filter(
            centre=centre,
            is_walk_in=False,
            starts_at__gte=now + LEAD_TIME,
            starts_at__lt=now + dt.timedelta(days=OFFER_DAYS),
        )
        .exclude(Exists(booked))
        .order_by("starts_at", "pk")[:MAX_OFFERED]
    )


def current_booking(registration: SelfRegistration) -> Appointment | None:
    return (
        Appointment.objects.filter(
            family=registration.family,
            status=AppointmentStatus.BOOKED,
            slot__starts_at__gt=timezone.now(),
        )
        .select_related("slot", "slot__centre")
        .first()
    )

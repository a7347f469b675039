"""Counselling slots and appointments as the user may see them (own centre only)."""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.centres.models import User
from teilhabe.seiteneinstieg.choices import AppointmentStatus
from teilhabe.seiteneinstieg.models import Appointment, CounsellingSlot, Family

ICAL_SALT = "teilhabe.seiteneinstieg.ical"
ICAL_PAST_DAYS = 30


def _may_manage(user: User) -> bool:
    return user.centre_id is not None and user.has_perm("seiteneinstieg.manage_appointments")


def _booked() -> QuerySet[Appointment]:
    return Appointment.objects.filter(status=AppointmentStatus.BOOKED)


def slots_for_user(
    *, user: User, counsellor: User | None = None, since: dt.datetime | None = None
) -> QuerySet[CounsellingSlot]:
    """Slots of the user's centre (optionally one counsellor's) with their current booking.

    Each slot carries ``booking`` (the active appointment or None) via ``current``.
    """
    if not _may_manage(user):
        return CounsellingSlot.objects.none()
    slots = CounsellingSlot.objects.filter(centre_id=user.centre_id)
    if counsellor is not None:
        slots = slots.filter(counsellor=counsellor)
    if since is not None:
        slots = slots.filter(ends_at__gte=since)
    return (
        slots.select_related("counsellor")
        .annotate(
            is_booked=Exists(_booked().filter(slot=OuterRef("pk"))),
            # any booking, even a cancelled one, keeps the slot as the record of it
            booked_before=Exists(Appointment.objects.filter(slot=OuterRef("pk"))),
        )
        .prefetch_related(
            Prefetch(
                "appointments",
                queryset=_booked().select_related("family"),
                to_attr="current",
            ),
            # a slot that took place is "Wahrgenommen" (or "Nicht erschienen"), not free
            Prefetch(
                "appointments",
                queryset=Appointment.objects.filter(
                    status__in=(AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW)
                ).select_related("family"),
                to_attr="held",
            ),
        )
        .order_by("starts_at", "counsellor__last_name")
    )


def free_slots(*, user: User, now: dt.datetime | None = None) -> QuerySet[CounsellingSlot]:
    """Future slots of the user's centre that nobody has booked."""
    if not _may_manage(user):
        return CounsellingSlot.objects.none()
    now = now or timezone.now()
    return (
        CounsellingSlot.objects.filter(
            centre_id=user.centre_id, starts_at__gt=now, is_walk_in=False
        )
        .exclude(Exists(_booked().filter(slot=OuterRef("pk"))))
        .select_related("counsellor")
        .order_by("starts_at", "counsellor__last_name")
    )


def appointments_for_user(*, user: User) -> QuerySet[Appointment]:
    if not _may_manage(user):
        return Appointment.objects.none()
    return Appointment.objects.filter(centre_id=user.centre_id).select_related(
        "slot__counsellor", "family"
    )


def counsellor_appointments(*, user: User, counsellor: User) -> QuerySet[Appointment]:
    """One counsellor's bookings (all statuses), oldest first."""
    return appointments_for_user(user=user).filter(slot__counsellor=counsellor)


def family_appointments(*, user: User, family: Family) -> QuerySet[Appointment]:
    """A family's bookings, newest first: the current one and the history of no-shows."""
    return appointments_for_user(user=user).filter(family=family).order_by("-slot__starts_at")


def slot_detail(*, user: User, pk: int) -> CounsellingSlot:
    """One slot of the user's centre; 404 for another centre's (or without the right)."""
    return get_object_or_404(slots_for_user(user=user), pk=pk)


def appointment_detail(*, user: User, pk: int) -> Appointment:
    """One appointment with what the letter needs; 404 for another centre's."""
    return get_object_or_404(
        appointments_for_user(user=user)
        .select_related("slot__centre")
        .prefetch_related("family__guardians", "family__children"),
        pk=pk,
    )


# --- iCal feed ---------------------------------------------------------------------------
# Calendar apps cannot log in, so the feed URL carries a signed token naming the counsellor.


def ical_token(user: User) -> str:
    """The counsellor's personal feed token (signed, salted; not guessable).

    It carries the user's feed version, so renewing the address invalidates old links.
    """
    return signing.dumps({"u": user.pk, "v": user.calendar_feed_version}, salt=ICAL_SALT)


def feed_owner(token: str) -> User:
    """The active counsellor a token belongs to, or 404 (never says why)."""
    try:
        payload = signing.loads(token, salt=ICAL_SALT)
    except signing.BadSignature as exc:
        raise Http404 from exc
    user = User.objects.filter(pk=payload.get("u"), is_active=True).first()
    if user is None or not _may_manage(user):
        raise Http404
    # links made before versions existed carry none and count as the first
    if payload.get("v", 1) != user.calendar_feed_version:
        raise Http404
    return user


def feed_slots(*, user: User, now: dt.datetime | None = None) -> QuerySet[CounsellingSlot]:
    """The user's own slots from 30 days ago on, for the calendar feed."""
    now = now or timezone.now()
    return slots_for_user(user=user, counsellor=user, since=now - dt.timedelta(days=ICAL_PAST_DAYS))

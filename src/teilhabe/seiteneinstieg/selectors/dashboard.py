"""The start page's casework tiles: what a counsellor, the Schulamt and the centre's
administration see first after logging in.

"My children" are the children a counsellor registered or counselled (an attended
appointment in one of their slots, a walk-in included): the cases they know and answer for.
Each function returns the tile's context, or None when the tile has nothing to say.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.centres.models import User
from teilhabe.core.privacy import protect_row
from teilhabe.seiteneinstieg.choices import (
    WAITING_STATUSES,
    AppointmentStatus,
    DocumentKind,
    SchoolLevel,
    Status,
)
from teilhabe.seiteneinstieg.models import Appointment, Child, CounsellingSlot, Document
from teilhabe.seiteneinstieg.selectors.waiting_list import OVERDUE_DAYS

LISTED = 5  # names shown per tile; the count says how many there are


def my_children(*, user: User) -> QuerySet[Child]:
    """Children the user registered or counselled, in the user's centre."""
    if user.centre_id is None or not user.has_perm("seiteneinstieg.change_case"):
        return Child.objects.none()
    # Two index lookups joined by UNION: an OR with an EXISTS made PostgreSQL test every
    # child of the centre (3 s for the start page at 50,000 cases); this grows with the
    # counsellor's own caseload only.
    centre_children = Child.objects.filter(centre_id=user.centre_id)
    counselled_families = Appointment.objects.filter(
        centre_id=user.centre_id, slot__counsellor=user, status=AppointmentStatus.ATTENDED
    ).values("family_id")
    mine = (
        centre_children.filter(registered_by=user)
        .values("pk")
        .order_by()
        .union(centre_children.filter(family_id__in=counselled_families).values("pk").order_by())
    )
    # As a subquery, not a list of ids: with random_page_cost 1.1 (settings) PostgreSQL
    # looks the caseload up by index; a list of 2,000 ids as parameters took twice as long.
    return Child.objects.for_user(user).filter(pk__in=mine)


def _waiting(children: QuerySet[Child]) -> QuerySet[Child]:
    return children.filter(status__in=WAITING_STATUSES)


def appointments_tile(user: User, *, now: dt.datetime | None = None) -> dict[str, Any] | None:
    """The user's booked and held appointments today and tomorrow; hidden for people who
    offer no counselling at all."""
    if user.centre_id is None or not user.has_perm("seiteneinstieg.manage_appointments"):
        return None
    if not CounsellingSlot.objects.filter(centre_id=user.centre_id, counsellor=user).exists():
        return None
    now = now or timezone.now()
    today = timezone.localdate(now)
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min), tz)
    rows = list(
        Appointment.objects.filter(
            centre_id=user.centre_id,
            slot__counsellor=user,
            slot__starts_at__gte=start,
            slot__starts_at__lt=start + dt.timedelta(days=2),
            status__in=(AppointmentStatus.BOOKED, AppointmentStatus.ATTENDED),
        )
        .select_related("slot", "family")
        .order_by("slot__starts_at")
    )
    days = [
        {"label": _("Heute"), "date": today, "appointments": []},
        {"label": _("Morgen"), "date": today + dt.timedelta(days=1), "appointments": []},
    ]
    for appointment in rows:
        index = (timezone.localtime(appointment.slot.starts_at).date() - today).days
        if 0 <= index < 2:
            days[index]["appointments"].append(appointment)
    return {"days": days}


def overdue_tile(user: User, *, now: dt.datetime | None = None) -> dict[str, Any] | None:
    """My children still waiting more than four weeks after registration, longest first."""
    mine = my_children(user=user)
    if not mine.exists():
        return None
    now = now or timezone.now()
    overdue = _waiting(mine).filter(registered_at__lt=now - dt.timedelta(days=OVERDUE_DAYS))
    rows = list(overdue.select_related("family").order_by("registered_at", "pk")[:LISTED])
    for child in rows:
        child.days_waiting = (now - child.registered_at).days
    return {"count": overdue.count(), "children": rows, "weeks": OVERDUE_DAYS // 7}


def missing_documents_tile(user: User) -> dict[str, Any] | None:
    """My waiting children without an ID (their own or the family's) or without the
    family's Meldebescheinigung, the two papers a school registration needs."""
    if not user.has_perm("seiteneinstieg.view_documents"):
        return None
    mine = my_children(user=user)
    if not mine.exists():
        return None
    family_docs = Document.objects.filter(family_id=OuterRef("family_id"))
    id_docs = family_docs.filter(kind=DocumentKind.ID).filter(
        Q(child__isnull=True) | Q(child_id=OuterRef("pk"))
    )
    children = (
        _waiting(mine)
        .annotate(
            has_id=Exists(id_docs),
            has_registration=Exists(family_docs.filter(kind=DocumentKind.REGISTRATION)),
        )
        .filter(Q(has_id=False) | Q(has_registration=False))
    )
    rows = list(children.select_related("family").order_by("registered_at", "pk")[:LISTED])
    for child in rows:
        child.missing = [
            str(label)
            for present, label in (
                (child.has_id, DocumentKind.ID.label),
                (child.has_registration, DocumentKind.REGISTRATION.label),
            )
            if not present
        ]
    return {"count": children.count(), "children": rows}


def next_steps_tile(user: User) -> dict[str, Any] | None:
    """My children whose next step is mine: counselled but not assessed, assessed but not
    yet released for placement."""
    if not user.has_perm("seiteneinstieg.assess_child"):
        return None
    mine = my_children(user=user)
    steps = []
    for status, label in (
        (Status.COUNSELLED, _("Beraten, Einstufung fehlt")),
        (Status.ASSESSED, _("Eingestuft, noch nicht bereit zur Zuweisung")),
    ):
        children = mine.filter(status=status)
        rows = list(children.order_by("registered_at", "pk")[:LISTED])
        if rows:
            steps.append({"label": label, "count": children.count(), "children": rows})
    return {"steps": steps} if steps else None


def ready_by_level_tile(user: User) -> dict[str, Any] | None:
    """Children ready for placement by recommended level: what the Schulamt plans seats for."""
    if user.centre_id is None or not user.has_perm("seiteneinstieg.plan_placements"):
        return None
    counts = dict(
        Child.objects.for_user(user)
        .filter(status=Status.READY)
        .values_list("recommended_level")
        .annotate(n=Count("id"))
        .order_by()
    )
    levels = [(value, str(label)) for value, label in SchoolLevel.choices]
    figures, total = protect_row(
        [(label, counts.get(value, 0)) for value, label in levels],
        exact=user.has_perm("seiteneinstieg.view_exact_figures"),
    )
    return {
        "total": total,
        "levels": [
            {"value": value, "figure": figure}
            for (value, _label), figure in zip(levels, figures, strict=True)
        ],
    }

"""The start page's casework tiles: what a counsellor, the Schulamt and the centre's
administration see first after logging in.

"My children" are the children a counsellor registered or counselled (an attended
appointment in one of their slots, a walk-in included): the cases they know and answer for.
Each function returns the tile's context, or None when the tile has nothing to say.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, QuerySet
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


ORDER = ("registered_at", "pk")  # the tiles list the longest-waiting first


def _first_rows(pks: list[int]) -> list[Child]:
    """The listed children (the first LISTED of ``pks``), with their family."""
    return list(Child.objects.filter(pk__in=pks[:LISTED]).select_related("family").order_by(*ORDER))


# Each personal tile reads its part of the caseload once, in order, as plain ids (no
# dates to parse), and counts and picks the listed rows in Python: it used to ask two or
# three times (exists, count, first rows), each time evaluating the caseload's UNION again.


def overdue_tile(user: User, *, now: dt.datetime | None = None) -> dict[str, Any] | None:
    """My children still waiting more than four weeks after registration, longest first."""
    mine = my_children(user=user)
    now = now or timezone.now()
    overdue = list(
        _waiting(mine)
        .filter(registered_at__lt=now - dt.timedelta(days=OVERDUE_DAYS))
        .order_by(*ORDER)
        .values_list("pk", flat=True)
    )
    if not overdue and not mine.exists():
        return None
    rows = _first_rows(overdue)
    for child in rows:
        child.days_waiting = (now - child.registered_at).days
    return {"count": len(overdue), "children": rows, "weeks": OVERDUE_DAYS // 7}


def missing_documents_tile(user: User) -> dict[str, Any] | None:
    """My waiting children without an ID (their own or the family's) or without the
    family's Meldebescheinigung, the two papers a school registration needs."""
    if not user.has_perm("seiteneinstieg.view_documents"):
        return None
    mine = my_children(user=user)
    waiting = list(_waiting(mine).order_by(*ORDER).values_list("pk", "family_id"))
    if not waiting and not mine.exists():
        return None
    # The papers of these families, read once: an EXISTS per child let PostgreSQL test
    # every child of the centre when it believed the documents table empty. The families
    # as a subquery, not as ~1,000 parameters (those cost more Python than the query).
    family_ids = {family_id for _pk, family_id in waiting}
    registered: set[int] = set()
    family_id_docs: set[int] = set()
    child_id_docs: set[int] = set()
    if family_ids:
        papers = Document.objects.filter(
            family_id__in=_waiting(mine).values("family_id"),
            kind__in=(DocumentKind.ID, DocumentKind.REGISTRATION),
        ).values_list("family_id", "kind", "child_id")
        for family_id, kind, child_id in papers:
            if kind == DocumentKind.REGISTRATION:
                registered.add(family_id)
            elif child_id is None:
                family_id_docs.add(family_id)
            else:
                child_id_docs.add(child_id)
    present: dict[int, tuple[bool, bool]] = {}
    for pk, family_id in waiting:
        has_id = family_id in family_id_docs or pk in child_id_docs
        has_registration = family_id in registered
        if not (has_id and has_registration):
            present[pk] = (has_id, has_registration)
    rows = _first_rows([pk for pk, _family_id in waiting if pk in present])
    for child in rows:
        child.has_id, child.has_registration = present[child.pk]
        child.missing = [
            str(label)
            for ok, label in (
                (child.has_id, DocumentKind.ID.label),
                (child.has_registration, DocumentKind.REGISTRATION.label),
            )
            if not ok
        ]
    return {"count": len(present), "children": rows}


def next_steps_tile(user: User) -> dict[str, Any] | None:
    """My children whose next step is mine: counselled but not assessed, assessed but not
    yet released for placement."""
    if not user.has_perm("seiteneinstieg.assess_child"):
        return None
    cases = list(
        my_children(user=user)
        .filter(status__in=(Status.COUNSELLED, Status.ASSESSED))
        .order_by(*ORDER)
        .values_list("pk", "status")
    )
    steps = []
    for status, label in (
        (Status.COUNSELLED, _("Beraten, Einstufung fehlt")),
        (Status.ASSESSED, _("Eingestuft, noch nicht bereit zur Zuweisung")),
    ):
        pks = [pk for pk, s in cases if s == status]
        if pks:
            rows = list(Child.objects.filter(pk__in=pks[:LISTED]).order_by(*ORDER))
            steps.append({"label": label, "count": len(pks), "children": rows})
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

"""Placements as the user may see them; seats taken counted from active placements."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from teilhabe.centres.models import User
from teilhabe.schulen.selectors.schools import schools_for_user
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.zuweisung.models import ACTIVE_PLACEMENT_STATUSES, Placement

# A placement takes a seat while it is active and its child is proposed or placed.
TAKING_CHILD_STATUSES = (Status.PROPOSED, Status.PLACED)


def annotate_taken(offers: QuerySet) -> QuerySet:
    """The seat counter registered with ``schulen.seats``."""
    return offers.annotate(
        seats_taken=Count(
            "placements",
            filter=Q(
                placements__status__in=ACTIVE_PLACEMENT_STATUSES,
                placements__child__status__in=TAKING_CHILD_STATUSES,
            ),
            distinct=True,
        )
    )


def count_taken(offer: Any) -> int:
    return Placement.objects.filter(
        offer=offer,
        status__in=ACTIVE_PLACEMENT_STATUSES,
        child__status__in=TAKING_CHILD_STATUSES,
    ).count()


def placements_for_user(*, user: User) -> QuerySet[Placement]:
    """Children proposed to or placed at offers the user sees (school staff: own school)."""
    if not user.has_perm("schulen.view_schools", None):
        return Placement.objects.none()
    return (
        Placement.objects.for_user(user)
        .filter(offer__school__in=schools_for_user(user=user))
        .select_related("child", "child__family", "offer", "offer__school")
        .order_by("-created_at", "-id")
    )


def placement_detail(*, user: User, pk: int) -> Placement:
    return get_object_or_404(placements_for_user(user=user), pk=pk)


def school_proposals_section(*, user: User, school: Any) -> dict[str, Any] | None:
    """The proposals block on a school's page (registered with ``schulen.seats``)."""
    return {
        "placements": placements_for_user(user=user).filter(offer__school=school),
        "can_decide": user.has_perm("zuweisung.decide_placement", school),
    }

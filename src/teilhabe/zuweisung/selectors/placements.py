"""Placements as the user may see them; seats taken counted from active placements."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from teilhabe.centres.models import User
from teilhabe.schulen.selectors.schools import schools_for_user
from teilhabe.zuweisung.models import (
    RESERVING_STATUSES,
    SCHOOL_VISIBLE_STATUSES,
    TAKING_STATUSES,
    Placement,
)


def annotate_taken(offers: QuerySet) -> QuerySet:
    """The seat counter registered with ``schulen.seats``: taken (accepted and attending)
    and reserved (released proposals waiting for the school's answer)."""
    return annotate_reserved(
        offers.annotate(
            seats_taken=Count(
                "placements", filter=Q(placements__status__in=TAKING_STATUSES), distinct=True
            )
        )
    )


def annotate_reserved(offers: QuerySet) -> QuerySet:
    """Seats held by released proposals that wait for the school's answer."""
    return offers.annotate(
        seats_reserved=Count(
            "placements", filter=Q(placements__status__in=RESERVING_STATUSES), distinct=True
        )
    )


def count_taken(offer: Any) -> int:
    return Placement.objects.filter(offer=offer, status__in=TAKING_STATUSES).count()


def placements_for_user(*, user: User) -> QuerySet[Placement]:
    """Children proposed to or placed at offers the user sees (school staff: own school)."""
    if not user.has_perm("schulen.view_schools", None):
        return Placement.objects.none()
    return (
        Placement.objects.for_user(user)
        .filter(offer__school__in=schools_for_user(user=user), status__in=SCHOOL_VISIBLE_STATUSES)
        .select_related("child", "child__family", "offer", "offer__school")
        .order_by("-created_at", "-id")
    )


def placement_detail(*, user: User, pk: int) -> Placement:
    return get_object_or_404(placements_for_user(user=user), pk=pk)

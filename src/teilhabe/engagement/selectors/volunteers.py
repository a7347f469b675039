"""Reading volunteers, needs, assignments and hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.engagement import matching
from teilhabe.engagement.choices import AssignmentStatus, NeedStatus
from teilhabe.engagement.models import Assignment, HoursEntry, Need, Volunteer

#: Ehrenamtskarte NRW (since 2026): 200 hours a year or on average 4 hours a week; before
#: 2026 it was 250 hours or 5 hours a week. See docs/glossary.md for the sources.
CARD_HOURS_PER_YEAR = 200


def volunteers_for_user(user: Any) -> QuerySet[Volunteer]:
    return Volunteer.objects.for_user(user).order_by("status", "last_name", "first_name")


def volunteer_for(*, user: Any, pk: int) -> Volunteer:
    return get_object_or_404(volunteers_for_user(user), pk=pk)


def needs_for_user(user: Any, *, include_closed: bool = False) -> QuerySet[Need]:
    qs = Need.objects.for_user(user).select_related("family", "appointment")
    if not include_closed:
        qs = qs.exclude(status__in=[NeedStatus.CANCELLED, NeedStatus.DONE])
    return qs.order_by("starts_at")


def need_for(*, user: Any, pk: int) -> Need:
    return get_object_or_404(Need.objects.for_user(user), pk=pk)


def assignment_for(*, user: Any, pk: int) -> Assignment:
    return get_object_or_404(Assignment.objects.for_user(user).select_related("need"), pk=pk)


def candidates(need: Need) -> list[tuple[Volunteer, matching.Candidate]]:
    """The ranking for one need with each candidate's reasons (staff need page)."""
    from teilhabe.engagement.services.needs import need_in, volunteers_in

    ranked = matching.rank(need_in(need), volunteers_in(need.centre, exclude_need=need))
    people = Volunteer.objects.in_bulk([c.volunteer_id for c in ranked])
    return [(people[c.volunteer_id], c) for c in ranked]


def my_assignments(volunteer: Volunteer) -> QuerySet[Assignment]:
    """What the volunteer sees: their own assignments only."""
    return (
        Assignment.objects.filter(volunteer=volunteer)
        .select_related("need")
        .order_by("-need__starts_at")
    )


@dataclass(frozen=True)
class HoursSummary:
    total: Decimal
    last_year: Decimal
    this_month: Decimal
    qualifies_for_card: bool
    entries: list[HoursEntry]


def _hours(minutes: int | None) -> Decimal:
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.01"))


def hours_summary(volunteer: Volunteer, *, today: dt.date | None = None) -> HoursSummary:
    """Hours in total, in the last 12 months (the card's measure) and this month."""
    today = today or timezone.localdate()
    entries = HoursEntry.objects.filter(volunteer=volunteer)
    total = entries.aggregate(s=Sum("minutes"))["s"]
    year = entries.filter(date__gt=today - dt.timedelta(days=365)).aggregate(s=Sum("minutes"))["s"]
    month = entries.filter(date__gte=today.replace(day=1)).aggregate(s=Sum("minutes"))["s"]
    last_year = _hours(year)
    return HoursSummary(
        total=_hours(total),
        last_year=last_year,
        this_month=_hours(month),
        qualifies_for_card=last_year >= CARD_HOURS_PER_YEAR,
        entries=list(entries.select_related("assignment__need")[:200]),
    )


def open_requests(volunteer: Volunteer) -> QuerySet[Assignment]:
    return my_assignments(volunteer).filter(status=AssignmentStatus.REQUESTED)

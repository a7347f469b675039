"""Reading the measures programme as the user may see it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from teilhabe.oeffnung.models import Measure


def measures(*, user: Any) -> QuerySet[Measure]:
    return Measure.objects.for_user(user).select_related("department", "parent")


def measure_for(*, user: Any, pk: int) -> Measure:
    return get_object_or_404(measures(user=user), pk=pk)


def programme(*, user: Any) -> list[Measure]:
    """Top-level measures with their sub-measures, progress rolled up."""
    items = list(measures(user=user).prefetch_related("children"))
    return [m for m in items if m.parent_id is None]

"""The casework's figures per centre for the statewide office: counts only, no case.

One aggregate query grouped by centre, whatever the number of children or centres (on
databases without ``percentile_cont`` the median takes one more query).
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, F, Q
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child

# Status groups of children still waiting (their sum is "waiting").
STATUS_GROUPS: dict[str, tuple[str, ...]] = {
    "before_counselling": (Status.REGISTERED, Status.INVITED),
    "counselled": (Status.COUNSELLED, Status.ASSESSED),
    "ready": (Status.READY, Status.PROPOSED),
}
WAITING: tuple[str, ...] = tuple(s for group in STATUS_GROUPS.values() for s in group)
LONG_WAIT = dt.timedelta(weeks=4)


class _Median(Aggregate):
    """PostgreSQL's median of an interval (``percentile_cont`` as an ordered-set aggregate)."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _days(value: dt.timedelta | None) -> int | None:
    return None if value is None else round(value.total_seconds() / 86400)


def figures_by_centre() -> dict[int, dict[str, int]]:
    """{centre id: {figure: int}}: waiting by status group, waiting over four weeks,
    placed this year and the median days from registration to placement this year."""
    now = timezone.now()
    year_start = timezone.make_aware(dt.datetime(timezone.localdate().year, 1, 1))
    placed = Q(status=Status.PLACED, placed_at__gte=year_start, placed_at__isnull=False)
    aggregates: dict[str, Any] = {
        key: Count("id", filter=Q(status__in=statuses)) for key, statuses in STATUS_GROUPS.items()
    }
    aggregates["over_four_weeks"] = Count(
        "id", filter=Q(status__in=WAITING, registered_at__lt=now - LONG_WAIT)
    )
    aggregates["placed_this_year"] = Count("id", filter=placed)
    postgres = connection.vendor == "postgresql"
    if postgres:
        aggregates["median"] = _Median(F("placed_at") - F("registered_at"), filter=placed)
    rows = Child.objects.order_by().values("centre_id").annotate(**aggregates)
    result: dict[int, dict[str, int]] = {}
    for row in rows:
        centre_id = row.pop("centre_id")
        median = _days(row.pop("median", None))
        values = {k: int(v) for k, v in row.items()}
        if median is not None:
            values["median_days"] = median
        result[centre_id] = values
    if not postgres:
        durations: dict[int, list[dt.timedelta]] = {}
        for centre_id, registered, placed_at in Child.objects.filter(placed).values_list(
            "centre_id", "registered_at", "placed_at"
        ):
            durations.setdefault(centre_id, []).append(placed_at - registered)
        for centre_id, values in durations.items():
            result.setdefault(centre_id, {})["median_days"] = _days(statistics.median(values))
    return result

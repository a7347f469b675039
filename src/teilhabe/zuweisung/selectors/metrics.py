"""How long the way from registration to a classroom takes, and where it sticks.

Days from registration to the first school day (median, 90th percentile) by month, level
and district or town; children waiting over four weeks; free seats by level; proposals
waiting for the schools. Roles without case access (statistics) see protected figures:
counts below three hidden, no hidden count recoverable from a total, no median of fewer
than three children.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.utils import timezone

from teilhabe.centres.models import User
from teilhabe.core.privacy import SMALL_GROUP, Figure, protect_row
from teilhabe.schulen.choices import SchoolLevel
from teilhabe.schulen.models import Offer
from teilhabe.schulen.seats import annotate_seats
from teilhabe.schulen.selectors.schools import area_schools
from teilhabe.seiteneinstieg.choices import WAITING_STATUSES, Status
from teilhabe.seiteneinstieg.models import Child
from teilhabe.seiteneinstieg.selectors.waiting_list import OVERDUE_DAYS, overdue_filter
from teilhabe.zuweisung.models import Placement, PlacementStatus

MONTHS = 12


def _percentile(values: list[int], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class DurationRow:
    label: str
    count: Figure
    median: float | None
    p90: float | None


def _duration_rows(
    groups: dict[str, list[int]], order: list[str], *, exact: bool
) -> list[DurationRow]:
    counts, _total = protect_row([(key, len(groups.get(key, []))) for key in order], exact=exact)
    rows = []
    for key, count in zip(order, counts, strict=True):
        values = groups.get(key, [])
        enough = exact or len(values) >= SMALL_GROUP
        rows.append(
            DurationRow(
                label=key,
                count=count,
                median=_percentile(values, 0.5) if enough and values else None,
                p90=_percentile(values, 0.9) if enough and values else None,
            )
        )
    return rows


def placement_metrics(*, user: User, today: dt.date | None = None) -> dict[str, Any] | None:
    if not user.has_perm("zuweisung.view_metrics") or user.centre_id is None:
        return None
    today = today or timezone.localdate()
    exact = user.has_perm("seiteneinstieg.view_exact_figures")
    since = today.replace(day=1) - dt.timedelta(days=31 * (MONTHS - 1))
    since = since.replace(day=1)
    placed = (
        Child.objects.for_user(user)
        .filter(status=Status.PLACED, placed_at__date__gte=since)
        .values_list(
            "registered_at",
            "placed_at",
            "recommended_level",
            "family__stadtbezirk_name",
            "family__municipality_name",
        )
    )
    by_month: dict[str, list[int]] = defaultdict(list)
    by_level: dict[str, list[int]] = defaultdict(list)
    by_place: dict[str, list[int]] = defaultdict(list)
    everyone: list[int] = []
    level_labels = dict(SchoolLevel.choices)
    for registered, placed_at, level, bezirk, town in placed:
        days = (timezone.localtime(placed_at).date() - timezone.localtime(registered).date()).days
        everyone.append(days)
        by_month[f"{timezone.localtime(placed_at):%Y-%m}"].append(days)
        by_level[str(level_labels.get(level, "–"))].append(days)
        by_place[bezirk or town or "–"].append(days)
    months = []
    cursor = since
    while cursor <= today:
        months.append(f"{cursor:%Y-%m}")
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    waiting = Child.objects.for_user(user).filter(status__in=WAITING_STATUSES)
    overdue = waiting.filter(overdue_filter(today)).count()  # counted in SQL, not per row
    offers = annotate_seats(
        Offer.objects.for_user(user).filter(
            active=True, school__in=area_schools(centre=user.centre)
        )
    )
    free_by_level: dict[str, int] = defaultdict(int)
    for offer in offers:
        free_by_level[offer.level] += max(0, offer.seats_free - offer.seats_reserved)
    proposals = Placement.objects.for_user(user).filter(status=PlacementStatus.PROPOSED)
    waiting_school = list(
        proposals.values("offer__school__name").annotate(n=Count("id")).order_by("-n")[:20]
    )
    school_rows, school_total = protect_row(
        [(r["offer__school__name"], r["n"]) for r in waiting_school], exact=exact
    )
    level_order = [str(label) for _, label in SchoolLevel.choices]
    return {
        "exact": exact,
        "overall": _duration_rows({"all": everyone}, ["all"], exact=exact)[0],
        "by_month": _duration_rows(by_month, months, exact=exact),
        "by_level": _duration_rows(by_level, level_order, exact=exact),
        "by_place": _duration_rows(by_place, sorted(by_place), exact=exact),
        "overdue": protect_row([("overdue", overdue)], exact=exact)[0][0],
        "free_by_level": [
            (str(label), free_by_level.get(value, 0)) for value, label in SchoolLevel.choices
        ],
        "proposals_waiting": protect_row([("waiting", proposals.count())], exact=exact)[0][0],
        "proposals_by_school": school_rows,
        "proposals_total": school_total,
        "months": MONTHS,
        "overdue_days": OVERDUE_DAYS,
    }


def bar_chart(rows: list[DurationRow], *, width: int = 640, bar: int = 22) -> dict[str, Any]:
    """Geometry of a horizontal bar chart of medians (drawn as inline SVG on the server;
    the table beside it says the same without the picture)."""
    values = [r.median or 0 for r in rows]
    top = max([*values, 1.0])
    label_w = 230
    scale = (width - label_w - 60) / top
    bars = [
        {
            "y": i * (bar + 6),
            "w": round((r.median or 0) * scale, 1),
            "label": r.label,
            "value": "–" if r.median is None else f"{r.median:.0f}",
            "text_x": label_w + round((r.median or 0) * scale, 1) + 6,
        }
        for i, r in enumerate(rows)
    ]
    return {
        "bars": bars,
        "width": width,
        "height": len(rows) * (bar + 6),
        "label_w": label_w,
        "bar": bar,
    }


def metrics_rows_for_export(metrics: dict[str, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for title, key in (("Monat", "by_month"), ("Stufe", "by_level"), ("Ort", "by_place")):
        for r in metrics[key]:
            rows.append([title, r.label, r.count.shown, r.median, r.p90])
    return rows

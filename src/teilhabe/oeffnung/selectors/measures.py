"""Reading the measures programme as the user may see it.

A measure with sub-measures shows the weighted mean of its children's progress (weights
of the children; dropped children do not count) instead of its own entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.oeffnung.choices import MeasureStatus
from teilhabe.oeffnung.models import CouncilReport, Indicator, Measure


def measures(*, user: Any) -> QuerySet[Measure]:
    return Measure.objects.for_user(user).select_related("department", "parent")


def measure_for(*, user: Any, pk: int) -> Measure:
    return get_object_or_404(measures(user=user), pk=pk)


def indicator_for(*, user: Any, pk: int) -> Indicator:
    return get_object_or_404(Indicator.objects.for_user(user).select_related("measure"), pk=pk)


def weighted_progress(items: list[tuple[float, int]]) -> float | None:
    """Weighted mean of (progress, weight); None when nothing carries weight."""
    total = sum(w for _, w in items)
    if total <= 0:
        return None
    return sum(p * w for p, w in items) / total


@dataclass
class Node:
    measure: Measure
    children: list[Node] = field(default_factory=list)
    can_change: bool = False

    @property
    def progress(self) -> float:
        """Own progress, or the weighted mean of the children's (recursively)."""
        live = [c for c in self.children if c.measure.status != MeasureStatus.DROPPED]
        mean = weighted_progress([(c.progress, c.measure.weight) for c in live])
        return float(self.measure.progress) if mean is None else mean

    @property
    def progress_step(self) -> int:
        """The bar's width in steps of 10 % (a CSS class: no inline style under the CSP)."""
        return int(round(max(0.0, min(100.0, self.progress)) / 10) * 10)


def programme(
    *,
    user: Any,
    department_id: int | None = None,
    category: str = "",
    status: str = "",
) -> list[Node]:
    """Top-level measures with their sub-measures as a tree; the filters pick top-level
    measures (a department's filter includes its sub-units)."""
    items = list(measures(user=user).order_by("department__number", "title"))
    nodes = {m.pk: Node(m, can_change=user.has_perm("oeffnung.change_measure", m)) for m in items}
    roots = []
    for m in items:
        if m.parent_id in nodes:
            nodes[m.parent_id].children.append(nodes[m.pk])
        else:
            roots.append(nodes[m.pk])
    if department_id:
        from teilhabe.oeffnung.rules import department_and_below

        units = department_and_below(department_id)
        roots = [n for n in roots if n.measure.department_id in units]
    if category:
        roots = [n for n in roots if n.measure.category == category]
    if status:
        roots = [n for n in roots if n.measure.status == status]
    return roots


def node_for(*, user: Any, pk: int) -> Node:
    """One measure with its whole subtree (for its page and its rolled-up progress)."""
    measure = measure_for(user=user, pk=pk)
    tree = {n.measure.pk: n for n in _flatten(programme(user=user))}
    return tree.get(measure.pk) or Node(measure)


def _flatten(nodes: list[Node]) -> list[Node]:
    out = []
    for n in nodes:
        out.append(n)
        out.extend(_flatten(n.children))
    return out


def reports(*, user: Any) -> QuerySet[CouncilReport]:
    return CouncilReport.objects.for_user(user)


def report_for(*, user: Any, pk: int) -> CouncilReport:
    return get_object_or_404(reports(user=user), pk=pk)


def overview(*, user: Any) -> dict[str, Any] | None:
    """Start-page tile: the programme at a glance; a contact sees their department's part."""
    from teilhabe.oeffnung.rules import department_and_below, department_id_of
    from teilhabe.oeffnung.services.measures import due_date

    qs = measures(user=user).exclude(status__in=[MeasureStatus.DONE, MeasureStatus.DROPPED])
    own = department_id_of(user)
    if own is not None:
        qs = qs.filter(department_id__in=department_and_below(own))
    items = list(qs)
    today = timezone.localdate()
    stale = [m for m in items if due_date(m) <= today]
    return {"open": len(items), "stale": stale[:5], "stale_count": len(stale), "own": own}

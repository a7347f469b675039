"""Placements, exclusions and engine runs due for deletion: they go with the child's case
(``teilhabe.seiteneinstieg.retention``), before the child, which they protect."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from teilhabe.core.registry import years
from teilhabe.seiteneinstieg.retention import due_children
from teilhabe.zuweisung.models import Exclusion, Placement, PlacementRun

RUN_PERIOD = years(2)


def due_placements(now: dt.datetime) -> QuerySet[Placement]:
    return Placement._base_manager.filter(child__in=due_children(now))


def due_exclusions(now: dt.datetime) -> QuerySet[Exclusion]:
    return Exclusion._base_manager.filter(child__in=due_children(now))


def due_runs(now: dt.datetime) -> QuerySet[PlacementRun]:
    """Runs two years after the calculation, and a single child's runs with its case; a run
    still referenced by a placement that is kept stays."""
    kept = Placement._base_manager.exclude(pk__in=due_placements(now).values("pk"))
    return PlacementRun._base_manager.filter(
        Q(started_at__lt=now - RUN_PERIOD) | Q(child__in=due_children(now))
    ).exclude(pk__in=kept.filter(run__isnull=False).values("run_id"))

"""Reading the audit trail: only a centre's own entries, only for those allowed to see them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Model, Q, QuerySet

from teilhabe.audit.models import AuditEntry
from teilhabe.audit.reads import read_actions
from teilhabe.audit.registry import action_label, target_types

if TYPE_CHECKING:  # the audit layer sits below centres: names only, no import at runtime
    from teilhabe.centres.models import User


@dataclass(frozen=True)
class AuditFilters:
    """What the Protokoll is narrowed to; empty values do not filter."""

    actor_id: int | None = None
    target_type: str = ""
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def audit_entries_for_centre(
    *, user: User, filters: AuditFilters | None = None
) -> QuerySet[AuditEntry]:
    """The user's centre's entries, newest first, narrowed by ``filters``."""
    if not user.has_perm("centres.view_audit", None) or user.centre_id is None:
        return AuditEntry.objects.none()
    entries = AuditEntry.objects.filter(centre_id=user.centre_id).select_related("actor")
    filters = filters or AuditFilters()
    if filters.actor_id:
        entries = entries.filter(actor_id=filters.actor_id)
    if filters.target_type:
        entries = entries.filter(target_type=filters.target_type)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.date_from:
        entries = entries.filter(created_at__date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(created_at__date__lte=filters.date_to)
    return entries.order_by("-created_at", "-id")


def history_of(*, user: User, targets: list[Model]) -> QuerySet[AuditEntry]:
    """History of the given objects (e.g. a child and its family) within the user's centre.

    Only changes: reads (page views, downloads) are in :func:`read_log_of`.
    Visibility of the objects themselves is checked by the caller's selector.
    """
    if user.centre_id is None or not targets:
        return AuditEntry.objects.none()
    return (
        AuditEntry.objects.filter(_about(targets), centre_id=user.centre_id)
        .exclude(action__in=read_actions())
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def _about(targets: list[Model]) -> Q:
    condition = Q()
    for target in targets:
        condition |= Q(target_type=target._meta.label_lower, target_id=str(target.pk))
    return condition


def read_log_of(*, user: User, targets: list[Model]) -> QuerySet[AuditEntry]:
    """Who read the given objects (a family and its children) and when: administrators only.

    Visibility of the objects themselves is checked by the caller's selector.
    """
    if user.centre_id is None or not targets or not user.has_perm("audit.view_read_log", None):
        return AuditEntry.objects.none()
    return (
        AuditEntry.objects.filter(
            _about(targets), centre_id=user.centre_id, action__in=read_actions()
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def _kind(model_label: str) -> str:
    registered = target_types().get(model_label)
    if registered is not None:
        return str(registered.label)
    try:
        return str(apps.get_model(model_label)._meta.verbose_name)
    except (LookupError, ValueError):
        return model_label


def describe_entries(entries: Iterable[AuditEntry]) -> list[AuditEntry]:
    """The entries with ``label`` (the action in words), ``target_text`` and ``target_url``.

    One ``describe`` call per kind of object among the entries, whatever their number.
    """
    rows = list(entries)
    wanted: dict[str, set[str]] = defaultdict(set)
    for entry in rows:
        wanted[entry.target_type].add(entry.target_id)
    known: dict[tuple[str, str], tuple[str, str]] = {}
    registered = target_types()
    for model_label, ids in wanted.items():
        if model_label in registered:
            answer: dict[str, Any] = registered[model_label].describe(sorted(ids))
            known.update({(model_label, str(k)): v for k, v in answer.items()})
    for entry in rows:
        entry.label = action_label(entry.action)
        text, url = known.get(
            (entry.target_type, entry.target_id),
            (f"{_kind(entry.target_type)} #{entry.target_id}", ""),
        )
        entry.target_text, entry.target_url = text, url
    return rows


def today_tile(user: User) -> dict[str, Any] | None:
    """The centre administration's start-page tile: today's entries, the most frequent
    actions first."""
    from django.db.models import Count
    from django.utils import timezone

    today = timezone.localdate()
    entries = audit_entries_for_centre(
        user=user, filters=AuditFilters(date_from=today, date_to=today)
    )
    if user.centre_id is None:
        return None
    by_action = (
        entries.order_by().values("action").annotate(n=Count("id")).order_by("-n", "action")[:5]
    )
    return {
        "today": today,
        "count": entries.count(),
        "actions": [{"label": action_label(r["action"]), "count": r["n"]} for r in by_action],
    }

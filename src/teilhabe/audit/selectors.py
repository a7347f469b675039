"""Reading the audit trail: only a centre's own entries, only for those allowed to see them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Model, QuerySet

from teilhabe.audit.models import AuditEntry

if TYPE_CHECKING:  # audit sits below centres
    from teilhabe.centres.models import User


def audit_entries_for_centre(*, user: User) -> QuerySet[AuditEntry]:
    if not user.has_perm("centres.view_audit", None) or user.centre_id is None:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(centre_id=user.centre_id).select_related("actor")


def history_of(*, user: User, targets: list[Model]) -> QuerySet[AuditEntry]:
    """History of the given objects (e.g. a child and its family) within the user's centre.

    Visibility of the objects themselves is checked by the caller's selector.
    """
    if user.centre_id is None or not targets:
        return AuditEntry.objects.none()
    from django.db.models import Q

    condition = Q()
    for target in targets:
        condition |= Q(target_type=target._meta.label_lower, target_id=str(target.pk))
    return (
        AuditEntry.objects.filter(condition, centre_id=user.centre_id)
        .select_related("actor")
        .order_by("-created_at", "-id")
    )

"""Writing audit entries. Called by every service inside its transaction."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from teilhabe.audit.models import AuditEntry
from teilhabe.centres.models import Centre, User


def record(
    *,
    actor: User | None,
    centre: Centre,
    action: str,
    target: models.Model,
    summary: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry; must run inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record() must be called inside the service's transaction")
    if "." not in action:
        raise ValueError("audit actions are namespaced, e.g. 'seiteneinstieg.child.registered'")
    return AuditEntry.objects.create(
        centre=centre,
        actor=actor,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        summary=summary[:300],
        data=data or {},
    )

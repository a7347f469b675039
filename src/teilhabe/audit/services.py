"""Writing audit entries. Called by every service inside its transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models, transaction

from teilhabe.audit.models import AuditEntry
from teilhabe.audit.registry import is_registered

if TYPE_CHECKING:  # the audit layer sits below centres: names only, no import at runtime
    from teilhabe.centres.models import Centre, User


def record(
    *,
    actor: User | None,
    centre: Centre | None,
    action: str,
    target: models.Model,
    summary: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry; must run inside the caller's transaction.

    ``centre`` is None only for statewide work (creating a centre, the statewide school
    directory), which the state's coordination office sees.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record() must be called inside the service's transaction")
    if not is_registered(action):
        raise ValueError(f"unregistered audit action {action!r}: register it in AppConfig.ready")
    return AuditEntry.objects.create(
        centre=centre,
        actor=actor,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        summary=summary[:300],
        data=data or {},
    )

"""Who read what: audit entries for reads of personal data (GDPR Art. 5(2), Art. 32).

A write is audited inside the write's transaction; a read has no transaction of its own,
so :func:`record_read` opens one. Read action codes are registered like any other code
through :func:`teilhabe.audit.registry.register_actions` and additionally marked with
:func:`register_read_actions`, so the read log of a case selects exactly them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import models, transaction

from teilhabe.audit.models import AuditEntry
from teilhabe.audit.registry import is_registered, register_actions

if TYPE_CHECKING:  # the audit layer sits below centres: names only, no import at runtime
    from teilhabe.centres.models import User

_READ_ACTIONS: set[str] = set()


def register_read_actions(codes: Mapping[str, Any]) -> None:
    """Register ``{"app.object.verb": label}`` as audit actions that record a read."""
    register_actions(codes)
    _READ_ACTIONS.update(codes)


def is_read_action(code: str) -> bool:
    return code in _READ_ACTIONS


def read_actions() -> frozenset[str]:
    """Every code registered as a read (the read log filters on these)."""
    return frozenset(_READ_ACTIONS)


def _centre_id(actor: User | None, target: models.Model) -> int | None:
    """The centre the read belongs to: the object's own centre, else the reader's."""
    centre_id = getattr(target, "centre_id", None)
    if centre_id is None and actor is not None:
        centre_id = getattr(actor, "centre_id", None)
    return centre_id


def record_read(*, actor: User | None, action: str, target: models.Model, detail: str = "") -> None:
    """Write one audit entry saying that ``actor`` read ``target`` (now).

    ``detail`` names what was read ("Einladungsbrief (PDF)", "Export Warteliste") and must
    not itself carry personal data beyond what identifies the document. Runs in its own
    atomic block (a savepoint when the caller already has a transaction).
    """
    if not is_registered(action) or not is_read_action(action):
        raise ValueError(
            f"unregistered read action {action!r}: register it with register_read_actions"
        )
    with transaction.atomic():
        AuditEntry.objects.create(
            centre_id=_centre_id(actor, target),
            actor=actor if actor is not None and actor.pk else None,
            action=action,
            target_type=target._meta.label_lower,
            target_id=str(target.pk),
            summary=detail[:300],
            data={"read": True},
        )

"""Listeners that apps above the casework register for a child's status changes.

The placement app (``zuweisung``) keeps its proposals in step with the child: a status
changed by hand withdraws an open proposal in the same transaction. Listeners run inside
the transaction of the service that changed the status and return short notes of what
they did, which that service's audit entry carries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

StatusListener = Callable[..., str | None]  # (child=, previous=, to=) -> note or None
_LISTENERS: list[StatusListener] = []


def register_status_listener(listener: StatusListener) -> None:
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def notify_status_changed(*, child: Any, previous: str, to: str) -> list[str]:
    notes = []
    for listener in _LISTENERS:
        note = listener(child=child, previous=previous, to=to)
        if note:
            notes.append(note)
    return notes


# --- sections of a child's page contributed by apps above (e.g. its school place) ------

_CHILD_SECTIONS: list[tuple[int, str, Callable[..., dict[str, Any] | None]]] = []


def register_child_section(
    *, template: str, context: Callable[..., dict[str, Any] | None], order: int = 100
) -> None:
    """``context(user=, child=)`` returns the section's context or None (not shown)."""
    _CHILD_SECTIONS.append((order, template, context))
    _CHILD_SECTIONS.sort(key=lambda item: item[0])


def child_sections(*, user: Any, child: Any) -> list[dict[str, Any]]:
    shown = []
    for _order, template, context in _CHILD_SECTIONS:
        data = context(user=user, child=child)
        if data is not None:
            shown.append({"template": template, "context": data})
    return shown

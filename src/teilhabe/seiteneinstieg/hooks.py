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


# --- appointments: listeners of bookings and sections of the family page ----------------

AppointmentListener = Callable[..., None]  # (appointment, *, event=, actor=) -> None
APPOINTMENT_EVENTS = frozenset({"booked", "cancelled", "moved"})
_APPOINTMENT_LISTENERS: list[AppointmentListener] = []


def register_appointment_listener(fn: AppointmentListener) -> None:
    """``fn(appointment, *, event, actor)`` runs INSIDE the booking, cancel or move transaction.

    ``event`` is one of "booked", "cancelled", "moved"; ``actor`` is the staff user or None
    when the family acted through the public pages. An exception rolls the whole change back.
    """
    if fn not in _APPOINTMENT_LISTENERS:
        _APPOINTMENT_LISTENERS.append(fn)


def notify_appointment(appointment: Any, *, event: str, actor: Any) -> None:
    if event not in APPOINTMENT_EVENTS:
        raise ValueError(event)
    for fn in _APPOINTMENT_LISTENERS:
        fn(appointment, event=event, actor=actor)


_APPOINTMENT_SECTIONS: list[tuple[str, Callable[..., dict[str, Any] | None]]] = []


def register_appointment_section(template: str, context_fn: Callable[..., Any]) -> None:
    """A section next to an appointment on the staff family page.

    ``context_fn(user=, appointment=)`` returns the template's context, or None to hide it.
    """
    _APPOINTMENT_SECTIONS.append((template, context_fn))


def appointment_sections(*, user: Any, appointment: Any) -> list[dict[str, Any]]:
    shown = []
    for template, context_fn in _APPOINTMENT_SECTIONS:
        data = context_fn(user=user, appointment=appointment)
        if data is not None:
            shown.append({"template": template, "context": data})
    return shown

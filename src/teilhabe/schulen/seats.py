"""How many seats of an offer are taken: counted by the app that owns placements.

Schools sit below the placement app (``zuweisung``), which registers the counter in its
``ready()``. Seats taken are never typed; without a counter nothing is taken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Greatest


@dataclass(frozen=True)
class SeatCounter:
    # annotate ``seats_taken`` and ``seats_reserved`` onto a queryset of offers
    annotate: Callable[[QuerySet], QuerySet]
    # seats taken of one offer right now (for services holding the offer's lock)
    count: Callable[[object], int]


_COUNTER: SeatCounter | None = None


def register_seat_counter(*, annotate: Callable[[QuerySet], QuerySet], count: Callable) -> None:
    global _COUNTER
    _COUNTER = SeatCounter(annotate=annotate, count=count)


def annotate_seats(offers: QuerySet) -> QuerySet:
    """Annotate ``seats_taken`` (accepted), ``seats_reserved`` (proposed, waiting for the
    school's answer) and ``seats_free`` = total − taken (never below zero)."""
    if _COUNTER:
        offers = _COUNTER.annotate(offers)
    else:
        offers = offers.annotate(seats_taken=Value(0), seats_reserved=Value(0))
    return offers.annotate(seats_free=Greatest(F("seats_total") - F("seats_taken"), Value(0)))


def seats_taken(*, offer: object) -> int:
    return _COUNTER.count(offer) if _COUNTER else 0


# --- sections of a school's page contributed by apps above (e.g. its proposals) ----------


@dataclass(frozen=True)
class SchoolSection:
    template: str
    context: Callable[..., dict | None]  # (user=, school=) -> context or None (not shown)
    order: int


_SECTIONS: list[SchoolSection] = []


def register_school_section(*, template: str, context: Callable, order: int = 100) -> None:
    _SECTIONS.append(SchoolSection(template, context, order))
    _SECTIONS.sort(key=lambda s: s.order)


def school_sections(*, user: object, school: object) -> list[dict]:
    shown = []
    for section in _SECTIONS:
        context = section.context(user=user, school=school)
        if context is not None:
            shown.append({"template": section.template, "context": context})
    return shown

"""Which case records are due for deletion at a given time (the retention rules' ``due``).

A case ends when the child is placed (``placed_at``), withdrawn or moved away
(``closed_at``). Two years later the child and everything about it goes; the family goes
once every child of it is due; documents go one year after the end. ``now`` is passed in
so that the rules can be tested at any point in time.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from teilhabe.core.registry import years
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import (
    Appointment,
    Assessment,
    Child,
    ChildLanguage,
    CounsellingSlot,
    Document,
    Family,
    Guardian,
    SelfRegistration,
)

CASE_PERIOD = years(2)
DOCUMENT_PERIOD = years(1)


def _ended_before(cutoff: dt.datetime) -> Q:
    return Q(status=Status.PLACED, placed_at__lt=cutoff) | Q(
        status__in=[Status.WITHDRAWN, Status.MOVED_AWAY], closed_at__lt=cutoff
    )


def _children_ended_before(cutoff: dt.datetime) -> QuerySet[Child]:
    return Child._base_manager.filter(_ended_before(cutoff))


def _families_ended_before(cutoff: dt.datetime) -> QuerySet[Family]:
    """Families whose every child's case ended before ``cutoff`` (and that are older)."""
    open_children = Child._base_manager.exclude(_ended_before(cutoff))
    return Family._base_manager.filter(created_at__lt=cutoff).exclude(
        pk__in=open_children.values("family_id")
    )


def due_children(now: dt.datetime) -> QuerySet[Child]:
    return _children_ended_before(now - CASE_PERIOD)


def due_child_languages(now: dt.datetime) -> QuerySet[ChildLanguage]:
    return ChildLanguage._base_manager.filter(child__in=due_children(now))


def due_assessments(now: dt.datetime) -> QuerySet[Assessment]:
    return Assessment._base_manager.filter(child__in=due_children(now))


def due_families(now: dt.datetime) -> QuerySet[Family]:
    return _families_ended_before(now - CASE_PERIOD)


def due_guardians(now: dt.datetime) -> QuerySet[Guardian]:
    return Guardian._base_manager.filter(family__in=due_families(now))


def due_self_registrations(now: dt.datetime) -> QuerySet[SelfRegistration]:
    """The record of an online registration goes with its family."""
    return SelfRegistration._base_manager.filter(family__in=due_families(now))


def due_appointments(now: dt.datetime) -> QuerySet[Appointment]:
    return Appointment._base_manager.filter(family__in=due_families(now))


def due_documents(now: dt.datetime) -> QuerySet[Document]:
    """A child's documents one year after its case ended; the family's own papers one year
    after the last child's case ended."""
    cutoff = now - DOCUMENT_PERIOD
    return Document._base_manager.filter(
        Q(child__in=_children_ended_before(cutoff))
        | Q(child__isnull=True, family__in=_families_ended_before(cutoff))
    )


def due_slots(now: dt.datetime) -> QuerySet[CounsellingSlot]:
    """Slots that ended two years ago, unless a booking of a family still kept holds them."""
    kept = Appointment._base_manager.exclude(family__in=due_families(now))
    return CounsellingSlot._base_manager.filter(ends_at__lt=now - CASE_PERIOD).exclude(
        pk__in=kept.values("slot_id")
    )

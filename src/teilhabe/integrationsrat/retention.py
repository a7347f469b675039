"""Members' data due five years after the end of the term (§ 27 GO NRW; objections to the
election and the accounting of attendance fees are settled by then).

Persons are anonymised, not deleted: named votes in the kept record point at them. Their
memberships keep role, kind and dates (the council's composition), the list or faction
goes. Attendance is deleted. A meeting belongs to the term running at its date; a person
is due only when every term they served in is over.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Min, Q, QuerySet

from teilhabe.core.registry import years
from teilhabe.integrationsrat.models import Attendance, LegislativeTerm, Membership, Person

MEMBER_PERIOD = years(5)
# What an anonymised person is called on old pages and in the kept record (a literal: it is
# stored, not shown through a catalogue).
ANONYMOUS_NAME = "Ehemaliges Mitglied"


def _cutoff(now: dt.datetime) -> dt.date:
    return (now - MEMBER_PERIOD).date()


def due_attendances(now: dt.datetime) -> QuerySet[Attendance]:
    cutoff = _cutoff(now)
    due = Q(meeting__start__date__lt=cutoff)
    # meetings from the first day of a term that ended after the cutoff (or still runs) stay
    running = (
        LegislativeTerm._base_manager.filter(end_date__gte=cutoff)
        .values("centre_id")
        .annotate(first=Min("start_date"))
    )
    for term in running:
        due &= ~Q(meeting__centre_id=term["centre_id"], meeting__start__date__gte=term["first"])
    return Attendance._base_manager.filter(due)


def due_memberships(now: dt.datetime) -> QuerySet[Membership]:
    return Membership._base_manager.filter(term__end_date__lt=_cutoff(now)).exclude(group="")


def anonymise_memberships(memberships: QuerySet[Membership]) -> int:
    return memberships.update(group="")


def due_persons(now: dt.datetime) -> QuerySet[Person]:
    serving = Membership._base_manager.filter(term__end_date__gte=_cutoff(now)).values("person_id")
    return (
        Person._base_manager.filter(created__lt=now - MEMBER_PERIOD)
        .exclude(pk__in=serving)
        .exclude(given_name="", family_name=ANONYMOUS_NAME, form_of_address="", email="")
    )


def anonymise_persons(persons: QuerySet[Person]) -> int:
    return persons.update(
        given_name="",
        family_name=ANONYMOUS_NAME,
        form_of_address="",
        email="",
        consent_name=False,
        consent_group=False,
    )

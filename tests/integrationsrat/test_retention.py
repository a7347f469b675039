"""Members' data five years after their term: persons anonymised, lists blanked, attendance
deleted; members of a running term untouched (time travel through apply_retention)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from teilhabe.audit.retention import apply_retention
from teilhabe.core.registry import years
from teilhabe.integrationsrat.choices import MembershipKind, MembershipRole
from teilhabe.integrationsrat.models import (
    Attendance,
    LegislativeTerm,
    Meeting,
    Membership,
    NamedVote,
    Person,
)
from teilhabe.integrationsrat.retention import ANONYMOUS_NAME
from tests.integrationsrat.conftest import build_council

pytestmark = pytest.mark.django_db

T0 = timezone.now()
DAY = dt.timedelta(days=1)


@pytest.fixture
def council(staff):
    current = build_council(staff.council_office, elected=2, council=0)
    today = timezone.localdate()
    old_term = LegislativeTerm.objects.create(
        centre=staff.centre,
        name="Wahlperiode 2020–2025",
        start_date=today - dt.timedelta(days=2000),
        end_date=today - dt.timedelta(days=201),
    )
    veteran = current.members[0].person  # served in the old term too
    gone = Person.objects.create(
        centre=staff.centre,
        given_name="Ayla",
        family_name="Früher",
        email="ayla@example.org",
        consent_name=True,
    )
    for person in (gone, veteran):
        Membership.objects.create(
            centre=staff.centre,
            person=person,
            term=old_term,
            role=MembershipRole.MEMBER,
            kind=MembershipKind.ELECTED,
            group="Liste Brücke",
            start_date=old_term.start_date,
        )
    start = T0 - dt.timedelta(days=400)
    old_meeting = Meeting.objects.create(
        centre=staff.centre, name="Sitzung alt", start=start, end=start + dt.timedelta(hours=2)
    )
    old_attendance = Attendance.objects.create(meeting=old_meeting, person=gone, present=True)
    new_attendance = Attendance.objects.create(
        meeting=current.meeting, person=veteran, present=True
    )
    return {
        "gone": gone,
        "veteran": veteran,
        "old_attendance": old_attendance,
        "new_attendance": new_attendance,
        "current": current,
    }


def test_nothing_before_five_years_after_the_term(council):
    # the old term ended 201 days ago
    apply_retention(now=T0 + years(5) - dt.timedelta(days=203))
    gone = Person.objects.get(pk=council["gone"].pk)
    assert (gone.given_name, gone.email) == ("Ayla", "ayla@example.org")
    assert Attendance.objects.filter(pk=council["old_attendance"].pk).exists()
    assert Membership.objects.filter(person=gone, group="Liste Brücke").exists()


def test_five_years_after_the_term_its_members_data_goes(council):
    apply_retention(now=T0 + years(5) + DAY)
    gone = Person.objects.get(pk=council["gone"].pk)
    assert (gone.given_name, gone.family_name, gone.email) == ("", ANONYMOUS_NAME, "")
    assert not gone.consent_name
    assert not Attendance.objects.filter(pk=council["old_attendance"].pk).exists()
    old = Membership.objects.filter(term__name="Wahlperiode 2020–2025")
    assert set(old.values_list("group", flat=True)) == {""}
    assert old.count() == 2  # the composition stays, without the lists

    # a member of the running term keeps everything, also from the old term's meetings
    veteran = Person.objects.get(pk=council["veteran"].pk)
    assert veteran.given_name == council["veteran"].given_name
    assert Attendance.objects.filter(pk=council["new_attendance"].pk).exists()
    assert Membership.objects.filter(term=council["current"].term, group="Liste Vielfalt").exists()


def test_running_it_again_changes_nothing(council):
    apply_retention(now=T0 + years(5) + DAY)
    results = {r.model: r.rows for r in apply_retention(now=T0 + years(5) + DAY)}
    assert results["integrationsrat.person"] == 0
    assert results["integrationsrat.membership"] == 0
    assert results["integrationsrat.attendance"] == 0


def test_named_votes_keep_pointing_at_the_anonymised_person(council):
    # the kept record (named votes) protects the person row: anonymised, never deleted
    assert NamedVote._meta.get_field("person").remote_field.on_delete.__name__ == "PROTECT"
    apply_retention(now=T0 + years(5) + DAY)
    assert Person.objects.filter(pk=council["gone"].pk).exists()

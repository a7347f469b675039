"""Seat offers: levels and grades, seats taken counted from placements, the school's report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.schulen.models import Offer, OfferKind
from teilhabe.schulen.selectors.schools import is_stale, offer_detail
from teilhabe.schulen.services.offers import create_offer, report_free_seats, update_offer
from teilhabe.zuweisung.models import Placement
from tests.factories import ChildFactory, FamilyFactory, OfferFactory, SchoolFactory, link_school

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(staff):
    school = SchoolFactory()
    link_school(staff.school_staff, school)
    return school


def place(offer, status="proposed", child_status="proposed", user=None):
    child = ChildFactory(family=FamilyFactory(centre=offer.centre), status=child_status)
    return Placement.objects.create(
        centre=offer.centre,
        child=child,
        offer=offer,
        status=status,
        start_date=dt.date.today() if status in ("accepted", "attending") else None,
        decline_reason="other" if status == "declined" else "",
        created_by=user or offer.centre.users.first(),
    )


def test_prep_class_secondary_fixes_level_and_checks_grades(staff, school):
    offer = create_offer(
        actor=staff.school_staff,
        school=school,
        kind=OfferKind.PREP_SECONDARY,
        grade_from=5,
        grade_to=10,
        seats_total=15,
    )
    assert offer.level == "secondary" and offer.centre == staff.centre
    assert offer.last_reported_at is not None
    with pytest.raises(ValidationError) as exc:
        create_offer(
            actor=staff.school_staff,
            school=school,
            kind=OfferKind.PREP_PRIMARY,
            grade_from=3,
            grade_to=6,
            seats_total=15,
        )
    assert "grade_to" in exc.value.message_dict
    with pytest.raises(ValidationError, match="level"):
        create_offer(
            actor=staff.schulamt,
            school=school,
            kind=OfferKind.IFK,
            level="primary",
            grade_from=11,
            grade_to=11,
            seats_total=15,
        )
    with pytest.raises(ValidationError):
        create_offer(
            actor=staff.schulamt,
            school=school,
            kind=OfferKind.REGULAR,
            grade_from=5,
            grade_to=6,
            seats_total=2,
        )  # a regular class needs a level


def test_creating_and_changing_is_audited(staff, school):
    offer = create_offer(
        actor=staff.schulamt,
        school=school,
        kind=OfferKind.REGULAR,
        level="primary",
        grade_from=1,
        grade_to=4,
        seats_total=3,
    )
    update_offer(
        actor=staff.school_staff,
        offer=offer,
        kind=OfferKind.REGULAR,
        level="primary",
        grade_from=2,
        grade_to=4,
        seats_total=5,
        active=True,
    )
    actions = list(
        AuditEntry.objects.filter(target_id=str(offer.pk)).values_list("action", flat=True)
    )
    assert sorted(actions) == ["schulen.offer.changed", "schulen.offer.created"]
    change = AuditEntry.objects.get(action="schulen.offer.changed")
    assert change.data["before"]["seats_total"] == 3 and change.data["after"]["seats_total"] == 5


def test_seats_taken_come_from_placements_the_school_accepted(staff, school):
    offer = OfferFactory(centre=staff.centre, school=school, seats_total=10)
    place(offer)  # proposed: the school has not answered, no seat taken yet
    place(offer, status="accepted", child_status="accepted")
    place(offer, status="attending", child_status="placed")
    place(offer, status="declined", child_status="ready")  # declined: no seat
    place(offer, status="withdrawn", child_status="withdrawn")  # withdrawn: no seat
    seen = offer_detail(user=staff.schulamt, pk=offer.pk)
    assert (seen.seats_taken, seen.seats_free) == (2, 8)


def test_report_free_seats_sets_total_from_taken_plus_free(staff, school):
    offer = OfferFactory(
        centre=staff.centre,
        school=school,
        seats_total=4,
        last_reported_at=timezone.now() - dt.timedelta(days=40),
    )
    place(offer, status="accepted", child_status="accepted")
    assert is_stale(offer)
    report_free_seats(actor=staff.school_staff, school=school, free={offer.pk: 6})
    offer.refresh_from_db()
    assert offer.seats_total == 7  # 1 taken + 6 free
    assert not is_stale(offer)
    entry = AuditEntry.objects.get(action="schulen.seats.reported")
    assert entry.actor == staff.school_staff
    assert entry.data["offers"][0]["free"] == 6 and entry.data["offers"][0]["total_before"] == 4


def test_school_staff_cannot_report_for_another_school(staff, school):
    other = SchoolFactory()
    offer = OfferFactory(centre=staff.centre, school=other)
    with pytest.raises(PermissionDenied):
        report_free_seats(actor=staff.school_staff, school=other, free={offer.pk: 1})
    with pytest.raises(PermissionDenied):
        create_offer(
            actor=staff.school_staff,
            school=other,
            kind=OfferKind.PREP_PRIMARY,
            grade_from=1,
            grade_to=4,
            seats_total=1,
        )
    with pytest.raises(PermissionDenied):
        create_offer(
            actor=staff.counsellor,
            school=other,
            kind=OfferKind.PREP_PRIMARY,
            grade_from=1,
            grade_to=4,
            seats_total=1,
        )


def test_school_staff_without_school_may_do_nothing(staff):
    from teilhabe.schulen.rules import school_id_of

    assert school_id_of(staff.school_staff) is None
    assert not staff.school_staff.has_perm("schulen.view_schools")
    assert not staff.school_staff.has_perm("schulen.report_seats")


def test_report_cannot_name_an_offer_of_another_school(staff, school):
    foreign = OfferFactory(centre=staff.centre, school=SchoolFactory())
    with pytest.raises(ValidationError):
        report_free_seats(actor=staff.schulamt, school=school, free={foreign.pk: 3})
    foreign.refresh_from_db()
    assert foreign.seats_total == 18


def test_total_cannot_fall_below_taken(staff, school):
    offer = OfferFactory(centre=staff.centre, school=school, seats_total=2)
    place(offer, status="accepted", child_status="accepted")
    place(offer, status="attending", child_status="placed")
    with pytest.raises(ValidationError, match="seats_total"):
        update_offer(
            actor=staff.schulamt,
            offer=offer,
            kind=offer.kind,
            level=offer.level,
            grade_from=5,
            grade_to=10,
            seats_total=1,
            active=True,
        )
    assert Offer.objects.get(pk=offer.pk).seats_total == 2


def test_offices_cannot_act_outside_their_area_or_centre(staff, other_staff, school):
    dortmund = SchoolFactory(municipality_key="05913000")
    with pytest.raises(PermissionDenied):
        create_offer(
            actor=staff.schulamt,
            school=dortmund,
            kind=OfferKind.PREP_PRIMARY,
            grade_from=1,
            grade_to=4,
            seats_total=1,
        )
    foreign = OfferFactory(centre=other_staff.centre, school=school)
    with pytest.raises(PermissionDenied):
        update_offer(
            actor=staff.schulamt,
            offer=foreign,
            kind=foreign.kind,
            grade_from=5,
            grade_to=10,
            seats_total=30,
            active=True,
        )


def test_start_page_names_stale_seat_reports(staff, school, login):
    stale = OfferFactory(
        centre=staff.centre,
        school=school,
        last_reported_at=timezone.now() - dt.timedelta(days=45),
    )
    page = login(staff.schulamt).get("/")
    assert "Platzmeldungen" in page.text and school.name in page.text
    stale.last_reported_at = timezone.now()
    stale.save()
    assert "Alle Platzmeldungen sind aktuell." in login(staff.schulamt).get("/").text

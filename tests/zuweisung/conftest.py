"""A small placement world: offers near and far, ready children, siblings, one too far."""

from __future__ import annotations

import pytest

from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    FamilyFactory,
    GuardianFactory,
    OfferFactory,
    SchoolFactory,
    link_school,
)

HOME = (50.9413, 6.9391)  # FamilyFactory's address
KM_LAT = 1 / 111.2  # one km northwards in degrees


def ready_child(staff, family=None, **family_kwargs):
    family = family or FamilyFactory(centre=staff.centre, **family_kwargs)
    if not family.guardians.exists():
        GuardianFactory(family=family, language="ar", email="familie@example.org")
    child = ChildFactory(family=family, status="ready", recommended_level="secondary")
    AssessmentFactory(
        child=child,
        recommended_level="secondary",
        recommended_grade=7,
        assessed_by=staff.counsellor,
        recommended_school_forms=["Gesamtschule"],
    )
    return child


def offer_at(staff, km_north: float, seats: int, **school):
    school = SchoolFactory(lat=HOME[0] + km_north * KM_LAT, lon=HOME[1], **school)
    return OfferFactory(centre=staff.centre, school=school, seats_total=seats)


@pytest.fixture
def area(staff, other_staff):
    """One seat at the door, two seats 3 km away; siblings, a single child, one far away."""
    near = offer_at(staff, 0, seats=1, name="Gesamtschule am Dom")
    far = offer_at(staff, 3, seats=2, name="Gesamtschule Nord")
    siblings = FamilyFactory(centre=staff.centre)
    a, b = ready_child(staff, family=siblings), ready_child(staff, family=siblings)
    single = ready_child(staff, lat=HOME[0] + 3 * KM_LAT)  # lives next to the far school
    remote = ready_child(staff, lat=HOME[0] + 60 * KM_LAT)  # 60 km: nothing in reach
    ready_child(other_staff)  # another centre's child is never touched
    link_school(staff.school_staff, far.school)
    return {"near": near, "far": far, "siblings": (a, b), "single": single, "remote": remote}

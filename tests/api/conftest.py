"""Two centres with cases, slots, appointments, a school with an offer and a proposal each,
and API clients that carry a token of a chosen user and scopes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from teilhabe.api.services import create_token
from teilhabe.schulen.models import AreaChange
from teilhabe.zuweisung.models import Placement
from tests.conftest import Staff, make_staff
from tests.factories import (
    AppointmentFactory,
    ChildFactory,
    FamilyFactory,
    OfferFactory,
    SchoolFactory,
    SlotFactory,
    link_school,
)
from tests.portal.factories import make_offer

ALL_SCOPES = (
    "cases:read",
    "cases:write",
    "appointments:read",
    "appointments:write",
    "schools:read",
    "seat_reports:read",
    "seat_reports:write",
    "placements:read",
    "placements:write",
    "offers:read",
)


@dataclass
class Side:
    staff: Staff
    objects: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.objects[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def build_side(slug: str, *, municipality_key: str = "05315000") -> Side:
    staff = make_staff(slug)
    family = FamilyFactory(centre=staff.centre)
    child = ChildFactory(family=family)
    free_slot = SlotFactory(counsellor=staff.counsellor)
    appointment = AppointmentFactory(slot=SlotFactory(counsellor=staff.counsellor), family=family)
    school = SchoolFactory(municipality_key=municipality_key)
    if municipality_key != "05315000":
        AreaChange.objects.create(centre=staff.centre, school=school, included=True)
    link_school(staff.school_staff, school)
    offer = OfferFactory(centre=staff.centre, school=school, seats_total=5)
    proposed = ChildFactory(family=family, status="proposed", first_name="Amira")
    placement = Placement.objects.create(
        centre=staff.centre,
        child=proposed,
        offer=offer,
        status="proposed",
        created_by=staff.schulamt,
    )
    return Side(
        staff=staff,
        objects={
            "family": family,
            "child": child,
            "free_slot": free_slot,
            "appointment": appointment,
            "school": school,
            "offer": offer,
            "proposed_child": proposed,
            "placement": placement,
            "portal_offer": make_offer(staff.centre),
        },
    )


@pytest.fixture
def koeln(db) -> Side:
    return build_side("koeln")


@pytest.fixture
def dortmund(db) -> Side:
    return build_side("dortmund", municipality_key="05913000")


def token_for(user: Any, *scopes: str) -> str:
    from teilhabe.api.selectors import allowed_scopes

    allowed = {s.name for s in allowed_scopes(user)}
    with transaction.atomic():
        _token, secret = create_token(
            actor=user, user=user, name="Test", scopes=[s for s in scopes if s in allowed]
        )
    return secret


@pytest.fixture
def api() -> Callable[..., APIClient]:
    """``api(user, "cases:read", ...)``: a client with a fresh token of those scopes."""

    def _client(user: Any, *scopes: str) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user, *scopes)}")
        return client

    return _client

"""A centre's schools follow from its area keys (teilhabe.geo), plus the admin's changes."""

from __future__ import annotations

import pytest

from teilhabe.schulen.models import AreaChange
from teilhabe.schulen.selectors.schools import area_schools, in_area_by_default
from teilhabe.schulen.services.area import change_area
from tests.conftest import make_staff
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools() -> dict[str, object]:
    return {
        "werl": SchoolFactory(name="Werl", municipality_key="05974052", city="Werl"),
        "soest": SchoolFactory(name="Soest", municipality_key="05974040", city="Soest"),
        "koeln": SchoolFactory(name="Köln", municipality_key="05315000"),
        "unna": SchoolFactory(name="Unna", municipality_key="05978036", city="Unna"),
    }


def names(centre) -> set[str]:
    return set(area_schools(centre=centre).values_list("name", flat=True))


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["05974"], {"Werl", "Soest"}),
        (["05974052"], {"Werl"}),
        (["05974052", "05978"], {"Werl", "Unna"}),
        (["05315"], {"Köln"}),
        (["05315000"], {"Köln"}),
        (["09162"], set()),  # not an NRW key: no schools rather than a guess
        ([], set()),
    ],
)
def test_area_schools_follow_the_keys(schools, keys: list[str], expected: set[str]) -> None:
    staff = make_staff("gebiet")
    staff.centre.area_keys = keys
    assert names(staff.centre) == expected
    for school in schools.values():
        assert in_area_by_default(centre=staff.centre, school=school) is (school.name in expected)


def test_admin_changes_add_to_and_remove_from_a_kreis_area(schools) -> None:
    staff = make_staff("soest")
    staff.centre.area_keys = ["05974"]
    staff.centre.save(update_fields=["area_keys"])
    change_area(actor=staff.centre_admin, schulnummer=schools["unna"].schulnummer, included=True)
    change_area(actor=staff.centre_admin, schulnummer=schools["werl"].schulnummer, included=False)
    assert names(staff.centre) == {"Soest", "Unna"}
    change_area(actor=staff.centre_admin, schulnummer=schools["werl"].schulnummer, included=True)
    assert not AreaChange.objects.filter(school=schools["werl"]).exists()  # back to the default
    assert names(staff.centre) == {"Soest", "Unna", "Werl"}

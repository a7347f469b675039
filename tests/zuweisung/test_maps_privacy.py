"""The map's waiting counts protect small groups for roles that may not see cases."""

from __future__ import annotations

import pytest

from teilhabe.zuweisung.selectors.maps import stadtteil_table, stadtteile_with_counts
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(staff):
    nippes = FamilyFactory(centre=staff.centre, stadtteil_number="503")
    ChildFactory(family=nippes)  # one child alone in Nippes
    altstadt = FamilyFactory(centre=staff.centre, stadtteil_number="101")
    for _ in range(4):
        ChildFactory(family=altstadt)


def _props(user):
    return {
        f["properties"]["STT_NR"]: f["properties"]
        for f in stadtteile_with_counts(user=user)["features"]
    }


def test_statistics_reader_never_sees_a_group_below_three(staff, waiting):
    props = _props(staff.statistics)
    assert props["503"]["waiting"] == 0 and props["503"]["waiting_label"] == "< 3"
    assert props["101"]["waiting"] == 4 and props["101"]["waiting_label"] == "4"
    assert [row["number"] for row in stadtteil_table(user=staff.statistics)] == ["101"]


def test_casework_roles_see_exact_counts(staff, waiting):
    props = _props(staff.counsellor)
    assert props["503"]["waiting"] == 1 and props["503"]["waiting_label"] == "1"
    assert {row["number"] for row in stadtteil_table(user=staff.counsellor)} == {"101", "503"}


def test_a_centre_outside_koeln_gets_no_koeln_stadtteile(staff):
    """A Kreis has no Stadtteil polygons: no Köln map behind its children, no empty row."""
    staff.centre.area_keys = ["05974"]
    staff.centre.save()
    ChildFactory(family=FamilyFactory(centre=staff.centre, stadtteil_number=""))
    assert stadtteile_with_counts(user=staff.counsellor)["features"] == []
    assert stadtteil_table(user=staff.counsellor) == []

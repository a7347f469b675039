"""Family addresses anywhere in NRW, checked against the centre's area (Centre.area_keys)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from teilhabe.seiteneinstieg.forms.waiting_list import WaitingListFilterForm
from teilhabe.seiteneinstieg.models import Family
from teilhabe.seiteneinstieg.selectors.waiting_list import (
    WaitingListFilters,
    area_for_user,
    waiting_list,
    waiting_statistics,
)
from teilhabe.seiteneinstieg.services.cases import (
    AddressData,
    ChildData,
    GuardianData,
    register_family,
    update_family,
)
from tests.conftest import Staff, make_staff
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db

GUARDIAN = GuardianData(first_name="Olena", last_name="Kovalenko", phone="0176 1234567")
CHILD = ChildData(
    first_name="Mykola",
    last_name="Kovalenko",
    birth_date=dt.date(2014, 3, 1),
    first_language="uk",
    arrived_in_germany_on=dt.date(2026, 8, 1),
    arrived_in_city_on=dt.date(2026, 8, 15),
)


def staff_of(slug: str, keys: list[str]) -> Staff:
    staff = make_staff(slug)
    staff.centre.area_keys = keys
    staff.centre.save(update_fields=["area_keys"])
    return staff


@pytest.fixture
def soest(db) -> Staff:
    return staff_of("soest", ["05974"])


def register(staff: Staff, address: AddressData) -> Family:
    return register_family(
        actor=staff.counsellor, address=address, guardians=[GUARDIAN], children=[CHILD]
    )


def errors_of(staff: Staff, address: AddressData) -> dict[str, list[str]]:
    before = Family.objects.count()
    with pytest.raises(ValidationError) as caught:
        register(staff, address)
    assert Family.objects.count() == before  # nothing half-written
    return caught.value.message_dict


@pytest.mark.parametrize(
    ("postcode", "city", "key", "town"),
    [
        ("59457", "Werl", "05974052", "Werl"),
        ("59494", "", "05974040", "Soest"),
        ("59555", "Lippstadt", "05974028", "Lippstadt"),
    ],
)
def test_kreis_centre_registers_families_of_its_towns(
    soest: Staff, postcode: str, city: str, key: str, town: str
) -> None:
    family = register(soest, AddressData("Markt 1", postcode, city))
    assert (family.municipality_key, family.municipality_name) == (key, town)
    assert family.city == town
    assert family.stadtteil_number == family.stadtteil_name == family.stadtbezirk_name == ""
    assert 51.4 < family.lat < 51.8 and 7.8 < family.lon < 8.6


def test_address_outside_the_area_names_the_area(soest: Staff) -> None:
    errors = errors_of(soest, AddressData("Domkloster 4", "50667", "Köln"))
    assert errors["postcode"] == ["Die Adresse liegt nicht im Gebiet des Zentrums (Kreis Soest)."]


def test_koeln_centre_keeps_stadtteil_and_refuses_bonn(staff: Staff) -> None:
    family = register(staff, AddressData("Venloer Str. 12", "50672"))
    assert (family.municipality_key, family.municipality_name) == ("05315000", "Köln")
    assert (family.stadtteil_number, family.stadtteil_name) == ("104", "Neustadt/Nord")
    assert family.stadtbezirk_name == "Innenstadt" and family.city == "Köln"
    errors = errors_of(staff, AddressData("Markt 1", "53111", "Bonn"))
    assert errors["postcode"] == ["Die Adresse liegt nicht im Gebiet des Zentrums (Stadt Köln)."]


def test_unknown_or_non_nrw_postcode(soest: Staff) -> None:
    errors = errors_of(soest, AddressData("Invalidenstr. 1", "10115", "Berlin"))
    assert errors["postcode"] == [
        "Die Postleitzahl 10115 liegt nicht in Nordrhein-Westfalen oder ist unbekannt."
    ]


def test_shared_postcode_needs_the_ort() -> None:
    heinsberg = staff_of("heinsberg", ["05370"])
    errors = errors_of(heinsberg, AddressData("Markt 1", "52525", "Irgendwo"))
    assert errors["city"] == [
        "Die Postleitzahl 52525 gilt für mehrere Orte (Heinsberg, Waldfeucht); bitte den Ort "
        "angeben."
    ]
    family = register(heinsberg, AddressData("Markt 1", "52525", "Waldfeucht-Haaren"))
    assert family.municipality_key == "05370032"


def test_shared_postcode_outside_a_one_town_area() -> None:
    town = staff_of("stadt-heinsberg", ["05370016"])
    errors = errors_of(town, AddressData("Markt 1", "52525", "Waldfeucht"))
    assert errors["postcode"] == ["Die Adresse liegt nicht im Gebiet des Zentrums (Heinsberg)."]
    assert register(town, AddressData("Markt 1", "52525", "Heinsberg")).municipality_name == (
        "Heinsberg"
    )


def test_moving_within_the_kreis_updates_the_town(soest: Staff) -> None:
    family = register(soest, AddressData("Markt 1", "59457", "Werl"))
    update_family(
        actor=soest.counsellor, family=family, address=AddressData("Markt 2", "59494", "Soest")
    )
    family.refresh_from_db()
    assert (family.municipality_key, family.municipality_name) == ("05974040", "Soest")
    with pytest.raises(ValidationError, match="Kreis Soest"):
        update_family(
            actor=soest.counsellor, family=family, address=AddressData("Ring 1", "50667", "Köln")
        )
    family.refresh_from_db()
    assert family.postcode == "59494"


def soest_family(staff: Staff, key: str, town: str) -> Family:
    return FamilyFactory(
        centre=staff.centre,
        city=town,
        municipality_key=key,
        municipality_name=town,
        stadtteil_number="",
        stadtteil_name="",
        stadtbezirk_number="",
        stadtbezirk_name="",
    )


def test_waiting_list_of_a_kreis_filters_by_town(soest: Staff, login) -> None:
    werl, lippstadt = (
        soest_family(soest, "05974052", "Werl"),
        soest_family(soest, "05974028", "Lippstadt"),
    )
    ChildFactory(family=werl, first_name="Amir")
    ChildFactory(family=lippstadt, first_name="Lina")

    area = area_for_user(user=soest.counsellor)
    form = WaitingListFilterForm({"town": "05974052"}, area=area)
    assert "stadtbezirk" not in form.fields and "stadtteil" not in form.fields
    assert ("05974052", "Werl") in form.fields["town"].choices
    assert len(form.fields["town"].choices) == 15  # "Alle" and 14 towns
    assert form.filters() == WaitingListFilters(town="05974052")
    names = [c.first_name for c in waiting_list(user=soest.counsellor, filters=form.filters())]
    assert names == ["Amir"]

    response = login(soest.counsellor).get(reverse("seiteneinstieg:waiting_list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lippstadt" in html and 'name="town"' in html and 'name="stadtbezirk"' not in html
    assert response.context["place_heading"] == "Ort"
    assert ("stadtteil", "Ort (A–Z)") in form.fields["sort"].choices

    by_town = {f.label: f.count for f in waiting_statistics(user=soest.statistics)["by_town"]}
    assert by_town["Werl"] == 1 and by_town["Lippstadt"] == 1 and by_town["Soest"] == 0
    assert waiting_statistics(user=soest.statistics)["by_bezirk"] == []


def test_koeln_waiting_list_keeps_its_district_filters(staff: Staff, login) -> None:
    form = WaitingListFilterForm({}, area=area_for_user(user=staff.counsellor))
    assert "town" not in form.fields
    assert "stadtbezirk" in form.fields and "stadtteil" in form.fields
    assert ("stadtteil", "Stadtteil (A–Z)") in form.fields["sort"].choices
    ChildFactory(family__centre=staff.centre, first_name="Amir")
    response = login(staff.counsellor).get(reverse("seiteneinstieg:waiting_list"))
    assert response.context["place_heading"] == "Stadtteil"
    assert "Neustadt/Nord" in response.content.decode()

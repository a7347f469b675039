"""A centre's area as official keys: validation, names, membership, listings."""

from __future__ import annotations

import pytest

from teilhabe import geo


@pytest.mark.parametrize(
    ("keys", "name"),
    [
        (["05974"], "Kreis Soest"),
        (["05315"], "Stadt Köln"),
        (["05315000"], "Köln"),
        (["05974052", "05974040"], "Werl, Soest"),
        (["05974", "05974"], "Kreis Soest"),
        (["05334", "05370"], "Städteregion Aachen, Kreis Heinsberg"),
        ([" 05958 "], "Hochsauerlandkreis"),
        ("05974", "Kreis Soest"),
    ],
)
def test_area_name(keys: list[str], name: str) -> None:
    assert geo.area(keys).name == name


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (["0597"], "„0597“ ist kein gültiger Gebietsschlüssel"),
        (["05974", "5974040"], "„5974040“ ist kein gültiger Gebietsschlüssel"),
        (["Soest"], "„Soest“ ist kein gültiger Gebietsschlüssel"),
        (["11000"], "Der Gebietsschlüssel 11000 ist in Nordrhein-Westfalen nicht bekannt."),
        (["05974999"], "Der Gebietsschlüssel 05974999 ist in Nordrhein-Westfalen nicht bekannt."),
        ([], "Ein Gebiet braucht mindestens einen Gebietsschlüssel."),
    ],
)
def test_bad_keys_are_refused_with_a_german_message(keys: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        geo.area(keys)


@pytest.mark.parametrize(
    ("keys", "postcode", "place", "inside"),
    [
        (["05974"], "59494", "", True),  # Soest in Kreis Soest
        (["05974"], "59457", "", True),  # Werl
        (["05974"], "59555", "", True),  # Lippstadt
        (["05974"], "50667", "", False),  # Köln
        (["05974052"], "59457", "", True),  # Werl alone
        (["05974052"], "59494", "", False),  # Soest is not Werl
        (["05315"], "50667", "", True),
        (["05315000"], "51149", "", True),
        (["05370"], "52525", "", True),  # undecided, but both candidates are in the Kreis
        (["05370016"], "52525", "", False),  # undecided: Heinsberg or Waldfeucht?
        (["05370016"], "52525", "Heinsberg", True),
        (["05370016"], "52525", "Waldfeucht", False),
        (["05370016", "05370032"], "52525", "", True),
    ],
)
def test_contains(keys: list[str], postcode: str, place: str, inside: bool) -> None:
    location = geo.locate(postcode, place)
    assert location is not None
    assert geo.area(keys).contains(location) is inside


@pytest.mark.parametrize(
    ("keys", "municipality_key", "inside"),
    [
        (["05974"], "05974052", True),
        (["05974"], "5974052", True),  # IT.NRW writes keys without the leading zero
        (["05974"], "05315000", False),
        (["05315"], "05315000", True),
        (["05974040"], "05974040", True),
        (["05974040"], "05974052", False),
        (["05974"], "05974", False),  # a school always has a municipality key
        (["05974"], "", False),
    ],
)
def test_contains_municipality(keys: list[str], municipality_key: str, inside: bool) -> None:
    assert geo.area(keys).contains_municipality(municipality_key) is inside


def test_municipalities_and_places_of_kreis_soest() -> None:
    soest = geo.area(["05974"])
    municipalities = soest.municipalities()
    assert len(municipalities) == 14
    assert ("05974052", "Werl") in municipalities
    assert geo.places(soest)[:3] == ["Anröchte", "Bad Sassendorf", "Ense"]
    assert "Wickede (Ruhr)" in geo.places(soest)
    assert geo.places(geo.area(["05315"])) == ["Köln"]


def test_postcodes_of_an_area() -> None:
    soest = geo.area(["05974"]).postcodes()
    assert {"59494", "59457", "59555"} <= set(soest)
    assert "50667" not in soest
    assert soest == sorted(soest)
    werl = geo.area(["05974052"]).postcodes()
    assert werl == ["59457"]
    assert "52525" in geo.area(["05370032"]).postcodes()  # shared with Heinsberg


@pytest.mark.parametrize(
    ("key", "name", "kind"),
    [
        ("05974", "Kreis Soest", "Kreis"),
        ("05315", "Stadt Köln", "kreisfreie Stadt"),
        ("05974052", "Werl", "Stadt"),
        ("05974032", "Möhnesee", "Gemeinde"),
        ("05334", "Städteregion Aachen", "Kreis"),
    ],
)
def test_describe_key(key: str, name: str, kind: str) -> None:
    assert geo.describe_key(key) == name
    assert geo.kind_of(key) == kind


def test_describe_key_refuses_unknown_keys() -> None:
    with pytest.raises(ValueError, match="09162"):
        geo.describe_key("09162")
    assert geo.municipality_name("09162000") == ""
    assert geo.municipality_name("") == ""
    assert geo.municipality_name("05974052") == "Werl"


def test_districts_only_where_there_are_polygons() -> None:
    assert len(geo.districts("05315000")) == 86
    assert "Altstadt/Nord" in geo.districts("05315")
    assert geo.boroughs("05315000")[0] == "Innenstadt"
    assert len(geo.boroughs("05315000")) == 9
    assert geo.districts("05974052") == [] and geo.boroughs("05974") == []
    assert geo.has_polygons("05315") and not geo.has_polygons("05974")
    assert geo.area(["05315"]).has_polygons
    assert not geo.area(["05974"]).has_polygons

"""Locating NRW addresses by postcode (and place name) with real postcodes."""

from __future__ import annotations

import time

import pytest

from teilhabe import geo
from teilhabe.geo import koeln, nrw


@pytest.mark.parametrize(
    ("postcode", "place", "municipality_key", "kreis_key", "town", "district", "borough"),
    [
        ("50667", "", "05315000", "05315", "Köln", "Altstadt/Nord", "Innenstadt"),
        ("51149", "Köln", "05315000", "05315", "Köln", "Gremberghoven", "Porz"),
        ("59494", "", "05974040", "05974", "Soest", "", ""),
        ("59457", "Werl", "05974052", "05974", "Werl", "", ""),
        ("59555", "", "05974028", "05974", "Lippstadt", "", ""),
        ("59557", "", "05974028", "05974", "Lippstadt", "", ""),
        ("40210", "", "05111000", "05111", "Düsseldorf", "", ""),
        ("57319", "", "05970004", "05970", "Bad Berleburg", "", ""),
        (" 59494 ", "", "05974040", "05974", "Soest", "", ""),
    ],
)
def test_locates_real_postcodes(
    postcode: str,
    place: str,
    municipality_key: str,
    kreis_key: str,
    town: str,
    district: str,
    borough: str,
) -> None:
    location = geo.locate(postcode, place)
    assert location is not None
    assert location.postcode == postcode.strip()
    assert location.municipality_key == municipality_key
    assert location.kreis_key == kreis_key
    assert location.town == town
    assert (location.district, location.borough) == (district, borough)
    assert 50.3 < location.latitude < 52.6 and 5.8 < location.longitude < 9.5  # inside NRW


@pytest.mark.parametrize("postcode", ["10115", "80331", "99999", "5066", "abcde", "", "506670"])
def test_outside_nrw_or_unknown_is_none(postcode: str) -> None:
    assert geo.locate(postcode) is None


@pytest.mark.parametrize(
    ("place", "municipality_key"),
    [
        ("Waldfeucht", "05370032"),
        ("Waldfeucht-Haaren", "05370032"),
        ("waldfeucht haaren", "05370032"),
        ("Heinsberg", "05370016"),
        ("Heinsberg (Rhld.)", "05370016"),
        ("", ""),
        ("Aachen", ""),
    ],
)
def test_shared_postcode_is_decided_by_place(place: str, municipality_key: str) -> None:
    location = geo.locate("52525", place)
    assert location is not None
    assert location.municipality_key == municipality_key
    assert location.kreis_key == "05370"
    assert location.decided is bool(municipality_key)
    if not municipality_key:
        assert location.place == "Heinsberg / Waldfeucht"
        assert location.town == "Heinsberg / Waldfeucht"


def test_candidates_name_the_municipalities_of_a_shared_postcode() -> None:
    assert geo.candidates("52538") == [("05370008", "Gangelt"), ("05370024", "Selfkant")]
    assert geo.candidates("59457") == [("05974052", "Werl")]
    assert geo.candidates("10115") == []


def test_koeln_postcodes_keep_their_centroids_and_stadtteile() -> None:
    """Every Köln postcode gives the same point and Stadtteil as teilhabe.geo.koeln did."""
    koeln_postcodes = koeln._postcodes()
    assert len(koeln_postcodes) == 74
    for postcode, (lat, lon) in koeln_postcodes.items():
        before = koeln.locate(postcode)
        after = geo.locate(postcode)
        assert before is not None and after is not None, postcode
        assert (after.latitude, after.longitude) == (lat, lon)
        assert after.municipality_key == koeln.KOELN_MUNICIPALITY_KEY
        assert after.district_code == before.stadtteil.number
        assert after.district == before.stadtteil.name
        assert after.borough == before.stadtteil.bezirk_name


def test_given_coordinates_move_the_point_and_the_stadtteil() -> None:
    location = geo.locate("50667", lat=50.9307, lon=6.9520)
    assert location is not None
    assert (location.latitude, location.longitude) == (50.9307, 6.9520)
    assert location.district == "Altstadt/Süd"
    assert location.district_code == "101" and location.borough_code == "1"

    outside = geo.locate("50667", lat=51.5, lon=8.0)
    assert outside is not None and outside.district == "" and outside.borough == ""

    soest = geo.locate("59494", lat=51.57, lon=8.1)
    assert soest is not None and soest.municipality_key == "05974040" and soest.district == ""


def test_data_files_cover_nrw() -> None:
    """All 53 Kreise/kreisfreie Städte, all 396 municipalities, every Kreis has postcodes."""
    tables = nrw._tables()
    assert sum(len(k) == 5 for k in tables.names) == 53
    assert sum(len(k) == 8 for k in tables.names) == 396
    kreise_with_postcodes = {r.kreis_key for rows in tables.postcodes.values() for r in rows}
    assert kreise_with_postcodes == {k for k in tables.names if len(k) == 5}
    assert len(tables.postcodes) > 850


def test_loading_is_fast_and_lookups_are_dict_accesses() -> None:
    nrw._tables.cache_clear()
    started = time.perf_counter()
    nrw._tables()
    assert time.perf_counter() - started < 0.5  # about 10 ms; generous for a busy CI machine
    started = time.perf_counter()
    for _ in range(10_000):
        geo.locate("59457")
    assert time.perf_counter() - started < 0.5

"""Locate an address in Köln: postcode → coordinates → Stadtteil and Stadtbezirk.

There is no geocoder on the network path of this product, so a postcode's centroid stands
for the address; coordinates given by the user (e.g. from a map) take precedence.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from shapely import STRtree
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

DATA_DIR = Path(__file__).resolve().parent / "data"
KOELN_MUNICIPALITY_KEY = "05315000"


@dataclass(frozen=True)
class Stadtteil:
    number: str  # three digits; the first is the Stadtbezirk
    name: str
    bezirk_number: str
    bezirk_name: str


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float
    stadtteil: Stadtteil


@cache
def _stadtteile() -> tuple[list[Stadtteil], list[BaseGeometry], STRtree]:
    with open(DATA_DIR / "stadtteile.geojson", encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    parts = [
        Stadtteil(
            number=str(f["properties"]["STT_NR"]),
            name=f["properties"]["STT_NAME"],
            bezirk_number=str(f["properties"]["STB_NR"]),
            bezirk_name=f["properties"]["STB_NAME"],
        )
        for f in features
    ]
    geometries = [shape(f["geometry"]) for f in features]
    return parts, geometries, STRtree(geometries)


@cache
def _postcodes() -> dict[str, tuple[float, float]]:
    result: dict[str, tuple[float, float]] = {}
    with open(DATA_DIR / "koeln_plz_centroids.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat = row["poly1999_centroid_lat"] or row["geonames_lat"]
            lon = row["poly1999_centroid_lon"] or row["geonames_lon"]
            result[row["plz"]] = (float(lat), float(lon))
    return result


def all_stadtteile() -> list[Stadtteil]:
    """All 86 Stadtteile, sorted by number."""
    return sorted(_stadtteile()[0], key=lambda s: s.number)


def all_stadtbezirke() -> list[tuple[str, str]]:
    """(number, name) of the 9 Stadtbezirke."""
    return sorted({(s.bezirk_number, s.bezirk_name) for s in _stadtteile()[0]})


def stadtteil_at(lat: float, lon: float) -> Stadtteil | None:
    """The Stadtteil containing the point, or None outside Köln."""
    parts, geometries, tree = _stadtteile()
    point = Point(lon, lat)
    for index in tree.query(point, predicate="intersects"):
        return parts[int(index)]
    return None


def postcode_centroid(postcode: str) -> tuple[float, float] | None:
    """(lat, lon) of a Köln postcode, or None when the postcode is not a Köln one."""
    return _postcodes().get(postcode.strip())


def is_koeln_postcode(postcode: str) -> bool:
    return postcode.strip() in _postcodes()


def locate(postcode: str, lat: float | None = None, lon: float | None = None) -> Location | None:
    """Coordinates and Stadtteil for an address; None when it lies outside Köln."""
    if lat is None or lon is None:
        centroid = postcode_centroid(postcode)
        if centroid is None:
            return None
        lat, lon = centroid
    stadtteil = stadtteil_at(lat, lon)
    if stadtteil is None:
        return None
    return Location(lat=lat, lon=lon, stadtteil=stadtteil)

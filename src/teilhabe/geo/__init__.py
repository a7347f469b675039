"""Geography of North Rhine-Westphalia: locate an address by postcode, describe a centre's area.

Public API (other apps code against these names; see docs/architecture.md):
``Location``, ``locate``, ``candidates``, ``Area``, ``area``, ``describe_key``, ``kind_of``,
``municipality_name``, ``places``, ``districts``, ``boroughs``, ``has_polygons``.
``teilhabe.geo.koeln`` keeps Köln's Stadtteil polygons and postcode centroids.

Data: GeoNames postcodes (CC-BY 4.0), MSB NRW and IT.NRW school directories (dl-de/by-2-0) for
postcode → municipality, Stadt Köln Stadtteile (CC-BY / dl-de/zero-2-0) with 1999 PLZ polygons
(public domain); see data/PROVENANCE.md.
"""

from teilhabe.geo.nrw import (
    KOELN_MUNICIPALITY_KEY,
    Area,
    Location,
    area,
    boroughs,
    candidates,
    describe_key,
    districts,
    has_polygons,
    kind_of,
    locate,
    municipality_name,
    places,
)

__all__ = [
    "KOELN_MUNICIPALITY_KEY",
    "Area",
    "Location",
    "area",
    "boroughs",
    "candidates",
    "describe_key",
    "districts",
    "has_polygons",
    "kind_of",
    "locate",
    "municipality_name",
    "places",
]

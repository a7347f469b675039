"""Locate addresses anywhere in North Rhine-Westphalia; describe a centre's area by official keys.

Keys are the official ones: 5 digits for a Kreis or kreisfreie Stadt (05974 Kreis Soest,
05315 Köln), 8 digits for a municipality (Amtlicher Gemeindeschlüssel, 05974052 Werl).

There is no geocoder on the network path, so an address is located by its postcode: the
postcode's point from GeoNames and its municipality from the school directories (see
``data/PROVENANCE.md``). Where a municipality has district polygons (Köln), the point also gives
Stadtteil and Stadtbezirk. A postcode that reaches several municipalities is resolved by the
place name the user typed; when that does not decide, the municipality key stays empty and
callers must ask (see :func:`candidates`).

The tables load lazily once (about 1,400 rows) and every lookup is a dict access.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from statistics import mean

DATA_DIR = Path(__file__).resolve().parent / "data"
KOELN_MUNICIPALITY_KEY = "05315000"

# Municipalities whose districts we have as polygons (served by ``teilhabe.geo.koeln``).
POLYGON_MUNICIPALITIES = frozenset({KOELN_MUNICIPALITY_KEY})


@dataclass(frozen=True)
class Location:
    """Where an address lies, as far as its postcode (and place name) tells."""

    postcode: str
    place: str
    municipality_key: str  # 8 digits, or "" when the postcode's municipality is undecidable
    kreis_key: str  # 5 digits
    latitude: float
    longitude: float
    district: str = ""  # Stadtteil name where the municipality has polygons
    borough: str = ""  # Stadtbezirk name where the municipality has polygons
    district_code: str = ""  # Köln: 3-digit Stadtteil number
    borough_code: str = ""  # Köln: 1-digit Stadtbezirk number

    @property
    def decided(self) -> bool:
        """True when the municipality is known."""
        return bool(self.municipality_key)

    @property
    def town(self) -> str:
        """The municipality's name ("Werl"), or the postcode's place names when undecided."""
        if self.municipality_key:
            return _tables().names[self.municipality_key]
        return self.place


@dataclass(frozen=True)
class _Row:
    postcode: str
    place: str
    municipality_key: str
    kreis_key: str
    latitude: float
    longitude: float
    district_code: str
    district: str
    borough_code: str
    borough: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class _Tables:
    postcodes: dict[str, tuple[_Row, ...]]
    names: dict[str, str]  # key (5 or 8 digits) → name
    kinds: dict[str, str]  # key → "Kreis" | "kreisfreie Stadt" | "Stadt" | "Gemeinde"
    members: dict[str, tuple[str, ...]]  # Kreis key → its municipality keys


@cache
def _tables() -> _Tables:
    postcodes: dict[str, list[_Row]] = {}
    with open(DATA_DIR / "nrw_postcodes.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            row = _Row(
                postcode=r["postcode"],
                place=r["place"],
                municipality_key=r["municipality_key"],
                kreis_key=r["kreis_key"],
                latitude=float(r["lat"]),
                longitude=float(r["lon"]),
                district_code=r["district_code"],
                district=r["district"],
                borough_code=r["borough_code"],
                borough=r["borough"],
                aliases=tuple(a for a in r["aliases"].split("|") if a),
            )
            postcodes.setdefault(row.postcode, []).append(row)
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    with open(DATA_DIR / "nrw_areas.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            names[r["key"]] = r["name"]
            kinds[r["key"]] = r["kind"]
            if len(r["key"]) == 8:
                members.setdefault(r["key"][:5], []).append(r["key"])
    if not postcodes or not names:
        raise RuntimeError(f"NRW geo tables in {DATA_DIR} are empty")
    return _Tables(
        postcodes={k: tuple(v) for k, v in postcodes.items()},
        names=names,
        kinds=kinds,
        members={k: tuple(v) for k, v in members.items()},
    )


def _normalise(name: str) -> str:
    """Lower-case words, no brackets or hyphens: "Heinsberg-Oberbruch" → "heinsberg oberbruch"."""
    name = re.sub(r"\(.*?\)", " ", name.casefold().replace("ß", "ss"))
    return " ".join(re.findall(r"[^\W\d_]+", name))


def _matches(typed: str, row: _Row, names: dict[str, str]) -> bool:
    """Does the typed place name point at this row's municipality?"""
    if not typed:
        return False
    for known in (row.place, names[row.municipality_key], *row.aliases):
        base = _normalise(known)
        if base and (typed == base or typed.startswith(base + " ")):
            return True
    return False


def _clean_postcode(postcode: str) -> str:
    return (postcode or "").strip().replace(" ", "")


def locate(
    postcode: str,
    place: str = "",
    *,
    lat: float | None = None,
    lon: float | None = None,
) -> Location | None:
    """Locate an NRW address by postcode; None for an unknown postcode or one outside NRW.

    ``place`` (the town the user typed) decides between the municipalities a postcode reaches.
    ``lat``/``lon`` (e.g. picked on a map) replace the postcode's point; where the municipality
    has polygons, the district then follows the given point (empty when it lies outside them).
    """
    tables = _tables()
    rows = tables.postcodes.get(_clean_postcode(postcode))
    if not rows:
        return None
    if len(rows) > 1:
        typed = _normalise(place or "")
        chosen = [r for r in rows if _matches(typed, r, tables.names)]
        if len(chosen) == 1:
            rows = (chosen[0],)
    if len(rows) == 1:
        row = rows[0]
        location = Location(
            postcode=row.postcode,
            place=row.place,
            municipality_key=row.municipality_key,
            kreis_key=row.kreis_key,
            latitude=row.latitude,
            longitude=row.longitude,
            district=row.district,
            borough=row.borough,
            district_code=row.district_code,
            borough_code=row.borough_code,
        )
    else:
        kreise = {r.kreis_key for r in rows}
        location = Location(
            postcode=rows[0].postcode,
            place=" / ".join(dict.fromkeys(r.place for r in rows)),
            municipality_key="",
            kreis_key=kreise.pop() if len(kreise) == 1 else "",
            latitude=round(mean(r.latitude for r in rows), 5),
            longitude=round(mean(r.longitude for r in rows), 5),
        )
    if lat is not None and lon is not None:
        location = _at_point(location, lat, lon)
    return location


def _at_point(location: Location, lat: float, lon: float) -> Location:
    """The same location at the given point, with the district read from the polygons."""
    district = borough = district_code = borough_code = ""
    if location.municipality_key in POLYGON_MUNICIPALITIES:
        from teilhabe.geo import koeln  # shapely loads only when a point must be placed

        part = koeln.stadtteil_at(lat, lon)
        if part is not None:
            district, borough = part.name, part.bezirk_name
            district_code, borough_code = part.number, part.bezirk_number
    return Location(
        postcode=location.postcode,
        place=location.place,
        municipality_key=location.municipality_key,
        kreis_key=location.kreis_key,
        latitude=lat,
        longitude=lon,
        district=district,
        borough=borough,
        district_code=district_code,
        borough_code=borough_code,
    )


def candidates(postcode: str) -> list[tuple[str, str]]:
    """(key, name) of every municipality a postcode reaches; empty when unknown."""
    tables = _tables()
    rows = tables.postcodes.get(_clean_postcode(postcode), ())
    return [(r.municipality_key, tables.names[r.municipality_key]) for r in rows]


def has_polygons(municipality_key: str) -> bool:
    """True when the municipality's districts are known as polygons (Köln)."""
    return _municipality(municipality_key) in POLYGON_MUNICIPALITIES


def _municipality(key: str) -> str:
    """A kreisfreie Stadt's 5-digit key as its one municipality; other keys unchanged."""
    key = (key or "").strip()
    if len(key) == 5:
        members = _tables().members.get(key, ())
        if len(members) == 1:
            return members[0]
    return key


def _check_key(key: object) -> str:
    from django.utils.translation import gettext as _

    text = str(key).strip() if key is not None else ""
    if not text.isdigit() or len(text) not in (5, 8):
        raise ValueError(
            _(
                "„%(key)s“ ist kein gültiger Gebietsschlüssel: erwartet werden 5 Ziffern "
                "(Kreis oder kreisfreie Stadt) oder 8 Ziffern (Gemeinde)."
            )
            % {"key": text}
        )
    if text not in _tables().names:
        raise ValueError(
            _("Der Gebietsschlüssel %(key)s ist in Nordrhein-Westfalen nicht bekannt.")
            % {"key": text}
        )
    return text


def describe_key(key: str) -> str:
    """German name of a key: "Kreis Soest", "Stadt Köln", "Werl"; ValueError when unknown."""
    return _tables().names[_check_key(key)]


def kind_of(key: str) -> str:
    """ "Kreis", "kreisfreie Stadt", "Stadt" or "Gemeinde"; ValueError when unknown."""
    return _tables().kinds[_check_key(key)]


def municipality_name(key: str) -> str:
    """Name of a municipality (8 digits), "" for an empty or unknown key (safe for display)."""
    return _tables().names.get((key or "").strip(), "") if len((key or "").strip()) == 8 else ""


@dataclass(frozen=True)
class Area:
    """A centre's area: Kreise, kreisfreie Städte and/or single municipalities."""

    keys: tuple[str, ...]
    name: str
    _kreise: frozenset[str] = field(repr=False, compare=False)
    _municipalities: frozenset[str] = field(repr=False, compare=False)

    def contains_municipality(self, key: str) -> bool:
        """Is the municipality (8-digit key, e.g. a school's Gemeindeschlüssel) in the area?"""
        key = (key or "").strip()
        if len(key) == 7 and key.isdigit():
            key = key.zfill(8)  # IT.NRW drops the leading zero
        return len(key) == 8 and (key in self._municipalities or key[:5] in self._kreise)

    def contains(self, location: Location) -> bool:
        """Is the location in the area?

        An undecided location counts only when every municipality its postcode reaches is in
        the area (then it does not matter which one it is).
        """
        if location.municipality_key:
            return self.contains_municipality(location.municipality_key)
        reached = candidates(location.postcode)
        return bool(reached) and all(self.contains_municipality(k) for k, _ in reached)

    def municipalities(self) -> list[tuple[str, str]]:
        """(key, name) of every municipality in the area, sorted by name."""
        tables = _tables()
        keys = set(self._municipalities)
        for kreis in self._kreise:
            keys.update(tables.members.get(kreis, ()))
        return sorted(((k, tables.names[k]) for k in keys), key=lambda kn: _sort_key(kn[1]))

    def postcodes(self) -> list[str]:
        """Every postcode that reaches into the area (also one shared with a neighbour)."""
        return sorted(
            postcode
            for postcode, rows in _tables().postcodes.items()
            if any(self.contains_municipality(r.municipality_key) for r in rows)
        )

    @property
    def has_polygons(self) -> bool:
        """True when the area is one municipality with district polygons (Köln)."""
        members = self.municipalities()
        return len(members) == 1 and members[0][0] in POLYGON_MUNICIPALITIES


def area(keys: Iterable[str]) -> Area:
    """Validate official keys and build the area; ValueError (German) names a bad key."""
    from django.utils.translation import gettext as _

    if isinstance(keys, str):
        keys = [keys]
    checked = tuple(dict.fromkeys(_check_key(k) for k in keys))
    if not checked:
        raise ValueError(_("Ein Gebiet braucht mindestens einen Gebietsschlüssel."))
    names = _tables().names
    return Area(
        keys=checked,
        name=", ".join(names[k] for k in checked),
        _kreise=frozenset(k for k in checked if len(k) == 5),
        _municipalities=frozenset(k for k in checked if len(k) == 8),
    )


def places(area: Area) -> list[str]:
    """Town (municipality) names of an area, sorted, e.g. for a filter."""
    return [name for _, name in area.municipalities()]


def districts(municipality_key: str) -> list[str]:
    """Stadtteil names of a municipality with polygons (Köln), by number; else empty."""
    if not has_polygons(municipality_key):
        return []
    from teilhabe.geo import koeln

    return [s.name for s in koeln.all_stadtteile()]


def boroughs(municipality_key: str) -> list[str]:
    """Stadtbezirk names of a municipality with polygons (Köln), by number; else empty."""
    if not has_polygons(municipality_key):
        return []
    from teilhabe.geo import koeln

    return [name for _, name in koeln.all_stadtbezirke()]


def _sort_key(name: str) -> str:
    """German alphabetical order: umlauts sort like their base letters."""
    return name.casefold().translate(str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}))

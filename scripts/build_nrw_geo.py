"""Build the NRW postcode and municipality tables that ``teilhabe.geo`` ships.

Why a script: the packaged files are derived from public data in ../shared, and anyone must
be able to re-create and check them:

    PYTHONPATH=src python scripts/build_nrw_geo.py /work/shared/data src/teilhabe/geo/data

Sources (see src/teilhabe/geo/data/PROVENANCE.md):

- GeoNames postcodes (CC-BY 4.0): delivery postcodes of NRW (``state_code`` NW) with place
  name, 5-digit Kreis key (``community_code``) and a point. Large-customer postcodes
  (``state_code`` 07, firm names as place) are left out: no family lives at one.
- MSB school directory 2021-09 and IT.NRW school list 2024/25 (dl-de/by-2-0): every school has
  PLZ, Ort and the 8-digit Gemeindeschlüssel, which gives postcode → municipality. IT.NRW also
  names all 396 municipalities ("Soest, Stadt", "Krfr. Stadt Köln").
- Köln: the packaged centroids (``koeln_plz_centroids.csv``) and Stadtteile, so Köln postcodes
  keep the coordinates and Stadtteil they had before.

A postcode gets one row per municipality it reaches: the municipalities of its schools plus the
one its GeoNames place names. When a postcode reaches several, ``aliases`` holds the place names
(school Orte, GeoNames places) that tell them apart.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path
from statistics import mean

GEONAMES = "plz/geonames_plz_de_2026-03.csv"
MSB = "nrw_schulen/schuldaten_nrw_2021-09.csv"
ITNRW = "nrw_schulen/as_bs_verzeichnis_2024-25_sozialindex_koordinaten_startchancen.csv"
KOELN_KEY = "05315000"

POSTCODE_COLUMNS = [
    "postcode",
    "place",
    "municipality_key",
    "kreis_key",
    "lat",
    "lon",
    "district_code",
    "district",
    "borough_code",
    "borough",
    "aliases",
]
AREA_COLUMNS = ["key", "name", "kind"]


def normalise(name: str) -> str:
    """Lower-case words without a bracketed suffix: "Stolberg (Rhld.)" → "stolberg"."""
    name = re.sub(r"\(.*?\)", " ", name.casefold().replace("ß", "ss"))
    return " ".join(re.findall(r"[^\W\d_]+", name))


def read_municipalities(itnrw: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """8-digit key → (name, kind) from IT.NRW's "Verwaltungsbezirk" column."""
    result: dict[str, tuple[str, str]] = {}
    for row in itnrw:
        key = row["Amtlicher Gemeindeschlüssel"].zfill(8)
        label = row["Verwaltungsbezirk"].strip()
        if label.startswith("Krfr. Stadt "):
            name, kind = label.removeprefix("Krfr. Stadt "), "Stadt"
        elif label.endswith(", Stadt"):
            name, kind = label.removesuffix(", Stadt"), "Stadt"
        else:
            name, kind = label, "Gemeinde"
        if result.setdefault(key, (name, kind)) != (name, kind):
            raise SystemExit(f"{key}: two names {result[key]} and {(name, kind)}")
    return result


def read_kreise(
    geonames: list[dict[str, str]], municipalities: dict[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """5-digit key → (name, kind); a key with only ``…000`` is a kreisfreie Stadt."""
    official: dict[str, str] = {}  # GeoNames' large-customer rows carry the full names
    for row in geonames:
        official.setdefault(row["community_code"], row["community"])
    members: dict[str, list[str]] = defaultdict(list)
    for key in municipalities:
        members[key[:5]].append(key)
    result: dict[str, tuple[str, str]] = {}
    for kreis, keys in sorted(members.items()):
        if keys == [kreis + "000"]:
            result[kreis] = (f"Stadt {municipalities[keys[0]][0]}", "kreisfreie Stadt")
            continue
        name = official.get(kreis, "")
        if not name or name.endswith(", Stadt") or name.startswith("Kreisfreie"):
            raise SystemExit(f"{kreis}: no Kreis name in GeoNames ({name!r})")
        if "kreis" not in name.casefold() and "region" not in name.casefold():
            name = f"Kreis {name}"
        result[kreis] = (name, "Kreis")
    return result


def read_schools(source: Path) -> dict[str, dict[str, set[str]]]:
    """postcode → municipality key → the school Orte seen there."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    lines = (source / MSB).read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("sep="):
        raise SystemExit(f"{MSB}: first line is not 'sep=;'")
    for row in csv.DictReader(lines[1:], delimiter=";"):
        seen[row["PLZ"].strip()][row["Gemeindeschluessel"].strip()].add(row["Ort"].strip())
    with open(source / ITNRW, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = row["Amtlicher Gemeindeschlüssel"].zfill(8)
            seen[row["Postleitzahl"].strip().zfill(5)][key].add(row["Ort"].strip())
    return seen


def match_municipality(
    place: str, kreis: str, municipalities: dict[str, tuple[str, str]]
) -> str | None:
    """The municipality of the Kreis whose name a GeoNames place starts with (longest wins)."""
    wanted = normalise(place)
    best: tuple[int, str] | None = None
    for key, (name, _kind) in municipalities.items():
        if not key.startswith(kreis):
            continue
        base = normalise(name)
        named = wanted == base or wanted.startswith(base + " ")
        if named and (best is None or len(base) > best[0]):
            best = (len(base), key)
    return best[1] if best else None


def koeln_rows(target: Path) -> list[dict[str, str]]:
    """Köln postcodes from the packaged centroids, with the Stadtteil of each centroid."""
    from teilhabe.geo import koeln

    rows = []
    with open(target / "koeln_plz_centroids.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat = row["poly1999_centroid_lat"] or row["geonames_lat"]
            lon = row["poly1999_centroid_lon"] or row["geonames_lon"]
            part = koeln.stadtteil_at(float(lat), float(lon))
            rows.append(
                {
                    "postcode": row["plz"],
                    "place": "Köln",
                    "municipality_key": KOELN_KEY,
                    "kreis_key": KOELN_KEY[:5],
                    "lat": lat,
                    "lon": lon,
                    "district_code": part.number if part else "",
                    "district": part.name if part else "",
                    "borough_code": part.bezirk_number if part else "",
                    "borough": part.bezirk_name if part else "",
                    "aliases": "",
                }
            )
    return rows


def build(source: Path, target: Path) -> tuple[int, int]:
    with open(source / GEONAMES, encoding="utf-8") as fh:
        geonames = [r for r in csv.DictReader(fh) if r["community_code"].startswith("05")]
    with open(source / ITNRW, encoding="utf-8") as fh:
        itnrw = list(csv.DictReader(fh))
    municipalities = read_municipalities(itnrw)
    kreise = read_kreise(geonames, municipalities)
    schools = read_schools(source)
    names = [normalise(n) for n, _ in municipalities.values()]
    if len(set(names)) != len(names):
        raise SystemExit("two municipalities share a name; place matching would be ambiguous")

    delivery: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in geonames:
        if row["state_code"] == "NW":
            delivery[row["zipcode"]].append(row)

    rows = koeln_rows(target)
    done = {r["postcode"] for r in rows}
    for postcode, places in sorted(delivery.items()):
        if postcode in done:
            continue
        kreis = places[0]["community_code"]
        by_key: dict[str, list[dict[str, str]]] = defaultdict(list)
        for place in places:
            key = match_municipality(place["place"], place["community_code"], municipalities)
            if key is None:
                keys = list(schools.get(postcode, {}))
                if len(keys) != 1:
                    raise SystemExit(f"{postcode} {place['place']}: no municipality found")
                key = keys[0]
            by_key[key].append(place)
        for key in schools.get(postcode, {}):
            if key not in municipalities:
                raise SystemExit(f"{postcode}: school key {key} is not an NRW municipality")
            by_key.setdefault(key, [])
        shared = len(by_key) > 1
        for key, own in sorted(by_key.items()):
            name = municipalities[key][0]
            points = own or places
            exact = [p for p in own if normalise(p["place"]) == normalise(name)]
            if exact:
                points = exact[:1]
            aliases: set[str] = set()
            if shared:
                aliases = {p["place"] for p in own} | schools.get(postcode, {}).get(key, set())
                aliases.discard(name)
            rows.append(
                {
                    "postcode": postcode,
                    "place": exact[0]["place"] if exact else (own[0]["place"] if own else name),
                    "municipality_key": key,
                    "kreis_key": key[:5],
                    "lat": f"{mean(float(p['latitude']) for p in points):.4f}",
                    "lon": f"{mean(float(p['longitude']) for p in points):.4f}",
                    "district_code": "",
                    "district": "",
                    "borough_code": "",
                    "borough": "",
                    "aliases": "|".join(sorted(aliases)),
                }
            )
            if key[:5] != kreis:
                print(f"note: {postcode} reaches {key} outside Kreis {kreis}", file=sys.stderr)

    rows.sort(key=lambda r: (r["postcode"], r["municipality_key"]))
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "nrw_postcodes.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, POSTCODE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    areas = [{"key": k, "name": n, "kind": kind} for k, (n, kind) in sorted(kreise.items())]
    areas += [
        {"key": k, "name": n, "kind": kind} for k, (n, kind) in sorted(municipalities.items())
    ]
    with open(target / "nrw_areas.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, AREA_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(areas)
    return len(rows), len(areas)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("target", type=Path, help="src/teilhabe/geo/data")
    args = parser.parse_args(argv)
    postcodes, areas = build(args.source, args.target)
    print(f"{postcodes} postcode rows, {areas} Kreise and municipalities")
    return 0


if __name__ == "__main__":
    sys.exit(main())

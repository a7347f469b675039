"""Seeded generator of placement instances from the real NRW school list 2024/25.

Schools, their forms and locations come from IT.NRW's school list (see
shared/data/PROVENANCE.md). Pupils are synthetic: they live around schools chosen with
weight pupils × (1 + 0.25 × (Sozialindex − 1)), since newcomers cluster where the social
index shows high burden. Free seats are spread over a random subset of schools in
proportion to their size, so that seats and pupils are about balanced per level. Same
seed, same instance.

Usage: python benchmarks/placement/generate.py koeln -o koeln.json [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

SCHOOL_CSV = Path(
    "/work/shared/data/nrw_schulen/"
    "as_bs_verzeichnis_2024-25_sozialindex_koordinaten_startchancen.csv"
)
KOELN_AGS = "5315000"
REGIONS: dict[str, dict[str, Any]] = {
    "koeln": {"ags": KOELN_AGS, "pupils": 3000},
    "nrw": {"ags": None, "pupils": 50000},
}
# the geocoder placed a few schools abroad; NRW lies well inside this box
NRW_BOX = (50.3, 52.6, 5.8, 9.5)
SECONDARY_FORMS = ("Hauptschule", "Realschule", "Gymnasium", "Gesamtschule", "Sekundarschule")
LEVEL_SHARE = {"primary": 0.45, "secondary": 0.42, "vocational": 0.13}
SCATTER_KM = {"primary": 1.2, "secondary": 2.5, "vocational": 4.0}
RECOMMENDATIONS = (
    (),
    ("Hauptschule", "Gesamtschule", "Sekundarschule"),
    ("Realschule", "Gesamtschule", "Sekundarschule"),
    ("Gymnasium", "Gesamtschule"),
)
REFERENCE_DATE = dt.date(2026, 11, 25)
POLICY = {
    "max_distance_km": {"primary": 3.0, "secondary": 8.0, "vocational": 15.0},
    "unplaced_penalty": 1000.0,
    "unplaced_penalty_per_waiting_day": 10.0,
    "sibling_split_penalty": 50.0,
}


def read_schools(ags: str | None, path: Path = SCHOOL_CSV) -> list[dict[str, Any]]:
    """Schools of one municipality (or all of NRW) with usable coordinates."""
    out = []
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if ags is not None and row["Amtlicher Gemeindeschlüssel"] != ags:
                continue
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError:
                continue
            lo_lat, hi_lat, lo_lon, hi_lon = NRW_BOX
            if not (lo_lat <= lat <= hi_lat and lo_lon <= lon <= hi_lon):
                continue
            social = row["Sozialindex"]
            name = " ".join(
                part
                for part in (row["Amtliche Bezeichnung 1"], row["Amtliche Bezeichnung 2"])
                if part
            )
            out.append(
                {
                    "id": row["Schulnummer"],
                    "name": name,
                    "form": row["Schulform"],
                    "lat": lat,
                    "lon": lon,
                    "pupils": max(int(float(row["Anzahl"] or 0)), 1),
                    "social": float(social) if social else 3.0,
                }
            )
    return out


def school_levels(form: str) -> list[tuple[str, tuple[int, int]]]:
    """Which offers (level, grade range) a school of this form can make."""
    if form == "Grundschule":
        return [("primary", (1, 4))]
    if form in SECONDARY_FORMS:
        return [("secondary", (5, 10))]
    if form in ("PRIMUS-Schule", "Volksschule"):
        return [("primary", (1, 4)), ("secondary", (5, 10))]
    if form == "Berufskolleg":
        return [("vocational", (11, 11))]
    return []


def _offset(rng: np.random.Generator, lat: float, lon: float, km: float) -> tuple[float, float]:
    dy, dx = rng.normal(0.0, km, size=2)
    return (
        round(lat + dy / 111.195, 6),
        round(lon + dx / (111.195 * np.cos(np.radians(lat))), 6),
    )


def generate(
    region: str = "koeln",
    seed: int = 1,
    pupils: int | None = None,
    seat_ratio: float = 1.0,
    horizon_days: int = 150,
) -> dict[str, Any]:
    """Build one instance document (deterministic for a given seed)."""
    spec = REGIONS[region]
    n = int(pupils if pupils is not None else spec["pupils"])
    rng = np.random.default_rng(seed)
    rows = read_schools(spec["ags"])
    rows.sort(key=lambda r: r["id"])
    weight = np.array([r["pupils"] * (1 + 0.25 * (r["social"] - 1)) for r in rows])
    weight = weight / weight.sum()

    # pupils: families around weighted anchor schools
    students: list[dict[str, Any]] = []
    family = 0
    levels = list(LEVEL_SHARE)
    level_p = np.array(list(LEVEL_SHARE.values()))
    while len(students) < n:
        size = int(rng.choice([1, 2, 3, 4], p=[0.72, 0.18, 0.08, 0.02]))
        size = min(size, n - len(students))
        anchor = rows[int(rng.choice(len(rows), p=weight))]
        base_level = levels[int(rng.choice(3, p=level_p))]
        lat, lon = _offset(rng, anchor["lat"], anchor["lon"], SCATTER_KM[base_level])
        registered = REFERENCE_DATE - dt.timedelta(days=int(rng.integers(0, horizon_days + 1)))
        group = None
        if size > 1:
            family += 1
            group = f"F-{family:05d}"
        for k in range(size):
            level = base_level if k == 0 or rng.random() < 0.6 else levels[int(rng.choice(3))]
            lo, hi = {"primary": (1, 4), "secondary": (5, 10), "vocational": (11, 11)}[level]
            if level == "primary":
                forms: tuple[str, ...] = () if rng.random() < 0.5 else ("Grundschule",)
            elif level == "secondary":
                forms = RECOMMENDATIONS[int(rng.choice(4, p=[0.3, 0.25, 0.25, 0.2]))]
            else:
                forms = ("Berufskolleg",)
            reg = registered
            if rng.random() < 0.2:
                reg = reg + dt.timedelta(days=int(rng.integers(0, 15)))
                reg = min(reg, REFERENCE_DATE)
            students.append(
                {
                    "id": f"S-{len(students) + 1:06d}",
                    "lat": lat,
                    "lon": lon,
                    "level": level,
                    "grade": int(rng.integers(lo, hi + 1)),
                    "school_forms": list(forms),
                    "registered_on": reg.isoformat(),
                    "sibling_group": group,
                    "excluded_schools": [],
                }
            )
    # a few pupils exclude a school (e.g. a conflict there): pick a random school id
    for p in students:
        if rng.random() < 0.02:
            p["excluded_schools"] = [rows[int(rng.integers(len(rows)))]["id"]]

    # seats: per level, spread over ~60 % of the schools offering that level
    demand = {lv: sum(1 for p in students if p["level"] == lv) for lv in LEVEL_SHARE}
    offers: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
    for lv in LEVEL_SHARE:
        cands = [
            (i, grades)
            for i, r in enumerate(rows)
            for lvl, grades in school_levels(r["form"])
            if lvl == lv
        ]
        if not cands:
            continue
        reporting = [c for c in cands if rng.random() < 0.6] or cands
        w = np.array([rows[i]["pupils"] for i, _ in reporting], dtype=float)
        seats = rng.multinomial(int(round(seat_ratio * demand[lv])), w / w.sum())
        suffix = {"primary": "P", "secondary": "S", "vocational": "B"}[lv]
        for (i, grades), s in zip(reporting, seats, strict=True):
            sid = rows[i]["id"]
            if lv == "secondary" and s >= 6 and rng.random() < 0.3:
                half = int(s) // 2
                offers[sid].append(
                    {"id": f"{sid}-{suffix}1", "level": lv, "grades": [5, 7], "seats": half}
                )
                offers[sid].append(
                    {
                        "id": f"{sid}-{suffix}2",
                        "level": lv,
                        "grades": [8, 10],
                        "seats": int(s) - half,
                    }
                )
            else:
                offers[sid].append(
                    {"id": f"{sid}-{suffix}", "level": lv, "grades": list(grades), "seats": int(s)}
                )
    schools = [
        {
            "id": r["id"],
            "name": r["name"],
            "school_form": r["form"],
            "lat": r["lat"],
            "lon": r["lon"],
            "offers": offers[r["id"]],
        }
        for r in rows
    ]
    return {
        "format": "teilhabe-placement/1",
        "reference_date": REFERENCE_DATE.isoformat(),
        "policy": POLICY,
        "schools": schools,
        "students": students,
    }


def main(argv: list[str] | None = None) -> int:
    """Write an instance to a file or stdout."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("region", choices=sorted(REGIONS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pupils", type=int, default=None)
    ap.add_argument("--seat-ratio", type=float, default=1.0)
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args(argv)
    doc = generate(args.region, seed=args.seed, pupils=args.pupils, seat_ratio=args.seat_ratio)
    text = json.dumps(doc, ensure_ascii=False)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Data for the map: schools with free seats by level, waiting children per Stadtteil."""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from django.db.models import Count
from django.urls import reverse

from teilhabe import geo
from teilhabe.centres.models import User
from teilhabe.core.privacy import SMALL_GROUP
from teilhabe.geo.koeln import DATA_DIR
from teilhabe.schulen.choices import SchoolLevel
from teilhabe.schulen.models import Offer
from teilhabe.schulen.seats import annotate_seats
from teilhabe.schulen.selectors.schools import area_schools
from teilhabe.seiteneinstieg.choices import WAITING_STATUSES
from teilhabe.seiteneinstieg.models import Child


def _allowed(user: User) -> bool:
    return user.centre_id is not None and user.has_perm("zuweisung.view_map")


def schools_with_free_seats(*, user: User) -> list[dict[str, Any]]:
    """Open schools of the area with at least one free seat, free seats per level."""
    if not _allowed(user):
        return []
    offers = annotate_seats(
        Offer.objects.filter(
            centre_id=user.centre_id,
            active=True,
            school__in=area_schools(centre=user.centre),
            school__lat__isnull=False,
        ).select_related("school")
    )
    schools: dict[int, dict[str, Any]] = {}
    for offer in offers:
        if offer.seats_free <= 0:
            continue
        school = offer.school
        entry = schools.setdefault(
            school.pk,
            {
                "id": school.schulnummer,
                "name": school.name,
                "school_form": school.school_form,
                "lat": school.lat,
                "lon": school.lon,
                "url": reverse("schulen:school_detail", kwargs={"pk": school.pk}),
                "free": {level: 0 for level in SchoolLevel.values},
            },
        )
        entry["free"][offer.level] += offer.seats_free
    return sorted(schools.values(), key=lambda s: s["name"])


def waiting_by_stadtteil(*, user: User) -> dict[str, int]:
    """Children of the centre who still wait for a seat, by the family's Stadtteil number.

    Users who may not see cases (the statistics role) get small-group protection: a
    Stadtteil with fewer than three waiting children counts as 0 here and is labelled
    "< 3" by ``waiting_label``, so that no single family can be picked out.
    """
    if not _allowed(user):
        return {}
    rows = (
        Child.objects.filter(centre_id=user.centre_id, status__in=WAITING_STATUSES)
        .values("family__stadtteil_number")
        .annotate(n=Count("id"))
    )
    counts = {r["family__stadtteil_number"]: r["n"] for r in rows}
    if not user.has_perm("seiteneinstieg.view_case"):
        counts = {nr: (n if n >= SMALL_GROUP else 0) for nr, n in counts.items()}
    return counts


def waiting_label(count: int, *, user: User) -> str:
    if count == 0 and not user.has_perm("seiteneinstieg.view_case"):
        return "< 3"
    return str(count)


@cache
def _stadtteile_geojson() -> dict[str, Any]:
    with open(DATA_DIR / "stadtteile.geojson", encoding="utf-8") as fh:
        return json.load(fh)


def _has_stadtteile(user: User) -> bool:
    """Only Köln has Stadtteil polygons; a centre elsewhere (a Kreis) gets none drawn."""
    return user.centre_id is not None and geo.area(user.centre.area_keys).contains_municipality(
        geo.KOELN_MUNICIPALITY_KEY
    )


def stadtteile_with_counts(*, user: User) -> dict[str, Any]:
    """The real Köln Stadtteile with ``waiting`` (children per Stadtteil) in the properties;
    no features for a centre outside Köln."""
    counts = waiting_by_stadtteil(user=user)
    base = _stadtteile_geojson()
    if not _has_stadtteile(user):
        return {"type": "FeatureCollection", "features": []}
    features = []
    for feature in base["features"]:
        props = dict(feature["properties"])
        props["waiting"] = counts.get(str(props["STT_NR"]), 0)
        props["waiting_label"] = waiting_label(props["waiting"], user=user)
        features.append({"type": "Feature", "properties": props, "geometry": feature["geometry"]})
    result = copy.copy(base)
    result["features"] = features
    return result


def stadtteil_table(*, user: User) -> list[dict[str, Any]]:
    """Stadtteile with waiting children, most first (the map's accessible table)."""
    counts = waiting_by_stadtteil(user=user)
    names = {
        str(f["properties"]["STT_NR"]): f["properties"]["STT_NAME"]
        for f in _stadtteile_geojson()["features"]
    }
    rows = [
        {
            "number": nr,
            "name": names.get(nr, nr),
            "waiting": n,
            "label": waiting_label(n, user=user),
        }
        for nr, n in counts.items()
        if n and nr  # families outside Köln have no Stadtteil number
    ]
    return sorted(rows, key=lambda r: (-r["waiting"], r["name"]))

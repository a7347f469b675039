"""What the Schulamt sees when reviewing a run: each child with the proposal, distance,
the engine's reasons in plain German, and the offers it could be moved to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from teilhabe.centres.models import User
from teilhabe.placement.geo import haversine_scalar
from teilhabe.schulen.models import Offer, School
from teilhabe.seiteneinstieg.models import Child
from teilhabe.zuweisung.exports import export_offers, student_id
from teilhabe.zuweisung.models import (
    Exclusion,
    Placement,
    PlacementRun,
    PlacementStatus,
)


def runs_for_user(*, user: User) -> QuerySet[PlacementRun]:
    if not user.has_perm("zuweisung.view_runs"):
        return PlacementRun.objects.none()
    return PlacementRun.objects.for_user(user).select_related("started_by", "child")


def run_detail(*, user: User, pk: int) -> PlacementRun:
    return get_object_or_404(runs_for_user(user=user), pk=pk)


@dataclass(frozen=True)
class Option:
    offer: Offer
    distance_km: float
    delta_km: float | None  # against the current proposal; None for a child without one


def _latest_assessment(child: Child) -> Any:
    return child.assessments.order_by("-assessed_at", "-id").first()


def compatible_offers(*, run: PlacementRun, child: Child, limit: int = 12) -> list[Option]:
    """Offers the child may take (level, grade, form, not excluded, within the area) that
    still have a seat in this draft, nearest first, with the change in kilometres."""
    assessment = _latest_assessment(child)
    if assessment is None:
        return []
    level = assessment.recommended_level
    grade = 11 if level == "vocational" else assessment.recommended_grade
    forms = set(assessment.recommended_school_forms or [])
    excluded = set(Exclusion.objects.filter(child=child).values_list("school_id", flat=True))
    drafts = list(
        Placement.objects.filter(run=run, status=PlacementStatus.DRAFT).values_list(
            "offer_id", "child_id"
        )
    )
    current = next((o for o, c in drafts if c == child.pk), None)
    in_run: dict[int, int] = {}
    for offer_pk, child_pk in drafts:
        if child_pk != child.pk:
            in_run[offer_pk] = in_run.get(offer_pk, 0) + 1
    current_km = None
    home = (child.family.lat, child.family.lon)
    options = []
    for offer in export_offers(centre=run.centre):
        if offer.level != level or not offer.grade_from <= grade <= offer.grade_to:
            continue
        if offer.school_id in excluded or (forms and offer.school.school_form not in forms):
            continue
        km = round(haversine_scalar(*home, offer.school.lat, offer.school.lon), 2)
        if offer.pk == current:
            current_km = km
        if offer.seats_free - in_run.get(offer.pk, 0) <= 0:
            continue
        options.append((offer, km))
    options.sort(key=lambda item: item[1])
    return [
        Option(
            offer=o,
            distance_km=km,
            delta_km=None if current_km is None else round(km - current_km, 2),
        )
        for o, km in options[:limit]
        if o.pk != current
    ]


REASONS = {
    "excluded": _("für das Kind ausgeschlossen"),
    "wrong_grade": _("nimmt diese Klasse nicht auf"),
    "wrong_form": _("Schulform nicht empfohlen"),
    "out_of_reach": _("zu weit entfernt"),
    "no_seats": _("meldet keine freien Plätze"),
    "full": _("alle Plätze an andere Kinder vergeben"),
    "free": _("hat einen freien Platz"),
    "assigned": _("vorgeschlagen"),
}


def _offer_line(row: dict[str, Any]) -> str:
    return _("%(school)s (%(km)s km): %(why)s") % {
        "school": row["school_name"],
        "km": f"{row['distance_km']:.1f}".replace(".", ","),
        "why": REASONS.get(row["status"], row["status"]),
    }


def explain_in_german(info: dict[str, Any]) -> list[str]:
    """The engine's structured explanation as short German sentences for the review."""
    if not info:
        return []
    lines: list[str] = []
    if info.get("outcome") == "placed":
        nearer = info.get("nearer_offers") or []
        lines.append(
            _("Vorgeschlagen: %(school)s, %(km)s km vom Wohnort.")
            % {
                "school": info["school_name"],
                "km": f"{info['distance_km']:.1f}".replace(".", ","),
            }
        )
        if not nearer:
            lines.append(_("Das ist das nächste passende Angebot dieser Stufe."))
        else:
            lines.append(_("Näher gelegene Angebote dieser Stufe:"))
            lines.extend(_offer_line(row) for row in nearer[:4])
        if info.get("note"):
            lines.append(
                _(
                    "Ein näheres Angebot hätte einen freien Platz: die Berechnung hält "
                    "Geschwister zusammen oder verteilt die Plätze so, dass die Wege insgesamt "
                    "am kürzesten sind."
                )
            )
        siblings = info.get("siblings") or []
        if siblings:
            together = sum(1 for s in siblings if s["school"] == info["school"])
            lines.append(
                _("Geschwister: %(same)s an derselben Schule, %(other)s an einer anderen.")
                % {"same": together, "other": len(siblings) - together}
            )
    else:
        if info.get("reason") == "capacity":
            lines.append(
                _(
                    "Kein Platz: passende Angebote in Reichweite gibt es, ihre Plätze gingen an "
                    "Kinder, die länger warten oder näher wohnen."
                )
            )
        else:
            lines.append(
                _(
                    "Kein Platz in Reichweite (bis %(km)s km): kein passendes Angebot mit "
                    "freien Plätzen ist nah genug."
                )
                % {"km": f"{info.get('reach_km', 0):g}"}
            )
        nearest = info.get("nearest_compatible_offers") or []
        if nearest:
            lines.append(_("Nächste passende Angebote:"))
            lines.extend(_offer_line(row) for row in nearest)
    return lines


@dataclass
class ReviewRow:
    child: Child
    placement: Placement | None
    explanation: list[str]
    map: dict[str, Any] | None = None


def mini_map(
    home: tuple[float, float], school: tuple[float, float], others: list[tuple[float, float]]
) -> dict[str, Any]:
    """Home, the proposed school and nearer schools in a 200 × 110 box (equirectangular;
    fine at city scale), with a scale bar — drawn as SVG, no tiles, nothing leaves the site."""
    import math

    points = [home, school, *others]
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    kx = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * kx, 1e-4)
    span_y = max(max(lats) - min(lats), 1e-4)
    scale = min(170 / span_x, 80 / span_y)
    cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2

    def xy(p: tuple[float, float]) -> tuple[float, float]:
        return round(100 + (p[1] - cx) * kx * scale, 1), round(55 - (p[0] - cy) * scale, 1)

    km_per_px = 111.32 / scale
    bar_km = next((k for k in (0.5, 1, 2, 5, 10, 20, 50) if k / km_per_px >= 25), 50)
    return {
        "home": xy(home),
        "school": xy(school),
        "others": [xy(o) for o in others[:6]],
        "bar_px": round(bar_km / km_per_px, 1),
        "bar_km": f"{bar_km:g}".replace(".", ","),
    }


def review_rows(*, run: PlacementRun) -> list[ReviewRow]:
    """Every child of the run: proposed ones first (by school), then those without a seat."""
    placements = list(
        Placement.objects.filter(run=run)
        .exclude(status=PlacementStatus.DISCARDED)
        .select_related("child__family", "offer__school")
        .order_by("offer__school__name", "child__last_name")
    )
    schools = {
        s.schulnummer: (s.lat, s.lon)
        for s in School.objects.filter(
            schulnummer__in={
                row["school"]
                for p in placements
                for row in (p.explanation or {}).get("nearer_offers", [])[:6]
            }
        )
    }
    rows = []
    for p in placements:
        box = None
        if p.offer.school.lat is not None and p.child.family.lat is not None:
            nearer = [
                schools[r["school"]]
                for r in (p.explanation or {}).get("nearer_offers", [])[:6]
                if r["school"] in schools
            ]
            box = mini_map(
                (p.child.family.lat, p.child.family.lon),
                (p.offer.school.lat, p.offer.school.lon),
                nearer,
            )
        rows.append(ReviewRow(p.child, p, explain_in_german(p.explanation), box))
    placed = {p.child_id for p in placements}
    unplaced = (run.answer or {}).get("unplaced_explanations", {})
    ids = [int(sid.split("-", 1)[1]) for sid in unplaced]
    children = Child.objects.filter(pk__in=ids, centre=run.centre).select_related("family")
    for child in sorted(children, key=lambda c: (c.last_name, c.first_name)):
        if child.pk not in placed:
            rows.append(ReviewRow(child, None, explain_in_german(unplaced[student_id(child)])))
    return rows

"""The centre's current placement problem in the exchange format ``teilhabe-placement/1``.

Children "ready for placement" with their latest assessment, and every offer with free
seats at an open school of the area. Ids are stable so that an answer computed elsewhere
can be read back: students ``S-<child id>``, schools by Schulnummer, offers
``<Schulnummer>-<offer id>``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from teilhabe.centres.models import Centre
from teilhabe.schulen.choices import SchoolLevel
from teilhabe.schulen.models import Offer
from teilhabe.schulen.seats import annotate_seats
from teilhabe.schulen.selectors.schools import area_schools
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Assessment, Child
from teilhabe.zuweisung.models import Placement, PlacementStatus

FORMAT = "teilhabe-placement/1"
DEFAULT_POLICY: dict[str, Any] = {
    "max_distance_km": {"primary": 3.0, "secondary": 8.0, "vocational": 15.0},
    "unplaced_penalty": 1000.0,
    "unplaced_penalty_per_waiting_day": 10.0,
    "sibling_split_penalty": 50.0,
}


def student_id(child: Child) -> str:
    return f"S-{child.pk}"


def offer_id(offer: Offer) -> str:
    return f"{offer.school.schulnummer}-{offer.pk}"


def export_offers(*, centre: Centre) -> list[Offer]:
    """Active offers of the centre with free seats at open schools of its area that have
    coordinates (a school without a location cannot be reached by distance)."""
    offers = (
        Offer.objects.filter(
            centre=centre,
            active=True,
            school__in=area_schools(centre=centre),
            school__lat__isnull=False,
            school__lon__isnull=False,
        )
        .select_related("school")
        .order_by("school__schulnummer", "pk")
    )
    return [o for o in annotate_seats(offers) if o.seats_free > 0]


def ready_children(*, centre: Centre) -> list[Child]:
    latest = Assessment.objects.order_by("-assessed_at", "-id")
    return list(
        Child.objects.filter(centre=centre, status=Status.READY)
        .select_related("family")
        .prefetch_related(
            Prefetch("assessments", queryset=latest, to_attr="assessments_latest"),
            Prefetch(
                "placements",
                queryset=Placement.objects.filter(status=PlacementStatus.DECLINED).select_related(
                    "offer__school"
                ),
                to_attr="declined",
            ),
        )
        .order_by("registered_at", "pk")
    )


def build_instance(
    *, centre: Centre, reference_date: dt.date | None = None, policy: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON document of the centre's problem today."""
    reference_date = reference_date or timezone.localdate()
    offers = export_offers(centre=centre)
    schools: dict[str, dict[str, Any]] = {}
    for offer in offers:
        school = offer.school
        entry = schools.setdefault(
            school.schulnummer,
            {
                "id": school.schulnummer,
                "name": school.name,
                "school_form": school.school_form,
                "lat": school.lat,
                "lon": school.lon,
                "offers": [],
            },
        )
        entry["offers"].append(
            {
                "id": offer_id(offer),
                "level": offer.level,
                "grades": [offer.grade_from, offer.grade_to],
                "seats": offer.seats_free,
            }
        )

    children = [c for c in ready_children(centre=centre) if c.assessments_latest]
    per_family_level = Counter(
        (c.family_id, c.assessments_latest[0].recommended_level) for c in children
    )
    students = []
    for child in children:
        assessment = child.assessments_latest[0]
        level = assessment.recommended_level
        grade = 11 if level == SchoolLevel.VOCATIONAL else assessment.recommended_grade
        sibling = per_family_level[(child.family_id, level)] >= 2
        excluded = sorted({p.offer.school.schulnummer for p in child.declined} & set(schools))
        students.append(
            {
                "id": student_id(child),
                "lat": child.family.lat,
                "lon": child.family.lon,
                "level": level,
                "grade": grade,
                "school_forms": list(assessment.recommended_school_forms or []),
                "registered_on": timezone.localtime(child.registered_at).date().isoformat(),
                "sibling_group": child.family.reference if sibling else None,
                "excluded_schools": excluded,
            }
        )
    return {
        "format": FORMAT,
        "reference_date": reference_date.isoformat(),
        "policy": policy or DEFAULT_POLICY,
        "schools": list(schools.values()),
        "students": students,
    }

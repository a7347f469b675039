"""The centre's current placement problem in the exchange format ``teilhabe-placement/1``.

Children "ready for placement" with their latest assessment, and every offer with free
seats at an open school of the area. Ids are stable so that an answer computed elsewhere
can be read back: students ``S-<child id>``, schools by Schulnummer, offers
``<Schulnummer>-<offer id>``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
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
from teilhabe.zuweisung.models import ACTIVE_PLACEMENT_STATUSES, Exclusion, PlacementStatus

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


def export_offers(*, centre: Centre, held: Mapping[int, int] | None = None) -> list[Offer]:
    """Active offers of the centre with free seats at open schools of its area that have
    coordinates (a school without a location cannot be reached by distance).

    Free means: not taken (accepted), not reserved by a proposal waiting for the school's
    answer, and not ``held`` by a locked draft proposal of the run being computed.
    """
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
    held = held or {}
    result = []
    for offer in annotate_seats(offers):
        offer.seats_free = max(0, offer.seats_free - offer.seats_reserved - held.get(offer.pk, 0))
        if offer.seats_free > 0:
            result.append(offer)
    return result


def ready_children(*, centre: Centre, only: Iterable[int] | None = None) -> list[Child]:
    """READY children without a proposal beyond a draft (a new run replaces drafts)."""
    latest = Assessment.objects.order_by("-assessed_at", "-id")
    children = Child.objects.filter(centre=centre, status=Status.READY).exclude(
        placements__status__in=[s for s in ACTIVE_PLACEMENT_STATUSES if s != PlacementStatus.DRAFT]
    )
    if only is not None:
        children = children.filter(pk__in=list(only))
    return list(
        children.select_related("family")
        .prefetch_related(
            Prefetch("assessments", queryset=latest, to_attr="assessments_latest"),
            Prefetch(
                "school_exclusions",
                queryset=Exclusion.objects.select_related("school"),
                to_attr="exclusions",
            ),
        )
        .order_by("registered_at", "pk")
    )


def build_instance(
    *,
    centre: Centre,
    reference_date: dt.date | None = None,
    policy: dict[str, Any] | None = None,
    held: Mapping[int, int] | None = None,
    skip_children: Iterable[int] = (),
    only_children: Iterable[int] | None = None,
) -> dict[str, Any]:
    """The JSON document of the centre's problem today.

    ``held``: seats per offer kept by locked draft proposals; ``skip_children``: children
    whose locked proposal stays; ``only_children``: a run for some children only.
    """
    reference_date = reference_date or timezone.localdate()
    offers = export_offers(centre=centre, held=held)
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

    skip = set(skip_children)
    children = [
        c
        for c in ready_children(centre=centre, only=only_children)
        if c.assessments_latest and c.pk not in skip
    ]
    per_family_level = Counter(
        (c.family_id, c.assessments_latest[0].recommended_level) for c in children
    )
    students = []
    for child in children:
        assessment = child.assessments_latest[0]
        level = assessment.recommended_level
        grade = 11 if level == SchoolLevel.VOCATIONAL else assessment.recommended_grade
        sibling = per_family_level[(child.family_id, level)] >= 2
        excluded = sorted({e.school.schulnummer for e in child.exclusions} & set(schools))
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

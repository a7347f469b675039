"""Independent check of an answer: validity and cost, recomputed from the instance.

Deliberately shares no code with the solvers (plain Python, scalar haversine, the rules
read straight from the format README), so tests and benchmarks do not trust the solver's
own bookkeeping.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from teilhabe.placement.geo import haversine_scalar
from teilhabe.placement.model import Instance


@dataclass(slots=True)
class Evaluation:
    """Recomputed cost and any rule violations of an answer."""

    cost: float
    placed: int
    unplaced: int
    distance_km: float
    sibling_splits: int
    errors: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True if the answer breaks no rule."""
        return not self.errors


def may_take(instance: Instance, student_id: str, offer_id: str) -> tuple[bool, float]:
    """Whether the pupil may take a seat of the offer (capacity aside), and the distance."""
    student = next(p for p in instance.students if p.id == student_id)
    offer = next(o for o in instance.offers if o.id == offer_id)
    school = next(s for s in instance.schools if s.id == offer.school)
    dist = haversine_scalar(student.lat, student.lon, school.lat, school.lon)
    ok = (
        offer.level == student.level
        and offer.grades[0] <= student.grade <= offer.grades[1]
        and (not student.school_forms or school.school_form in student.school_forms)
        and school.id not in student.excluded_schools
        and dist <= instance.policy.max_distance_km[student.level]
    )
    return ok, dist


def evaluate(instance: Instance, answer: dict[str, Any]) -> Evaluation:
    """Check an answer document against the instance and recompute its cost."""
    errors: list[str] = []
    students = {p.id: p for p in instance.students}
    offers = {o.id: o for o in instance.offers}
    schools = {s.id: s for s in instance.schools}
    seen: Counter[str] = Counter()
    load: Counter[str] = Counter()
    total = 0.0
    dist_sum = 0.0
    family_schools: dict[str, set[str]] = {}
    for a in answer.get("assignments", []):
        sid, oid = a.get("student"), a.get("offer")
        seen[sid] += 1
        if sid not in students:
            errors.append(f"assignment of unknown student {sid}")
            continue
        if oid not in offers:
            errors.append(f"student {sid}: unknown offer {oid}")
            continue
        offer = offers[oid]
        if a.get("school") != offer.school:
            errors.append(f"student {sid}: offer {oid} is not at school {a.get('school')}")
        ok, dist = may_take(instance, sid, oid)
        if not ok:
            errors.append(f"student {sid} may not take a seat of offer {oid}")
        load[oid] += 1
        dist_sum += dist
        total += dist
        group = students[sid].sibling_group
        if group is not None:
            family_schools.setdefault(group, set()).add(schools[offer.school].id)
    for u in answer.get("unplaced", []):
        sid = u.get("student")
        seen[sid] += 1
        if sid not in students:
            errors.append(f"unknown unplaced student {sid}")
            continue
        total += instance.unplaced_cost(students[sid])
        if u.get("reason") not in ("no_seat_in_reach", "capacity"):
            errors.append(f"student {sid}: unknown reason {u.get('reason')!r}")
    for sid in students:
        if seen[sid] != 1:
            errors.append(f"student {sid} appears {seen[sid]} times")
    for oid, count in load.items():
        if count > offers[oid].seats:
            errors.append(f"offer {oid}: {count} pupils for {offers[oid].seats} seats")
    splits = sum(max(len(s) - 1, 0) for s in family_schools.values())
    total += instance.policy.sibling_split_penalty * splits
    placed = len(answer.get("assignments", []))
    return Evaluation(
        cost=total,
        placed=placed,
        unplaced=len(answer.get("unplaced", [])),
        distance_km=dist_sum,
        sibling_splits=splits,
        errors=errors,
    )

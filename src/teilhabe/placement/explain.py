"""Why did this pupil get this school, or no seat? Structured for counsellors.

The explanation only uses the instance and the answer: every offer of the pupil's level
is classified by the first rule that rules it out (excluded, wrong grade, wrong school
form, out of reach, no seats at all, full), so that a counsellor can check each claim.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from teilhabe.placement.geo import haversine_km
from teilhabe.placement.problem import CAPACITY, NO_SEAT_IN_REACH, Problem

MAX_LISTED = 8


def _classify(prob: Problem, p: int, o: int, dist: float, load: NDArray) -> str:
    inst = prob.instance
    student = inst.students[p]
    offer = inst.offers[o]
    school = inst.schools[int(prob.offer_school[o])]
    if school.id in student.excluded_schools:
        return "excluded"
    if not offer.grades[0] <= student.grade <= offer.grades[1]:
        return "wrong_grade"
    if student.school_forms and school.school_form not in student.school_forms:
        return "wrong_form"
    if dist > inst.policy.max_distance_km[student.level]:
        return "out_of_reach"
    if offer.seats == 0:
        return "no_seats"
    if load[o] >= offer.seats:
        return "full"
    return "free"


def explain(prob: Problem, assign: NDArray, student_id: str) -> dict[str, Any]:
    """A structured explanation of one pupil's outcome (raises KeyError if unknown)."""
    inst = prob.instance
    index = {s.id: i for i, s in enumerate(inst.students)}
    if student_id not in index:
        raise KeyError(f"student {student_id}: not in the instance")
    p = index[student_id]
    student = inst.students[p]
    reach = inst.policy.max_distance_km[student.level]
    load = np.bincount(assign[assign >= 0], minlength=prob.m)
    same_level = [o for o, offer in enumerate(inst.offers) if offer.level == student.level]
    schools = prob.offer_school[np.asarray(same_level, dtype=np.int64)]
    lat = np.array([inst.schools[s].lat for s in schools])
    lon = np.array([inst.schools[s].lon for s in schools])
    dist = haversine_km(student.lat, student.lon, lat, lon) if same_level else np.empty(0)
    order = np.argsort(dist, kind="stable")
    cur = int(assign[p])
    rows = []
    for j in order:
        o = same_level[int(j)]
        offer = inst.offers[o]
        school = inst.schools[int(prob.offer_school[o])]
        status = "assigned" if o == cur else _classify(prob, p, o, float(dist[j]), load)
        rows.append(
            {
                "offer": offer.id,
                "school": school.id,
                "school_name": school.name,
                "school_form": school.school_form,
                "grades": list(offer.grades),
                "seats": offer.seats,
                "distance_km": round(float(dist[j]), 3),
                "status": status,
            }
        )
    family = []
    if student.sibling_group is not None:
        for q, other in enumerate(inst.students):
            if other.sibling_group == student.sibling_group and q != p:
                o = int(assign[q])
                family.append(
                    {
                        "student": other.id,
                        "level": other.level,
                        "school": inst.offers[o].school if o >= 0 else None,
                    }
                )
    result: dict[str, Any] = {
        "student": student.id,
        "level": student.level,
        "grade": student.grade,
        "school_forms": list(student.school_forms),
        "excluded_schools": sorted(student.excluded_schools),
        "reach_km": reach,
        "waiting_days": inst.waiting_days(student),
        "siblings": family,
    }
    if cur >= 0:
        mine = next(r for r in rows if r["status"] == "assigned")
        nearer = rows[: rows.index(mine)]  # rows are sorted by distance
        result.update(
            outcome="placed",
            school=mine["school"],
            school_name=mine["school_name"],
            offer=mine["offer"],
            distance_km=mine["distance_km"],
            nearer_offers=nearer[:MAX_LISTED],
            nearer_offers_total=len(nearer),
        )
        if any(r["status"] == "free" for r in nearer):
            result["note"] = (
                "a nearer admissible offer has a free seat: the solver kept the pupil "
                "with siblings (sibling split penalty) or it was chosen for overall cost"
            )
    else:
        compatible = [r for r in rows if r["status"] in ("full", "free")]
        in_reach_any = [r for r in rows if r["status"] in ("full", "free", "no_seats")]
        reason = CAPACITY if compatible else NO_SEAT_IN_REACH
        blocked = [r for r in rows if r["status"] not in ("full", "free", "no_seats", "assigned")]
        nearest_compatible = [
            r
            for r in rows
            if r["status"] in ("full", "free", "out_of_reach", "no_seats") and _fits(prob, p, r)
        ]
        listed = {r["offer"] for r in nearest_compatible[:3]}
        result.update(
            outcome="unplaced",
            reason=reason,
            offers_in_reach=in_reach_any[:MAX_LISTED],
            nearest_compatible_offers=nearest_compatible[:3],
            other_offers=[r for r in blocked if r["offer"] not in listed][:MAX_LISTED],
        )
    return result


def _fits(prob: Problem, p: int, row: dict[str, Any]) -> bool:
    """Level, grade, form and exclusion fit (distance and seats aside)."""
    student = prob.instance.students[p]
    if row["school"] in student.excluded_schools:
        return False
    if not row["grades"][0] <= student.grade <= row["grades"][1]:
        return False
    return not student.school_forms or row["school_form"] in student.school_forms


_STATUS_TEXT = {
    "assigned": "assigned",
    "full": "full (all seats given to others)",
    "free": "has a free seat",
    "excluded": "excluded for this pupil",
    "wrong_grade": "does not take this grade",
    "wrong_form": "school form not recommended",
    "out_of_reach": "beyond the reach",
    "no_seats": "reports no free seats",
}


def _line(r: dict[str, Any]) -> str:
    return (
        f"  {r['distance_km']:7.2f} km  {r['school']} {r['school_name']} "
        f"({r['school_form']}, offer {r['offer']}, grades {r['grades'][0]}–{r['grades'][1]}, "
        f"{r['seats']} seats): {_STATUS_TEXT[r['status']]}"
    )


def explain_text(info: dict[str, Any]) -> str:
    """Human-readable rendering of :func:`explain`."""
    forms = ", ".join(info["school_forms"]) or "any"
    out = [
        f"Student {info['student']}: {info['level']}, grade {info['grade']}, "
        f"recommended forms: {forms}, reach {info['reach_km']:g} km, "
        f"waiting {info['waiting_days']} days."
    ]
    if info["excluded_schools"]:
        out.append(f"Excluded schools: {', '.join(info['excluded_schools'])}.")
    if info["outcome"] == "placed":
        out.append(
            f"Placed at {info['school']} {info['school_name']} (offer {info['offer']}), "
            f"{info['distance_km']:.2f} km."
        )
        if info["nearer_offers"]:
            out.append(f"Nearer offers of this level ({info['nearer_offers_total']}):")
            out.extend(_line(r) for r in info["nearer_offers"])
        else:
            out.append("This is the nearest offer of the pupil's level.")
        if "note" in info:
            out.append(f"Note: {info['note']}.")
    else:
        if info["reason"] == NO_SEAT_IN_REACH:
            out.append("No seat: no offer within reach that the pupil may take has any seats.")
        else:
            out.append("No seat: offers within reach exist, but their seats went to others.")
        if info["offers_in_reach"]:
            out.append("Admissible offers within reach:")
            out.extend(_line(r) for r in info["offers_in_reach"])
        if info["nearest_compatible_offers"]:
            out.append("Nearest offers that fit level, grade, form and exclusions:")
            out.extend(_line(r) for r in info["nearest_compatible_offers"])
        if info["other_offers"]:
            out.append("Other offers of this level, nearest first:")
            out.extend(_line(r) for r in info["other_offers"])
    if info["siblings"]:
        sib = ", ".join(f"{s['student']} → {s['school'] or 'no seat'}" for s in info["siblings"])
        out.append(f"Siblings: {sib}.")
    return "\n".join(out)

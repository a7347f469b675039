"""Hypothesis strategies for small random placement instances (shared by the tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

LEVEL_GRADES = {"primary": (1, 4), "secondary": (5, 10), "vocational": (11, 11)}
FORMS = ("Grundschule", "Gesamtschule", "Gymnasium", "Berufskolleg")
CENTER = (50.94, 6.96)


@st.composite
def instances(draw: Any, max_students: int = 14, max_schools: int = 5) -> dict[str, Any]:
    """A valid instance document with a few schools and pupils around Köln."""
    n_schools = draw(st.integers(1, max_schools))
    schools = []
    offer_no = 0
    for i in range(n_schools):
        offers = []
        for _ in range(draw(st.integers(0, 2))):
            level = draw(st.sampled_from(sorted(LEVEL_GRADES)))
            lo, hi = LEVEL_GRADES[level]
            a = draw(st.integers(lo, hi))
            b = draw(st.integers(a, hi))
            offer_no += 1
            offers.append(
                {
                    "id": f"O{offer_no}",
                    "level": level,
                    "grades": [a, b],
                    "seats": draw(st.integers(0, 4)),
                }
            )
        schools.append(
            {
                "id": f"SCH{i}",
                "name": f"School {i}",
                "school_form": draw(st.sampled_from(FORMS)),
                "lat": CENTER[0] + draw(st.floats(-0.05, 0.05)),
                "lon": CENTER[1] + draw(st.floats(-0.08, 0.08)),
                "offers": offers,
            }
        )
    students = []
    for j in range(draw(st.integers(1, max_students))):
        level = draw(st.sampled_from(sorted(LEVEL_GRADES)))
        lo, hi = LEVEL_GRADES[level]
        family = draw(st.sampled_from([None, None, "F1", "F2", "F3"]))
        students.append(
            {
                "id": f"S{j:03d}",
                "lat": CENTER[0] + draw(st.floats(-0.05, 0.05)),
                "lon": CENTER[1] + draw(st.floats(-0.08, 0.08)),
                "level": level,
                "grade": draw(st.integers(lo, hi)),
                "school_forms": draw(st.lists(st.sampled_from(FORMS), max_size=2, unique=True)),
                "registered_on": (
                    dt.date(2026, 11, 25) - dt.timedelta(days=draw(st.integers(-5, 120)))
                ).isoformat(),
                "sibling_group": family,
                "excluded_schools": draw(
                    st.lists(st.sampled_from([s["id"] for s in schools]), max_size=1)
                ),
            }
        )
    return {
        "format": "teilhabe-placement/1",
        "reference_date": "2026-11-25",
        "policy": {
            "max_distance_km": {"primary": 3.0, "secondary": 8.0, "vocational": 15.0},
            "unplaced_penalty": 1000.0,
            "unplaced_penalty_per_waiting_day": 10.0,
            "sibling_split_penalty": 50.0,
        },
        "schools": schools,
        "students": students,
    }

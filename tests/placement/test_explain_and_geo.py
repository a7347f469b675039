"""Explanations for counsellors, distances and candidate edges."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from placement_strategies import instances

from teilhabe.cli import main as teilhabe_main
from teilhabe.placement import explain, explain_text, load_instance, parse_instance, solve
from teilhabe.placement.cost import may_take
from teilhabe.placement.geo import EARTH_RADIUS_KM, haversine_km, haversine_scalar, pairs_within
from teilhabe.placement.problem import compile_problem

EXAMPLE = Path("/work/shared/formats/placement/example-instance.json")
needs_example = pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example missing")


def test_haversine_known_values():
    # a quarter of a great circle
    assert haversine_scalar(0.0, 0.0, 0.0, 90.0) == pytest.approx(np.pi / 2 * EARTH_RADIUS_KM)
    # Köln Dom to Düsseldorf Rathaus, about 34 km
    d = float(haversine_km(50.9413, 6.9583, 51.2277, 6.7735))
    assert 33.5 < d < 35.0
    assert d == pytest.approx(haversine_scalar(50.9413, 6.9583, 51.2277, 6.7735), abs=1e-9)


@pytest.mark.parametrize("km", [0.0, 0.5, 3.0, 25.0, 500.0, 30000.0])
def test_pairs_within_matches_brute_force(km):
    rng = np.random.default_rng(int(km * 10) + 1)
    a_lat, a_lon = rng.uniform(50.8, 51.1, 300), rng.uniform(6.8, 7.2, 300)
    b_lat, b_lon = rng.uniform(50.8, 51.1, 40), rng.uniform(6.8, 7.2, 40)
    b_lat[:3], b_lon[:3] = a_lat[:3], a_lon[:3]  # coincident points
    i, j, d = pairs_within(a_lat, a_lon, b_lat, b_lon, km)
    full = haversine_km(a_lat[:, None], a_lon[:, None], b_lat[None, :], b_lon[None, :])
    want = set(zip(*np.nonzero(full <= km), strict=True))
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == {(int(x), int(y)) for x, y in want}
    assert np.allclose(d, full[i, j])


@settings(max_examples=40, deadline=None)
@given(instances(max_students=10))
def test_edges_are_exactly_the_admissible_pairs_with_seats(doc):
    inst = parse_instance(doc)
    prob = compile_problem(inst)
    built = {(int(p), int(o)) for p, o in zip(prob.ep, prob.eo, strict=True)}
    brute = {
        (i, j)
        for i, p in enumerate(inst.students)
        for j, o in enumerate(inst.offers)
        if o.seats > 0 and may_take(inst, p.id, o.id)[0]
    }
    assert built == brute


@needs_example
def test_explain_placed_pupil():
    inst = load_instance(EXAMPLE)
    answer = solve(inst)
    placed = answer["assignments"][0]
    info = explain(inst, answer, placed["student"])
    assert info["outcome"] == "placed"
    assert info["school"] == placed["school"]
    assert info["distance_km"] == pytest.approx(placed["distance_km"], abs=1e-3)
    for row in info["nearer_offers"]:
        assert row["distance_km"] <= info["distance_km"]
        assert row["status"] in {
            "full",
            "excluded",
            "wrong_form",
            "wrong_grade",
            "out_of_reach",
            "no_seats",
            "free",
        }
    assert "Placed at" in explain_text(info)


@needs_example
def test_explain_unplaced_pupil_out_of_reach():
    inst = load_instance(EXAMPLE)
    answer = solve(inst)
    info = explain(inst, answer, "S-000002")
    assert info["outcome"] == "unplaced"
    assert info["reason"] == "no_seat_in_reach"
    assert info["offers_in_reach"] == []
    nearest = info["nearest_compatible_offers"]
    assert nearest and all(r["status"] == "out_of_reach" for r in nearest)
    assert nearest == sorted(nearest, key=lambda r: r["distance_km"])
    assert "no offer within reach" in explain_text(info)


def test_explain_capacity_lists_the_full_offer():
    doc = {
        "format": "teilhabe-placement/1",
        "reference_date": "2026-11-25",
        "policy": {
            "max_distance_km": {"primary": 3.0, "secondary": 8.0, "vocational": 15.0},
            "unplaced_penalty": 1000.0,
            "unplaced_penalty_per_waiting_day": 10.0,
            "sibling_split_penalty": 50.0,
        },
        "schools": [
            {
                "id": "A",
                "name": "Near",
                "school_form": "Grundschule",
                "lat": 50.94,
                "lon": 6.96,
                "offers": [{"id": "A-P", "level": "primary", "grades": [1, 4], "seats": 1}],
            },
            {
                "id": "B",
                "name": "Wrong form",
                "school_form": "Gymnasium",
                "lat": 50.941,
                "lon": 6.962,
                "offers": [{"id": "B-P", "level": "primary", "grades": [1, 4], "seats": 5}],
            },
        ],
        "students": [
            {
                "id": id_,
                "lat": 50.9405,
                "lon": 6.9605,
                "level": "primary",
                "grade": 2,
                "school_forms": ["Grundschule"],
                "registered_on": day,
                "sibling_group": None,
                "excluded_schools": [],
            }
            for id_, day in (("late", "2026-11-20"), ("early", "2026-09-01"))
        ],
    }
    inst = parse_instance(doc)
    answer = solve(inst)
    info = explain(inst, answer, "late")
    assert info["reason"] == "capacity"
    assert [r["status"] for r in info["offers_in_reach"]] == ["full"]
    assert any(r["status"] == "wrong_form" for r in info["other_offers"])


@needs_example
def test_cli_explain_text_and_json(capsys):
    assert teilhabe_main(["place", str(EXAMPLE), "--explain", "S-000002", "-q"]) == 0
    assert "Student S-000002" in capsys.readouterr().out
    assert (
        teilhabe_main(["place", str(EXAMPLE), "--explain", "S-000022", "--explain-json", "-q"]) == 0
    )
    info = json.loads(capsys.readouterr().out)
    assert info["student"] == "S-000022"

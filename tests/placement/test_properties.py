"""Property tests on random small instances: validity, cost, bounds, optimality."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from placement_strategies import instances

from teilhabe.placement import evaluate, parse_instance
from teilhabe.placement.fcfs import solve_fcfs
from teilhabe.placement.mip import solve_mip
from teilhabe.placement.online import solve_online
from teilhabe.placement.optimal import solve_optimal
from teilhabe.placement.problem import answer_dict, compile_problem

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(inst, answer):
    """Every pupil exactly once, no over-capacity, no forbidden seat, cost recomputed."""
    check = evaluate(inst, answer)
    assert check.valid, check.errors
    ids = [a["student"] for a in answer["assignments"]] + [u["student"] for u in answer["unplaced"]]
    assert sorted(ids) == sorted(p.id for p in inst.students)
    assert answer["cost"] == pytest.approx(check.cost, abs=1e-4)
    return check


@SETTINGS
@given(instances())
def test_optimal_is_valid_bounded_and_matches_the_exact_mip(doc):
    inst = parse_instance(doc)
    prob = compile_problem(inst)
    answer = answer_dict(prob, solve_optimal(prob, time_limit=30))
    check = _check(inst, answer)
    fcfs = _check(inst, answer_dict(prob, solve_fcfs(prob)))
    assert check.cost <= fcfs.cost + 1e-6
    lb = answer["stats"]["lower_bound"]
    assert lb <= check.cost + 1e-6
    exact = solve_mip(prob, time_limit=30)
    assert exact.optimal
    assert check.cost == pytest.approx(exact.objective, rel=1e-3)
    assert lb <= exact.objective + 1e-6


@SETTINGS
@given(instances())
def test_heuristic_path_is_valid_and_its_bound_is_proven(doc):
    """Without the exact MIP finish: family plans (or consolidation) and Lagrangian bound."""
    inst = parse_instance(doc)
    prob = compile_problem(inst)
    for use_master in (True, False):
        sol = solve_optimal(prob, time_limit=30, exact_edge_limit=-1, use_master=use_master)
        answer = answer_dict(prob, sol)
        check = _check(inst, answer)
        exact = solve_mip(prob, time_limit=30)
        assert answer["stats"]["lower_bound"] <= exact.objective + 1e-6
        assert exact.objective <= check.cost + 1e-6


@SETTINGS
@given(instances())
def test_fcfs_and_online_are_valid(doc):
    inst = parse_instance(doc)
    prob = compile_problem(inst)
    _check(inst, answer_dict(prob, solve_fcfs(prob)))
    online = solve_online(prob, warmup=0.0, refresh=1)
    _check(inst, answer_dict(prob, online))


@SETTINGS
@given(instances())
def test_unplaced_reason_says_whether_any_seat_was_in_reach(doc):
    inst = parse_instance(doc)
    prob = compile_problem(inst)
    answer = answer_dict(prob, solve_optimal(prob))
    from teilhabe.placement.cost import may_take

    for u in answer["unplaced"]:
        in_reach = [o for o in inst.offers if o.seats > 0 and may_take(inst, u["student"], o.id)[0]]
        assert u["reason"] == ("capacity" if in_reach else "no_seat_in_reach")


def test_capacity_reason_and_waiting_priority():
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
                "name": "A",
                "school_form": "Grundschule",
                "lat": 50.94,
                "lon": 6.96,
                "offers": [{"id": "A-P", "level": "primary", "grades": [1, 4], "seats": 1}],
            }
        ],
        "students": [
            {
                "id": id_,
                "lat": 50.941,
                "lon": 6.961,
                "level": "primary",
                "grade": 2,
                "school_forms": [],
                "registered_on": day,
                "sibling_group": None,
                "excluded_schools": [],
            }
            for id_, day in (("new", "2026-11-20"), ("old", "2026-09-01"))
        ],
    }
    inst = parse_instance(doc)
    prob = compile_problem(inst)
    answer = answer_dict(prob, solve_optimal(prob))
    assert [a["student"] for a in answer["assignments"]] == ["old"]
    assert answer["unplaced"] == [{"student": "new", "reason": "capacity"}]
    # FCFS also serves the earlier registration first
    fcfs = answer_dict(prob, solve_fcfs(prob))
    assert [a["student"] for a in fcfs["assignments"]] == ["old"]
    assert np.isclose(answer["cost"], evaluate(inst, answer).cost)

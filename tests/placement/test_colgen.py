"""Family plans by column generation and diving (teilhabe.placement.colgen)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import numpy as np
import pytest

from teilhabe.placement import evaluate, parse_instance
from teilhabe.placement.colgen import solve_master
from teilhabe.placement.mip import solve_mip
from teilhabe.placement.optimal import _Flow, plan_pins, solve_optimal
from teilhabe.placement.problem import Problem, answer_dict, compile_problem, solution_cost

POLICY = {
    "max_distance_km": {"primary": 3.0, "secondary": 8.0, "vocational": 15.0},
    "unplaced_penalty": 1000.0,
    "unplaced_penalty_per_waiting_day": 10.0,
    "sibling_split_penalty": 50.0,
}
REFERENCE = dt.date(2026, 11, 25)


def _school(sid: str, lat: float, lon: float, seats: int, form: str = "Grundschule") -> dict:
    return {
        "id": sid,
        "name": sid,
        "school_form": form,
        "lat": lat,
        "lon": lon,
        "offers": [{"id": f"{sid}-P", "level": "primary", "grades": [1, 4], "seats": seats}],
    }


def _pupil(pid: str, lat: float, lon: float, family: str | None, days: int = 10) -> dict:
    return {
        "id": pid,
        "lat": lat,
        "lon": lon,
        "level": "primary",
        "grade": 2,
        "school_forms": [],
        "registered_on": (REFERENCE - dt.timedelta(days=days)).isoformat(),
        "sibling_group": family,
        "excluded_schools": [],
    }


def _doc(schools: list[dict], students: list[dict]) -> dict[str, Any]:
    return {
        "format": "teilhabe-placement/1",
        "reference_date": REFERENCE.isoformat(),
        "policy": POLICY,
        "schools": schools,
        "students": students,
    }


def crowded(seed: int, n: int = 160, n_schools: int = 9) -> Problem:
    """Seats short and close together, many families: the sibling term decides a lot."""
    rng = np.random.default_rng(seed)
    schools = [
        _school(f"S{i}", 50.94 + rng.normal(0, 0.01), 6.96 + rng.normal(0, 0.015), int(s))
        for i, s in enumerate(rng.integers(8, 20, n_schools))
    ]
    students, i, fam = [], 0, 0
    while i < n:
        size = int(rng.choice([1, 1, 2, 3, 4]))
        family = f"F{fam}" if size > 1 else None
        fam += 1
        lat, lon = 50.94 + rng.normal(0, 0.012), 6.96 + rng.normal(0, 0.018)
        for _ in range(min(size, n - i)):
            students.append(_pupil(f"P{i:03d}", lat, lon, family, int(rng.integers(0, 120))))
            i += 1
    return compile_problem(parse_instance(_doc(schools, students)))


def _master(prob: Problem, **kw: Any):
    split = prob.instance.policy.sibling_split_penalty
    start, price = _Flow(prob, prob.ed + split * prob.clique_lb[prob.ep]).solve(
        np.ones(len(prob.ep), dtype=bool)
    )
    deadline = kw.pop("deadline", time.perf_counter() + 30)
    return solve_master(prob, start, price, deadline, **kw)


def test_every_family_gets_one_plan_of_seats_its_members_may_take():
    prob = crowded(1)
    res = _master(prob)
    assert res is not None
    assert sorted(res.plans) == list(range(len(prob.groups)))
    for f, edges in res.plans.items():
        members = prob.groups[f]
        assert len(edges) == len(members)
        placed = edges >= 0
        assert (prob.ep[edges[placed]] == members[placed]).all()
    assert res.seat_price.max() > 0  # seats are short: some offer must carry a price


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_answer_is_within_0_1_percent_of_the_exact_optimum(seed):
    prob = crowded(seed)
    sol = solve_optimal(prob, time_limit=30, exact_edge_limit=-1)  # no MIP finish
    assert "column generation" in sol.stats["method"]
    exact = solve_mip(prob, time_limit=60)
    assert exact.optimal
    cost = solution_cost(prob, sol.assign)[0]
    assert exact.objective - 1e-6 <= cost <= exact.objective * 1.001
    assert sol.stats["lower_bound"] <= exact.objective + 1e-6
    assert evaluate(prob.instance, answer_dict(prob, sol)).valid


def _two_children(near_seats: int, far_seats: int) -> Problem:
    """Siblings at one spot; a school there and one 1.1 km north."""
    schools = [_school("NEAR", 50.940, 6.960, near_seats), _school("FAR", 50.950, 6.960, far_seats)]
    pupils = [_pupil("A", 50.94, 6.96, "F"), _pupil("B", 50.94, 6.96, "F")]
    return compile_problem(parse_instance(_doc(schools, pupils)))


def test_family_moves_together_to_a_farther_school_with_room_for_both():
    prob = _two_children(near_seats=1, far_seats=2)
    res = _master(prob)
    assert res is not None
    schools = {prob.instance.offers[prob.eo[e]].school for e in res.plans[0]}
    assert schools == {"FAR"}  # 2 × 1.1 km beats 0 + 1.1 km + a split (50)


def test_family_is_split_when_no_school_has_room_for_both():
    prob = _two_children(near_seats=1, far_seats=1)
    res = _master(prob)
    assert res is not None
    assert (res.plans[0] >= 0).all()  # a split (50) is far cheaper than a child at home
    sol = solve_optimal(prob, exact_edge_limit=-1)
    assert solution_cost(prob, sol.assign)[2] == 1


def test_dive_out_of_time_still_gives_every_family_a_plan():
    prob = crowded(2)
    res = _master(prob, dive_deadline=time.perf_counter() - 1)
    assert res is not None
    assert res.stats["rounded"] > 0
    assert sorted(res.plans) == list(range(len(prob.groups)))
    assign = _Flow(prob, prob.ed).assign(plan_pins(prob, res.plans))
    assert evaluate(prob.instance, answer_dict(prob, _solution(assign))).valid


def test_column_generation_out_of_time_gives_up_and_the_solver_falls_back():
    prob = crowded(3)
    assert _master(prob, deadline=time.perf_counter() - 1) is None
    sol = solve_optimal(prob, exact_edge_limit=-1, use_master=False)
    assert "consolidation" in sol.stats["method"]
    assert evaluate(prob.instance, answer_dict(prob, sol)).valid


def _solution(assign):
    from teilhabe.placement.problem import Solution

    return Solution(assign=assign)

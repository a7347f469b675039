"""Placement engine: who gets which free school seat (no Django imports, on purpose).

Reads and writes the exchange format ``teilhabe-placement/1``
(shared/formats/placement/README.md). Public API::

    inst = load_instance("instance.json")
    answer = solve(inst)                      # optimal (default), "fcfs" or online=True
    info = explain(inst, answer, "S-0001")    # structured reasons for counsellors
    check = evaluate(inst, answer)            # independent validity and cost check
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from teilhabe.placement.cost import Evaluation, evaluate
from teilhabe.placement.explain import explain as _explain
from teilhabe.placement.explain import explain_text
from teilhabe.placement.fcfs import solve_fcfs
from teilhabe.placement.model import (
    Instance,
    InstanceError,
    Student,
    load_instance,
    loads_instance,
    parse_instance,
)
from teilhabe.placement.online import solve_online
from teilhabe.placement.optimal import DEFAULT_TIME_LIMIT, solve_optimal
from teilhabe.placement.problem import Problem, Solution, answer_dict, compile_problem

SOLVERS = ("optimal", "fcfs")

__all__ = [
    "Evaluation",
    "Instance",
    "InstanceError",
    "assignment_from_answer",
    "evaluate",
    "explain",
    "explain_all",
    "explain_text",
    "load_instance",
    "loads_instance",
    "parse_instance",
    "solve",
]


def _solve(
    prob: Problem,
    solver: str,
    time_limit: float | None,
    online: bool,
    history: Sequence[Student],
) -> Solution:
    if online:
        return solve_online(prob, history=history)
    if solver == "fcfs":
        return solve_fcfs(prob)
    if solver == "optimal":
        return solve_optimal(prob, time_limit=time_limit)
    raise ValueError(f"unknown solver {solver!r} (expected one of {', '.join(SOLVERS)})")


def solve(
    instance: Instance,
    solver: str = "optimal",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    online: bool = False,
    history: Sequence[Student] = (),
) -> dict[str, Any]:
    """Solve an instance and return the answer document."""
    prob = compile_problem(instance)
    return answer_dict(prob, _solve(prob, solver, time_limit, online, history))


def assignment_from_answer(prob: Problem, answer: dict[str, Any]) -> np.ndarray:
    """Offer index per pupil (-1 unplaced) from an answer document."""
    students = {p.id: i for i, p in enumerate(prob.instance.students)}
    offers = {o.id: i for i, o in enumerate(prob.instance.offers)}
    assign = np.full(prob.n, -1, dtype=np.int64)
    for a in answer.get("assignments", []):
        assign[students[a["student"]]] = offers[a["offer"]]
    return assign


def explain(instance: Instance, answer: dict[str, Any], student_id: str) -> dict[str, Any]:
    """Why this pupil got this school, or why no seat (a dict for the Django app)."""
    prob = compile_problem(instance)
    return _explain(prob, assignment_from_answer(prob, answer), student_id)


def explain_all(instance: Instance, answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``explain`` for every pupil, compiling the problem once."""
    prob = compile_problem(instance)
    assign = assignment_from_answer(prob, answer)
    return {p.id: _explain(prob, assign, p.id) for p in instance.students}

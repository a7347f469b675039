"""Today's practice as a baseline: first come, first served, nearest free seat.

Pupils are taken in order of registration (ties by id); each gets the nearest admissible
offer that still has a free seat (ties by the offer's order in the instance), or none.
"""

from __future__ import annotations

import time

import numpy as np

from teilhabe.placement.problem import Problem, Solution


def arrival_order(prob: Problem) -> list[int]:
    """Pupil indices by (registered_on, id): the order in which counsellors see them."""
    students = prob.instance.students
    return sorted(range(prob.n), key=lambda i: (students[i].registered_on, students[i].id))


def solve_fcfs(prob: Problem) -> Solution:
    """First come, first served at the nearest free seat."""
    t0 = time.perf_counter()
    assign = np.full(prob.n, -1, dtype=np.int64)
    free = prob.seats.copy()
    eo = prob.eo.tolist()
    estart = prob.estart.tolist()
    free_list = free.tolist()
    for p in arrival_order(prob):
        for e in range(estart[p], estart[p + 1]):  # edges are sorted by distance
            o = eo[e]
            if free_list[o] > 0:
                free_list[o] -= 1
                assign[p] = o
                break
    return Solution(
        assign=assign,
        stats={"solver": "fcfs", "seconds": round(time.perf_counter() - t0, 3)},
    )

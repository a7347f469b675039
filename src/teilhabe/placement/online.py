"""Online placement: decide each pupil on arrival, as counsellors do every day.

Pupils arrive in order of ``registered_on`` (ties by id) and each is placed, or not, at
once, with only the seats still free. The rule is a bid-price policy in the spirit of
"Dynamic Annie MOORE" (Ahani, Gölz, Procaccia, Teytelboym & Trapp): every offer gets a
price = the dual value of its remaining seats in a min-cost flow that places a
*forecast* of the pupils still to come; the forecast is the pupils seen so far, reweighted
to the number expected in the rest of the horizon (arrival rate × days left). The
arriving pupil takes the admissible offer that maximises

    unplaced cost avoided − distance − seat price (− split penalty if it splits siblings),

so contested seats go to the pupils who have no alternative. With ``refuse=True`` a
pupil is left unplaced when no offer's value exceeds its price; measured on simulated
months this loses placements (the forecast is noisy), so the default always places.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from teilhabe.placement.fcfs import arrival_order
from teilhabe.placement.flow import SCALE, solve_transport, to_int_cost
from teilhabe.placement.model import Student
from teilhabe.placement.problem import Problem, Solution, compile_problem

DEMAND_FACTOR = 1.5  # forecast inflation: protects seats against demand noise (measured)


def _bid_prices(prob: Problem, sample: NDArray, weight: int, free: NDArray) -> NDArray:
    """Seat prices from a flow placing ``sample`` pupils, each standing for ``weight``."""
    if len(sample) == 0 or weight <= 0:
        return np.zeros(prob.m)
    local = np.full(prob.n, -1, dtype=np.int64)
    local[sample] = np.arange(len(sample))
    sel = np.flatnonzero(local[prob.ep] >= 0)
    ep = local[prob.ep[sel]]
    eo = prob.eo[sel]
    r = solve_transport(
        len(sample),
        prob.m,
        ep,
        eo,
        to_int_cost(prob.ed[sel]),
        to_int_cost(prob.penalty[sample]),
        free * len(sample),
        supply=np.full(len(sample), weight, dtype=np.int64),
        prices=True,
    )
    assert r.seat_price_int is not None
    return r.seat_price_int / SCALE


def _resolve_choice(prob: Problem, p: int, sample: NDArray, weight: int, free: NDArray) -> int:
    """Offer for pupil ``p`` in a flow that also places the forecast (-1: unplaced)."""
    pupils = np.concatenate(([p], sample[sample != p])).astype(np.int64)
    local = np.full(prob.n, -1, dtype=np.int64)
    local[pupils] = np.arange(len(pupils))
    sel = np.flatnonzero(local[prob.ep] >= 0)
    scale = max(len(pupils) - 1, 1)
    supply = np.full(len(pupils), max(weight, 0), dtype=np.int64)
    supply[0] = scale
    r = solve_transport(
        len(pupils),
        prob.m,
        local[prob.ep[sel]],
        prob.eo[sel],
        to_int_cost(prob.ed[sel]),
        to_int_cost(prob.penalty[pupils]),
        free * scale,
        supply=supply,
    )
    return int(r.assign[0])


def _expected(
    seen: int, n_history: int, elapsed: int, horizon: int, factor: float = DEMAND_FACTOR
) -> int:
    """Pupils still to come: observed arrival rate (averaged with the history's rate)."""
    rate = seen / max(elapsed, 1)
    if n_history:
        rate = 0.5 * (rate + n_history / max(horizon, 1))
    return int(round(factor * rate * max(horizon - elapsed, 0)))


def solve_online(
    prob: Problem,
    refresh: int | None = None,
    refuse: bool = False,
    warmup: float = 0.05,
    policy: str = "bid",
    history: Sequence[Student] = (),
    demand_factor: float = DEMAND_FACTOR,
) -> Solution:
    """Place pupils one at a time in arrival order with bid prices (see module doc).

    ``refresh``: recompute prices after this many arrivals (default: n/25);
    ``warmup``: share of arrivals placed at the nearest seat before prices exist
    (0 when a history is given); ``history``: pupils of past months, used together with
    the arrivals so far as the forecast of who is still to come; ``demand_factor``: how
    much the forecast is inflated against demand noise.
    """
    if history:
        return _with_history(prob, refresh, refuse, policy, history, demand_factor)
    return _run(prob, refresh, refuse, warmup, policy, 0, demand_factor)


def _with_history(
    prob: Problem,
    refresh: int | None,
    refuse: bool,
    policy: str,
    history: Sequence[Student],
    demand_factor: float,
) -> Solution:
    """Run on a problem extended by the history pupils, who are forecast only."""
    renamed = tuple(replace(h, id=f"history:{h.id}") for h in history)
    inst = replace(prob.instance, students=prob.instance.students + renamed)
    big = compile_problem(inst)
    sol = _run(big, refresh, refuse, 0.0, policy, len(renamed), demand_factor)
    sol.assign = sol.assign[: prob.n]
    return sol


def _run(
    prob: Problem,
    refresh: int | None,
    refuse: bool,
    warmup: float,
    policy: str,
    n_history: int,
    demand_factor: float = DEMAND_FACTOR,
) -> Solution:
    """The online loop; the last ``n_history`` pupils are forecast sample only."""
    t0 = time.perf_counter()
    students = prob.instance.students
    n_real = prob.n - n_history
    order = [p for p in arrival_order(prob) if p < n_real]
    n = len(order)
    refresh = refresh or max(1, n // 25)
    free = prob.seats.copy()
    assign = np.full(prob.n, -1, dtype=np.int64)
    price = np.zeros(prob.m)
    split = prob.instance.policy.sibling_split_penalty
    family_schools: dict[int, set[int]] = {}
    if n:
        first_day = students[order[0]].registered_on
        last_day = max(prob.instance.reference_date, students[order[-1]].registered_on)
        horizon = (last_day - first_day).days + 1
    warm_k = int(warmup * n)
    seen: list[int] = list(range(n_real, prob.n))
    n_seen_real = 0
    refreshes = 0
    for k, p in enumerate(order):
        if k >= warm_k and (k - warm_k) % refresh == 0:
            elapsed = (students[p].registered_on - first_day).days + 1
            expected = _expected(n_seen_real, n_history, elapsed, horizon, demand_factor)
            price = _bid_prices(prob, np.asarray(seen, dtype=np.int64), expected, free)
            refreshes += 1
        seen.append(p)
        n_seen_real += 1
        e0, e1 = int(prob.estart[p]), int(prob.estart[p + 1])
        if e0 == e1:
            continue
        eo = prob.eo[e0:e1]
        ok = free[eo] > 0
        if not ok.any():
            continue
        score = prob.penalty[p] - prob.ed[e0:e1] - price[eo]
        g = int(prob.group[p])
        if g >= 0 and family_schools.get(g):
            schools = prob.offer_school[eo]
            score = score - split * ~np.isin(schools, list(family_schools[g]))
        score = np.where(ok, score, -np.inf)
        j = int(np.argmax(score))  # first maximum = nearest among equals
        if policy == "resolve" and k >= warm_k:
            elapsed = (students[p].registered_on - first_day).days + 1
            expected = _expected(n_seen_real, n_history, elapsed, horizon, demand_factor)
            choice = _resolve_choice(prob, p, np.asarray(seen, dtype=np.int64), expected, free)
            if choice >= 0 and free[choice] > 0:
                j = int(np.flatnonzero(eo == choice)[0])
        if refuse and score[j] < 0:
            continue
        o = int(eo[j])
        assign[p] = o
        free[o] -= 1
        if g >= 0:
            family_schools.setdefault(g, set()).add(int(prob.offer_school[o]))
    return Solution(
        assign=assign,
        stats={
            "solver": "online",
            "seconds": round(time.perf_counter() - t0, 3),
            "price_refreshes": refreshes,
        },
    )

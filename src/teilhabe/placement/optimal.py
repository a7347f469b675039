"""The optimal solver: min-cost flow, sibling-aware re-pricing, Lagrangian lower bound.

Method (see docs/placement.md for the reasoning):

1. Without the sibling term the problem is a transportation problem; OR-Tools' min-cost
   flow solves it exactly in well under a second even for all of NRW. Members of a
   family who cannot share any school pay the split penalty in every placement arc
   (a valid linearisation of the forced part of the sibling term).
2. Sibling splits are then repaired by re-solving the flow with each family's majority
   school made cheaper than the others (members placed elsewhere pay the split penalty
   on their arcs). The flow keeps trading distance, waiting time and capacity globally,
   so a family is only pulled together when it is worth it. A few rounds converge.
3. A local search moves split members into free seats at their siblings' school.
4. The lower bound is the Lagrangian dual of the capacity rows (teilhabe.placement.bounds)
   evaluated at the flows' seat prices and improved by subgradient steps; it is proven
   for any prices. Small instances are finished by the exact MIP (HiGHS), warm-started.
"""

from __future__ import annotations

import time

import numpy as np
from numpy.typing import NDArray

from teilhabe.placement.bounds import LagrangianBound, family_units
from teilhabe.placement.flow import SCALE, solve_transport, to_int_cost
from teilhabe.placement.mip import solve_mip
from teilhabe.placement.problem import (
    Problem,
    Solution,
    edge_of,
    restrict_edges,
    solution_cost,
)

EXACT_EDGE_LIMIT = 4000  # up to this many edges the exact MIP is run (fast there)
LP_EDGE_LIMIT = 120_000  # up to this many edges the LP relaxation fits the time budget
PIN_MASS = 0.5  # family members with at least this LP mass at one school are pinned there
DEFAULT_TIME_LIMIT = 60.0


def local_improve(prob: Problem, assign: NDArray, deadline: float) -> NDArray:
    """Move members of split families into free seats at a sibling's school when cheaper."""
    assign = assign.copy()
    load = np.bincount(assign[assign >= 0], minlength=prob.m)
    split = prob.instance.policy.sibling_split_penalty
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        for mem in prob.groups:
            placed = [int(p) for p in mem if assign[p] >= 0]
            if len(placed) < 2:
                continue
            schools = [int(prob.offer_school[assign[p]]) for p in placed]
            if len(set(schools)) < 2:
                continue
            for p in mem:
                p = int(p)
                cur = int(assign[p])
                e0, e1 = prob.estart[p], prob.estart[p + 1]
                cur_dist = float(prob.ed[e0:e1][prob.eo[e0:e1] == cur][0]) if cur >= 0 else 0.0
                others = [
                    int(prob.offer_school[assign[q]]) for q in mem if q != p and assign[q] >= 0
                ]
                k_without = len(set(others))
                k_now = len(set([*others, int(prob.offer_school[cur])])) if cur >= 0 else k_without
                now_cost = (
                    cur_dist if cur >= 0 else float(prob.penalty[p])
                ) + split * max(k_now - 1, 0)
                best_delta, best_o = -1e-9, -1
                for e in range(e0, e1):
                    o = int(prob.eo[e])
                    if o == cur or load[o] >= prob.seats[o]:
                        continue
                    s = int(prob.offer_school[o])
                    k_new = len(set([*others, s]))
                    delta = float(prob.ed[e]) + split * max(k_new - 1, 0) - now_cost
                    if delta < best_delta:
                        best_delta, best_o = delta, o
                if best_o >= 0:
                    if cur >= 0:
                        load[cur] -= 1
                    load[best_o] += 1
                    assign[p] = best_o
                    improved = True
    return assign


def _reduced_costs(prob: Problem, cost: NDArray, price: NDArray, allowed: NDArray) -> NDArray:
    """Reduced cost per edge for seat prices: how much worse than the pupil's best option."""
    val = np.where(allowed, cost + price[prob.eo], np.inf)
    best = prob.penalty.copy()
    has = prob.estart[1:] > prob.estart[:-1]
    if len(val):
        best[has] = np.minimum(best[has], np.minimum.reduceat(val, prob.estart[:-1][has]))
    return val - best[prob.ep]


class _Flow:
    """Re-solvable flow over a subset of the edges (the rest forbidden)."""

    def __init__(self, prob: Problem, cost: NDArray) -> None:
        self.prob = prob
        self.cost = cost
        self.cost_int = to_int_cost(cost)
        self.pen = to_int_cost(prob.penalty)

    def solve(self, allowed: NDArray) -> tuple[NDArray, NDArray]:
        """Optimal assignment and seat prices with only ``allowed`` edges."""
        p = self.prob
        idx = np.flatnonzero(allowed)
        r = solve_transport(
            p.n, p.m, p.ep[idx], p.eo[idx], self.cost_int[idx], self.pen, p.seats, prices=True
        )
        assert r.seat_price_int is not None
        return r.assign, r.seat_price_int / SCALE


def consolidate(
    prob: Problem,
    flow: _Flow,
    allowed: NDArray,
    assign: NDArray,
    price: NDArray,
    unit: NDArray,
    deadline: float,
    max_rounds: int = 12,
) -> tuple[NDArray, list[NDArray]]:
    """Pull split families together by restricting members to one school and re-solving.

    Per split family-level unit, the school where moving the members is cheapest is
    estimated from the flow's reduced costs minus the split penalties saved. All units
    with a saving are restricted at once and the flow is re-solved, so displaced pupils
    are re-routed optimally; if the true cost does not drop, the batch is halved (best
    estimates first) until it does or is empty. Restricted units stay locked.
    """
    split = prob.instance.policy.sibling_split_penalty
    es = prob.offer_school[prob.eo]
    n_units = int(unit.max()) + 1 if len(unit) and unit.max() >= 0 else 0
    order = np.argsort(unit, kind="stable")
    order = order[unit[order] >= 0]
    bounds = np.searchsorted(unit[order], np.arange(n_units + 1))
    units = [order[bounds[u] : bounds[u + 1]] for u in range(n_units)]
    locked = np.zeros(n_units, dtype=bool)
    best, best_cost = assign, solution_cost(prob, assign)[0]
    prices = [price]
    for _ in range(max_rounds):
        if time.perf_counter() > deadline:
            break
        rc = _reduced_costs(prob, flow.cost, price, allowed)
        proposals: list[tuple[float, int, int, list[int]]] = []
        for ui, mem in enumerate(units):
            if locked[ui]:
                continue
            placed = [int(p) for p in mem if best[p] >= 0]
            if len(placed) < 2:
                continue
            cur = {p: int(es_p) for p in placed for es_p in [prob.offer_school[best[p]]]}
            k = len(set(cur.values()))
            if k < 2:
                continue
            cand: dict[int, dict[int, float]] = {}
            for p in placed:
                e0, e1 = int(prob.estart[p]), int(prob.estart[p + 1])
                for e in range(e0, e1):
                    if not allowed[e]:
                        continue
                    d = cand.setdefault(int(es[e]), {})
                    if rc[e] < d.get(p, np.inf):
                        d[p] = float(rc[e])
            best_delta, best_s = -1e-9, -1
            for s_id, d in cand.items():
                stay = {cur[p] for p in placed if p not in d}
                stay.discard(s_id)
                delta = sum(v for p, v in d.items() if cur[p] != s_id)
                delta -= split * (k - 1 - len(stay))
                if delta < best_delta:
                    best_delta, best_s = delta, s_id
            if best_s >= 0:
                movers = [p for p in placed if p in cand[best_s]]
                proposals.append((best_delta, ui, best_s, movers))
        if not proposals:
            break
        proposals.sort(key=lambda t: t[0])
        batch = proposals
        accepted = False
        while batch and time.perf_counter() < deadline:
            trial = allowed.copy()
            for _, _, s_id, movers in batch:
                for p in movers:
                    e0, e1 = int(prob.estart[p]), int(prob.estart[p + 1])
                    trial[e0:e1] &= es[e0:e1] == s_id
            cand_assign, cand_price = flow.solve(trial)
            cost = solution_cost(prob, cand_assign)[0]
            if cost < best_cost - 1e-9:
                allowed, best, best_cost, price = trial, cand_assign, cost, cand_price
                prices.append(cand_price)
                for _, ui, _, _ in batch:
                    locked[ui] = True
                accepted = True
                break
            batch = batch[: len(batch) // 2]
        if not accepted:
            break
    return best, prices


def lp_pinned(
    prob: Problem, flow: _Flow, keep: NDArray, deadline: float
) -> tuple[NDArray | None, NDArray | None, NDArray | None]:
    """LP relaxation of the exact model, then pin family members to the LP's schools.

    The LP of the exact model is very tight (its value is within a few units of the
    integer optimum), but fixing its integral part and solving a MIP for the rest does
    not work: the integer optimum arranges the non-family pupils differently. Pinning
    only family members to the school where the LP puts most of them, and letting the
    flow place everyone else, keeps the LP's sibling decisions and the flow's exactness.
    Returns (assignment, allowed edge mask, LP seat prices), or Nones when out of time.
    """
    sub = restrict_edges(prob, keep)
    remaining = deadline - time.perf_counter()
    if remaining <= 0.2:
        return None, None, None
    lp = solve_mip(sub, relax=True, time_limit=remaining)
    if not lp.optimal or lp.x is None or lp.edges is None or lp.unplaced is None:
        return None, None, None
    n_s = len(prob.instance.schools) + 1
    x, p_of, s_of = lp.x, sub.ep[lp.edges], prob.offer_school[sub.eo[lp.edges]]
    sel = (prob.group[p_of] >= 0) & (x > 1e-6)
    key = p_of[sel] * n_s + s_of[sel]
    uniq, inv = np.unique(key, return_inverse=True)
    mass = np.bincount(inv, weights=x[sel])
    pp, ss = uniq // n_s, uniq % n_s
    order = np.lexsort((-mass, pp))
    first = order[np.concatenate(([True], pp[order][1:] != pp[order][:-1]))] if len(pp) else order
    pin = np.full(prob.n, -1, dtype=np.int64)
    ok = mass[first] >= PIN_MASS
    pin[pp[first[ok]]] = ss[first[ok]]
    never = (prob.group >= 0) & (lp.unplaced >= 1 - 1e-6)
    es = prob.offer_school[prob.eo]
    allowed = ~((pin[prob.ep] >= 0) & (es != pin[prob.ep])) & ~never[prob.ep]
    assign, _ = flow.solve(allowed)
    return assign, allowed, lp.seat_price


def solve_optimal(
    prob: Problem,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    exact_edge_limit: int = EXACT_EDGE_LIMIT,
    lp_edge_limit: int = LP_EDGE_LIMIT,
) -> Solution:
    """Near-optimal answer with a proven lower bound (optimal on small instances)."""
    t0 = time.perf_counter()
    deadline = t0 + (time_limit if time_limit is not None else 1e9)
    split = prob.instance.policy.sibling_split_penalty
    # members of a family who can never share a school pay the split penalty per seat
    cost_f = prob.ed + split * prob.clique_lb[prob.ep]
    flow = _Flow(prob, cost_f)
    everything = np.ones(len(prob.ep), dtype=bool)
    start, start_price = flow.solve(everything)
    n_clique_groups = len(np.unique(prob.group[prob.clique_lb])) if prob.clique_lb.any() else 0
    flow_cost_int = int(np.sum(flow.cost_int[edge_of(prob, start)[start >= 0]]))
    flow_cost_int += int(np.sum(flow.pen[start < 0]))
    flow_lb = flow_cost_int / SCALE - split * n_clique_groups
    best, best_cost = start, solution_cost(prob, start)[0]
    prices = [start_price]
    steps = ["min-cost flow"]
    if prob.groups:
        unit = family_units(prob)
        use_lp = len(prob.ep) <= lp_edge_limit
        if use_lp:
            rc = _reduced_costs(prob, cost_f, start_price, everything)
            in_family = prob.group[prob.ep] >= 0
            keep = np.where(in_family, rc <= 2 * split, rc <= 5.0) | (start[prob.ep] == prob.eo)
            flow_lp = _Flow(prob, prob.ed)  # pinned families: no clique surcharge needed
            pinned, allowed, lp_price = lp_pinned(prob, flow_lp, keep, deadline)
            if lp_price is not None:
                prices.append(lp_price)
                steps.append("LP relaxation (HiGHS)")
            if pinned is not None and allowed is not None:
                cand, more = consolidate(
                    prob, flow_lp, allowed, pinned, flow_lp.solve(allowed)[1], unit, deadline
                )
                prices.extend(more)
                cost = solution_cost(prob, cand)[0]
                if cost < best_cost - 1e-9:
                    best, best_cost = cand, cost
                steps.append("families pinned to LP schools + consolidation")
        if not use_lp or best is start:
            cand, more = consolidate(prob, flow, everything, start, start_price, unit, deadline)
            prices.extend(more)
            cost = solution_cost(prob, cand)[0]
            if cost < best_cost - 1e-9:
                best, best_cost = cand, cost
            steps.append("family consolidation by flow re-solves")
        best = local_improve(prob, best, deadline)
        best_cost = solution_cost(prob, best)[0]

    lower = flow_lb
    if prob.groups:
        lag = LagrangianBound(prob)
        values = [lag.value(p) for p in prices]
        start_p = prices[int(np.argmax(values))]
        budget = min(deadline, time.perf_counter() + max(0.5, 0.1 * (time_limit or 10.0)))
        value, _, _ = lag.ascend(start_p, best_cost, deadline=budget)
        lower = max(lower, value)
        steps.append("Lagrangian bound")
    proven = False
    if len(prob.ep) <= exact_edge_limit and best_cost - lower > 1e-6 * max(1.0, abs(best_cost)):
        remaining = deadline - time.perf_counter()
        if remaining > 0:
            res = solve_mip(prob, warm=best, time_limit=remaining)
            if res.objective < best_cost - 1e-9:
                best, best_cost = res.assign, solution_cost(prob, res.assign)[0]
            lower = max(lower, res.bound)
            proven = res.optimal
            steps.append("exact MIP (HiGHS)")
    lower = min(lower, best_cost)  # guard against float noise above an optimal answer
    gap = (best_cost - lower) / max(abs(best_cost), 1e-9)
    return Solution(
        assign=best,
        stats={
            "solver": "optimal",
            "method": " + ".join(steps),
            "seconds": round(time.perf_counter() - t0, 3),
            "lower_bound": round(lower, 6),
            "gap": round(gap, 8),
            "proven_optimal": proven or gap <= 1e-9,
        },
    )

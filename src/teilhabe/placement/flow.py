"""The sibling-free placement problem as a min-cost flow (OR-Tools), plus its dual prices.

Without the sibling term the problem is a transportation problem: pupils supply one unit,
each either flows over an admissible edge to an offer (cost = km) or over an
"unplaced" arc (cost = unplaced penalty); offers pass at most ``seats`` units to the
sink. Its constraint matrix is totally unimodular, so a network-simplex/cost-scaling
solver returns an integral optimum much faster than any MIP.

Costs are floored to integer micro-km. Because every arc cost is rounded down, the
integer optimum divided by the scale is a *proven* lower bound on the real-valued
optimum of the same network.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from ortools.graph.python import min_cost_flow

SCALE = 1_000_000


def to_int_cost(values: NDArray) -> NDArray:
    """Floor to integer micro-units so that the integer optimum bounds the real one below."""
    return np.floor(np.asarray(values, dtype=np.float64) * SCALE).astype(np.int64)


@dataclass(slots=True)
class FlowResult:
    """Optimal assignment of the network, its integer cost and its seat prices."""

    assign: NDArray  # offer index per pupil or -1
    optimal_cost_int: int
    seat_price_int: NDArray | None = None  # per offer, >= 0 (integer micro-units)


def solve_transport(
    n: int,
    m: int,
    ep: NDArray,
    eo: NDArray,
    edge_cost: NDArray,
    pen_cost: NDArray,
    seats: NDArray,
    supply: NDArray | None = None,
    prices: bool = False,
) -> FlowResult:
    """Solve the transportation network; costs are integer arrays, supply defaults to 1.

    With ``supply`` > 1 (online bid prices: a weighted sample of pupils) the returned
    ``assign`` gives, per pupil, the offer carrying most of its flow.
    """
    if supply is None:
        supply = np.ones(n, dtype=np.int64)
    supply = np.asarray(supply, dtype=np.int64)
    sink = n + m
    big = supply + 1  # arcs never saturate on their own: keeps the duals simple
    k = len(ep)
    tails = np.concatenate((ep, np.arange(n), n + np.arange(m))).astype(np.int32)
    heads = np.concatenate((n + eo, np.full(n, sink), np.full(m, sink))).astype(np.int32)
    caps = np.concatenate((big[ep], big, seats)).astype(np.int64)
    costs = np.concatenate((edge_cost, pen_cost, np.zeros(m, dtype=np.int64))).astype(np.int64)
    mcf = min_cost_flow.SimpleMinCostFlow()
    mcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    supplies = np.zeros(n + m + 1, dtype=np.int64)
    supplies[:n] = supply
    supplies[sink] = -int(supply.sum())
    mcf.set_nodes_supplies(np.arange(n + m + 1, dtype=np.int32), supplies)
    status = mcf.solve()
    if status != mcf.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    flows = np.asarray(mcf.flows(np.arange(len(tails), dtype=np.int32)), dtype=np.int64)
    assign = np.full(n, -1, dtype=np.int64)
    ef = flows[:k]
    used = np.flatnonzero(ef > 0)
    if len(used):
        # per pupil, the edge with the largest flow (unit supply: the only one)
        order = np.lexsort((-ef[used], ep[used]))
        first = used[order]
        keep = np.concatenate(([True], ep[first][1:] != ep[first][:-1]))
        chosen = first[keep]
        unplaced_flow = flows[k : k + n]
        take = ef[chosen] > unplaced_flow[ep[chosen]]
        assign[ep[chosen[take]]] = eo[chosen[take]]
    result = FlowResult(assign=assign, optimal_cost_int=int(mcf.optimal_cost()))
    if prices:
        result.seat_price_int = _seat_prices(n, m, tails, heads, caps, costs, flows)
    return result


def _seat_prices(
    n: int,
    m: int,
    tails: NDArray,
    heads: NDArray,
    caps: NDArray,
    costs: NDArray,
    flows: NDArray,
) -> NDArray:
    """Optimal dual prices of the offers' capacity rows: the cost of giving up one seat.

    The price of offer o is the length of the shortest path from o to the sink in the
    residual graph: the cheapest way to re-route one of o's pupils (to a free seat, along
    a chain of moves, or out to "unplaced"). These are valid optimal duals (complementary
    slackness holds), and among them the ones that matter when a seat is taken away,
    which is what bid prices and Lagrangian bounds need. Bellman-Ford runs in vectorised
    Jacobi rounds; their number is the hop depth of the shortest-path tree, small here.
    """
    fwd = flows < caps
    bwd = flows > 0
    r_tail = np.concatenate((tails[fwd], heads[bwd])).astype(np.int64)
    r_head = np.concatenate((heads[fwd], tails[bwd])).astype(np.int64)
    r_cost = np.concatenate((costs[fwd], -costs[bwd]))
    order = np.argsort(r_tail, kind="stable")
    r_tail, r_head, r_cost = r_tail[order], r_head[order], r_cost[order]
    nodes = n + m + 1
    sink = n + m
    inf = np.iinfo(np.int64).max // 4
    dist = np.full(nodes, inf, dtype=np.int64)
    dist[sink] = 0
    if len(r_tail):
        starts = np.flatnonzero(np.concatenate(([True], r_tail[1:] != r_tail[:-1])))
        sources = r_tail[starts]
        for _ in range(nodes + 1):
            cand = np.minimum.reduceat(np.minimum(dist[r_head] + r_cost, inf), starts)
            new = dist.copy()
            new[sources] = np.minimum(dist[sources], cand)
            new[sink] = 0
            if np.array_equal(new, dist):
                break
            dist = new
        else:  # pragma: no cover - a negative cycle means the flow was not optimal
            raise RuntimeError("residual graph has a negative cycle")
    price = dist[n : n + m]
    return np.where(price >= inf, 0, np.maximum(price, 0))

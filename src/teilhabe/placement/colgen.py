"""Sibling decisions by column generation on a family-plan master LP (HiGHS), then diving.

The LP relaxation of the exact model decides sibling groups very well but is slow for
Köln: 38 k columns and 20 k linking rows take HiGHS about 1.7 s. Its Dantzig–Wolfe
reformulation is small: one row per offer (capacity) and one per single pupil or family
("exactly one plan"); a column is a single pupil's edge, or a *plan* of a whole family
(an edge or "unplaced" per member, priced with the split penalty exactly). This master
is at least as tight as the LP relaxation and needs few columns: start from those the
min-cost flow's seat prices call cheap, then add, per pupil and per family, the most
profitable column at the master's prices until none is left (about 7 rounds, 12 k
columns, 0.2 s of HiGHS on Köln).

Families whose plan is fractional (20–45 on Köln, ~400 on NRW) are then fixed to their
heaviest plan and the LP re-solved warm (LP diving): in chunks of plans that fit the
seats left, which grow while the LP value stays put and are halved when it rises, down
to a single family, which is then tried at its other plans (and at the plans cheapest at
the current prices) if it raises the LP by more than half a split penalty. Single pupils
stay continuous throughout, which is exact for them: with the families fixed, what
remains is a transportation problem. HiGHS' own integer master found the same plans but
took 1–2 s on Köln; the dive takes 0.1–0.3 s there.

Family plans are generated, for every school a member can reach, by letting each member
take that school, its own cheapest seat elsewhere (one more school) or no seat, and
pricing the result exactly; plus everyone at their own cheapest seat. This covers the
plans that matter (whole family at one school, forced splits, a member left out when
seats are short) but is not every plan, so the master's value is not a proven bound;
the solver proves its bound separately (``teilhabe.placement.bounds``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import highspy
import numpy as np
from numpy.typing import NDArray

from teilhabe.placement.mip import new_highs
from teilhabe.placement.problem import Problem, edge_of

EPS = 1e-7  # reduced costs below -EPS are profitable
FRACTIONAL = 1e-6  # plan weights strictly between this and 1 - this are fractional
MAX_ROUNDS = 40  # pricing rounds before giving up (Köln needs 5–7, NRW 7)
ALTERNATIVES = 3  # plans cheapest at the current prices, added for such a family
MAX_TRIES = 8  # plans tried at most for a family that raises the LP too much
DIVE_TOLERANCE = 10.0  # a chunk of fixes may raise the LP by this much (cost units) ...
DIVE_PER_FAMILY = 0.5  # ... times (1 + this × families in the chunk)
SINGLE_TOLERANCE = 25.0  # one family may raise it by this much (half a split) unquestioned


@dataclass(slots=True)
class MasterResult:
    """Family plans after diving, the master's prices and what it took."""

    plans: dict[int, NDArray]  # family -> edge per member (-1: unplaced)
    seat_price: NDArray  # capacity duals of the last LP (>= 0), for bounds
    lp_value: float  # the master LP at convergence (not a proven bound)
    rounds: int
    columns: int
    fractional: int  # families fractional before diving
    stats: dict[str, float] = field(default_factory=dict)  # seconds per phase, counts


class _Cells:
    """Per (pupil, school) the cheapest edge under given seat prices."""

    def __init__(self, prob: Problem) -> None:
        self.prob = prob
        n_s = len(prob.instance.schools) + 1
        self.key = prob.ep * n_s + prob.offer_school[prob.eo]
        srt = np.sort(self.key)
        self.start = (
            np.flatnonzero(np.concatenate(([True], srt[1:] != srt[:-1])))
            if len(srt)
            else np.empty(0, dtype=np.int64)
        )
        self.keys = srt[self.start]  # sorted (pupil, school) keys, one per cell
        # most cells hold one edge (a pupil's grade fits one offer per school): only
        # cells with several need sorting by price
        order = np.argsort(self.key, kind="stable")
        size = np.diff(np.append(self.start, len(srt)))
        self.edge_one = order[self.start]
        multi_cell = np.flatnonzero(size > 1)
        self.multi_cell = multi_cell
        in_multi = np.repeat(size > 1, size)
        self.multi_edges = order[in_multi]
        self.multi_key = self.key[self.multi_edges]
        ms = self.multi_key
        self.multi_start = (
            np.flatnonzero(np.concatenate(([True], ms[1:] != ms[:-1])))
            if len(ms)
            else np.empty(0, dtype=np.int64)
        )
        self.pupil = self.keys // n_s
        self.school = self.keys % n_s
        self.n_s = n_s

    def lookup(self, pupil: NDArray, school: NDArray) -> NDArray:
        """Cell index of each (pupil, school), -1 where the pupil cannot sit there."""
        key = pupil * self.n_s + school
        pos = np.minimum(np.searchsorted(self.keys, key), max(len(self.keys) - 1, 0))
        hit = (pupil >= 0) & (school >= 0) & (len(self.keys) > 0)
        hit &= self.keys[pos] == key if len(self.keys) else False
        return np.where(hit, pos, -1)

    def best(self, price: NDArray) -> tuple[NDArray, NDArray]:
        """Cheapest priced edge per cell and its priced value."""
        prob = self.prob
        edge = self.edge_one.copy()
        if len(self.multi_cell):
            me = self.multi_edges
            val = prob.ed[me] + price[prob.eo[me]]
            order = np.lexsort((val, self.multi_key))
            edge[self.multi_cell] = me[order[self.multi_start]]
        return edge, prob.ed[edge] + price[prob.eo[edge]]


class _FamilyPlans:
    """Candidate plans of all families as arrays: one row per (family, school reached)."""

    def __init__(self, prob: Problem, cells: _Cells) -> None:
        self.prob = prob
        self.cells = cells
        fam = prob.groups
        k = max((len(g) for g in fam), default=1)
        self.member = np.full((len(fam), k), -1, dtype=np.int64)
        for f, mem in enumerate(fam):
            self.member[f, : len(mem)] = mem
        rows_f, rows_s = [], []
        in_family = prob.group[cells.pupil] >= 0
        fam_of_cell = prob.group[cells.pupil[in_family]]
        pairs = np.unique(fam_of_cell * cells.n_s + cells.school[in_family])
        rows_f = pairs // cells.n_s
        rows_s = pairs % cells.n_s
        # one extra row per family without a common school: everyone at their own best
        self.row_f = np.concatenate((rows_f, np.arange(len(fam)))).astype(np.int64)
        self.row_s = np.concatenate((rows_s, np.full(len(fam), -1))).astype(np.int64)
        slot_p = self.member[self.row_f]  # rows x slots
        self.slot_p = slot_p
        self.cell_of = cells.lookup(slot_p, np.broadcast_to(self.row_s[:, None], slot_p.shape))
        self.pen = np.where(slot_p >= 0, prob.penalty[np.maximum(slot_p, 0)], 0.0)

    def evaluate(
        self, edge: NDArray, bval: NDArray, rows: NDArray | None = None
    ) -> tuple[NDArray, NDArray]:
        """Priced value of every row's plan (or of ``rows``) and the plan (edge per slot)."""
        prob = self.prob
        split = prob.instance.policy.sibling_split_penalty
        cells = self.cells
        # own cheapest seat per pupil (value, edge, school)
        own_v = prob.penalty.copy()
        own_e = np.full(prob.n, -1, dtype=np.int64)
        own_s = np.full(prob.n, -1, dtype=np.int64)
        if len(bval):
            order = np.lexsort((bval, cells.pupil))
            first = order[
                np.concatenate(([True], cells.pupil[order][1:] != cells.pupil[order][:-1]))
            ]
            p = cells.pupil[first]
            better = bval[first] < own_v[p]
            own_v[p[better]] = bval[first[better]]
            own_e[p[better]] = edge[first[better]]
            own_s[p[better]] = cells.school[first[better]]
        sel = slice(None) if rows is None else rows
        slot_p, cell_of, pen = self.slot_p[sel], self.cell_of[sel], self.pen[sel]
        sp = np.maximum(slot_p, 0)
        real = slot_p >= 0
        at_s = np.where(cell_of >= 0, bval[np.maximum(cell_of, 0)], np.inf)
        o_v, o_e, o_s = own_v[sp], own_e[sp], own_s[sp]
        row_s = self.row_s[sel][:, None]
        elsewhere = np.where((o_e >= 0) & (o_s != row_s), o_v + split, np.inf)
        choice = np.argmin(np.stack((pen, at_s, elsewhere)), axis=0)
        value = np.choose(choice, (pen, at_s, o_v))
        plan_e = np.choose(choice, (np.full_like(o_e, -1), edge[np.maximum(cell_of, 0)], o_e))
        plan_s = np.choose(choice, (np.full_like(o_s, -1), np.broadcast_to(row_s, o_s.shape), o_s))
        plan_e = np.where(real, plan_e, -1)
        plan_s = np.where(real, plan_s, -1)
        value = np.where(real, value, 0.0)
        srt = np.sort(plan_s, axis=1)
        distinct = (srt >= 0).astype(np.int64)
        distinct[:, 1:] &= srt[:, 1:] != srt[:, :-1]
        k = distinct.sum(axis=1)
        return value.sum(axis=1) + split * np.maximum(k - 1, 0), plan_e


class _Master:
    """The restricted master LP in HiGHS, its columns and what the dive has fixed.

    Rows: capacity per offer (``<= seats``), then "exactly one" per single pupil, then
    per family. Columns: a single pupil unplaced, a single pupil's edge, a family plan.
    """

    def __init__(self, prob: Problem, cells: _Cells, plans_ix: _FamilyPlans) -> None:
        self.prob, self.cells, self.plans_ix = prob, cells, plans_ix
        n, m = prob.n, prob.m
        self.n_f = n_f = len(prob.groups)
        single = (prob.group < 0) & (prob.estart[1:] > prob.estart[:-1])
        self.singles = singles = np.flatnonzero(single)
        self.n_single = n_single = len(singles)
        self.conv_single = np.full(n, -1, dtype=np.int64)
        self.conv_single[singles] = m + np.arange(n_single)
        self.conv_fam = m + n_single + np.arange(n_f)
        self.is_single_edge = single[prob.ep]
        self.have_edge = np.zeros(len(prob.ep), dtype=bool)
        self.plan_family: list[int] = []  # per plan column
        self.plan_edges: list[NDArray] = []
        self.plan_cost: list[float] = []
        self.plan_use: list[dict[int, int]] = []  # seats per offer of each plan
        self.plan_col: list[int] = []
        self.seen: set[tuple[int, bytes]] = set()
        self.n_cols = 0
        self.fixed = np.zeros(n_f, dtype=bool)
        self.fixed_plan = np.full(n_f, -1, dtype=np.int64)
        self.fixed_use = np.zeros(m, dtype=np.int64)  # seats taken by fixed plans
        self.left_open = np.zeros(n_f, dtype=bool)  # no plan fits: the flow decides
        self.counter = {"lp_solves": 0, "fallbacks": 0, "chunks": 0, "rounded": 0}
        self._arrays: tuple[int, NDArray, NDArray] | None = None
        self.h = new_highs()
        inf = highspy.kHighsInf
        self.h.addRows(
            m + n_single + n_f,
            np.concatenate((np.full(m, -inf), np.ones(n_single + n_f))),
            np.concatenate((prob.seats.astype(np.float64), np.ones(n_single + n_f))),
            0,
            np.zeros(0, dtype=np.int32),
            np.zeros(0, dtype=np.int32),
            np.zeros(0),
        )
        # always present: a single pupil unplaced, a family wholly unplaced (feasibility)
        self._add_cols(
            prob.penalty[singles],
            list(range(n_single)),
            self.conv_single[singles].tolist(),
            [1.0] * n_single,
        )
        self.add_plans(
            [(f, np.full(len(mem), -1, dtype=np.int64)) for f, mem in enumerate(prob.groups)]
        )

    # -- columns -------------------------------------------------------------------

    def _add_cols(
        self, costs: NDArray, starts: list[int], index: list[int], value: list[float]
    ) -> None:
        k = len(costs)
        self.h.addCols(
            k,
            np.asarray(costs, dtype=np.float64),
            np.zeros(k),
            np.ones(k),
            len(index),
            np.asarray(starts, dtype=np.int32),
            np.asarray(index, dtype=np.int32),
            np.asarray(value, dtype=np.float64),
        )
        self.n_cols += k

    def add_single_edges(self, idx: NDArray) -> int:
        """Add these edges (of single pupils) as columns unless present; returns how many."""
        prob = self.prob
        idx = idx[~self.have_edge[idx]]
        if len(idx):
            self.have_edge[idx] = True
            index = np.empty(2 * len(idx), dtype=np.int64)
            index[0::2] = prob.eo[idx]
            index[1::2] = self.conv_single[prob.ep[idx]]
            self._add_cols(
                prob.ed[idx], list(range(0, 2 * len(idx), 2)), index.tolist(), [1.0] * len(index)
            )
        return len(idx)

    def add_plans(self, items: list[tuple[int, NDArray]]) -> int:
        """Add family plans (family, edge per member) unless present; returns how many."""
        prob = self.prob
        split = prob.instance.policy.sibling_split_penalty
        costs: list[float] = []
        starts: list[int] = []
        index: list[int] = []
        value: list[float] = []
        for f, edges in items:
            mem = prob.groups[f]
            edges = edges[: len(mem)]
            key = (f, edges.tobytes())
            if key in self.seen:
                continue
            self.seen.add(key)
            cost = 0.0
            count: dict[int, int] = {}
            schools: set[int] = set()
            for p, e in zip(mem.tolist(), edges.tolist(), strict=True):
                if e < 0:
                    cost += float(prob.penalty[p])
                else:
                    cost += float(prob.ed[e])
                    o = int(prob.eo[e])
                    count[o] = count.get(o, 0) + 1
                    schools.add(int(prob.offer_school[o]))
            costs.append(cost + split * max(len(schools) - 1, 0))
            starts.append(len(index))
            index.extend(count)
            value.extend(float(c) for c in count.values())
            index.append(int(self.conv_fam[f]))
            value.append(1.0)
            self.plan_family.append(f)
            self.plan_edges.append(edges)
            self.plan_cost.append(costs[-1])
            self.plan_use.append(count)
            self.plan_col.append(self.n_cols + len(costs) - 1)
        if costs:
            self._add_cols(np.asarray(costs), starts, index, value)
        return len(costs)

    def plan_arrays(self) -> tuple[NDArray, NDArray]:
        """Column and family of every plan so far, as arrays (the lists only grow)."""
        k = len(self.plan_col)
        if self._arrays is None or self._arrays[0] != k:
            self._arrays = (
                k,
                np.asarray(self.plan_col, dtype=np.int64),
                np.asarray(self.plan_family, dtype=np.int64),
            )
        return self._arrays[1], self._arrays[2]

    # -- solving and pricing -------------------------------------------------------

    def solve(self) -> bool:
        """Re-solve (warm); True if optimal."""
        self.counter["lp_solves"] += 1
        self.h.run()
        return self.h.getModelStatus() == highspy.HighsModelStatus.kOptimal

    def seat_price(self) -> NDArray:
        """Capacity duals of the last solve as seat prices (>= 0)."""
        return np.maximum(-np.asarray(self.h.getSolution().row_dual)[: self.prob.m], 0.0)

    def state(self) -> tuple[float, NDArray]:
        """Objective and plan weights of the LP just solved (read before any change:
        changing the model resets HiGHS' solution)."""
        cols, _ = self.plan_arrays()
        value = float(self.h.getInfo().objective_function_value)
        return value, np.asarray(self.h.getSolution().col_value)[cols]

    def start(self, start: NDArray, start_price: NDArray, family_slack: float) -> None:
        """First columns: the flow's seats and what its prices call (nearly) as cheap."""
        prob = self.prob
        val = prob.ed + start_price[prob.eo]
        best = prob.penalty.copy()
        has = prob.estart[1:] > prob.estart[:-1]
        best[has] = np.minimum(best[has], np.minimum.reduceat(val, prob.estart[:-1][has]))
        cheap = self.is_single_edge & (val - best[prob.ep] <= 1e-9)
        cheap |= self.is_single_edge & (start[prob.ep] == prob.eo)
        self.add_single_edges(np.flatnonzero(cheap))
        ix = self.plans_ix
        row_val, row_plan = ix.evaluate(*self.cells.best(start_price))
        fam_best = np.full(self.n_f, np.inf)
        np.minimum.at(fam_best, ix.row_f, row_val)
        near = row_val <= fam_best[ix.row_f] + family_slack
        items = [(int(ix.row_f[r]), row_plan[r]) for r in np.flatnonzero(near)]
        start_edge = edge_of(prob, start)
        items.extend((f, start_edge[mem]) for f, mem in enumerate(prob.groups))
        self.add_plans(items)

    def price_round(self) -> int:
        """Add the most profitable column per pupil and per open family; returns how many."""
        prob, m = self.prob, self.prob.m
        dual = np.asarray(self.h.getSolution().row_dual)
        price = np.maximum(-dual[:m], 0.0)
        sigma = np.full(prob.n, np.inf)
        sigma[self.singles] = dual[m : m + self.n_single]
        rc = prob.ed + price[prob.eo] - sigma[prob.ep]
        cand = np.flatnonzero(self.is_single_edge & (rc < -EPS) & ~self.have_edge)
        added = 0
        if len(cand):
            order = cand[np.lexsort((rc[cand], prob.ep[cand]))]
            first = np.concatenate(([True], prob.ep[order][1:] != prob.ep[order][:-1]))
            added += self.add_single_edges(order[first])
        ix = self.plans_ix
        row_val, row_plan = ix.evaluate(*self.cells.best(price))
        red = row_val - dual[self.conv_fam][ix.row_f]
        order = np.lexsort((red, ix.row_f))
        first = order[np.concatenate(([True], ix.row_f[order][1:] != ix.row_f[order][:-1]))]
        take = first[(red[first] < -EPS) & ~self.fixed[ix.row_f[first]]]
        added += self.add_plans([(int(ix.row_f[r]), row_plan[r]) for r in take])
        return added

    # -- diving --------------------------------------------------------------------

    def set_family(self, f: int, plan_j: int | None) -> None:
        """Fix family f to plan plan_j (index into the plan lists), or free it again."""
        cols, pf = self.plan_arrays()
        mine = np.flatnonzero(pf == f)
        lo = np.zeros(len(mine))
        hi = np.ones(len(mine))
        if plan_j is not None:
            lo[mine == plan_j] = 1.0
            hi = lo
        self.h.changeColsBounds(len(mine), cols[mine].astype(np.int32), lo, hi)
        self.fixed[f] = plan_j is not None
        if self.fixed_plan[f] >= 0:
            for o, c in self.plan_use[int(self.fixed_plan[f])].items():
                self.fixed_use[o] -= c
        self.fixed_plan[f] = -1 if plan_j is None else plan_j
        if plan_j is not None:
            for o, c in self.plan_use[plan_j].items():
                self.fixed_use[o] += c

    def fits(self, j: int, extra: dict[int, int] | None = None) -> bool:
        """Whether plan j still fits the seats left by fixed plans (and ``extra``)."""
        seats, used = self.prob.seats, self.fixed_use
        extra = extra or {}
        return all(used[o] + extra.get(o, 0) + c <= seats[o] for o, c in self.plan_use[j].items())

    def fractional(self, w: NDArray) -> NDArray:
        """Families with a fractional plan that are neither fixed nor left open."""
        _, pf = self.plan_arrays()
        pf = pf[: len(w)]
        frac = (w > FRACTIONAL) & (w < 1 - FRACTIONAL)
        return np.unique(pf[frac & ~self.fixed[pf] & ~self.left_open[pf]])

    def heaviest(self, f: int, w: NDArray) -> int:
        """Family f's plan with the largest weight in ``w``."""
        _, pf = self.plan_arrays()
        mine = np.flatnonzero(pf[: len(w)] == f)
        return int(mine[np.argmax(w[mine])])

    def settle(self, f: int, obj: float, w: NDArray, first_try: float) -> bool:
        """Fix family f, whose heaviest plan raised the LP to ``first_try``, to its best plan.

        Tried in this order, stopping at the first within SINGLE_TOLERANCE of ``obj``: its
        next plan by weight, the plans cheapest at the current prices (added if new), its
        other plans cheapest first (a split the LP had no use for, say).
        """
        results = [(first_try, self.heaviest(f, w))]
        rows = np.flatnonzero(self.plans_ix.row_f == f)
        row_val, row_plan = self.plans_ix.evaluate(*self.cells.best(self.seat_price()), rows)
        fresh = [(f, row_plan[r]) for r in np.argsort(row_val, kind="stable")[:ALTERNATIVES]]
        self.add_plans(fresh)
        _, pf = self.plan_arrays()
        keys = {edges.tobytes() for _, edges in fresh}
        mine = np.flatnonzero(pf == f)
        wf = np.concatenate((w, np.zeros(len(pf) - len(w))))
        tries = [int(j) for j in mine[np.argsort(-wf[mine], kind="stable")][1:2]]
        tries += [int(j) for j in mine if self.plan_edges[j].tobytes() in keys]
        tries += sorted((int(j) for j in mine), key=lambda j: self.plan_cost[j])
        tries = [j for j in dict.fromkeys(tries) if j != results[0][1] and self.fits(j)]
        for j in tries[:MAX_TRIES]:
            self.set_family(f, j)
            value = self.state()[0] if self.solve() else np.inf
            results.append((value, j))
            if value <= obj + SINGLE_TOLERANCE:
                return True
        best_val, best_j = min(results)
        if not np.isfinite(best_val):
            # every plan tried collides with families fixed before: leave this one to
            # the flow (it keeps the seats the LP gives it, fractional or not)
            self.set_family(f, None)
            self.left_open[f] = True
        else:
            self.set_family(f, best_j)
        return self.solve()

    def dive(self, dive_deadline: float) -> tuple[bool, int]:
        """Fix every family to one plan; returns (LP still solvable, families fractional at
        the start). Chunks of fixes double while the LP stays put and halve when it rises;
        at ``dive_deadline`` the families left keep their heaviest plan (rounding)."""
        n_frac = -1
        while True:
            obj, w = self.state()
            queue = [int(f) for f in self.fractional(w)]
            if n_frac < 0:
                n_frac = len(queue)
            if not queue:
                # all decided: prices moved while diving, so new columns may pay again
                if self.price_round() == 0:
                    return True, n_frac
                if not self.solve():
                    return False, n_frac
                continue
            if time.perf_counter() > dive_deadline:
                self.counter["rounded"] = len(queue)
                return True, n_frac
            heavy = np.full(self.n_f, -1.0)
            _, pf = self.plan_arrays()
            np.maximum.at(heavy, pf[: len(w)], w)
            queue.sort(key=lambda f: -heavy[f])
            size = len(queue)
            while queue and time.perf_counter() <= dive_deadline:
                # a chunk takes families whose heaviest plans fit the seats left by
                # the fixed ones and by each other (an overfull fix is infeasible: a
                # wasted solve); a family whose plan does not fit alone is settled
                open_now = set(self.fractional(w).tolist())
                chunk: list[int] = []
                rest: list[int] = []
                misfit: list[int] = []
                use: dict[int, int] = {}
                for f in queue:
                    if f not in open_now:
                        continue
                    j = self.heaviest(f, w)
                    if not self.fits(j):
                        misfit.append(f)
                    elif len(chunk) < size and self.fits(j, use):
                        chunk.append(f)
                        for o, c in self.plan_use[j].items():
                            use[o] = use.get(o, 0) + c
                    else:
                        rest.append(f)
                if misfit:
                    self.counter["fallbacks"] += 1
                    if not self.settle(misfit[0], obj, w, np.inf):
                        return False, n_frac
                    obj, w = self.state()
                    queue = misfit[1:] + chunk + rest
                    continue
                if not chunk:
                    break
                plan_of = {f: self.heaviest(f, w) for f in chunk}
                for f in chunk:
                    self.set_family(f, plan_of[f])
                self.counter["chunks"] += 1
                reached = self.state()[0] if self.solve() else np.inf
                allowed = DIVE_TOLERANCE * (1 + DIVE_PER_FAMILY * len(chunk))
                if len(chunk) == 1:
                    allowed = max(allowed, SINGLE_TOLERANCE)
                if reached <= obj + allowed:
                    obj, w = self.state()
                    queue = rest
                    size *= 2
                    continue
                for f in chunk:
                    self.set_family(f, None)
                if len(chunk) > 1:
                    size = max(len(chunk) // 2, 1)
                    continue
                self.counter["fallbacks"] += 1
                if not self.settle(chunk[0], obj, w, reached):
                    return False, n_frac
                obj, w = self.state()
                queue = rest
                size = 1

    def plans(self) -> dict[int, NDArray]:
        """Each family's heaviest plan in the last solution (left-open families: none)."""
        cols, pf = self.plan_arrays()
        w = np.asarray(self.h.getSolution().col_value)[cols]
        plans: dict[int, NDArray] = {}
        weight = np.full(self.n_f, -1.0)
        for j in np.flatnonzero(w > FRACTIONAL):
            f = int(pf[j])
            if w[j] > weight[f] and not self.left_open[f]:
                weight[f], plans[f] = w[j], self.plan_edges[j]
        return plans


def solve_master(
    prob: Problem,
    start: NDArray,
    start_price: NDArray,
    deadline: float,
    dive_deadline: float | None = None,
    family_slack: float = 5.0,
) -> MasterResult | None:
    """Column generation on the family-plan master, then LP diving to one plan per family.

    ``start`` (an assignment) and ``start_price`` (its seat prices) come from the min-cost
    flow. Returns None if column generation has not converged by ``deadline``; a dive
    still running at ``dive_deadline`` stops and rounds: each family that is left takes
    its heaviest plan.
    """
    if not len(prob.ep) or not prob.groups:
        return None  # nothing to decide: the flow is exact
    t0 = time.perf_counter()
    cells = _Cells(prob)
    master = _Master(prob, cells, _FamilyPlans(prob, cells))
    master.start(start, start_price, family_slack)
    t_init = time.perf_counter()
    rounds = 0
    while True:
        if time.perf_counter() > deadline or rounds >= MAX_ROUNDS or not master.solve():
            return None
        rounds += 1
        if master.price_round() == 0:
            break
    lp_value = master.state()[0]
    seat_price = master.seat_price()
    t_lp = time.perf_counter()
    ok, n_frac = master.dive(deadline if dive_deadline is None else dive_deadline)
    if not ok:
        return None
    t_dive = time.perf_counter()
    return MasterResult(
        plans=master.plans(),
        seat_price=seat_price,
        lp_value=lp_value,
        rounds=rounds,
        columns=master.n_cols,
        fractional=n_frac,
        stats={
            "init": round(t_init - t0, 3),
            "lp": round(t_lp - t_init, 3),
            "dive": round(t_dive - t_lp, 3),
            **master.counter,
        },
    )

"""Lower bounds that include the sibling term, by Lagrangian relaxation of capacities.

Pricing every seat of offer o at pi_o >= 0 and dropping the capacity rows splits the
problem into independent families and single pupils. Inside a family, members whose
reachable schools overlap (directly or through another member) form a *unit*; distinct
units never share a school, so the family's school count k is the sum of its units'
counts k_u. For a unit, with b_p(s) the cheapest priced seat of member p at school s:

* k_u = 0 costs Z_u = Σ P_p (all unplaced);
* k_u = 1 costs at least t1_u = min_s Σ_p min(P_p, b_p(s));
* k_u >= 2 costs at least Σ_p min(P_p, min_s b_p(s)).

The family then costs at least min over (k_u in {0, 1, 2}) of Σ f_u(k_u) +
split_penalty × max(Σ k_u − 1, 0), and

    L(pi) = Σ_families that + Σ_singles min(P_p, min_o (d + pi_o)) − Σ_o pi_o seats_o

is a proven lower bound on every valid answer, for every pi >= 0 (weak duality). Each
evaluation is a few vectorised passes over the edge list, so pi can be improved by
subgradient steps within the time budget.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from teilhabe.placement.problem import Problem


@dataclass(slots=True)
class Relaxed:
    """Value of L(pi) and the minimising plans."""

    value: float
    usage: NDArray  # seats used per offer by the relaxed plans
    unit_target: NDArray  # per unit: its one school if the plan uses exactly one, else -1


def _starts(sorted_keys: NDArray) -> NDArray:
    """Start index of each run of equal keys (empty for no keys)."""
    if len(sorted_keys) == 0:
        return np.empty(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))


def family_units(prob: Problem) -> NDArray:
    """Unit index per pupil (-1 outside families); units are numbered family by family."""
    unit = np.full(prob.n, -1, dtype=np.int64)
    e_school = prob.offer_school[prob.eo]
    next_unit = 0
    for mem in prob.groups:
        sets = [set(e_school[prob.estart[p] : prob.estart[p + 1]].tolist()) for p in mem]
        parent = list(range(len(mem)))

        def find(a: int, parent: list[int] = parent) -> int:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        for a, b in itertools.combinations(range(len(mem)), 2):
            if sets[a] & sets[b]:
                parent[find(a)] = find(b)
        roots: dict[int, int] = {}
        for a, p in enumerate(mem):
            r = find(a)
            if r not in roots:
                roots[r] = next_unit
                next_unit += 1
            unit[p] = roots[r]
    return unit


class LagrangianBound:
    """Precomputed index structure so that L(pi) costs a few numpy passes."""

    def __init__(self, prob: Problem) -> None:
        self.prob = prob
        self.n_s = n_s = len(prob.instance.schools) + 1
        self.unit = family_units(prob)
        self.n_units = int(self.unit.max()) + 1 if prob.n and self.unit.max() >= 0 else 0
        es = prob.offer_school[prob.eo]
        self.cell_key = prob.ep * n_s + es
        sk = np.sort(self.cell_key)
        self.cell_start = _starts(sk)
        cells = sk[self.cell_start]
        self.cell_p = cells // n_s
        self.cell_s = cells % n_s
        self.pupil_has_cells = np.zeros(prob.n, dtype=bool)
        self.pupil_has_cells[self.cell_p] = True
        self.pupil_cell_start = np.searchsorted(self.cell_p, np.flatnonzero(self.pupil_has_cells))
        # unit cells: (unit, school)
        u = self.unit[self.cell_p]
        in_u = np.flatnonzero(u >= 0)
        ukey = u[in_u] * n_s + self.cell_s[in_u]
        uorder = np.argsort(ukey, kind="stable")
        self.u_cells = in_u[uorder]
        uk = ukey[uorder]
        self.ucell_start = _starts(uk)
        self.ucell_unit = uk[self.ucell_start] // n_s if len(uk) else uk
        self.ucell_school = uk[self.ucell_start] % n_s if len(uk) else uk
        self.in_unit = self.unit >= 0
        self.unit_penalty = np.bincount(
            self.unit[self.in_unit], weights=prob.penalty[self.in_unit], minlength=self.n_units
        )
        # units per family, padded
        fam_of_unit = np.full(self.n_units, -1, dtype=np.int64)
        fam_of_unit[self.unit[self.in_unit]] = prob.group[self.in_unit]
        n_f = len(prob.groups)
        per = np.bincount(fam_of_unit, minlength=n_f) if self.n_units else np.zeros(0, int)
        umax = int(per.max()) if len(per) else 1
        self.fam_units = np.full((n_f, max(umax, 1)), -1, dtype=np.int64)
        pos = np.zeros(n_f, dtype=np.int64)
        for uid, f in enumerate(fam_of_unit):
            self.fam_units[f, pos[f]] = uid
            pos[f] += 1
        self.combos = np.array(list(itertools.product((0, 1, 2), repeat=self.fam_units.shape[1])))

    def relax(self, price: NDArray) -> Relaxed:
        """L(price) and its minimising plans (price per offer in cost units, >= 0)."""
        prob = self.prob
        pen = prob.penalty
        split = prob.instance.policy.sibling_split_penalty
        val = prob.ed + price[prob.eo]
        order = np.lexsort((val, self.cell_key))
        cell_edge = order[self.cell_start]
        b = val[cell_edge]
        best = pen.copy()
        best_cell = np.full(prob.n, -1, dtype=np.int64)
        if len(b):
            corder = np.lexsort((b, self.cell_p))
            first = corder[self.pupil_cell_start]
            has = np.flatnonzero(self.pupil_has_cells)
            better = b[first] < pen[has]
            best[has[better]] = b[first[better]]
            best_cell[has[better]] = first[better]
        value = float(best[~self.in_unit].sum())
        chosen_cell = best_cell.copy()
        unit_target = np.full(self.n_units, -1, dtype=np.int64)
        if self.n_units:
            members = np.flatnonzero(self.in_unit)
            mu = self.unit[members]
            indiv = np.bincount(mu, weights=best[members], minlength=self.n_units)
            t1 = self.unit_penalty.copy()
            t1_cell = np.full(self.n_units, -1, dtype=np.int64)
            if len(self.u_cells):
                gain = np.minimum(pen[self.cell_p], b) - pen[self.cell_p]
                usum = np.add.reduceat(gain[self.u_cells], self.ucell_start)
                uorder = np.lexsort((usum, self.ucell_unit))
                su = self.ucell_unit[uorder]
                ufirst = uorder[_starts(su)]
                uid = self.ucell_unit[ufirst]
                t1[uid] += np.minimum(usum[ufirst], 0.0)
                t1_cell[uid] = ufirst
            # f_u(k) for k = 0, 1, 2 (padded units: 0 for k=0, inf otherwise)
            f = np.stack((self.unit_penalty, np.minimum(t1, self.unit_penalty), indiv), axis=1)
            fu = self.fam_units
            pad = fu < 0
            fk = np.where(pad[:, :, None], np.array([0.0, np.inf, np.inf]), f[np.maximum(fu, 0)])
            # total per combo: (families x combos)
            combos = self.combos
            tot = np.zeros((fu.shape[0], len(combos)))
            for col in range(fu.shape[1]):
                tot += fk[:, col, combos[:, col]]
            ksum = combos.sum(axis=1)
            tot += split * np.maximum(ksum - 1, 0)
            pick = np.argmin(tot, axis=1)
            value += float(tot[np.arange(len(pick)), pick].sum())
            # plans: unit k=0 -> unplaced, k=1 -> its t1 school, k=2 -> individual best
            k_of_unit = np.full(self.n_units, 2, dtype=np.int64)
            sel = ~pad
            k_of_unit[fu[sel]] = combos[pick][sel]
            k_of_unit[(k_of_unit == 1) & (t1_cell < 0)] = 0
            one = k_of_unit == 1
            unit_target[one] = self.ucell_school[t1_cell[one]]
            km = k_of_unit[mu]
            chosen_cell[members[km != 2]] = -1
            cells = self.u_cells
            cu = self.unit[self.cell_p[cells]]
            ok = (unit_target[cu] == self.cell_s[cells]) & (b[cells] < pen[self.cell_p[cells]])
            chosen_cell[self.cell_p[cells[ok]]] = cells[ok]
        used = chosen_cell[chosen_cell >= 0]
        usage = np.bincount(prob.eo[cell_edge[used]], minlength=prob.m)
        value -= float(np.dot(price, prob.seats))
        return Relaxed(value=value, usage=usage, unit_target=unit_target)

    def value(self, price: NDArray) -> float:
        """L(price) only."""
        return self.relax(price).value

    def ascend(
        self, price: NDArray, upper: float, deadline: float, max_iter: int = 60
    ) -> tuple[float, NDArray, Relaxed]:
        """Projected subgradient ascent with Polyak steps towards the known upper bound.

        Returns the best bound found, its prices and its relaxed plans.
        """
        price = np.maximum(np.asarray(price, dtype=np.float64), 0.0)
        rel = self.relax(price)
        best_val, best_price, best_rel = rel.value, price.copy(), rel
        lam = 1.0
        stall = 0
        for _ in range(max_iter):
            if time.perf_counter() > deadline:
                break
            g = (rel.usage - self.prob.seats).astype(np.float64)
            g[(price <= 0) & (g < 0)] = 0.0  # projection: no step below zero
            norm = float(np.dot(g, g))
            if norm == 0.0 or upper - rel.value <= 1e-9:
                break
            price = np.maximum(price + lam * (upper - rel.value) / norm * g, 0.0)
            rel = self.relax(price)
            if rel.value > best_val + 1e-9:
                best_val, best_price, best_rel = rel.value, price.copy(), rel
                stall = 0
            else:
                stall += 1
                if stall >= 3:
                    lam *= 0.5
                    stall = 0
        return best_val, best_price, best_rel

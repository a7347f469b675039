"""The instance compiled into arrays, and solutions over those arrays.

Solvers share one compiled form: integer indices for pupils, offers and schools, the
edge list of admissible (pupil, offer) pairs, and per-pupil unplaced costs. A solution is
simply the offer index per pupil (-1 = unplaced), which makes capacity and cost checks
cheap and vectorised.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from teilhabe.placement.geo import pairs_within
from teilhabe.placement.model import FORMAT, LEVELS, Instance

NO_SEAT_IN_REACH = "no_seat_in_reach"
CAPACITY = "capacity"


@dataclass(slots=True)
class Problem:
    """Array form of an instance plus its admissible edges (only offers with seats > 0)."""

    instance: Instance
    n: int
    m: int
    penalty: NDArray  # unplaced cost per pupil
    seats: NDArray  # per offer
    offer_school: NDArray  # school index per offer
    group: NDArray  # sibling group index per pupil, -1 if none
    groups: list[NDArray]  # members per group (only groups with >= 2 members)
    ep: NDArray  # edge -> pupil (edges sorted by pupil, then distance)
    eo: NDArray  # edge -> offer
    ed: NDArray  # edge -> distance km
    estart: NDArray  # CSR: edges of pupil p are estart[p]:estart[p + 1]
    clique_lb: NDArray = field(default_factory=lambda: np.empty(0, dtype=bool))
    ekey_order: NDArray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    ekey_sorted: NDArray = field(default_factory=lambda: np.empty(0, dtype=np.int64))

    @property
    def e_school(self) -> NDArray:
        """School index per edge."""
        return self.offer_school[self.eo]


def compile_problem(instance: Instance) -> Problem:
    """Build arrays and the admissible edges of an instance."""
    schools, students, offers = instance.schools, instance.students, instance.offers
    n, m = len(students), len(offers)
    school_index = {s.id: i for i, s in enumerate(schools)}
    s_lat = np.array([s.lat for s in schools], dtype=np.float64)
    s_lon = np.array([s.lon for s in schools], dtype=np.float64)
    forms = sorted({s.school_form for s in schools})
    form_code = {f: i for i, f in enumerate(forms)}
    s_form = np.array([form_code[s.school_form] for s in schools], dtype=np.int64)
    o_school = np.array([school_index[o.school] for o in offers], dtype=np.int64)
    o_level = np.array([LEVELS.index(o.level) for o in offers], dtype=np.int64)
    o_lo = np.array([o.grades[0] for o in offers], dtype=np.int64)
    o_hi = np.array([o.grades[1] for o in offers], dtype=np.int64)
    seats = np.array([o.seats for o in offers], dtype=np.int64)

    p_lat = np.array([p.lat for p in students], dtype=np.float64)
    p_lon = np.array([p.lon for p in students], dtype=np.float64)
    p_level = np.array([LEVELS.index(p.level) for p in students], dtype=np.int64)
    p_grade = np.array([p.grade for p in students], dtype=np.int64)
    # allowed school forms as a boolean matrix pupil x form (forms are few)
    allowed = np.ones((n, max(len(forms), 1)), dtype=bool)
    for i, p in enumerate(students):
        if p.school_forms:
            allowed[i, :] = False
            for f in p.school_forms:
                if f in form_code:
                    allowed[i, form_code[f]] = True
    penalty = np.array([instance.unplaced_cost(p) for p in students], dtype=np.float64)

    # offers per school, grouped as CSR, only with seats
    useful = np.flatnonzero(seats > 0)
    order = useful[np.argsort(o_school[useful], kind="stable")]
    counts = np.bincount(o_school[order], minlength=len(schools))
    sstart = np.concatenate(([0], np.cumsum(counts)))

    ep_parts, eo_parts, ed_parts = [], [], []
    for lv, level in enumerate(LEVELS):
        reach = instance.policy.max_distance_km[level]
        pupils = np.flatnonzero(p_level == lv)
        has_level = np.zeros(len(schools), dtype=bool)
        has_level[o_school[useful[o_level[useful] == lv]]] = True
        cand_schools = np.flatnonzero(has_level)
        if len(pupils) == 0 or len(cand_schools) == 0:
            continue
        i, j, d = pairs_within(
            p_lat[pupils], p_lon[pupils], s_lat[cand_schools], s_lon[cand_schools], reach
        )
        pi, sj = pupils[i], cand_schools[j]
        # expand (pupil, school) to (pupil, offer)
        k = counts[sj]
        rep_p = np.repeat(pi, k)
        rep_d = np.repeat(d, k)
        starts = np.repeat(sstart[sj], k)
        within = np.arange(len(rep_p)) - np.repeat(np.cumsum(k) - k, k)
        rep_o = order[starts + within]
        ok = (
            (o_level[rep_o] == lv)
            & (o_lo[rep_o] <= p_grade[rep_p])
            & (p_grade[rep_p] <= o_hi[rep_o])
            & allowed[rep_p, s_form[o_school[rep_o]]]
        )
        ep_parts.append(rep_p[ok])
        eo_parts.append(rep_o[ok])
        ed_parts.append(rep_d[ok])
    if ep_parts:
        ep = np.concatenate(ep_parts)
        eo = np.concatenate(eo_parts)
        ed = np.concatenate(ed_parts)
    else:
        ep = np.empty(0, dtype=np.int64)
        eo = np.empty(0, dtype=np.int64)
        ed = np.empty(0, dtype=np.float64)
    # exclusions are rare: check them one by one
    excl = {i: p.excluded_schools for i, p in enumerate(students) if p.excluded_schools}
    if excl and len(ep):
        flagged = np.flatnonzero(np.isin(ep, np.fromiter(excl, dtype=np.int64)))
        drop = [e for e in flagged if schools[o_school[eo[e]]].id in excl[int(ep[e])]]
        if drop:
            keep = np.ones(len(ep), dtype=bool)
            keep[np.asarray(drop, dtype=np.int64)] = False
            ep, eo, ed = ep[keep], eo[keep], ed[keep]
    srt = np.lexsort((eo, ed, ep))
    ep, eo, ed = ep[srt], eo[srt], ed[srt]
    estart = np.searchsorted(ep, np.arange(n + 1)).astype(np.int64)

    gid: dict[str, int] = {}
    group = np.full(n, -1, dtype=np.int64)
    for i, p in enumerate(students):
        if p.sibling_group is not None:
            group[i] = gid.setdefault(p.sibling_group, len(gid))
    members: list[NDArray] = []
    if gid:
        order_g = np.argsort(group, kind="stable")
        order_g = order_g[group[order_g] >= 0]
        bounds = np.searchsorted(group[order_g], np.arange(len(gid) + 1))
        members = [order_g[bounds[g] : bounds[g + 1]] for g in range(len(gid))]
    # renumber so that only groups of two or more remain
    group[:] = -1
    groups = [mem for mem in members if len(mem) >= 2]
    for g, mem in enumerate(groups):
        group[mem] = g

    prob = Problem(
        instance=instance,
        n=n,
        m=m,
        penalty=penalty,
        seats=seats,
        offer_school=o_school,
        group=group,
        groups=groups,
        ep=ep,
        eo=eo,
        ed=ed,
        estart=estart,
    )
    prob.clique_lb = _sibling_cliques(prob)
    keys = ep * (m + 1) + eo
    prob.ekey_order = np.argsort(keys, kind="stable")
    prob.ekey_sorted = keys[prob.ekey_order]
    return prob


def _sibling_cliques(prob: Problem) -> NDArray:
    """Per group, a largest set of members no two of whom share any reachable school.

    Such members, if placed, necessarily sit at different schools, so the split penalty
    is at least ``penalty × (placed clique members − 1)``; the solver turns this into a
    valid strengthening of its lower bound. Returns a pupil mask.
    """
    mask = np.zeros(prob.n, dtype=bool)
    e_school = prob.e_school
    for mem in prob.groups:
        sets = []
        for p in mem:
            s = frozenset(e_school[prob.estart[p] : prob.estart[p + 1]].tolist())
            if s:
                sets.append((int(p), s))
        if len(sets) < 2:
            continue
        best: tuple[int, ...] = ()
        if len(sets) <= 12:
            for r in range(len(sets), 1, -1):
                for combo in itertools.combinations(range(len(sets)), r):
                    if all(
                        sets[a][1].isdisjoint(sets[b][1])
                        for a, b in itertools.combinations(combo, 2)
                    ):
                        best = combo
                        break
                if best:
                    break
        else:  # greedy for unusually large groups
            chosen: list[int] = []
            for a in range(len(sets)):
                if all(sets[a][1].isdisjoint(sets[b][1]) for b in chosen):
                    chosen.append(a)
            best = tuple(chosen) if len(chosen) >= 2 else ()
        for a in best:
            mask[sets[a][0]] = True
    return mask


@dataclass(slots=True)
class Solution:
    """Offer index per pupil (-1 = unplaced) plus solver statistics."""

    assign: NDArray
    stats: dict[str, Any] = field(default_factory=dict)


def solution_cost(prob: Problem, assign: NDArray) -> tuple[float, float, int]:
    """Total cost, distance part and number of split penalties paid (vectorised)."""
    placed = assign >= 0
    dist = 0.0
    if placed.any():
        # distance of each placed pupil along its edge
        dist = float(np.sum(assigned_distances(prob, assign)[placed]))
    unplaced = float(np.sum(prob.penalty[~placed]))
    splits = split_count(prob, assign)
    pol = prob.instance.policy
    return dist + unplaced + pol.sibling_split_penalty * splits, dist, splits


def assigned_distances(prob: Problem, assign: NDArray) -> NDArray:
    """Distance per pupil to its assigned offer (NaN when unplaced or not an edge)."""
    out = np.full(prob.n, np.nan)
    e = edge_of(prob, assign)
    ok = e >= 0
    out[ok] = prob.ed[e[ok]]
    return out


def edge_of(prob: Problem, assign: NDArray) -> NDArray:
    """Edge index per pupil for its assignment (-1 if unplaced or inadmissible)."""
    out = np.full(prob.n, -1, dtype=np.int64)
    placed = np.flatnonzero(assign >= 0)
    if len(placed) == 0 or len(prob.ekey_sorted) == 0:
        return out
    keys = placed * (prob.m + 1) + assign[placed]
    pos = np.minimum(np.searchsorted(prob.ekey_sorted, keys), len(prob.ekey_sorted) - 1)
    hit = prob.ekey_sorted[pos] == keys
    out[placed[hit]] = prob.ekey_order[pos[hit]]
    return out


def split_count(prob: Problem, assign: NDArray) -> int:
    """Sum over sibling groups of max(k - 1, 0), k = distinct schools of placed members."""
    sel = (prob.group >= 0) & (assign >= 0)
    if not sel.any():
        return 0
    g = prob.group[sel]
    s = prob.offer_school[assign[sel]]
    pairs = np.unique(g * (len(prob.instance.schools) + 1) + s)
    k = np.bincount(pairs // (len(prob.instance.schools) + 1), minlength=len(prob.groups))
    return int(np.sum(np.maximum(k - 1, 0)))


def unplaced_reasons(prob: Problem) -> NDArray:
    """True where the pupil has at least one admissible offer with seats (reason 'capacity')."""
    return prob.estart[1:] > prob.estart[:-1]


def answer_dict(prob: Problem, sol: Solution) -> dict[str, Any]:
    """The answer document of the exchange format."""
    inst = prob.instance
    cost, dist, splits = solution_cost(prob, sol.assign)
    dists = assigned_distances(prob, sol.assign)
    has_reach = unplaced_reasons(prob)
    assignments = []
    unplaced = []
    for i, p in enumerate(inst.students):
        o = int(sol.assign[i])
        if o >= 0:
            offer = inst.offers[o]
            assignments.append(
                {
                    "student": p.id,
                    "school": offer.school,
                    "offer": offer.id,
                    "distance_km": round(float(dists[i]), 6),
                }
            )
        else:
            reason = CAPACITY if has_reach[i] else NO_SEAT_IN_REACH
            unplaced.append({"student": p.id, "reason": reason})
    stats = {
        "placed": len(assignments),
        "unplaced": len(unplaced),
        "distance_km": round(dist, 6),
        "sibling_splits": splits,
        **sol.stats,
    }
    return {
        "format": FORMAT,
        "assignments": assignments,
        "unplaced": unplaced,
        "cost": round(cost, 6),
        "stats": stats,
    }


def check_assignment(prob: Problem, assign: NDArray) -> None:
    """Raise AssertionError if the assignment breaks capacity or admissibility."""
    placed = assign >= 0
    e = edge_of(prob, assign)
    if np.any(placed & (e < 0)):
        bad = int(np.flatnonzero(placed & (e < 0))[0])
        raise AssertionError(f"pupil {prob.instance.students[bad].id} in an inadmissible seat")
    load = np.bincount(assign[placed], minlength=prob.m)
    if np.any(load > prob.seats):
        raise AssertionError("an offer is over capacity")

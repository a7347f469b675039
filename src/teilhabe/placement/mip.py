"""The exact placement model as a mixed-integer program, solved by HiGHS.

Variables: x_e ∈ {0,1} per admissible edge; w_p ∈ [0,1] "pupil p unplaced";
y_gs ∈ [0,1] "group g uses school s"; z_g >= 0 the number of extra schools of group g.
Rows: every pupil once (Σ x + w = 1), capacities (Σ x <= seats),
x(p at s) <= y_gs for group members, and Σ_s y_gs - z_g <= 1. Since x is integral and
y, z are minimised, y and z come out integral without being declared so.

Used by tests and benchmarks as the reference optimum, and by the optimal solver to
finish small instances (where it is fast) with a proof of optimality.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass

import highspy
import numpy as np
from numpy.typing import NDArray

from teilhabe.placement.problem import Problem

_BANNER_SHOWN = False


def new_highs() -> highspy.Highs:
    """A silent HiGHS instance.

    HiGHS prints a banner to stdout when the first instance is created; that would
    corrupt an answer written to stdout, so the first creation runs with fd 1 muted.
    """
    global _BANNER_SHOWN
    if not _BANNER_SHOWN:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                h = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _BANNER_SHOWN = True
    else:
        h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    return h


@dataclass(slots=True)
class MipResult:
    """Best assignment found, its objective, HiGHS' proven bound and status."""

    assign: NDArray
    objective: float
    bound: float
    status: str
    seconds: float
    optimal: bool


def solve_mip(
    prob: Problem,
    warm: NDArray | None = None,
    time_limit: float | None = None,
    rel_gap: float = 1e-6,
) -> MipResult:
    """Solve the exact model; ``warm`` (offer per pupil) is a start solution."""
    t0 = time.perf_counter()
    n_all = prob.n
    pupils = np.arange(n_all)
    seats = prob.seats
    local = np.full(n_all, -1, dtype=np.int64)
    local[pupils] = np.arange(len(pupils))
    emask = local[prob.ep] >= 0
    eidx = np.flatnonzero(emask)
    e_p = local[prob.ep[eidx]]
    e_o = prob.eo[eidx]
    e_s = prob.offer_school[e_o]
    n_p, n_e, m = len(pupils), len(eidx), prob.m
    n_schools = len(prob.instance.schools)

    # sibling structure: (group, school) pairs reachable by >= 2 schools per group
    grp = prob.group[pupils]
    in_grp = grp[e_p] >= 0
    gs_key = grp[e_p[in_grp]] * (n_schools + 1) + e_s[in_grp]
    gs_unique, gs_inv = np.unique(gs_key, return_inverse=True)
    gs_group = gs_unique // (n_schools + 1)
    schools_per_group = np.bincount(gs_group, minlength=len(prob.groups))
    active_gs = schools_per_group[gs_group] >= 2
    gs_map = np.full(len(gs_unique), -1, dtype=np.int64)
    gs_map[active_gs] = np.arange(int(active_gs.sum()))
    n_y = int(active_gs.sum())
    active_groups = np.unique(gs_group[active_gs])
    z_of_group = np.full(len(prob.groups), -1, dtype=np.int64)
    z_of_group[active_groups] = np.arange(len(active_groups))
    n_z = len(active_groups)
    # link rows: one per (pupil, group-school) among active pairs
    e_y = np.full(n_e, -1, dtype=np.int64)
    e_y[np.flatnonzero(in_grp)] = gs_map[gs_inv]
    link_e = np.flatnonzero(e_y >= 0)
    link_key = e_p[link_e] * (n_y + 1) + e_y[link_e]
    link_unique, link_inv = np.unique(link_key, return_inverse=True)
    n_link = len(link_unique)
    link_y = link_unique % (n_y + 1)

    # columns: x (n_e), w (n_p), y (n_y), z (n_z); rows: pupils, offers, links, groups
    col_x = np.arange(n_e)
    col_w = n_e + np.arange(n_p)
    col_y = n_e + n_p + np.arange(n_y)
    col_z = n_e + n_p + n_y + np.arange(n_z)
    r_p, r_o = 0, n_p
    r_l = n_p + m
    r_g = r_l + n_link
    n_rows = r_g + n_z
    rows = np.concatenate(
        (
            r_p + e_p,
            r_p + np.arange(n_p),
            r_o + e_o,
            r_l + link_inv,
            r_l + np.arange(n_link),
            r_g + z_of_group[gs_group[active_gs]],
            r_g + np.arange(n_z),
        )
    )
    cols = np.concatenate((col_x, col_w, col_x, col_x[link_e], col_y[link_y], col_y, col_z))
    vals = np.concatenate(
        (
            np.ones(n_e),
            np.ones(n_p),
            np.ones(n_e),
            np.ones(len(link_e)),
            -np.ones(n_link),
            np.ones(n_y),
            -np.ones(n_z),
        )
    )
    n_cols = n_e + n_p + n_y + n_z
    # column-wise matrix with duplicates summed, in numpy (scipy.sparse costs ~0.3 s to import)
    key, inv = np.unique(cols * n_rows + rows, return_inverse=True)
    mat_data = np.bincount(inv.ravel(), weights=vals, minlength=len(key))
    mat_index = (key % n_rows).astype(np.int32)
    mat_start = np.searchsorted(key // n_rows, np.arange(n_cols + 1)).astype(np.int32)
    split = prob.instance.policy.sibling_split_penalty
    cost = np.concatenate((prob.ed[eidx], prob.penalty[pupils], np.zeros(n_y), np.full(n_z, split)))
    lower = np.zeros(n_cols)
    upper = np.concatenate((np.ones(n_e + n_p + n_y), np.full(n_z, np.inf)))
    inf = highspy.kHighsInf
    row_lo = np.concatenate(
        (np.ones(n_p), np.full(m, -inf), np.full(n_link, -inf), np.full(n_z, -inf))
    )
    row_hi = np.concatenate(
        (np.ones(n_p), seats.astype(np.float64), np.zeros(n_link), np.ones(n_z))
    )

    h = new_highs()
    h.setOptionValue("mip_rel_gap", rel_gap)
    if time_limit is not None:
        h.setOptionValue("time_limit", max(float(time_limit), 0.05))
    lp = highspy.HighsLp()
    lp.num_col_ = n_cols
    lp.num_row_ = n_rows
    lp.col_cost_ = cost
    lp.col_lower_ = lower
    lp.col_upper_ = upper
    lp.row_lower_ = row_lo
    lp.row_upper_ = row_hi
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = mat_start
    lp.a_matrix_.index_ = mat_index
    lp.a_matrix_.value_ = mat_data
    integrality = np.full(n_cols, highspy.HighsVarType.kContinuous)
    integrality[:n_e] = highspy.HighsVarType.kInteger
    lp.integrality_ = list(integrality)
    h.passModel(lp)

    if warm is not None:
        h.setSolution(
            _warm_vector(
                prob,
                warm,
                pupils,
                eidx,
                e_p,
                e_y,
                n_cols,
                n_e,
                n_p,
                n_y,
                link_y,
                z_of_group,
                gs_group,
                active_gs,
            )
        )
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    assign = np.full(n_all, -1, dtype=np.int64)
    objective = float("inf")
    if info.primal_solution_status >= 1 or h.getSolution().value_valid:
        x = np.asarray(h.getSolution().col_value)[:n_e]
        chosen = np.flatnonzero(x > 0.5)
        assign[pupils[e_p[chosen]]] = e_o[chosen]
        objective = float(info.objective_function_value)
    optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    bound = float(info.mip_dual_bound)
    return MipResult(
        assign=assign,
        objective=objective,
        bound=bound,
        status=status,
        seconds=time.perf_counter() - t0,
        optimal=optimal,
    )


def _warm_vector(
    prob: Problem,
    warm: NDArray,
    pupils: NDArray,
    eidx: NDArray,
    e_p: NDArray,
    e_y: NDArray,
    n_cols: int,
    n_e: int,
    n_p: int,
    n_y: int,
    link_y: NDArray,
    z_of_group: NDArray,
    gs_group: NDArray,
    active_gs: NDArray,
) -> highspy.HighsSolution:
    """A complete feasible start vector built from an assignment."""
    sol = np.zeros(n_cols)
    target = warm[pupils]
    x = (prob.eo[eidx] == target[e_p]) & (target[e_p] >= 0)
    sol[:n_e] = x
    placed = np.zeros(n_p, dtype=bool)
    placed[e_p[x]] = True
    sol[n_e : n_e + n_p] = ~placed
    used_y = np.unique(e_y[x & (e_y >= 0)])
    sol[n_e + n_p + used_y] = 1.0
    groups_y = gs_group[active_gs]
    k = np.bincount(groups_y[used_y], minlength=len(z_of_group))
    act = np.flatnonzero(z_of_group >= 0)
    sol[n_e + n_p + n_y + z_of_group[act]] = np.maximum(k[act] - 1, 0)
    hs = highspy.HighsSolution()
    hs.col_value = list(sol)
    hs.value_valid = True
    return hs

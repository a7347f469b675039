"""Matching volunteers to needs: pure Python, no Django (like ``teilhabe.placement``).

Two entry points:

* :func:`rank` — the candidates for one need, best first, each with the reasons (language
  and level, availability, distance, certificate, hours this month) the coordinator sees.
* :func:`assign_week` — all open needs of a week at once, as a mixed-integer programme
  solved with HiGHS (the placement engine's solver): one binary per eligible
  (volunteer, need) pair; each need at most once; for every volunteer and every maximal set
  of needs that share a moment in time (a *conflict clique* of the interval graph) at most
  one of them, so nobody is at two overlapping places; at most ``max_per_week`` needs per
  volunteer; and a penalty for each need beyond a volunteer's first that week, which spreads
  the load. Needs met come first: the reward of a met need (``reward``) is larger than any
  possible sum of costs, so a solution with fewer needs met is never preferred. The greedy
  first-fit answer is the warm start, so even a run stopped by the time limit meets at
  least as many needs as greedy.

Hard rules (never broken, both in ``rank`` and ``assign_week``): the volunteer offers the
kind of help; speaks the need's language at level ≥ ``MIN_LEVEL``; is available for every
interval of the need (weekly pattern, not on an exception day); lives within their own
distance limit; for child contact holds an extended certificate of conduct that is still
valid on every day of the need; is not already busy at an overlapping time.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np

from teilhabe.placement.mip import new_highs

#: Language levels: 1 basic … 5 native. Interpreting needs at least "good" (3).
MIN_LEVEL = 3
#: A certificate of conduct is valid this long after it was issued (BZRG practice: 5 years).
CERTIFICATE_YEARS = 5
DEFAULT_MAX_KM = 15.0
DEFAULT_MAX_PER_WEEK = 3

# cost weights (integers keep the objective exact)
KM_COST = 2  # per km
LEVEL_COST = 8  # per level below native
HOURS_COST = 1  # per hour already done this month (capped)
HOURS_CAP = 40
SPREAD_COST = 30  # per need beyond a volunteer's first in the week


@dataclass(frozen=True, slots=True)
class Interval:
    start: dt.datetime
    end: dt.datetime

    def overlaps(self, other: Interval) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Window:
    """A weekly availability: weekday (0 = Monday) and minutes since midnight."""

    weekday: int
    start: int
    end: int

    def covers(self, interval: Interval) -> bool:
        if interval.start.date() != interval.end.date() and interval.end.time() != dt.time(0):
            return False
        if interval.start.weekday() != self.weekday:
            return False
        s = interval.start.hour * 60 + interval.start.minute
        e = interval.end.hour * 60 + interval.end.minute or 24 * 60
        return self.start <= s and e <= self.end


@dataclass(frozen=True, slots=True)
class VolunteerIn:
    id: int
    languages: dict[str, int]
    offers: frozenset[str]
    windows: tuple[Window, ...]
    unavailable: frozenset[dt.date] = frozenset()
    lat: float | None = None
    lon: float | None = None
    max_km: float = DEFAULT_MAX_KM
    certificate_seen: dt.date | None = None
    hours_this_month: float = 0.0
    max_per_week: int = DEFAULT_MAX_PER_WEEK
    busy: tuple[Interval, ...] = ()


@dataclass(frozen=True, slots=True)
class NeedIn:
    id: int
    kind: str
    intervals: tuple[Interval, ...]
    language: str = ""
    lat: float | None = None
    lon: float | None = None
    child_contact: bool = False


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a volunteer fits: a code and its value, worded by the page that shows it."""

    code: str  # language | available | distance | certificate | hours
    value: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    volunteer_id: int
    cost: int
    reasons: tuple[Reason, ...]


@dataclass(slots=True)
class WeekResult:
    assignment: dict[int, int]  # need id -> volunteer id
    needs_met: int
    greedy_met: int
    seconds: float
    status: str
    costs: dict[int, int] = field(default_factory=dict)


def certificate_valid_until(seen: dt.date | None) -> dt.date | None:
    if seen is None:
        return None
    try:
        return seen.replace(year=seen.year + CERTIFICATE_YEARS)
    except ValueError:  # 29 February
        return seen.replace(year=seen.year + CERTIFICATE_YEARS, day=28)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def evaluate(volunteer: VolunteerIn, need: NeedIn) -> Candidate | None:
    """The candidate with cost and reasons, or None when a hard rule excludes the pair."""
    if need.kind not in volunteer.offers:
        return None
    reasons: list[Reason] = []
    cost = 0
    if need.language:
        level = volunteer.languages.get(need.language, 0)
        if level < MIN_LEVEL:
            return None
        cost += LEVEL_COST * (5 - min(level, 5))
        reasons.append(Reason("language", f"{need.language}:{level}"))
    for interval in need.intervals:
        if interval.start.date() in volunteer.unavailable:
            return None
        if not any(w.covers(interval) for w in volunteer.windows):
            return None
        if any(interval.overlaps(b) for b in volunteer.busy):
            return None
    reasons.append(Reason("available"))
    if need.lat is not None and volunteer.lat is not None:
        distance = km(volunteer.lat, volunteer.lon, need.lat, need.lon)  # type: ignore[arg-type]
        if distance > volunteer.max_km:
            return None
        cost += round(KM_COST * distance)
        reasons.append(Reason("distance", f"{distance:.1f}"))
    if need.child_contact:
        until = certificate_valid_until(volunteer.certificate_seen)
        if until is None or any(
            not (volunteer.certificate_seen <= i.start.date() < until)  # type: ignore[operator]
            for i in need.intervals
        ):
            return None
        reasons.append(Reason("certificate", until.isoformat()))
    hours = max(0.0, volunteer.hours_this_month)
    cost += HOURS_COST * min(HOURS_CAP, round(hours))
    reasons.append(Reason("hours", f"{hours:g}"))
    return Candidate(volunteer.id, cost, tuple(reasons))


def rank(need: NeedIn, volunteers: Iterable[VolunteerIn]) -> list[Candidate]:
    """Every volunteer who may take the need, cheapest (best) first."""
    found = [c for v in volunteers if (c := evaluate(v, need)) is not None]
    return sorted(found, key=lambda c: (c.cost, c.volunteer_id))


def _conflicting(a: NeedIn, b: NeedIn) -> bool:
    return any(x.overlaps(y) for x in a.intervals for y in b.intervals)


def conflict_cliques(needs: Sequence[NeedIn]) -> list[frozenset[int]]:
    """Maximal sets of needs (by index) that share a moment in time.

    Sweep over all intervals: just before an interval ends, the intervals open at that
    moment form a clique; it is kept when something started since the last end (else it is
    a subset of the previous one). Two needs that overlap share a moment, so each
    overlapping pair lies in at least one clique.
    """
    events: list[tuple[dt.datetime, int, int]] = []
    for index, need in enumerate(needs):
        for interval in need.intervals:
            if interval.end <= interval.start:
                continue
            events.append((interval.start, 1, index))
            events.append((interval.end, 0, index))
    events.sort(key=lambda e: (e[0], e[1]))  # ends before starts at the same moment
    open_count: dict[int, int] = {}
    cliques: list[frozenset[int]] = []
    grown = False
    for _when, kind, index in events:
        if kind == 1:
            open_count[index] = open_count.get(index, 0) + 1
            grown = True
        else:
            if grown and len(open_count) > 1:
                cliques.append(frozenset(open_count))
            grown = False
            open_count[index] -= 1
            if not open_count[index]:
                del open_count[index]
    return cliques


def greedy(needs: Sequence[NeedIn], volunteers: Sequence[VolunteerIn]) -> dict[int, int]:
    """First fit: needs by start time, each to the first volunteer in list order who fits."""
    needs = [n for n in needs if n.intervals]
    index = _Index(volunteers)
    return _greedy_from(needs, volunteers, [index.candidates(n) for n in needs])


def _greedy_from(
    needs: Sequence[NeedIn],
    volunteers: Sequence[VolunteerIn],
    per_need: Sequence[list[tuple[int, int]]],
) -> dict[int, int]:
    taken: dict[int, list[NeedIn]] = {}
    result: dict[int, int] = {}
    order = sorted(range(len(needs)), key=lambda i: (needs[i].intervals[0].start, needs[i].id))
    for ni in order:
        need = needs[ni]
        for vi, _cost in per_need[ni]:
            volunteer = volunteers[vi]
            mine = taken.get(volunteer.id, [])
            if len(mine) >= volunteer.max_per_week:
                continue
            if any(_conflicting(need, other) for other in mine):
                continue
            taken.setdefault(volunteer.id, []).append(need)
            result[need.id] = volunteer.id
            break
    return result


class _Index:
    """The volunteers as arrays, to find every (volunteer, need) pair and its cost at once.

    ``candidates`` applies exactly the hard rules and the cost of ``evaluate`` with numpy
    (``evaluate`` stays the reference, used by ``rank`` and to check the week's answer).
    """

    def __init__(self, volunteers: Sequence[VolunteerIn]) -> None:
        self.volunteers = volunteers
        n = len(volunteers)
        self.by_kind: dict[str, set[int]] = {}
        self.level: dict[str, np.ndarray] = {}
        for vi, v in enumerate(volunteers):
            for kind in v.offers:
                self.by_kind.setdefault(kind, set()).add(vi)
            for code, level in v.languages.items():
                self.level.setdefault(code, np.zeros(n, dtype=np.int64))[vi] = level
        # weekly windows as arrays per weekday: (volunteer index, start, end)
        rows: dict[int, list[tuple[int, int, int]]] = {d: [] for d in range(7)}
        for vi, v in enumerate(volunteers):
            for w in v.windows:
                rows[w.weekday].append((vi, w.start, w.end))
        self.windows = {d: np.array(r, dtype=np.int64).reshape(-1, 3) for d, r in rows.items()}
        self.lat = np.array([v.lat if v.lat is not None else np.nan for v in volunteers])
        self.lon = np.array([v.lon if v.lon is not None else np.nan for v in volunteers])
        self.max_km = np.array([v.max_km for v in volunteers], dtype=float)
        self.hours_cost = np.array(
            [HOURS_COST * min(HOURS_CAP, round(max(0.0, v.hours_this_month))) for v in volunteers],
            dtype=np.int64,
        )
        self.cert_from = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
        self.cert_until = np.full(n, -1, dtype=np.int64)
        for vi, v in enumerate(volunteers):
            until = certificate_valid_until(v.certificate_seen)
            if until is not None:
                self.cert_from[vi] = v.certificate_seen.toordinal()  # type: ignore[union-attr]
                self.cert_until[vi] = until.toordinal()
        self.special = {vi for vi, v in enumerate(volunteers) if v.unavailable or v.busy}

    def candidates(self, need: NeedIn) -> list[tuple[int, int]]:
        """(volunteer index, cost) of every volunteer who may take the need, by index."""
        chosen = self.by_kind.get(need.kind, set())
        if not chosen:
            return []
        idx = np.fromiter(sorted(chosen), dtype=np.int64, count=len(chosen))
        cost = np.zeros(len(idx), dtype=np.int64)
        if need.language:
            levels = self.level.get(need.language)
            if levels is None:
                return []
            lv = levels[idx]
            keep = lv >= MIN_LEVEL
            idx, cost = idx[keep], (LEVEL_COST * (5 - np.minimum(lv[keep], 5)))
        for interval in need.intervals:
            if interval.start.date() != interval.end.date() and interval.end.time() != dt.time(0):
                return []
            table = self.windows[interval.start.weekday()]
            s = interval.start.hour * 60 + interval.start.minute
            e = interval.end.hour * 60 + interval.end.minute or 24 * 60
            keep = np.isin(idx, table[(table[:, 1] <= s) & (table[:, 2] >= e), 0])
            idx, cost = idx[keep], cost[keep]
            if need.child_contact:
                day = interval.start.date().toordinal()
                keep = (self.cert_from[idx] <= day) & (day < self.cert_until[idx])
                idx, cost = idx[keep], cost[keep]
            if not len(idx):
                return []
        if need.lat is not None and need.lon is not None:
            lat1, lon1 = np.radians(self.lat[idx]), np.radians(self.lon[idx])
            lat2, lon2 = math.radians(need.lat), math.radians(need.lon)
            a = (
                np.sin((lat2 - lat1) / 2) ** 2
                + np.cos(lat1) * math.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
            )
            dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))
            known = ~np.isnan(dist)
            keep = ~(known & (dist > self.max_km[idx]))
            add = np.where(known, np.round(KM_COST * np.nan_to_num(dist)), 0).astype(np.int64)
            idx, cost = idx[keep], (cost + add)[keep]
        cost = cost + self.hours_cost[idx]
        result = []
        for vi, c in zip(idx.tolist(), cost.tolist(), strict=True):
            if vi in self.special:
                v = self.volunteers[vi]
                if any(i.start.date() in v.unavailable for i in need.intervals):
                    continue
                if any(i.overlaps(b) for i in need.intervals for b in v.busy):
                    continue
            result.append((vi, c))
        return result


#: Candidates per need kept for the week's programme (the cheapest; plus greedy's choice).
TOP_K = 25


def assign_week(
    needs: Sequence[NeedIn],
    volunteers: Sequence[VolunteerIn],
    *,
    time_limit: float = 1.5,
    top_k: int = TOP_K,
) -> WeekResult:
    """Match all needs at once (see the module text); never two overlapping needs.

    Each need keeps its ``top_k`` cheapest candidates (and the greedy answer's volunteer),
    which keeps the programme small; the greedy answer is the warm start.
    """
    t0 = time.perf_counter()
    needs = [n for n in needs if n.intervals]
    index = _Index(volunteers)
    per_need = [index.candidates(need) for need in needs]
    warm = _greedy_from(needs, volunteers, per_need)
    vol_index = {v.id: vi for vi, v in enumerate(volunteers)}
    pairs: list[tuple[int, int, int]] = []  # (volunteer index, need index, cost)
    for ni, found in enumerate(per_need):
        keep = sorted(found, key=lambda f: (f[1], f[0]))[:top_k]
        chosen = warm.get(needs[ni].id)
        if chosen is not None and all(vi != vol_index[chosen] for vi, _c in keep):
            keep += [f for f in found if f[0] == vol_index[chosen]]
        pairs.extend((vi, ni, c) for vi, c in keep)
    if not pairs:
        return WeekResult({}, 0, len(warm), time.perf_counter() - t0, "no candidates")

    n_x = len(pairs)
    by_volunteer: dict[int, list[int]] = {}
    for col, (vi, _ni, _c) in enumerate(pairs):
        by_volunteer.setdefault(vi, []).append(col)
    active = sorted(by_volunteer)
    y_of = {vi: n_x + k for k, vi in enumerate(active)}  # spread penalty, one per volunteer
    n_cols = n_x + len(active)

    max_pair = max(c for _v, _n, c in pairs)
    reward = (max_pair + SPREAD_COST) * len(needs) + 1  # more than any sum of costs
    cost = np.zeros(n_cols)
    for col, (_vi, _ni, c) in enumerate(pairs):
        cost[col] = c - reward
    cost[n_x:] = SPREAD_COST

    rows: list[tuple[list[int], list[float], float, float]] = []
    inf = highspy.kHighsInf
    by_need: dict[int, list[int]] = {}
    for col, (_vi, ni, _c) in enumerate(pairs):
        by_need.setdefault(ni, []).append(col)
    for cols in by_need.values():
        if len(cols) > 1:
            rows.append((cols, [1.0] * len(cols), -inf, 1.0))
    cliques = conflict_cliques(needs)
    need_of_col = {col: ni for col, (_vi, ni, _c) in enumerate(pairs)}
    for vi in active:
        cols = by_volunteer[vi]
        volunteer = volunteers[vi]
        if len(cols) > volunteer.max_per_week:
            rows.append((cols, [1.0] * len(cols), -inf, float(volunteer.max_per_week)))
        if len(cols) > 1:
            # y_v ≥ Σ x − 1: every need beyond the first costs SPREAD_COST
            rows.append((cols + [y_of[vi]], [1.0] * len(cols) + [-1.0], -inf, 1.0))
            mine = {need_of_col[c]: c for c in cols}
            for clique in cliques:
                inside = [mine[ni] for ni in clique if ni in mine]
                if len(inside) > 1:
                    rows.append((inside, [1.0] * len(inside), -inf, 1.0))

    h = new_highs()
    remaining = time_limit - (time.perf_counter() - t0)
    h.setOptionValue("time_limit", max(remaining, 0.05))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.5)
    lp = highspy.HighsLp()
    lp.num_col_ = n_cols
    lp.num_row_ = len(rows)
    lp.col_cost_ = cost
    lp.col_lower_ = np.zeros(n_cols)
    upper = np.ones(n_cols)
    upper[n_x:] = inf
    lp.col_upper_ = upper
    lp.row_lower_ = np.array([r[2] for r in rows], dtype=float)
    lp.row_upper_ = np.array([r[3] for r in rows], dtype=float)
    starts = [0]
    index: list[int] = []
    value: list[float] = []
    for cols, coefs, _lo, _hi in rows:
        index.extend(cols)
        value.extend(coefs)
        starts.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value, dtype=float)
    integrality = [highspy.HighsVarType.kInteger] * n_x + [highspy.HighsVarType.kContinuous] * (
        n_cols - n_x
    )
    lp.integrality_ = integrality
    h.passModel(lp)

    # warm start: the greedy answer, completed with its spread penalties
    need_index = {n.id: ni for ni, n in enumerate(needs)}
    col_of = {(vi, ni): col for col, (vi, ni, _c) in enumerate(pairs)}
    start = np.zeros(n_cols)
    count: dict[int, int] = {}
    for need_id, volunteer_id in warm.items():
        vi, ni = vol_index[volunteer_id], need_index[need_id]
        start[col_of[(vi, ni)]] = 1.0
        count[vi] = count.get(vi, 0) + 1
    for vi, k in count.items():
        if vi in y_of:
            start[y_of[vi]] = max(0, k - 1)
    solution = highspy.HighsSolution()
    solution.col_value = list(start)
    solution.value_valid = True
    h.setSolution(solution)
    h.run()

    status = h.modelStatusToString(h.getModelStatus())
    assignment: dict[int, int] = {}
    costs: dict[int, int] = {}
    if h.getSolution().value_valid:
        x = np.asarray(h.getSolution().col_value)[:n_x]
        for col in np.flatnonzero(x > 0.5):
            vi, ni, c = pairs[col]
            assignment[needs[ni].id] = volunteers[vi].id
            costs[needs[ni].id] = c
    if len(assignment) < len(warm) or not _valid(assignment, needs, volunteers):
        # never worse than the warm start (a solver stopped without using it)
        assignment = dict(warm)
        cost_of = {(vi, ni): c for vi, ni, c in pairs}
        costs = {n: cost_of.get((vol_index[v], need_index[n]), 0) for n, v in warm.items()}
        status = f"{status} (greedy kept)"
    return WeekResult(
        assignment=assignment,
        needs_met=len(assignment),
        greedy_met=len(warm),
        seconds=time.perf_counter() - t0,
        status=status,
        costs=costs,
    )


def _valid(
    assignment: dict[int, int], needs: Sequence[NeedIn], volunteers: Sequence[VolunteerIn]
) -> bool:
    """Check the hard rules on an answer (cheap; guards against solver tolerances)."""
    need_by_id = {n.id: n for n in needs}
    vol_by_id = {v.id: v for v in volunteers}
    per_volunteer: dict[int, list[NeedIn]] = {}
    for need_id, volunteer_id in assignment.items():
        need, volunteer = need_by_id[need_id], vol_by_id[volunteer_id]
        if evaluate(volunteer, need) is None:
            return False
        per_volunteer.setdefault(volunteer_id, []).append(need)
    for volunteer_id, mine in per_volunteer.items():
        if len(mine) > vol_by_id[volunteer_id].max_per_week:
            return False
        for i, a in enumerate(mine):
            if any(_conflicting(a, b) for b in mine[i + 1 :]):
                return False
    return True

"""Small-group protection for published counts.

A count below the threshold could point at a single family, so it is shown as "< 3"
(primary suppression). A hidden count must not be recoverable from what is shown next to
it either: with a row total, one hidden cell is the total minus the rest. ``protect_row``
therefore hides further cells (secondary suppression) until no hidden cell can be computed
exactly from the shown cells and the total, and hides the total itself when nothing else
helps. Every page that shows counts to a role without case access uses it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SMALL_GROUP = 3


@dataclass(frozen=True)
class Figure:
    """A published count: ``shown`` is the number or "< n" when it is protected."""

    label: str
    count: int
    hidden: bool = False
    threshold: int = SMALL_GROUP

    @property
    def shown(self) -> str:
        return f"< {self.threshold}" if self.hidden else str(self.count)


def figure(label: str, count: int, *, exact: bool, threshold: int = SMALL_GROUP) -> Figure:
    """One count on its own (no total beside it): hidden below the threshold unless exact."""
    return Figure(label, count, hidden=not exact and count < threshold, threshold=threshold)


def feasible_range(
    counts: Sequence[int], hidden: Sequence[bool], total: int, threshold: int, index: int
) -> tuple[int, int]:
    """What a reader can infer about hidden cell ``index`` from the shown cells and the total.

    A reader knows that a hidden cell is below the threshold (primary) or at least the
    threshold (a secondary cell is hidden only because of its neighbours, so it was
    big enough to show); we assume the worst, that the reader can tell which is which.
    """
    known = sum(c for c, h in zip(counts, hidden, strict=True) if not h)
    rest = total - known  # the sum of all hidden cells
    bounds = [
        ((0, threshold - 1) if c < threshold else (threshold, rest)) if h else (c, c)
        for c, h in zip(counts, hidden, strict=True)
    ]
    others_lo = sum(lo for i, (lo, _) in enumerate(bounds) if i != index and hidden[i])
    others_hi = sum(hi for i, (_, hi) in enumerate(bounds) if i != index and hidden[i])
    lo, hi = bounds[index]
    return max(lo, rest - others_hi), min(hi, rest - others_lo)


def _disclosing(counts: Sequence[int], hidden: Sequence[bool], threshold: int) -> bool:
    total = sum(counts)
    for i, h in enumerate(hidden):
        if h:
            lo, hi = feasible_range(counts, hidden, total, threshold, i)
            if lo >= hi:
                return True
    return False


def protect_row(
    items: Sequence[tuple[str, int]], *, exact: bool, threshold: int = SMALL_GROUP
) -> tuple[list[Figure], Figure]:
    """Protect a row of counts and its total; ``exact`` (case access) shows everything."""
    counts = [c for _, c in items]
    total = sum(counts)
    if exact:
        return [Figure(label, c) for label, c in items], Figure("total", total)
    hidden = [c < threshold for c in counts]
    while any(hidden) and _disclosing(counts, hidden, threshold):
        candidates = [i for i, h in enumerate(hidden) if not h]
        if not candidates:
            break
        hidden[min(candidates, key=lambda i: counts[i])] = True
    total_hidden = total < threshold or (any(hidden) and _disclosing(counts, hidden, threshold))
    figures = [
        Figure(label, c, hidden=h, threshold=threshold)
        for (label, c), h in zip(items, hidden, strict=True)
    ]
    return figures, Figure("total", total, hidden=total_hidden, threshold=threshold)


# --- tables: rows with totals, columns with totals -----------------------------------------


@dataclass(frozen=True)
class ProtectedTable:
    """Which entries of a table with margins are hidden.

    ``cells[r][c]``, ``row_totals[r]``, ``column_totals[c]`` and ``grand_total`` say True
    for a hidden entry. The counts stay with the caller.
    """

    cells: list[list[bool]]
    row_totals: list[bool]
    column_totals: list[bool]
    grand_total: bool


def _augmented(rows: Sequence[Sequence[int]], width: int) -> list[list[int]]:
    """The table with its row totals as last column and column totals as last row."""
    table = [list(r) + [sum(r)] for r in rows]
    table.append([sum(r[c] for r in table) for c in range(width + 1)])
    return table


def _lines(n_rows: int, n_cols: int) -> list[list[tuple[int, int]]]:
    """Every additive line of the augmented table: its cells, the total last."""
    lines = [[(r, c) for c in range(n_cols + 1)] for r in range(n_rows + 1)]
    lines += [[(r, c) for r in range(n_rows + 1)] for c in range(n_cols + 1)]
    return lines


_BANNER_SHOWN = False


def _quiet_solver() -> Any:
    """A HiGHS instance; its first construction prints a banner on fd 1, kept off stdout."""
    global _BANNER_SHOWN
    import highspy

    if not _BANNER_SHOWN:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                solver = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _BANNER_SHOWN = True
    else:
        solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    return solver


def exposed_entries(
    table: Sequence[Sequence[int]],
    hidden: Sequence[Sequence[bool]],
    threshold: int,
    sensitive: Sequence[bool] | None = None,
) -> list[tuple[int, int]]:
    """Hidden entries of an augmented table that a reader can compute exactly.

    The reader knows the shown entries, that every line adds up, that counts are whole and
    not negative, that a primary hidden entry is below the threshold and (worst case) that
    a secondary one is not (an entry of a column that is not ``sensitive`` is only known to
    be whole and not negative). The bounds of each hidden entry come from a linear programme
    (HiGHS); the constraint matrix of a table with margins is totally unimodular, so the
    bounds are whole numbers and "lowest == highest" means exactly computable.
    """
    import highspy
    import numpy as np

    n_r, n_c = len(table), len(table[0])
    variables = [(r, c) for r in range(n_r) for c in range(n_c) if hidden[r][c]]
    if not variables:
        return []
    index = {rc: i for i, rc in enumerate(variables)}
    solver = _quiet_solver()
    inf = highspy.kHighsInf
    sensitive = list(sensitive) if sensitive is not None else [True] * n_c

    def bounds_of(r: int, c: int) -> tuple[float, float]:
        if not sensitive[c]:
            return 0.0, inf
        return (0.0, threshold - 1.0) if table[r][c] < threshold else (float(threshold), inf)

    lower = np.array([bounds_of(r, c)[0] for r, c in variables])
    upper = np.array([bounds_of(r, c)[1] for r, c in variables])
    solver.addVars(len(variables), lower, upper)
    for line in _lines(n_r - 1, n_c - 1):
        *parts, total = line
        coeffs = {rc: 1.0 for rc in parts}
        coeffs[total] = -1.0
        known = -sum(v * table[r][c] for (r, c), v in coeffs.items() if not hidden[r][c])
        unknown = [(index[rc], v) for rc, v in coeffs.items() if hidden[rc[0]][rc[1]]]
        if not unknown:
            continue
        solver.addRow(
            known,
            known,
            len(unknown),
            np.array([i for i, _ in unknown], dtype=np.int32),
            np.array([v for _, v in unknown]),
        )
    exposed = []
    for i, rc in enumerate(variables):
        bounds = []
        for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
            solver.changeColsCost(
                len(variables),
                np.arange(len(variables), dtype=np.int32),
                np.array([1.0 if j == i else 0.0 for j in range(len(variables))]),
            )
            solver.changeObjectiveSense(sense)
            solver.run()
            if solver.getModelStatus() == highspy.HighsModelStatus.kUnbounded:
                bounds.append(inf)
            else:
                bounds.append(solver.getInfo().objective_function_value)
        # an exactly known count of a column that is not sensitive harms nobody
        if bounds[1] - bounds[0] < 0.5 and sensitive[rc[1]]:
            exposed.append(rc)
    return exposed


def _line_discloses(
    counts: Sequence[int], hidden: Sequence[bool], guarded: Sequence[bool], threshold: int
) -> bool:
    """A sensitive hidden count of one line (with its shown total) has only one value left."""
    total = sum(counts)
    for i, (h, g) in enumerate(zip(hidden, guarded, strict=True)):
        if h and g:
            lo, hi = feasible_range(counts, hidden, total, threshold, i)
            if lo >= hi:
                return True
    return False


def protect_table(
    rows: Sequence[Sequence[int]],
    *,
    exact: bool,
    threshold: int = SMALL_GROUP,
    sensitive_columns: Sequence[bool] | None = None,
) -> ProtectedTable:
    """Primary and secondary suppression for a table with row and column totals.

    ``protect_row`` for every row and column at once: counts below the threshold (and
    totals below it) are hidden; then, while a line (row or column with its total) would
    give a hidden entry away, the smallest shown count of that line is hidden too; finally
    the exact check (``exposed_entries``) hides more until no hidden entry can be computed
    from what is shown. Small counts of a column that is not sensitive (e.g. "no answer")
    are shown, but such a column still takes part in the secondary suppression.
    """
    width = len(rows[0]) if rows else len(sensitive_columns or ())
    table = _augmented(rows, width)
    n_r, n_c = len(table), len(table[0])
    sensitive = [*(sensitive_columns or [True] * width), True]
    hidden = [
        [(not exact) and v < threshold and sensitive[c] for c, v in enumerate(row)] for row in table
    ]
    if not exact and rows:
        lines = _lines(n_r - 1, n_c - 1)

        def hide_smallest(line: list[tuple[int, int]]) -> bool:
            *parts, total = line
            shown = [rc for rc in parts if not hidden[rc[0]][rc[1]]]
            if not shown:
                if hidden[total[0]][total[1]]:
                    return False
                shown = [total]
            # a sensitive count rather than a "no answer" one (which may be 0 and easy to
            # pin down), and the smallest of them: it costs the least information
            r, c = min(shown, key=lambda rc: (not sensitive[rc[1]], table[rc[0]][rc[1]]))
            hidden[r][c] = True
            return True

        changed = True
        while changed:
            changed = False
            for line in lines:
                counts = [table[r][c] for r, c in line[:-1]]
                flags = [hidden[r][c] for r, c in line[:-1]]
                guarded = [sensitive[c] for _r, c in line[:-1]]
                total_r, total_c = line[-1]
                total_hidden = hidden[total_r][total_c]
                hidden_entries = [g for f, g in zip(flags, guarded, strict=True) if f]
                if total_hidden:
                    hidden_entries.append(sensitive[total_c])
                # a lone hidden entry is the total minus the rest; it matters if sensitive
                lone = len(hidden_entries) == 1 and hidden_entries[0]
                if lone or (
                    not total_hidden
                    and any(flags)
                    and _line_discloses(counts, flags, guarded, threshold)
                ):
                    changed |= hide_smallest(line)
            if not changed:
                exposed = exposed_entries(table, hidden, threshold, sensitive)
                for r, c in exposed:
                    changed |= hide_smallest(lines[r]) or hide_smallest(lines[n_r + c])
                if exposed and not changed:
                    hidden = [[True] * n_c for _ in range(n_r)]
    return ProtectedTable(
        cells=[row[:-1] for row in hidden[:-1]],
        row_totals=[row[-1] for row in hidden[:-1]],
        column_totals=hidden[-1][:-1],
        grand_total=hidden[-1][-1],
    )

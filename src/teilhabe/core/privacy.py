"""Small-group protection for published counts.

A count below the threshold could point at a single family, so it is shown as "< 3"
(primary suppression). A hidden count must not be recoverable from what is shown next to
it either: with a row total, one hidden cell is the total minus the rest. ``protect_row``
therefore hides further cells (secondary suppression) until no hidden cell can be computed
exactly from the shown cells and the total, and hides the total itself when nothing else
helps. Every page that shows counts to a role without case access uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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

"""Reads of the statewide office: every centre, and every centre's figures as aggregates.

The statewide office belongs to no centre; it sees centres (institutions) and suppressed
counts, never a case or a name. Figures come from the work areas through
``core.registry.register_statewide_figures``; this module only protects and arranges them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from teilhabe.centres.areas import area_name
from teilhabe.centres.models import Centre, User
from teilhabe.core.privacy import SMALL_GROUP, Figure, figure, protect_row
from teilhabe.core.registry import StatewideFigures, statewide_figures


def centres_for_user(*, user: User) -> QuerySet[Centre]:
    """Every centre with its number of active accounts, for holders of manage_centres."""
    if not user.has_perm("centres.manage_centres"):
        return Centre.objects.none()
    return Centre.objects.annotate(accounts=Count("users", filter=Q(users__is_active=True)))


def centre_list(*, user: User) -> list[Centre]:
    centres = list(centres_for_user(user=user).order_by("-is_active", "name"))
    for centre in centres:
        centre.area_name = area_name(centre.area_keys)
    return centres


def centre_detail(*, user: User, pk: int) -> Centre:
    return get_object_or_404(centres_for_user(user=user), pk=pk)


def centre_tile(*, user: User) -> dict[str, int] | None:
    """The start-page tile: active and deactivated centres (None for other roles)."""
    if not user.has_perm("centres.manage_centres"):
        return None
    counts = Centre.objects.aggregate(
        total=Count("id"), active=Count("id", filter=Q(is_active=True))
    )
    return {"active": counts["active"], "inactive": counts["total"] - counts["active"]}


@dataclass
class FigureRow:
    centre: Centre
    cells: list[Figure]


@dataclass
class FigureTable:
    key: str
    label: Any
    headers: list[Any]
    rows: list[FigureRow] = field(default_factory=list)
    totals: list[Figure | None] = field(default_factory=list)


@dataclass(frozen=True)
class Withheld(Figure):
    """A value that is not a count (a median) and rests on too few cases: shown as "–"."""

    hidden: bool = True

    @property
    def shown(self) -> str:
        return "–"


def _protect_centre(provider: StatewideFigures, values: dict[str, int]) -> list[Figure]:
    """One centre's cells: groups as protected rows, single counts alone, bases last."""
    shown: dict[str, Figure] = {}
    groups: dict[str, list[str]] = {}
    for column in provider.columns:
        if column.group:
            groups.setdefault(column.group, []).append(column.key)
    for group, keys in groups.items():
        cells, total = protect_row([(k, int(values.get(k, 0))) for k in keys], exact=False)
        shown.update({c.label: c for c in cells})
        shown[f"{group}:total"] = total
    for column in provider.columns:
        if column.group or column.basis:
            continue
        shown[column.key] = figure(column.key, int(values.get(column.key, 0)), exact=False)
    for column in provider.columns:
        if not column.basis:
            continue
        basis = shown[column.basis]
        value = values.get(column.key)
        if value is None or basis.hidden or basis.count < SMALL_GROUP:
            shown[column.key] = Withheld(column.key, 0)
        else:
            shown[column.key] = Figure(column.key, int(value))
    return [shown[key] for key in _column_keys(provider)]


def _column_keys(provider: StatewideFigures) -> list[str]:
    """Display order: each group's columns followed by its total, then the rest."""
    keys: list[str] = []
    for column in provider.columns:
        keys.append(column.key)
        group = column.group
        if group and column is [c for c in provider.columns if c.group == group][-1]:
            keys.append(f"{group}:total")
    return keys


def _headers(provider: StatewideFigures) -> list[Any]:
    labels = {c.key: c.label for c in provider.columns}
    labels.update({f"{g}:total": label for g, label in provider.group_labels.items()})
    return [labels.get(k, k) for k in _column_keys(provider)]


def statewide_tables(*, user: User) -> list[FigureTable]:
    """Every registered work area's figures per centre, protected against small groups.

    A statewide total is shown for a column only when no centre's cell in it is hidden:
    otherwise the total minus the shown cells would give the hidden one away.
    Values that are not counts (medians) get no total.
    """
    if not user.has_perm("centres.view_statewide_figures"):
        raise PermissionDenied
    centres = list(Centre.objects.order_by("-is_active", "name"))
    tables = []
    for provider in statewide_figures():
        values = provider.compute()
        table = FigureTable(provider.key, provider.label, _headers(provider))
        for centre in centres:
            table.rows.append(
                FigureRow(centre, _protect_centre(provider, values.get(centre.pk, {})))
            )
        not_summable = {c.key for c in provider.columns if c.basis}
        for index, key in enumerate(_column_keys(provider)):
            column = [row.cells[index] for row in table.rows]
            if key in not_summable or any(c.hidden for c in column):
                table.totals.append(None)
            else:
                total = sum(c.count for c in column)
                table.totals.append(figure(key, total, exact=False))
        tables.append(table)
    return tables

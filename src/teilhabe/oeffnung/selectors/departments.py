"""Departments as a tree, as the user may see them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from teilhabe.oeffnung.models import Department


def departments(*, user: Any) -> QuerySet[Department]:
    return Department.objects.for_user(user).select_related("parent")


def tree(*, user: Any) -> list[tuple[int, Department]]:
    """(depth, department) in tree order: each unit below its parent."""
    items = list(departments(user=user))
    children: dict[int | None, list[Department]] = {}
    for d in items:
        children.setdefault(d.parent_id, []).append(d)
    out: list[tuple[int, Department]] = []

    def walk(parent: int | None, depth: int) -> None:
        for d in sorted(children.get(parent, []), key=lambda d: (d.number, d.name)):
            out.append((depth, d))
            walk(d.pk, depth + 1)

    walk(None, 0)
    return out

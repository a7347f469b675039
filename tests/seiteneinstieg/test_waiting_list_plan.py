"""The waiting list's page query uses its partial index on PostgreSQL, not a scan of all children.

20,000 children are inserted in bulk and analysed, a size at which the planner scans the
table and sorts when no index gives the order (checked: without ``child_waiting_order`` the
plan has a Seq Scan, so this test can fail).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child, Family
from teilhabe.seiteneinstieg.selectors.waiting_list import (
    PAGE_SIZE,
    WaitingListFilters,
    waiting_list,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

CHILDREN = 20_000


def _fill(centre: Any) -> None:
    rng = random.Random(17)
    now = timezone.now()
    families = Family.objects.bulk_create(
        Family(
            centre=centre,
            reference=f"P-{i:06d}",
            street="Keupstraße 1",
            postcode="51063",
            lat=50.96,
            lon=7.0,
        )
        for i in range(CHILDREN // 2)
    )
    statuses = [*Status.values]
    children = []
    for i in range(CHILDREN):
        registered = now - dt.timedelta(days=rng.randint(0, 300), minutes=rng.randint(0, 900))
        birth = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        children.append(
            Child(
                centre=centre,
                family=families[i // 2],
                first_name=f"Kind{i}",
                last_name=rng.choice(["Kovalenko", "Haddad", "Ahmadi", "Yılmaz"]),
                birth_date=birth,
                first_language=rng.choice(["uk", "ar", "fa", "tr"]),
                arrived_in_germany_on=birth,
                arrived_in_city_on=birth,
                status=rng.choices(statuses, [20, 15, 15, 12, 12, 8, 3, 9, 3, 3])[0],
                registered_at=registered,
            )
        )
    Child.objects.bulk_create(children, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE seiteneinstieg_child")


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    found = [plan]
    for child in plan.get("Plans", []):
        found += _nodes(child)
    return found


def _plan(queryset: Any) -> list[dict[str, Any]]:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        raw = cursor.fetchone()[0]
    document = raw if isinstance(raw, list) else json.loads(raw)
    return _nodes(document[0]["Plan"])


def _scans_children(nodes: list[dict[str, Any]]) -> bool:
    return any(
        n["Node Type"] == "Seq Scan" and n.get("Relation Name") == "seiteneinstieg_child"
        for n in nodes
    )


@pytest.mark.parametrize("sort", ["days", "-days"])
def test_page_ids_come_from_the_waiting_index(staff, sort):
    _fill(staff.centre)
    children = waiting_list(user=staff.counsellor, filters=WaitingListFilters(sort=sort))
    ids = children.values_list("id", flat=True)  # what the page runs (waiting_list_page)
    for page in (ids[:PAGE_SIZE], ids[PAGE_SIZE * 100 : PAGE_SIZE * 101]):
        nodes = _plan(page)
        assert not _scans_children(nodes), nodes
        assert any(n.get("Index Name") == "child_waiting_order" for n in nodes), nodes

    # (The pagination's COUNT reads the same index only once VACUUM has set the visibility
    # map, which autovacuum does but a test transaction cannot: docs/benchmarks.md.)

    # Without the index PostgreSQL scans and sorts all children: the test can fail.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX child_waiting_order")
        assert _scans_children(_plan(ids[:PAGE_SIZE]))
        transaction.set_rollback(True)

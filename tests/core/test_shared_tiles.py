"""Centre-wide start-page tiles are computed once per centre and role, personal ones always."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import override_settings

from teilhabe.core.registry import Tile
from teilhabe.core.views import _tile_context

pytestmark = pytest.mark.django_db


def _counting_tile(shared_seconds: int) -> tuple[Tile, list[int]]:
    calls: list[int] = []

    def context(user):
        calls.append(user.pk)
        return {"n": len(calls)} if user.centre_id != -1 else None

    return Tile("test.counting", "x.html", "", context, shared_seconds=shared_seconds), calls


@override_settings(TEILHABE_SHARED_TILES=True)
def test_shared_tile_is_computed_once_per_centre_and_role(staff, other_staff):
    cache.clear()
    tile, calls = _counting_tile(60)
    first = _tile_context(tile, staff.counsellor)
    assert _tile_context(tile, staff.counsellor) == first
    assert len(calls) == 1
    # another role of the same centre, and the same role of another centre: their own
    _tile_context(tile, staff.centre_admin)
    _tile_context(tile, other_staff.counsellor)
    assert len(calls) == 3
    cache.clear()


@override_settings(TEILHABE_SHARED_TILES=True)
def test_personal_tile_is_computed_on_every_request(staff):
    cache.clear()
    tile, calls = _counting_tile(0)
    _tile_context(tile, staff.counsellor)
    _tile_context(tile, staff.counsellor)
    assert len(calls) == 2


def test_tests_compute_every_tile_afresh(staff):
    tile, calls = _counting_tile(60)
    _tile_context(tile, staff.counsellor)
    _tile_context(tile, staff.counsellor)
    assert len(calls) == 2

"""The start page after login and a health check for load balancers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from teilhabe.core.registry import Tile, tiles


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Each app's tiles, for the permissions this user holds; a tile may have nothing to say."""
    shown = []
    for tile in tiles():
        if tile.permission and not request.user.has_perm(tile.permission):
            continue
        context = _tile_context(tile, request.user)
        if context is not None:
            shown.append({"template": tile.template, "context": context, "key": tile.key})
    return render(request, "core/home.html", {"tiles": shown})


def _tile_context(tile: Tile, user: Any) -> dict[str, Any] | None:
    """The tile's context; a centre-wide tile's from the cache for ``shared_seconds``."""
    seconds = tile.shared_seconds if settings.TEILHABE_SHARED_TILES else 0
    if not seconds or user.centre_id is None:
        return tile.context(user)
    key = f"teilhabe:tile:{tile.key}:{user.centre_id}:{user.role}"
    cached = cache.get(key)
    if cached is not None:
        return cached[0]
    context = tile.context(user)
    cache.set(key, (context,), seconds)  # a tuple: "nothing to say" (None) is cached too
    return context


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})

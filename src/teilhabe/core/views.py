"""The start page after login and a health check for load balancers."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from teilhabe.core.registry import tiles


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Each app's tiles, for the permissions this user holds; a tile may have nothing to say."""
    shown = []
    for tile in tiles():
        if tile.permission and not request.user.has_perm(tile.permission):
            continue
        context = tile.context(request.user)
        if context is not None:
            shown.append({"template": tile.template, "context": context, "key": tile.key})
    return render(request, "core/home.html", {"tiles": shown})


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})

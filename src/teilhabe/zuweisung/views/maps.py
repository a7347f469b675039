"""The map: schools with free seats by level and waiting children per Stadtteil."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from teilhabe.core.decorators import staff_view
from teilhabe.zuweisung.selectors import maps as selectors


@staff_view("zuweisung.view_map")
@require_GET
def map_page(request: HttpRequest) -> HttpResponse:
    schools = selectors.schools_with_free_seats(user=request.user)
    return render(
        request,
        "zuweisung/map.html",
        {
            "schools": schools,
            "stadtteile": selectors.stadtteil_table(user=request.user),
            "tiles_url": settings.TEILHABE_MAP_TILES_URL,
            "tiles_attribution": settings.TEILHABE_MAP_TILES_ATTRIBUTION,
        },
    )


@staff_view("zuweisung.view_map")
@require_GET
def map_schools(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"schools": selectors.schools_with_free_seats(user=request.user)})


@staff_view("zuweisung.view_map")
@require_GET
def map_stadtteile(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(selectors.stadtteile_with_counts(user=request.user))
    response["Content-Type"] = "application/geo+json"
    return response

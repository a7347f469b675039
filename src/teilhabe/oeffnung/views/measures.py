"""The measures programme: list, detail, edit, import and the council report."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from teilhabe.core.decorators import staff_view
from teilhabe.oeffnung.selectors import measures as selectors


@staff_view("oeffnung.view_measures")
@require_GET
def measure_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "oeffnung/measure_list.html",
        {"rows": selectors.programme(user=request.user)},
    )

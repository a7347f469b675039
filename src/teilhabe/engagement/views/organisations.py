"""Staff pages of the organisation registry."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from teilhabe.core.decorators import staff_view
from teilhabe.engagement.selectors import organisations_for_user


@staff_view("engagement.view_organisations")
@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engagement/organisation_list.html",
        {"organisations": organisations_for_user(request.user)},
    )

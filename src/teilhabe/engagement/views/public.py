"""Public pages: the organisations map, an organisation's own edit page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from teilhabe.centres.models import Centre
from teilhabe.centres.public import public_page
from teilhabe.engagement.models import Organisation
from teilhabe.engagement.selectors import public_organisations
from teilhabe.engagement.services import organisation_by_link


@require_GET
@public_page
def organisation_map(request: HttpRequest, *, centre: Centre, lang: str) -> HttpResponse:
    return render(
        request,
        "engagement/public/organisation_map.html",
        {"organisations": public_organisations(centre)},
    )


@require_http_methods(["GET", "POST"])
@public_page
def organisation_edit(
    request: HttpRequest, *, centre: Centre, lang: str, token: str
) -> HttpResponse:
    try:
        organisation = organisation_by_link(token)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if organisation.centre_id != centre.pk:
        raise Http404
    return render(
        request, "engagement/public/organisation_edit.html", {"organisation": organisation}
    )

"""Public pages of a centre's Integrationsrat: no login, public records only (404 else)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from teilhabe.integrationsrat import selectors
from teilhabe.integrationsrat.models import File


def _ctx(council: object, **extra: object) -> dict[str, object]:
    return {"council": council, "centre": council.centre, **extra}


@require_GET
def calendar(request: HttpRequest, centre: str) -> HttpResponse:
    council = selectors.public_council(centre)
    meetings = selectors.live(selectors.public_meetings(council.centre)).select_related("location")
    now = timezone.now()
    return render(
        request,
        "integrationsrat/public/calendar.html",
        _ctx(
            council,
            upcoming=meetings.filter(end__gte=now).order_by("start"),
            past=meetings.filter(end__lt=now).order_by("-start")[:30],
        ),
    )


@require_GET
def meeting(request: HttpRequest, centre: str, pk: int) -> HttpResponse:
    council = selectors.public_council(centre)
    found = get_object_or_404(
        selectors.live(selectors.public_meetings(council.centre)).select_related("location"),
        pk=pk,
    )
    items = list(
        selectors.live(found.agenda_items.filter(public=True))
        .select_related("consultation__paper")
        .order_by("order")
    )
    minutes = getattr(found, "minutes", None)
    return render(
        request,
        "integrationsrat/public/meeting.html",
        _ctx(
            council,
            meeting=found,
            items=[
                (
                    item,
                    item.consultation.paper
                    if hasattr(item, "consultation")
                    and item.consultation.paper.public
                    and not item.consultation.paper.deleted
                    and not item.consultation.deleted
                    else None,
                )
                for item in items
            ],
            minutes=minutes if minutes and minutes.status == "approved" else None,
        ),
    )


@require_GET
def members(request: HttpRequest, centre: str) -> HttpResponse:
    council = selectors.public_council(centre)
    shown, hidden = selectors.public_members_on(council.centre, timezone.localdate())
    return render(
        request,
        "integrationsrat/public/members.html",
        _ctx(council, members=shown, hidden=hidden),
    )


@require_GET
def papers(request: HttpRequest, centre: str) -> HttpResponse:
    council = selectors.public_council(centre)
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    page = Paginator(selectors.search_public_papers(council.centre, query), 25).get_page(
        request.GET.get("seite")
    )
    return render(
        request,
        "integrationsrat/public/papers.html",
        _ctx(council, page=page, query=query),
    )


@require_GET
def paper(request: HttpRequest, centre: str, pk: int) -> HttpResponse:
    council = selectors.public_council(centre)
    found = get_object_or_404(selectors.live(selectors.public_papers(council.centre)), pk=pk)
    files = File.objects.filter(paper=found, deleted_at__isnull=True)
    consultations = (
        selectors.live(selectors.public_consultations(council.centre))
        .filter(paper=found)
        .select_related("agenda_item__meeting")
    )
    return render(
        request,
        "integrationsrat/public/paper.html",
        _ctx(council, paper=found, files=files, consultations=consultations),
    )

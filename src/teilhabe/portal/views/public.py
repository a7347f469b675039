"""The centre's public site: no login, the language in the URL, German as the fallback.

Every view is wrapped in ``centres.public.public_page`` (unknown centre or language → 404,
rendered in the page's language). Content comes from the public selectors only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods

from teilhabe.centres.public import PUBLIC_LANGUAGES, RTL_LANGUAGES, public_centre, public_page
from teilhabe.core.forms import show_service_errors
from teilhabe.core.proxy import client_ip
from teilhabe.portal import public_texts as texts
from teilhabe.portal import selectors
from teilhabe.portal.choices import OFFER_LANGUAGES, OfferCategory, PageKind
from teilhabe.portal.forms.public import FeedbackForm, OfferFilterForm
from teilhabe.portal.services import feedback as feedback_service

PER_PAGE = 20
MAP_LIMIT = 500
#: when the statement's default text was last checked against the pages (axe in all seven
#: languages, keyboard, 360 px); a centre's own "not accessible yet" text dates itself
STATEMENT_CHECKED = dt.date(2026, 11, 26)


def suggested_language(request: HttpRequest) -> str:
    """The first public language the browser asks for (only highlighted, never forced)."""
    header = request.headers.get("Accept-Language", "")
    weighted = []
    for position, part in enumerate(header.split(",")):
        code, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        weighted.append((-quality, position, code.strip().lower()[:2]))
    for _q, _p, code in sorted(weighted):
        if code in PUBLIC_LANGUAGES:
            return code
    return ""


@require_GET
def choose_language(request: HttpRequest, centre: str) -> HttpResponse:
    """``/<centre>/``: the seven languages, each in its own script; no redirect."""
    centre_obj = public_centre(centre)
    request.public_centre = centre_obj
    request.public_language = "de"
    suggested = suggested_language(request)
    choices = [
        {
            "code": code,
            "autonym": autonym,
            "url": reverse("portal:home", kwargs={"centre": centre_obj.slug, "lang": code}),
            "dir": "rtl" if code in RTL_LANGUAGES else "ltr",
            "suggested": code == suggested,
            "prompt": _in(code, texts.CHOOSE_PROMPT),
        }
        for code, autonym in PUBLIC_LANGUAGES.items()
    ]
    with translation.override("de"):
        return render(
            request, "portal/public/choose.html", {"centre": centre_obj, "choices": choices}
        )


def _in(code: str, text: Any) -> str:
    with translation.override(code):
        return str(text)


def _context(centre: Any, lang: str, **extra: Any) -> dict[str, Any]:
    return {"centre": centre, "lang": lang, **extra}


def _language_names(codes: list[str]) -> list[str]:
    return [str(OFFER_LANGUAGES[c]) for c in codes if c in OFFER_LANGUAGES]


def _offer_row(offer: Any, lang: str) -> dict[str, Any]:
    return {
        "offer": offer,
        "shown": selectors.translated(offer, lang),
        "languages": _language_names(offer.languages),
    }


@public_page
@require_GET
def home(request: HttpRequest, *, centre: Any, lang: str) -> HttpResponse:
    pages = selectors.public_pages(centre, [PageKind.ABOUT, PageKind.HOURS])
    events = list(selectors.public_events(centre)[:3])
    return render(
        request,
        "portal/public/home.html",
        _context(
            centre,
            lang,
            about=selectors.translated(pages[PageKind.ABOUT], lang)
            if PageKind.ABOUT in pages
            else None,
            hours=selectors.translated(pages[PageKind.HOURS], lang)
            if PageKind.HOURS in pages
            else None,
            events=[selectors.translated(e, lang) for e in events],
            categories=list(OfferCategory.choices),
        ),
    )


@public_page
@require_GET
def offers(request: HttpRequest, *, centre: Any, lang: str) -> HttpResponse:
    form = OfferFilterForm(request.GET or None, districts=selectors.offer_districts(centre))
    chosen = form.filters()
    found = selectors.public_offers(centre, **chosen)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("seite"))
    rows = [_offer_row(o, lang) for o in page.object_list]
    base = reverse("portal:offers", kwargs={"centre": centre.slug, "lang": lang})
    points = [
        {"lat": p.latitude, "lon": p.longitude, "title": p.title, "url": f"{base}{p.pk}/"}
        for p in selectors.offer_map_points(found, lang, limit=MAP_LIMIT)
    ]
    return render(
        request,
        "portal/public/offers.html",
        _context(
            centre,
            lang,
            form=form,
            page=page,
            rows=rows,
            total=page.paginator.count,
            query=urlencode({k: v for k, v in chosen.items() if v}),
            map_points=points,
            tiles_url=settings.TEILHABE_MAP_TILES_URL,
            tiles_attribution=settings.TEILHABE_MAP_TILES_ATTRIBUTION,
        ),
    )


@public_page
@require_GET
def offer(request: HttpRequest, *, centre: Any, lang: str, pk: int) -> HttpResponse:
    found = selectors.public_offer(centre, pk)
    row = _offer_row(found, lang)
    points = []
    if found.latitude is not None and found.longitude is not None:
        shown = row["shown"]
        title = shown.text.title if shown.text else found.provider
        points = [{"lat": found.latitude, "lon": found.longitude, "title": title, "url": ""}]
    return render(
        request,
        "portal/public/offer.html",
        _context(
            centre,
            lang,
            row=row,
            map_points=points,
            tiles_url=settings.TEILHABE_MAP_TILES_URL,
            tiles_attribution=settings.TEILHABE_MAP_TILES_ATTRIBUTION,
        ),
    )


@public_page
@require_GET
def events(request: HttpRequest, *, centre: Any, lang: str) -> HttpResponse:
    return render(
        request,
        "portal/public/events.html",
        _context(
            centre,
            lang,
            events=[selectors.translated(e, lang) for e in selectors.public_events(centre)],
        ),
    )


@public_page
@require_GET
def documents(request: HttpRequest, *, centre: Any, lang: str) -> HttpResponse:
    return render(
        request,
        "portal/public/documents.html",
        _context(
            centre,
            lang,
            documents=[selectors.translated(d, lang) for d in selectors.public_documents(centre)],
        ),
    )


@public_page
@require_GET
def contact(request: HttpRequest, *, centre: Any, lang: str) -> HttpResponse:
    pages = selectors.public_pages(centre, [PageKind.CONTACT, PageKind.HOURS])
    return render(
        request,
        "portal/public/contact.html",
        _context(
            centre,
            lang,
            contact=selectors.translated(pages[PageKind.CONTACT], lang)
            if PageKind.CONTACT in pages
            else None,
            hours=selectors.translated(pages[PageKind.HOURS], lang)
            if PageKind.HOURS in pages
            else None,
        ),
    )


@public_page
@require_http_methods(["GET", "POST"])
def accessibility(request: HttpRequest, *, centre: Any, lang: str) -> HttpResponse:
    """The BITV NRW accessibility statement and its feedback form (stored, mailed)."""
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        here = reverse("portal:accessibility", kwargs={"centre": centre.slug, "lang": lang})
        if form.is_spam():  # the honeypot: thank, keep nothing
            messages.success(request, str(texts.FEEDBACK_THANKS))
            return redirect(here)
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        try:
            feedback_service.submit_feedback(
                actor=None,
                centre=centre,
                language=lang,
                sender=feedback_service.client_key(client_ip(request)),
                **data,
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, str(texts.FEEDBACK_THANKS))
            return redirect(here)
    barriers = selectors.public_page(centre, PageKind.BARRIERS)
    return render(
        request,
        "portal/public/accessibility.html",
        _context(
            centre,
            lang,
            form=form,
            barriers=selectors.translated(barriers, lang) if barriers else None,
            stated_on=barriers.updated_at.date() if barriers else STATEMENT_CHECKED,
        ),
    )

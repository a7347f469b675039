"""Staff pages of the public site (German): pages, offers, events, documents, their texts
in the seven languages, the missing-translations overview and the feedback received."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.portal import selectors
from teilhabe.portal.choices import PageKind
from teilhabe.portal.forms.staff import DocumentForm, EventForm, OfferForm, TextForm
from teilhabe.portal.services import content as services

MANAGE = "portal.manage_content"

#: the URL word for each kind of content with texts per language
KINDS = {"angebot": "offer", "veranstaltung": "event", "dokument": "document"}
_LOOKUP = {"offer": selectors.offer, "event": selectors.event, "document": selectors.document}
_BACK = {
    "offer": "portal_staff:offer_edit",
    "event": "portal_staff:event_edit",
    "document": "portal_staff:document_edit",
}


def _texts(obj: Any) -> list[dict[str, Any]]:
    have = {t.language: t for t in obj.translations.all()}
    return [
        {"code": code, "name": name, "text": have.get(code)}
        for code, name in PUBLIC_LANGUAGES.items()
    ]


@staff_view(MANAGE)
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    pages = selectors.pages(request.user)
    page_rows = [
        {"kind": kind, "label": label, "texts": _texts(pages[kind]) if kind in pages else None}
        for kind, label in PageKind.choices
    ]
    return render(
        request,
        "portal/staff/overview.html",
        {
            "page_rows": page_rows,
            "languages": PUBLIC_LANGUAGES,
            "missing": selectors.missing_translations(request.user),
            "offer_count": selectors.offers(request.user).count(),
            "event_count": selectors.events(request.user).count(),
            "document_count": selectors.documents(request.user).count(),
        },
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, kind: str, lang: str) -> HttpResponse:
    if kind not in PageKind.values:
        raise Http404
    page = selectors.page_for(request.user, kind)
    current = page.translations.filter(language=lang).first() if page else None
    initial = {"title": current.title, "body": current.body} if current else {}
    form = TextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_page(actor=request.user, kind=kind, language=lang, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Gespeichert."))
            return redirect("portal_staff:overview")
    german = page.translations.filter(language="de").first() if page and lang != "de" else None
    return render(
        request,
        "portal/staff/text_form.html",
        {
            "form": form,
            "heading": f"{PageKind(kind).label} – {PUBLIC_LANGUAGES[lang]}",
            "german": german,
            "lang": lang,
        },
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def translation_edit(request: HttpRequest, kind: str, pk: int, lang: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    key = KINDS[kind]
    obj = _LOOKUP[key](request.user, pk)
    current = obj.translations.filter(language=lang).first()
    initial = {}
    if current:
        initial = {"title": current.title, "body": current.body}
        if key == "offer":
            initial["schedule"] = current.schedule
    form = TextForm(request.POST or None, initial=initial, schedule=key == "offer")
    if request.method == "POST" and form.is_valid():
        try:
            services.save_translation(
                actor=request.user, obj=obj, language=lang, **form.cleaned_data
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Übersetzung gespeichert."))
            return redirect(_BACK[key], pk=obj.pk)
    german = obj.translations.filter(language="de").first()
    return render(
        request,
        "portal/staff/text_form.html",
        {
            "form": form,
            "heading": f"{german.title if german else obj} – {PUBLIC_LANGUAGES[lang]}",
            "german": german if lang != "de" else None,
            "lang": lang,
        },
    )


# --- offers ---------------------------------------------------------------------------------


def _offer_initial(offer: Any) -> dict[str, Any]:
    german = next((t for t in offer.translations.all() if t.language == "de"), None)
    fields = [
        "category",
        "provider",
        "street",
        "postcode",
        "place",
        "languages",
        "starts_on",
        "ends_on",
        "website",
        "phone",
        "email",
        "is_published",
    ]
    initial = {name: getattr(offer, name) for name in fields}
    if german:
        initial.update(title=german.title, description=german.body, schedule=german.schedule)
    return initial


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def offer_list(request: HttpRequest) -> HttpResponse:
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.save_offer(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Angebot angelegt."))
            return redirect("portal_staff:offer_edit", pk=offer.pk)
    # a search text is text: control characters (a NUL ends PostgreSQL's text) are dropped
    query = "".join(ch for ch in request.GET.get("q", "") if ch.isprintable()).strip()[:100]
    page = Paginator(selectors.offers(request.user, query=query), 50).get_page(
        request.GET.get("seite")
    )
    return render(
        request,
        "portal/staff/offer_list.html",
        {"form": form, "page": page, "q": query, "query": urlencode({"q": query}) if query else ""},
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = selectors.offer(request.user, pk)
    form = OfferForm(request.POST or None, initial=_offer_initial(offer))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_offer(actor=request.user, offer=offer, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Angebot gespeichert."))
            return redirect("portal_staff:offer_edit", pk=offer.pk)
    return render(
        request,
        "portal/staff/object_edit.html",
        {
            "form": form,
            "obj": offer,
            "kind": "angebot",
            "heading": _("Angebot bearbeiten"),
            "texts": _texts(offer),
            "delete_url": "portal_staff:offer_delete",
            "list_url": "portal_staff:offer_list",
        },
    )


@staff_view(MANAGE)
@require_POST
def offer_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.delete_offer(actor=request.user, offer=selectors.offer(request.user, pk))
    messages.success(request, _("Angebot gelöscht."))
    return redirect("portal_staff:offer_list")


# --- events -------------------------------------------------------------------------------


def _german(obj: Any) -> Any:
    return next((t for t in obj.translations.all() if t.language == "de"), None)


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.save_event(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Veranstaltung angelegt."))
            return redirect("portal_staff:event_edit", pk=event.pk)
    events = [(e, _german(e)) for e in selectors.events(request.user)[:200]]
    return render(request, "portal/staff/event_list.html", {"form": form, "events": events})


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event(request.user, pk)
    german = _german(event)
    initial = {
        "title": german.title if german else "",
        "description": german.body if german else "",
        **{
            name: getattr(event, name)
            for name in ("starts_at", "ends_at", "venue", "street", "postcode", "place")
        },
        "is_published": event.is_published,
    }
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_event(actor=request.user, event=event, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Veranstaltung gespeichert."))
            return redirect("portal_staff:event_edit", pk=event.pk)
    return render(
        request,
        "portal/staff/object_edit.html",
        {
            "form": form,
            "obj": event,
            "kind": "veranstaltung",
            "heading": _("Veranstaltung bearbeiten"),
            "texts": _texts(event),
            "delete_url": "portal_staff:event_delete",
            "list_url": "portal_staff:event_list",
        },
    )


@staff_view(MANAGE)
@require_POST
def event_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.delete_event(actor=request.user, event=selectors.event(request.user, pk))
    messages.success(request, _("Veranstaltung gelöscht."))
    return redirect("portal_staff:event_list")


# --- documents ------------------------------------------------------------------------------


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_document(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Dokument angelegt."))
            return redirect("portal_staff:document_list")
    documents = [(d, _german(d)) for d in selectors.documents(request.user)]
    return render(
        request, "portal/staff/document_list.html", {"form": form, "documents": documents}
    )


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document(request.user, pk)
    german = _german(document)
    initial = {
        "title": german.title if german else "",
        "description": german.body if german else "",
        "url": document.url,
        "order": document.order,
        "is_published": document.is_published,
    }
    form = DocumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_document(actor=request.user, document=document, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Dokument gespeichert."))
            return redirect("portal_staff:document_edit", pk=document.pk)
    return render(
        request,
        "portal/staff/object_edit.html",
        {
            "form": form,
            "obj": document,
            "kind": "dokument",
            "heading": _("Dokument oder Link bearbeiten"),
            "texts": _texts(document),
            "delete_url": "portal_staff:document_delete",
            "list_url": "portal_staff:document_list",
        },
    )


@staff_view(MANAGE)
@require_POST
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.delete_document(actor=request.user, document=selectors.document(request.user, pk))
    messages.success(request, _("Dokument gelöscht."))
    return redirect("portal_staff:document_list")


# --- feedback -------------------------------------------------------------------------------


@staff_view("portal.view_feedback")
@require_GET
def feedback_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.feedback(request.user), 50).get_page(request.GET.get("seite"))
    return render(request, "portal/staff/feedback_list.html", {"page": page})

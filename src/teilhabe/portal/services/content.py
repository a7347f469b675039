"""Staff writes of the public site's content: one transaction and one audit entry each.

German is the text every object has (the fallback for all languages), so creating an
object takes its German title; the other languages are added with ``save_translation``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe import geo
from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.portal.choices import OFFER_LANGUAGES, PageKind
from teilhabe.portal.models import (
    DocumentLink,
    DocumentLinkTranslation,
    Event,
    EventTranslation,
    Offer,
    OfferTranslation,
    Page,
    PageTranslation,
)

MANAGE = "portal.manage_content"

_TRANSLATION_MODELS: dict[type, tuple[type, str]] = {
    Page: (PageTranslation, "page"),
    Offer: (OfferTranslation, "offer"),
    Event: (EventTranslation, "event"),
    DocumentLink: (DocumentLinkTranslation, "document"),
}


def _require(actor: User, obj: Any = None) -> Centre:
    if not actor.has_perm(MANAGE, obj) or actor.centre_id is None:
        raise PermissionDenied
    return actor.centre


def _save(obj: Any) -> Any:
    obj.full_clean()
    obj.save()
    return obj


def _put_text(obj: Any, *, language: str, title: str, body: str, **extra: str) -> Any | None:
    """Create, change or (both empty) remove one language's text of ``obj``."""
    if language not in PUBLIC_LANGUAGES:
        raise ValidationError({"language": _("Diese Sprache gibt es auf den Seiten nicht.")})
    model, field = _TRANSLATION_MODELS[type(obj)]
    existing = model.objects.filter(**{field: obj, "language": language}).first()
    title, body = title.strip(), body.strip()
    if not title and not body and not any(v.strip() for v in extra.values()):
        if language == "de":
            raise ValidationError({"title": _("Der deutsche Titel ist Pflicht.")})
        if existing:
            existing.delete()
        return None
    if not title:
        raise ValidationError({"title": _("Bitte einen Titel angeben.")})
    text = existing or model(**{field: obj, "language": language})
    text.title, text.body = title, body
    for name, value in extra.items():
        setattr(text, name, value.strip())
    return _save(text)


@transaction.atomic
def save_page(*, actor: User, kind: str, language: str, title: str, body: str) -> Page:
    """Write one language's text of one of the centre's pages (created on first save)."""
    centre = _require(actor)
    if kind not in PageKind.values:
        raise ValidationError({"kind": _("Diese Seite gibt es nicht.")})
    page, _created = Page.objects.select_for_update().get_or_create(centre=centre, kind=kind)
    _put_text(page, language=language, title=title, body=body)
    page.save(update_fields=["updated_at"])
    record(
        actor=actor,
        centre=centre,
        action="portal.page.saved",
        target=page,
        summary=f"{page.get_kind_display()} ({language})",
    )
    return page


@transaction.atomic
def save_translation(
    *,
    actor: User,
    obj: Offer | Event | DocumentLink,
    language: str,
    title: str,
    body: str,
    schedule: str = "",
) -> Any | None:
    """Write (or with empty fields remove) one language's text of an offer, event or document."""
    _require(actor, obj)
    extra = {"schedule": schedule} if isinstance(obj, Offer) else {}
    text = _put_text(obj, language=language, title=title, body=body, **extra)
    record(
        actor=actor,
        centre=obj.centre,
        action="portal.translation.saved",
        target=obj,
        summary=f"{obj._meta.verbose_name} ({language})",
    )
    return text


def _clean_languages(languages: list[str]) -> list[str]:
    unknown = [code for code in languages if code not in OFFER_LANGUAGES]
    if unknown:
        raise ValidationError({"languages": _("Unbekannte Sprache: %s") % ", ".join(unknown)})
    return [code for code in OFFER_LANGUAGES if code in languages]


def _locate(offer: Offer) -> None:
    """Coordinates and Stadtteil from postcode and place (teilhabe.geo); refuse unknown ones."""
    location = geo.locate(offer.postcode, offer.place)
    if location is None:
        raise ValidationError(
            {"postcode": _("Diese Postleitzahl kennen wir in Nordrhein-Westfalen nicht.")}
        )
    offer.latitude, offer.longitude = location.latitude, location.longitude
    offer.district, offer.borough = location.district or "", location.borough or ""


@transaction.atomic
def save_offer(
    *,
    actor: User,
    offer: Offer | None = None,
    category: str,
    provider: str,
    postcode: str,
    place: str,
    title: str,
    description: str = "",
    schedule: str = "",
    street: str = "",
    languages: list[str] | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    website: str = "",
    phone: str = "",
    email: str = "",
    is_published: bool = True,
) -> Offer:
    """Create or change an offer with its German text; the address is geocoded."""
    centre = _require(actor, offer)
    if offer is None:
        offer = Offer(centre=centre)
    else:
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
    offer.category, offer.provider = category, provider.strip()
    offer.street, offer.postcode, offer.place = street.strip(), postcode.strip(), place.strip()
    offer.languages = _clean_languages(list(languages or []))
    offer.starts_on, offer.ends_on = starts_on, ends_on
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("Das Ende liegt vor dem Beginn.")})
    offer.website, offer.phone, offer.email = website, phone.strip(), email
    offer.is_published = is_published
    _locate(offer)
    _save(offer)
    _put_text(offer, language="de", title=title, body=description, schedule=schedule)
    record(
        actor=actor, centre=centre, action="portal.offer.saved", target=offer, summary=title[:200]
    )
    return offer


@transaction.atomic
def delete_offer(*, actor: User, offer: Offer) -> None:
    centre = _require(actor, offer)
    record(actor=actor, centre=centre, action="portal.offer.deleted", target=offer)
    offer.delete()


@transaction.atomic
def save_event(
    *,
    actor: User,
    event: Event | None = None,
    starts_at: dt.datetime,
    title: str,
    description: str = "",
    ends_at: dt.datetime | None = None,
    venue: str = "",
    street: str = "",
    postcode: str = "",
    place: str = "",
    is_published: bool = True,
) -> Event:
    centre = _require(actor, event)
    event = (
        Event(centre=centre)
        if event is None
        else Event.objects.select_for_update().get(pk=event.pk)
    )
    if ends_at and ends_at < starts_at:
        raise ValidationError({"ends_at": _("Das Ende liegt vor dem Beginn.")})
    event.starts_at, event.ends_at = starts_at, ends_at
    event.venue, event.street = venue.strip(), street.strip()
    event.postcode, event.place = postcode.strip(), place.strip()
    event.is_published = is_published
    _save(event)
    _put_text(event, language="de", title=title, body=description)
    record(
        actor=actor, centre=centre, action="portal.event.saved", target=event, summary=title[:200]
    )
    return event


@transaction.atomic
def delete_event(*, actor: User, event: Event) -> None:
    centre = _require(actor, event)
    record(actor=actor, centre=centre, action="portal.event.deleted", target=event)
    event.delete()


@transaction.atomic
def save_document(
    *,
    actor: User,
    document: DocumentLink | None = None,
    url: str,
    title: str,
    description: str = "",
    order: int = 100,
    is_published: bool = True,
) -> DocumentLink:
    centre = _require(actor, document)
    if document is None:
        document = DocumentLink(centre=centre)
    else:
        document = DocumentLink.objects.select_for_update().get(pk=document.pk)
    document.url, document.order, document.is_published = url.strip(), order, is_published
    _save(document)
    _put_text(document, language="de", title=title, body=description)
    record(
        actor=actor,
        centre=centre,
        action="portal.document.saved",
        target=document,
        summary=title[:200],
    )
    return document


@transaction.atomic
def delete_document(*, actor: User, document: DocumentLink) -> None:
    centre = _require(actor, document)
    record(actor=actor, centre=centre, action="portal.document.deleted", target=document)
    document.delete()

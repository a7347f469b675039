"""Rows of the public site for tests (written directly; behaviour goes through services)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

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


def make_page(centre: Any, kind: str, texts: dict[str, tuple[str, str]]) -> Page:
    page, _ = Page.objects.get_or_create(centre=centre, kind=kind)
    for lang, (title, body) in texts.items():
        PageTranslation.objects.create(page=page, language=lang, title=title, body=body)
    return page


def make_offer(centre: Any, texts: dict[str, str] | None = None, **fields: Any) -> Offer:
    values = {
        "category": "german",
        "provider": "Volkshochschule Köln",
        "street": "Cäcilienstraße 35",
        "postcode": "50667",
        "place": "Köln",
        "district": "Altstadt-Nord",
        "latitude": 50.936,
        "longitude": 6.951,
        "languages": ["de", "ar"],
        **fields,
    }
    offer = Offer.objects.create(centre=centre, **values)
    for lang, title in (texts or {"de": "Deutschkurs A1"}).items():
        OfferTranslation.objects.create(
            offer=offer, language=lang, title=title, body=f"Text {lang}", schedule="Mo 9–12"
        )
    return offer


def make_event(
    centre: Any, texts: dict[str, str] | None = None, days: int = 7, **fields: Any
) -> Event:
    event = Event.objects.create(
        centre=centre,
        starts_at=timezone.now() + dt.timedelta(days=days),
        venue="Bürgerzentrum Ehrenfeld",
        **fields,
    )
    for lang, title in (texts or {"de": "Infoabend"}).items():
        EventTranslation.objects.create(event=event, language=lang, title=title, body="…")
    return event


def make_document(centre: Any, texts: dict[str, str] | None = None, **fields: Any) -> DocumentLink:
    document = DocumentLink.objects.create(
        centre=centre, url="https://www.stadt-koeln.de/", **fields
    )
    for lang, title in (texts or {"de": "Integrationskonzept"}).items():
        DocumentLinkTranslation.objects.create(document=document, language=lang, title=title)
    return document

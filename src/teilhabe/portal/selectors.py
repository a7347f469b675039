"""Reads of the public site. Public selectors take the centre from the URL and return only
published content of that centre; staff selectors take the user (another centre → 404)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.centres.models import Centre
from teilhabe.centres.public import PUBLIC_LANGUAGES
from teilhabe.portal.choices import PageKind
from teilhabe.portal.models import (
    DocumentLink,
    Event,
    Feedback,
    Offer,
    OfferTranslation,
    Page,
)

FALLBACK = "de"


@dataclass(frozen=True)
class Shown:
    """The text of an object as a visitor sees it in ``wanted``: their language or German.

    ``language`` is the language of the text shown; ``fallback`` says it is not the one
    asked for (the page then says so and marks the block ``lang="de"``).
    """

    obj: Any
    text: Any  # a Translation row, or None when not even German exists
    language: str
    wanted: str

    @property
    def fallback(self) -> bool:
        return self.text is not None and self.language != self.wanted

    @property
    def dir(self) -> str:
        return "rtl" if self.language in ("ar", "fa") else "ltr"


def translated(obj: Any, lang: str) -> Shown:
    """The object's text in ``lang``, else German (translations should be prefetched)."""
    texts = {t.language: t for t in obj.translations.all()}
    if lang in texts:
        return Shown(obj, texts[lang], lang, lang)
    return Shown(obj, texts.get(FALLBACK), FALLBACK, lang)


def _with_texts(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related("translations")


# --- public -------------------------------------------------------------------------------


def public_page(centre: Centre, kind: str) -> Page | None:
    return _with_texts(Page.objects.for_centre(centre).filter(kind=kind)).first()


def public_pages(centre: Centre, kinds: list[str]) -> dict[str, Page]:
    pages = _with_texts(Page.objects.for_centre(centre).filter(kind__in=kinds))
    return {page.kind: page for page in pages}


def public_offers(
    centre: Centre, *, category: str = "", district: str = "", language: str = ""
) -> QuerySet[Offer]:
    """Published offers of the centre that have not ended, filtered as the visitor chose."""
    today = timezone.localdate()
    offers = Offer.objects.for_centre(centre).filter(is_published=True)
    offers = offers.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    if category:
        offers = offers.filter(category=category)
    if district:
        offers = offers.filter(district=district)
    if language:
        # the JSON list's text holds '"tr"' (works on SQLite and PostgreSQL alike)
        offers = offers.filter(languages__icontains=f'"{language}"')
    return _with_texts(offers).order_by("category", "starts_on", "pk")


@dataclass(frozen=True)
class MapPoint:
    pk: int
    latitude: float
    longitude: float
    title: str


def offer_map_points(offers: QuerySet[Offer], lang: str, *, limit: int) -> list[MapPoint]:
    """The map's points of the filtered offers: coordinates and the title in ``lang`` (else
    German), in two narrow queries however many offers there are (no model rows built)."""
    rows = list(
        offers.prefetch_related(None)
        .exclude(latitude=None)
        .exclude(longitude=None)
        .values_list("pk", "latitude", "longitude", "provider")[:limit]
    )
    titles: dict[int, str] = {}
    texts = OfferTranslation.objects.filter(
        offer_id__in=[row[0] for row in rows], language__in={lang, FALLBACK}
    ).values_list("offer_id", "language", "title")
    for offer_id, language, title in texts:
        if language == lang:
            titles[offer_id] = title
        else:
            titles.setdefault(offer_id, title)
    return [MapPoint(pk, lat, lon, titles.get(pk, provider)) for pk, lat, lon, provider in rows]


def public_offer(centre: Centre, pk: int) -> Offer:
    return get_object_or_404(public_offers(centre), pk=pk)


def offer_districts(centre: Centre) -> list[str]:
    rows = (
        Offer.objects.for_centre(centre)
        .filter(is_published=True)
        .exclude(district="")
        .values_list("district", flat=True)
        .distinct()
    )
    return sorted(set(rows))


def public_events(centre: Centre, *, now: dt.datetime | None = None) -> QuerySet[Event]:
    """Published events that have not ended yet, soonest first."""
    now = now or timezone.now()
    events = Event.objects.for_centre(centre).filter(is_published=True)
    events = events.filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
    return _with_texts(events).order_by("starts_at", "pk")


def public_documents(centre: Centre) -> QuerySet[DocumentLink]:
    return _with_texts(DocumentLink.objects.for_centre(centre).filter(is_published=True))


# --- staff ----------------------------------------------------------------------------------


def pages(user: Any) -> dict[str, Page]:
    return {p.kind: p for p in _with_texts(Page.objects.for_user(user))}


def page_for(user: Any, kind: str) -> Page | None:
    if kind not in PageKind.values:
        return None
    return _with_texts(Page.objects.for_user(user).filter(kind=kind)).first()


def offers(user: Any, *, query: str = "") -> QuerySet[Offer]:
    found = Offer.objects.for_user(user)
    if query:
        found = found.filter(
            Q(provider__icontains=query)
            | Q(translations__language=FALLBACK, translations__title__icontains=query)
        ).distinct()
    return _with_texts(found).order_by("category", "pk")


def offer(user: Any, pk: int) -> Offer:
    return get_object_or_404(_with_texts(Offer.objects.for_user(user)), pk=pk)


def events(user: Any) -> QuerySet[Event]:
    return _with_texts(Event.objects.for_user(user)).order_by("-starts_at")


def event(user: Any, pk: int) -> Event:
    return get_object_or_404(_with_texts(Event.objects.for_user(user)), pk=pk)


def documents(user: Any) -> QuerySet[DocumentLink]:
    return _with_texts(DocumentLink.objects.for_user(user))


def document(user: Any, pk: int) -> DocumentLink:
    return get_object_or_404(_with_texts(DocumentLink.objects.for_user(user)), pk=pk)


def feedback(user: Any) -> QuerySet[Feedback]:
    return Feedback.objects.for_user(user)


@dataclass(frozen=True)
class Missing:
    """One piece of content and the public languages it has no text in."""

    kind: str  # "page", "offer", "event", "document"
    obj: Any
    label: str
    languages: list[str]


def missing_translations(user: Any) -> list[Missing]:
    """Every page, offer, event and document of the user's centre that lacks a language.

    A fixed number of queries however much content there is (translations prefetched).
    """
    rows: list[Missing] = []
    groups: list[tuple[str, Any]] = [
        ("page", Page.objects.for_user(user).order_by("kind")),
        ("offer", Offer.objects.for_user(user).order_by("category", "pk")),
        ("event", Event.objects.for_user(user).order_by("-starts_at")),
        ("document", DocumentLink.objects.for_user(user)),
    ]
    for kind, queryset in groups:
        for obj in _with_texts(queryset):
            have = {t.language: t for t in obj.translations.all()}
            lacking = [code for code in PUBLIC_LANGUAGES if code not in have]
            if lacking:
                german = have.get(FALLBACK)
                label = german.title if german else str(obj)
                if kind == "page":
                    label = obj.get_kind_display()
                rows.append(Missing(kind, obj, label, lacking))
    return rows


def start_tile(user: Any) -> dict[str, Any] | None:
    """The staff start page's tile: recent feedback and content lacking a language."""
    since = timezone.now() - dt.timedelta(days=30)
    recent = Feedback.objects.for_user(user).filter(created_at__gte=since).count()
    missing = len(missing_translations(user)) if user.has_perm("portal.manage_content") else 0
    if not recent and not missing:
        return None
    return {"recent": recent, "missing": missing}

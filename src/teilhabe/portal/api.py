"""The public site's offers over the API (read only): the same selector as the staff pages.

Offers are the centre's published information for newcomers (no personal data), so reads
are not audited. ``GET /api/v1/offers/`` lists the centre's offers with their texts in every
language they have; filters: area, Stadtteil, language spoken, changed since.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from teilhabe.api.base import ReadOnlyApiViewSet
from teilhabe.api.filters import ChoiceFilter, SinceFilter, TextFilter
from teilhabe.api.registry import register_endpoint, register_scope
from teilhabe.portal import selectors
from teilhabe.portal.choices import OFFER_LANGUAGES, OfferCategory
from teilhabe.portal.models import Offer

MANAGE = "portal.manage_content"


@extend_schema_field(
    {
        "type": "object",
        "description": "Texte je Sprache (de, en, uk, ar, tr, fa, ru); Deutsch ist immer da.",
        "additionalProperties": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "description": {"type": "string"},
                "schedule": {"type": "string"},
            },
        },
        "example": {"de": {"title": "Sprachcafé", "description": "…", "schedule": "Mi 16–18"}},
    }
)
class TextsField(serializers.Field):
    def to_representation(self, offer: Offer) -> dict[str, dict[str, str]]:
        return {
            t.language: {"title": t.title, "description": t.body, "schedule": t.schedule}
            for t in offer.translations.all()
        }


class OfferSerializer(serializers.ModelSerializer):
    texts = TextsField(source="*", read_only=True)
    # plain strings: empty when the provider has none (no "uri"/"email" format for "")
    website = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)

    class Meta:
        model = Offer
        fields = (
            "id",
            "category",
            "provider",
            "street",
            "postcode",
            "place",
            "district",
            "borough",
            "latitude",
            "longitude",
            "languages",
            "starts_on",
            "ends_on",
            "website",
            "phone",
            "email",
            "is_published",
            "updated_at",
            "texts",
        )
        read_only_fields = fields


class OfferViewSet(ReadOnlyApiViewSet):
    """Offers for newcomers of the token holder's centre (published or not)."""

    scopes = {"list": "offers:read", "retrieve": "offers:read"}
    serializer_class = OfferSerializer
    filters = [
        ChoiceFilter(
            "category", "Bereich.", lookup=lambda v: Q(category=v), choices=OfferCategory.choices
        ),
        TextFilter("district", "Stadtteil (genau).", lookup=lambda v: Q(district=v)),
        ChoiceFilter(
            "language",
            "Sprache im Angebot (ISO 639-1).",
            lookup=lambda v: Q(languages__icontains=f'"{v}"'),
            choices=list(OFFER_LANGUAGES.items()),
        ),
        SinceFilter(
            "updated_since", "Geändert seit (RFC 3339).", lookup=lambda v: Q(updated_at__gte=v)
        ),
    ]

    def get_queryset(self) -> Any:
        return selectors.offers(self.request.user).order_by("pk")


def register() -> None:
    """Called from the app's ready(): the offers scope and endpoint."""
    register_scope(
        "offers:read", label=_("Angebote der öffentlichen Seiten lesen"), permission=MANAGE
    )
    register_endpoint("offers", OfferViewSet, basename="offer")

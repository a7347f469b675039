"""Schools and seat reports over the API: the same selectors and service as the pages.

A seat report is what a school says about its offers ("free seats as of today");
``GET /api/v1/seat-reports/`` lists the offers with their figures and the last report,
``POST`` reports through ``services.offers.report_free_seats``.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from teilhabe.api.base import ReadOnlyApiViewSet
from teilhabe.api.filters import ChoiceFilter, IdFilter, SinceFilter, TextFilter
from teilhabe.api.registry import register_endpoint, register_scope
from teilhabe.schulen.models import Offer, OfferKind, School
from teilhabe.schulen.selectors.schools import (
    is_stale,
    offers_for_user,
    school_detail,
    schools_for_user,
)
from teilhabe.schulen.services.offers import report_free_seats


class SchoolSerializer(serializers.ModelSerializer):
    class Meta:
        model = School
        fields = (
            "id",
            "schulnummer",
            "name",
            "short_name",
            "school_form",
            "street",
            "postcode",
            "city",
            "phone",
            "email",
            "website",
            "public",
            "municipality_key",
            "lat",
            "lon",
            "updated_at",
        )
        read_only_fields = fields


class SchoolViewSet(ReadOnlyApiViewSet):
    """Schools of the centre's area (a school account: its own school)."""

    scopes = {"list": "schools:read", "retrieve": "schools:read"}
    serializer_class = SchoolSerializer
    filters = [
        TextFilter("school_form", "Schulform (genau).", lookup=lambda v: Q(school_form=v)),
        TextFilter(
            "municipality_key",
            "Gemeindeschlüssel (8 Ziffern).",
            lookup=lambda v: Q(municipality_key=v),
            max_length=8,
        ),
        SinceFilter(
            "updated_since",
            "Zuletzt importiert seit (RFC 3339).",
            lookup=lambda v: Q(updated_at__gte=v),
        ),
    ]

    def get_queryset(self) -> Any:
        return schools_for_user(user=self.request.user).order_by("name", "pk")


class SeatReportSerializer(serializers.ModelSerializer):
    """An offer with its seats: total, taken (accepted), reserved (proposed), free."""

    school_name = serializers.CharField(source="school.name", read_only=True)
    seats_taken = serializers.IntegerField(read_only=True)
    seats_reserved = serializers.IntegerField(read_only=True)
    seats_free = serializers.IntegerField(read_only=True)
    stale = serializers.SerializerMethodField()

    class Meta:
        model = Offer
        fields = (
            "id",
            "school",
            "school_name",
            "kind",
            "level",
            "grade_from",
            "grade_to",
            "active",
            "seats_total",
            "seats_taken",
            "seats_reserved",
            "seats_free",
            "last_reported_at",
            "stale",
        )
        read_only_fields = fields

    def get_stale(self, offer: Offer) -> bool:
        """The last report is older than 30 days (or there is none)."""
        return is_stale(offer)


@extend_schema_field(
    {
        "type": "object",
        "description": "Freie Plätze je Angebot: Kennnummer des Angebots → Zahl (0–500).",
        "patternProperties": {
            "^[1-9][0-9]{0,8}$": {"type": "integer", "minimum": 0, "maximum": 500}
        },
        "additionalProperties": False,
        "minProperties": 1,
        "maxProperties": 50,
        "example": {"12": 3, "13": 0},
    }
)
class FreeSeatsField(serializers.DictField):
    """``{"<offer id>": free}`` — one entry per offer by construction, as the service takes."""

    child = serializers.IntegerField(min_value=0, max_value=500)

    def to_internal_value(self, data: Any) -> dict[int, int]:
        values = super().to_internal_value(data)
        if not 1 <= len(values) <= 50:
            raise serializers.ValidationError(_("Bitte 1 bis 50 Angebote melden."))
        # as the schema's pattern reads in Python (its "$" also before a final newline)
        if not all(re.match(r"[1-9][0-9]{0,8}$", key) for key in values):
            raise serializers.ValidationError(_("Schlüssel sind Kennnummern von Angeboten."))
        return {int(key): count for key, count in values.items()}


class SeatReportIn(serializers.Serializer):
    school = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    free = FreeSeatsField()


class SeatReportViewSet(ReadOnlyApiViewSet):
    """Offers with their seat figures; a school reports its free seats."""

    scopes = {
        "list": "seat_reports:read",
        "retrieve": "seat_reports:read",
        "create": "seat_reports:write",
    }
    serializer_class = SeatReportSerializer
    filters = [
        IdFilter("school", "Kennnummer der Schule.", lookup=lambda v: Q(school_id=v)),
        ChoiceFilter(
            "kind", "Art des Angebots.", lookup=lambda v: Q(kind=v), choices=OfferKind.choices
        ),
        SinceFilter(
            "updated_since",
            "Gemeldet seit (RFC 3339).",
            lookup=lambda v: Q(last_reported_at__gte=v),
        ),
    ]

    def get_queryset(self) -> Any:
        return offers_for_user(user=self.request.user).order_by("school__name", "pk")

    @extend_schema(request=SeatReportIn, responses={201: SeatReportSerializer(many=True)})
    def create(self, request: Request) -> Response:
        """Report free seats per offer of one school (one audit entry, as on the page)."""
        data = SeatReportIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        school = school_detail(user=request.user, pk=values["school"])
        offers = report_free_seats(
            actor=request.user,
            school=school,
            free=values["free"],
        )
        rows = self.get_queryset().filter(pk__in=[o.pk for o in offers])
        return Response(SeatReportSerializer(rows, many=True).data, status=status.HTTP_201_CREATED)


def register() -> None:
    """Called from the app's ready(): the schools' scopes and endpoints."""
    register_scope("schools:read", label=_("Schulen lesen"), permission="schulen.view_schools")
    register_scope(
        "seat_reports:read", label=_("Platzmeldungen lesen"), permission="schulen.view_schools"
    )
    register_scope(
        "seat_reports:write", label=_("Freie Plätze melden"), permission="schulen.report_seats"
    )
    register_endpoint("schools", SchoolViewSet, basename="school")
    register_endpoint("seat-reports", SeatReportViewSet, basename="seat-report")

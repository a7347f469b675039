"""The casework's API endpoints: cases (children) and appointments.

Reads go through the same selectors as the pages (``children_for_user``,
``appointments_for_user``), writes through the same services (``register_family``,
``book_appointment``), so roles, object rules, centre separation and audit are the pages'.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from teilhabe.api.base import ReadOnlyApiViewSet
from teilhabe.api.filters import ChoiceFilter, IdFilter, SinceFilter, TextFilter
from teilhabe.api.registry import register_endpoint, register_scope
from teilhabe.seiteneinstieg.choices import (
    LANGUAGE_CHOICES,
    AppointmentStatus,
    LanguageLevel,
    SchoolLevel,
    Status,
)
from teilhabe.seiteneinstieg.models import Appointment, Child
from teilhabe.seiteneinstieg.selectors.appointments import appointments_for_user, free_slots
from teilhabe.seiteneinstieg.selectors.cases import children_for_user, family_detail
from teilhabe.seiteneinstieg.services.appointments import book_appointment
from teilhabe.seiteneinstieg.services.cases import (
    STATUS_TIMESTAMP,
    AddressData,
    ChildData,
    GuardianData,
    register_family,
)

# --- cases -------------------------------------------------------------------------------


def _or_blank(choices: Any) -> list[tuple[str, Any]]:
    """Choices of a field that may be empty ("" = not yet known)."""
    return [("", "—"), *choices]


class CaseSerializer(serializers.ModelSerializer):
    recommended_level = serializers.ChoiceField(_or_blank(SchoolLevel.choices), read_only=True)
    family_reference = serializers.CharField(source="family.reference", read_only=True)
    stadtteil = serializers.CharField(source="family.stadtteil_name", read_only=True)

    class Meta:
        model = Child
        fields = (
            "id",
            "family",
            "family_reference",
            "first_name",
            "last_name",
            "birth_date",
            "first_language",
            "status",
            "recommended_level",
            "stadtteil",
            "registered_at",
            "invited_at",
            "counselled_at",
            "assessed_at",
            "ready_at",
            "proposed_at",
            "accepted_at",
            "placed_at",
            "closed_at",
        )
        read_only_fields = fields


def _changed_since(since: Any) -> Q:
    """A case changed when it was registered or entered a status since then."""
    condition = Q(registered_at__gte=since)
    for name in set(STATUS_TIMESTAMP.values()):
        condition |= Q(**{f"{name}__gte": since})
    return condition


class AddressIn(serializers.Serializer):
    street = serializers.CharField(max_length=200)
    postcode = serializers.RegexField(r"^[0-9]{5}$", max_length=5)
    city = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class GuardianIn(serializers.Serializer):
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    relation = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True, default="")
    language = serializers.ChoiceField(LANGUAGE_CHOICES, required=False, default="de")
    interpreter_needed = serializers.BooleanField(required=False, default=False)


class ChildLanguageIn(serializers.Serializer):
    language = serializers.ChoiceField(LANGUAGE_CHOICES)
    level = serializers.ChoiceField(LanguageLevel.choices)


class ChildIn(serializers.Serializer):
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    birth_date = serializers.DateField()
    first_language = serializers.ChoiceField(LANGUAGE_CHOICES)
    arrived_in_germany_on = serializers.DateField()
    arrived_in_city_on = serializers.DateField()
    nationality = serializers.RegexField(
        r"^[A-Z]{2}$", max_length=2, required=False, allow_blank=True, default=""
    )
    school_years = serializers.IntegerField(min_value=0, max_value=14, required=False, default=0)
    last_grade = serializers.IntegerField(
        min_value=1, max_value=13, required=False, allow_null=True, default=None
    )
    special_needs = serializers.CharField(
        max_length=5000, required=False, allow_blank=True, default=""
    )
    notes = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    languages = serializers.ListField(
        child=ChildLanguageIn(), required=False, default=list, max_length=10
    )


class RegistrationIn(serializers.Serializer):
    """A family with its guardians and children, as on the registration page."""

    address = AddressIn()
    guardians = serializers.ListField(child=GuardianIn(), min_length=1, max_length=5)
    children = serializers.ListField(child=ChildIn(), min_length=1, max_length=10)
    notes = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    confirm_duplicates = serializers.BooleanField(required=False, default=False)


class RegistrationOut(serializers.Serializer):
    family = serializers.IntegerField()
    family_reference = serializers.CharField()
    cases = CaseSerializer(many=True)


class CaseViewSet(ReadOnlyApiViewSet):
    """Children of the centre (a case each), as the case pages show them."""

    scopes = {"list": "cases:read", "retrieve": "cases:read", "create": "cases:write"}
    audit_reads = True
    serializer_class = CaseSerializer
    filters = [
        ChoiceFilter(
            "status", "Status im Ablauf.", lookup=lambda v: Q(status=v), choices=Status.choices
        ),
        IdFilter("family", "Kennnummer der Familie.", lookup=lambda v: Q(family_id=v)),
        TextFilter(
            "stadtteil",
            "Name des Stadtteils der Familie (genau).",
            lookup=lambda v: Q(family__stadtteil_name=v),
        ),
        SinceFilter(
            "updated_since",
            "Registriert oder Status gewechselt seit (RFC 3339).",
            lookup=_changed_since,
        ),
    ]

    def get_queryset(self) -> Any:
        return children_for_user(user=self.request.user).select_related("family").order_by("pk")

    @extend_schema(request=RegistrationIn, responses={201: RegistrationOut})
    def create(self, request: Request) -> Response:
        """Register a family with its children (the registration service; audited there)."""
        data = RegistrationIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        family = register_family(
            actor=request.user,
            address=AddressData(**values["address"]),
            guardians=[GuardianData(**g) for g in values["guardians"]],
            children=[
                ChildData(
                    **{k: v for k, v in c.items() if k != "languages"},
                    languages=[(entry["language"], entry["level"]) for entry in c["languages"]],
                )
                for c in values["children"]
            ],
            notes=values["notes"],
            confirm_duplicates=values["confirm_duplicates"],
        )
        cases = self.get_queryset().filter(family=family)
        return Response(
            {
                "family": family.pk,
                "family_reference": family.reference,
                "cases": CaseSerializer(cases, many=True).data,
            },
            status=status.HTTP_201_CREATED,
        )


# --- appointments ------------------------------------------------------------------------


class AppointmentSerializer(serializers.ModelSerializer):
    interpreter_language = serializers.ChoiceField(_or_blank(LANGUAGE_CHOICES), read_only=True)
    family_reference = serializers.CharField(source="family.reference", read_only=True)
    counsellor = serializers.CharField(source="slot.counsellor.get_full_name", read_only=True)
    starts_at = serializers.DateTimeField(source="slot.starts_at", read_only=True)
    ends_at = serializers.DateTimeField(source="slot.ends_at", read_only=True)
    location = serializers.CharField(source="slot.location", read_only=True)

    class Meta:
        model = Appointment
        fields = (
            "id",
            "slot",
            "family",
            "family_reference",
            "counsellor",
            "starts_at",
            "ends_at",
            "location",
            "status",
            "interpreter_language",
            "booked_at",
        )
        read_only_fields = fields


class BookingIn(serializers.Serializer):
    slot = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    family = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    interpreter_language = serializers.ChoiceField(
        LANGUAGE_CHOICES, required=False, allow_blank=True, default=""
    )


class AppointmentViewSet(ReadOnlyApiViewSet):
    """Counselling appointments of the centre; booking invites the family's children."""

    scopes = {
        "list": "appointments:read",
        "retrieve": "appointments:read",
        "create": "appointments:write",
    }
    audit_reads = True
    serializer_class = AppointmentSerializer
    filters = [
        ChoiceFilter(
            "status",
            "Stand des Termins.",
            lookup=lambda v: Q(status=v),
            choices=AppointmentStatus.choices,
        ),
        IdFilter("family", "Kennnummer der Familie.", lookup=lambda v: Q(family_id=v)),
        SinceFilter(
            "starts_after", "Termine ab (RFC 3339).", lookup=lambda v: Q(slot__starts_at__gte=v)
        ),
        SinceFilter(
            "updated_since", "Gebucht seit (RFC 3339).", lookup=lambda v: Q(booked_at__gte=v)
        ),
    ]

    def get_queryset(self) -> Any:
        return appointments_for_user(user=self.request.user).order_by("slot__starts_at", "pk")

    @extend_schema(request=BookingIn, responses={201: AppointmentSerializer})
    def create(self, request: Request) -> Response:
        """Book a family into a free slot (the booking service: letter, mail, audit)."""
        data = BookingIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        # the same selectors as the booking page: only the centre's free slots and families
        slot = get_object_or_404(free_slots(user=request.user), pk=values["slot"])
        family = family_detail(user=request.user, pk=values["family"])
        appointment = book_appointment(
            actor=request.user,
            slot=slot,
            family=family,
            interpreter_language=values["interpreter_language"],
        )
        appointment = self.get_queryset().get(pk=appointment.pk)
        return Response(AppointmentSerializer(appointment).data, status=status.HTTP_201_CREATED)


def register() -> None:
    """Called from the app's ready(): the casework's scopes and endpoints."""
    register_scope("cases:read", label=_("Fälle lesen"), permission="seiteneinstieg.view_case")
    register_scope(
        "cases:write", label=_("Familien anmelden"), permission="seiteneinstieg.register_family"
    )
    register_scope(
        "appointments:read",
        label=_("Beratungstermine lesen"),
        permission="seiteneinstieg.manage_appointments",
    )
    register_scope(
        "appointments:write",
        label=_("Beratungstermine buchen"),
        permission="seiteneinstieg.manage_appointments",
    )
    register_endpoint("cases", CaseViewSet, basename="case")
    register_endpoint("appointments", AppointmentViewSet, basename="appointment")

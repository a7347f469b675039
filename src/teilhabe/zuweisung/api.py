"""Placements over the API: what a school sees of a proposed child, and its answer.

Rows are ``selectors.school.SchoolProposal`` — the school's fixed field list, for every
role, so the API shows no more than the school's page. Accepting and declining call the
decision services (row locks, seat count, letter, audit).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from teilhabe.api.base import ApiViewSet
from teilhabe.api.filters import ChoiceFilter, IdFilter, SinceFilter, parse_filters
from teilhabe.api.registry import register_endpoint, register_scope
from teilhabe.zuweisung.models import (
    SCHOOL_VISIBLE_STATUSES,
    DeclineReason,
    PlacementStatus,
)
from teilhabe.zuweisung.selectors.placements import placements_for_user
from teilhabe.zuweisung.selectors.school import (
    SchoolProposal,
    proposal_for_decision,
    school_proposals,
)
from teilhabe.zuweisung.services.decisions import accept_placement, decline_placement

VISIBLE = [(s.value, s.label) for s in PlacementStatus if s in SCHOOL_VISIBLE_STATUSES]


class PlacementSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    status = serializers.ChoiceField(VISIBLE)
    status_label = serializers.CharField()
    school = serializers.IntegerField(source="school_id")
    offer_label = serializers.CharField()
    waiting_days = serializers.IntegerField()
    name = serializers.CharField()
    age = serializers.IntegerField()
    grade = serializers.IntegerField(allow_null=True)
    level = serializers.CharField()
    languages = serializers.ListField(child=serializers.CharField())
    german_level = serializers.CharField()
    guardian_language = serializers.CharField()
    interpreter_needed = serializers.BooleanField()
    start_date = serializers.DateField(allow_null=True)


class AcceptIn(serializers.Serializer):
    start_date = serializers.DateField()


class DeclineIn(serializers.Serializer):
    reason = serializers.ChoiceField(DeclineReason.choices)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class DeclineOut(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(
        [(PlacementStatus.DECLINED.value, PlacementStatus.DECLINED.label)]
    )
    detail = serializers.CharField()


class PlacementViewSet(ApiViewSet):
    """Proposals, acceptances and attendance at the schools the user sees."""

    scopes = {
        "list": "placements:read",
        "retrieve": "placements:read",
        "accept": "placements:write",
        "decline": "placements:write",
    }
    audit_reads = True
    serializer_class = PlacementSerializer
    filters = [
        ChoiceFilter("status", "Stand der Zuweisung.", choices=VISIBLE),
        IdFilter("school", "Kennnummer der Schule."),
        SinceFilter("updated_since", "Vorgeschlagen, an die Schule gegeben oder entschieden seit."),
    ]

    def get_queryset(self) -> Any:
        return placements_for_user(user=self.request.user)

    def _rows(self, request: Request) -> list[SchoolProposal]:
        values = parse_filters(request, self.filters)
        placements = placements_for_user(user=request.user)
        if "status" in values:
            placements = placements.filter(status=values["status"])
        if "updated_since" in values:
            since = values["updated_since"]
            placements = placements.filter(
                Q(created_at__gte=since) | Q(released_at__gte=since) | Q(decided_at__gte=since)
            )
        wanted = set(placements.values_list("pk", flat=True))
        rows = school_proposals(user=request.user, school_id=values.get("school"))
        return [row for row in rows if row.pk in wanted]

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self._rows(request))
        self.record_list_read(request, page)
        return self.get_paginated_response(PlacementSerializer(page, many=True).data)

    def _one(self, request: Request, pk: str) -> SchoolProposal:
        placement = proposal_for_decision(user=request.user, pk=int(pk))
        for row in school_proposals(user=request.user, school_id=placement.offer.school_id):
            if row.pk == placement.pk:
                return row
        raise Http404

    def retrieve(self, request: Request, pk: str) -> Response:
        parse_filters(request, ())
        row = self._one(request, pk)
        self.record_object_read(request, proposal_for_decision(user=request.user, pk=row.pk))
        return Response(PlacementSerializer(row).data)

    @extend_schema(request=AcceptIn, responses={200: PlacementSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str) -> Response:
        """The school takes the child from ``start_date`` (a seat is taken now)."""
        data = AcceptIn(data=request.data)
        data.is_valid(raise_exception=True)
        placement = proposal_for_decision(user=request.user, pk=int(pk))
        accept_placement(
            actor=request.user, placement=placement, start_date=data.validated_data["start_date"]
        )
        return Response(PlacementSerializer(self._one(request, pk)).data)

    @extend_schema(request=DeclineIn, responses={200: DeclineOut})
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, pk: str) -> Response:
        """The school declines with a reason; the child waits again."""
        data = DeclineIn(data=request.data)
        data.is_valid(raise_exception=True)
        placement = proposal_for_decision(user=request.user, pk=int(pk))
        decline_placement(
            actor=request.user,
            placement=placement,
            reason=data.validated_data["reason"],
            note=data.validated_data["note"],
        )
        # a declined proposal leaves the school's list: the answer says so instead
        return Response(
            {
                "id": placement.pk,
                "status": PlacementStatus.DECLINED.value,
                "detail": _("Abgelehnt; das Kind wartet wieder auf einen Platz."),
            }
        )


def register() -> None:
    """Called from the app's ready(): the placements' scopes and endpoints."""
    register_scope(
        "placements:read",
        label=gettext_lazy("Zuweisungen lesen"),
        permission="schulen.view_schools",
    )
    register_scope(
        "placements:write",
        label=gettext_lazy("Zuweisungen annehmen oder ablehnen"),
        permission="zuweisung.decide_placement",
    )
    register_endpoint("placements", PlacementViewSet, basename="placement")

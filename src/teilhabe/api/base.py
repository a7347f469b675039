"""Base classes for the work areas' endpoints (``<app>/api.py``).

A viewset names a scope per action and reads through the app's selectors
(``get_queryset`` returns ``selector(user=request.user)``); it writes by calling one
service. Reads of personal data write one audit entry per request (``audit_reads``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from teilhabe.audit.reads import record_read

READ_ACTION = "audit.api.read"


class ApiViewSet(viewsets.GenericViewSet):
    """``scopes``: action → scope name; ``audit_reads``: the rows are personal data."""

    scopes: dict[str, str] = {}
    filters: list[Any] = []
    audit_reads = False
    lookup_value_regex = r"[0-9]{1,18}"
    # the catalogue of a read entry names what was read, never the rows' content
    read_label = ""

    def record_list_read(self, request: Request, rows: list[Any]) -> None:
        """One entry for the whole page: which endpoint, which ids (not the content)."""
        if not self.audit_reads or not rows:
            return
        ids = ",".join(str(getattr(row, "pk", "")) for row in rows)
        record_read(
            actor=request.user,
            action=READ_ACTION,
            target=request.user.centre,
            detail=_("Schnittstelle %(what)s, %(n)s Einträge: %(ids)s")
            % {"what": request.path, "n": len(rows), "ids": ids},
        )

    def record_object_read(self, request: Request, obj: Any) -> None:
        if self.audit_reads:
            record_read(
                actor=request.user,
                action=READ_ACTION,
                target=obj,
                detail=_("Schnittstelle %(what)s") % {"what": request.path},
            )


class ReadOnlyApiViewSet(ApiViewSet):
    """List (paginated, filtered) and detail through the selectors; reads audited."""

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        self.record_list_read(request, page)
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        self.record_object_read(request, obj)
        return Response(self.get_serializer(obj).data)

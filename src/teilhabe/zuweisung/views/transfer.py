"""The centre's placement problem as a file (for the engine run elsewhere)."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from teilhabe.audit.reads import record_read
from teilhabe.core.decorators import staff_view
from teilhabe.zuweisung.exports import build_instance


@staff_view("zuweisung.export_placement")
@require_GET
def placement_export(request: HttpRequest) -> HttpResponse:
    instance = build_instance(centre=request.user.centre)
    record_read(
        actor=request.user,
        action="audit.export.downloaded",
        target=request.user.centre,
        detail=_("Platzierungsdaten aller wartenden Kinder (JSON)"),
    )
    response = HttpResponse(
        json.dumps(instance, ensure_ascii=False, indent=1), content_type="application/json"
    )
    name = f"platzierung-{request.user.centre.slug}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store, private"
    return response

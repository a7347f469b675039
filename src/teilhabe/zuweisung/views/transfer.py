"""The centre's placement problem as a file (for the engine run elsewhere)."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from teilhabe.core.decorators import staff_view
from teilhabe.zuweisung.exports import build_instance


@staff_view("zuweisung.export_placement")
@require_GET
def placement_export(request: HttpRequest) -> HttpResponse:
    instance = build_instance(centre=request.user.centre)
    response = HttpResponse(
        json.dumps(instance, ensure_ascii=False, indent=1), content_type="application/json"
    )
    name = f"platzierung-{request.user.centre.slug}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store, private"
    return response

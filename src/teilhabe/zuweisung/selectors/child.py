"""The school place on a child's page (registered with ``seiteneinstieg.hooks``)."""

from __future__ import annotations

from typing import Any

from teilhabe.centres.models import User
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.zuweisung.letters import letter_languages, missing_translations
from teilhabe.zuweisung.models import Exclusion, Placement, PlacementStatus


def child_place_section(*, user: User, child: Any) -> dict[str, Any] | None:
    placements = list(
        Placement.objects.for_user(user)
        .filter(child=child)
        .exclude(status=PlacementStatus.DISCARDED)
        .select_related("offer__school", "run")
        .order_by("-created_at")[:10]
    )
    ready = child.status == Status.READY
    if not placements and not ready:
        return None
    active = next(
        (
            p
            for p in placements
            if p.status
            in (PlacementStatus.PROPOSED, PlacementStatus.ACCEPTED, PlacementStatus.ATTENDING)
        ),
        None,
    )
    draft = next((p for p in placements if p.status == PlacementStatus.DRAFT), None)
    return {
        "placements": placements,
        "active": active,
        "draft": draft,
        "can_request": ready and draft is None and user.has_perm("zuweisung.request_single", child),
        "letter_languages": letter_languages(child),
        "missing": missing_translations(child),
        "exclusions": list(
            Exclusion.objects.filter(child=child).select_related("school").order_by("created_at")
        ),
    }

"""Proposals stay in step with the child's status.

Registered with ``seiteneinstieg.hooks`` in ``ZuweisungConfig.ready``: whenever a child's
status changes, inside that transaction, an active proposal that no longer fits the new
status is withdrawn (a draft discarded), so no path leaves a proposal and a status that
disagree — the seat counts free again and the child can be placed anew.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.zuweisung.models import ACTIVE_PLACEMENT_STATUSES, Placement, PlacementStatus

# The child's status each active placement state belongs with.
EXPECTED: dict[str, str] = {
    PlacementStatus.DRAFT: Status.READY,
    PlacementStatus.PROPOSED: Status.PROPOSED,
    PlacementStatus.ACCEPTED: Status.ACCEPTED,
    PlacementStatus.ATTENDING: Status.PLACED,
}


def keep_in_step(*, child: Any, previous: str, to: str) -> str | None:
    placement = (
        Placement.objects.select_for_update()
        .select_related("offer__school")
        .filter(child_id=child.pk, status__in=ACTIVE_PLACEMENT_STATUSES)
        .first()
    )
    if placement is None or EXPECTED[placement.status] == to:
        return None
    was = placement.status
    placement.status = (
        PlacementStatus.DISCARDED if was == PlacementStatus.DRAFT else PlacementStatus.WITHDRAWN
    )
    placement.save(update_fields=["status"])
    return _("Platzvorschlag an %(school)s zurückgezogen (%(was)s)") % {
        "school": placement.offer.school.name,
        "was": PlacementStatus(was).label,
    }

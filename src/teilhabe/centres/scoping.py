"""Querysets that cannot forget the centre.

Every model holding a centre's data uses ``CentreScopedManager``; selectors start from
``Model.objects.for_user(user)``, which is empty for anyone without a centre (the statewide
office sees aggregates through its own selectors, never rows).
"""

from __future__ import annotations

from typing import Any, Self

from django.db import models


class CentreScopedQuerySet(models.QuerySet):
    centre_lookup = "centre"

    def for_user(self, user: Any) -> Self:
        centre_id = getattr(user, "centre_id", None)
        if not getattr(user, "is_authenticated", False) or centre_id is None:
            return self.none()
        return self.filter(**{f"{self.centre_lookup}_id": centre_id})

    def for_centre(self, centre: Any) -> Self:
        return self.filter(**{f"{self.centre_lookup}_id": getattr(centre, "pk", centre)})


def scoped_manager(centre_lookup: str = "centre") -> models.Manager:
    """A manager whose querysets filter by ``centre_lookup`` (e.g. ``"family__centre"``)."""
    queryset = type("ScopedQuerySet", (CentreScopedQuerySet,), {"centre_lookup": centre_lookup})
    return queryset.as_manager()

"""Writing the denormalised search keys of many rows at once.

The services set the keys with every name they write. This is for rows written in bulk
outside the services (the data migration, demo data, an import): it recomputes the keys
from the names. It changes no personal data, only the keys derived from it, so it writes
no audit entry.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from teilhabe.seiteneinstieg.matching import phone_digits, search_fields

BATCH = 2000


def refresh(*, children: QuerySet[Any], guardians: QuerySet[Any]) -> int:
    """Recompute the keys of the given children and guardians; returns the rows written.

    Takes querysets of the models (also the historical models inside a migration).
    """
    written = 0
    batch: list[Any] = []
    child_fields = ["search_name", "search_phonetic"]
    for child in children.only("pk", "first_name", "last_name").iterator(chunk_size=BATCH):
        for name, value in search_fields(child.first_name, child.last_name).items():
            setattr(child, name, value)
        batch.append(child)
        if len(batch) >= BATCH:
            written += children.model.objects.bulk_update(batch, child_fields)
            batch = []
    if batch:
        written += children.model.objects.bulk_update(batch, child_fields)
    batch = []
    guardian_fields = ["search_name", "search_phonetic", "phone_digits"]
    for guardian in guardians.only("pk", "first_name", "last_name", "phone").iterator(
        chunk_size=BATCH
    ):
        for name, value in search_fields(guardian.first_name, guardian.last_name).items():
            setattr(guardian, name, value)
        guardian.phone_digits = phone_digits(guardian.phone)
        batch.append(guardian)
        if len(batch) >= BATCH:
            written += guardians.model.objects.bulk_update(batch, guardian_fields)
            batch = []
    if batch:
        written += guardians.model.objects.bulk_update(batch, guardian_fields)
    return written

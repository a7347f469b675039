"""Reads of the directory import: uploads awaiting their preview, and what closing a
school would touch (its active offers and placements, per centre)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count
from django.shortcuts import get_object_or_404

from teilhabe.centres.models import User
from teilhabe.schulen.models import DirectoryImport, DirectoryUpload, Offer
from teilhabe.schulen.seats import annotate_seats


def upload_for_user(*, user: User, pk: int) -> DirectoryUpload:
    """One's own upload (a preview belongs to whoever uploaded it); 404 otherwise."""
    if not user.has_perm("schulen.import_directory"):
        return get_object_or_404(DirectoryUpload.objects.none(), pk=pk)
    return get_object_or_404(DirectoryUpload.objects.filter(uploaded_by_id=user.pk), pk=pk)


def recent_imports(limit: int = 5) -> list[DirectoryImport]:
    return list(DirectoryImport.objects.select_related("imported_by")[:limit])


@dataclass(frozen=True)
class SchoolLoad:
    """A school's active offers and active placements (proposed or accepted) in one centre."""

    offers: int = 0
    placements: int = 0


def load_of_schools(school_ids: Iterable[int]) -> dict[int, dict[int, SchoolLoad]]:
    """{school id: {centre id: SchoolLoad}} for schools with anything active; two queries.

    Placements are counted by the app that owns them (``schulen.seats``): children
    proposed to, accepted at or attending the school's offers.
    """
    ids = list(school_ids)
    if not ids:
        return {}
    counts: dict[tuple[int, int], list[int]] = {}
    offers = (
        Offer.objects.filter(school_id__in=ids, active=True)
        .values_list("school_id", "centre_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for school_id, centre_id, n in offers:
        counts.setdefault((school_id, centre_id), [0, 0])[0] = n
    for offer in annotate_seats(Offer.objects.filter(school_id__in=ids)):
        busy = offer.seats_taken + offer.seats_reserved
        if busy:
            counts.setdefault((offer.school_id, offer.centre_id), [0, 0])[1] += busy
    result: dict[int, dict[int, SchoolLoad]] = {}
    for (school_id, centre_id), (n_offers, n_placements) in counts.items():
        result.setdefault(school_id, {})[centre_id] = SchoolLoad(n_offers, n_placements)
    return result

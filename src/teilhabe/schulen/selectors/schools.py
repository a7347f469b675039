"""Schools and offers as the user may see them.

A centre sees the schools of its area; school staff see only their own school. Anything
else answers 404, so a school cannot even learn which other schools report seats.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe import geo
from teilhabe.centres.models import Centre, User
from teilhabe.schulen.models import STALE_AFTER_DAYS, AreaChange, DirectoryImport, Offer, School
from teilhabe.schulen.rules import school_id_of
from teilhabe.schulen.seats import annotate_seats, seats_taken  # noqa: F401  (public)


def in_area_keys(keys: list[str]) -> Q:
    """Schools whose municipality lies in the area (``teilhabe.geo.Area.contains_municipality``
    as SQL): a 5-digit key covers a Kreis or kreisfreie Stadt, an 8-digit key one municipality.
    Keys that are not valid NRW keys give no schools (fail closed)."""
    try:
        area = geo.area(keys or [])
    except ValueError:
        return Q(pk__in=[])
    return Q(municipality_key__in=[key for key, _name in area.municipalities()])


def in_area_by_default(*, centre: Centre, school: School) -> bool:
    """Whether the school belongs to the centre's area by its municipality (no AreaChange)."""
    try:
        return geo.area(centre.area_keys or []).contains_municipality(school.municipality_key)
    except ValueError:
        return False


def area_schools(*, centre: Centre) -> QuerySet[School]:
    """The centre's area: schools of its area keys, plus and minus the admin's changes."""
    changes = AreaChange.objects.filter(centre=centre, school=OuterRef("pk"))
    return School.objects.filter(
        (in_area_keys(centre.area_keys) & ~Exists(changes.filter(included=False)))
        | Exists(changes.filter(included=True)),
        closed_at__isnull=True,
    )


def schools_for_user(*, user: User) -> QuerySet[School]:
    """Schools of the user's area; school staff only their own school."""
    if user.centre_id is None or not user.has_perm("schulen.view_schools", None):
        return School.objects.none()
    schools = area_schools(centre=user.centre)
    if not user.has_perm("schulen.view_area_schools"):
        schools = schools.filter(pk=school_id_of(user))
    return schools


def school_detail(*, user: User, pk: int) -> School:
    return get_object_or_404(schools_for_user(user=user), pk=pk)


def offers_for_user(*, user: User) -> QuerySet[Offer]:
    """Active offers of the user's centre at schools the user may see, with seat counts."""
    if user.centre_id is None or not user.has_perm("schulen.view_schools", None):
        return Offer.objects.none()
    offers = Offer.objects.filter(
        centre_id=user.centre_id, school__in=schools_for_user(user=user)
    ).select_related("school")
    return annotate_seats(offers)


def offer_detail(*, user: User, pk: int) -> Offer:
    return get_object_or_404(offers_for_user(user=user), pk=pk)


def stale_before(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=STALE_AFTER_DAYS)


def is_stale(offer: Offer, now: dt.datetime | None = None) -> bool:
    """A report older than 30 days (or none at all) no longer tells the real capacity."""
    return offer.last_reported_at is None or offer.last_reported_at < stale_before(now)


def school_overview(*, user: User, query: str = "", only_offers: bool = False) -> list[Any]:
    """Schools of the area with their offers and seat figures, for the Schulamt's list."""
    schools = schools_for_user(user=user)
    if query:
        schools = schools.filter(
            Q(name__icontains=query)
            | Q(schulnummer__startswith=query)
            | Q(school_form__icontains=query)
            | Q(street__icontains=query)
        )
    offers_by_school: dict[int, list[Offer]] = {}
    for offer in offers_for_user(user=user).filter(active=True, school__in=schools):
        offers_by_school.setdefault(offer.school_id, []).append(offer)
    if only_offers:
        schools = schools.filter(pk__in=list(offers_by_school))
    rows = []
    now = timezone.now()
    for school in schools.order_by("name"):
        offers = offers_by_school.get(school.pk, [])
        for offer in offers:
            offer.stale = is_stale(offer, now)
        rows.append(
            {
                "school": school,
                "offers": offers,
                "free": sum(o.seats_free for o in offers),
                "stale": any(o.stale for o in offers),
            }
        )
    return rows


def last_import() -> DirectoryImport | None:
    return DirectoryImport.objects.first()


def stale_reports_tile(user: User) -> dict[str, Any] | None:
    """Start page: offers whose seat report is older than 30 days (for offices and schools)."""
    offers = [
        o
        for o in offers_for_user(user=user).filter(active=True).order_by("school__name")
        if is_stale(o)
    ]
    return {"offers": offers[:6], "count": len(offers), "days": STALE_AFTER_DAYS}

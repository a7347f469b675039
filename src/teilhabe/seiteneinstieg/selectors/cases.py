"""Cases (children and families) as the user may see them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.centres.models import User
from teilhabe.core.privacy import protect_row
from teilhabe.seiteneinstieg.choices import WAITING_STATUSES, Status
from teilhabe.seiteneinstieg.models import Child, Document, Family, Guardian


def children_for_user(*, user: User) -> QuerySet[Child]:
    """All children of the user's centre, if the user may see cases at all."""
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_case", None):
        return Child.objects.none()
    return Child.objects.filter(centre_id=user.centre_id)


def families_for_user(*, user: User) -> QuerySet[Family]:
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_case", None):
        return Family.objects.none()
    return Family.objects.filter(centre_id=user.centre_id)


def child_detail(*, user: User, pk: int) -> Child:
    """One child with what its case page shows; 404 for another centre's child."""
    return get_object_or_404(
        children_for_user(user=user)
        .select_related("family", "duplicate_of__family")
        .prefetch_related("languages", "assessments", "family__guardians", "family__children"),
        pk=pk,
    )


def family_detail(*, user: User, pk: int) -> Family:
    return get_object_or_404(
        families_for_user(user=user).prefetch_related("guardians", "children__languages"), pk=pk
    )


def guardian_detail(*, user: User, family_pk: int, pk: int) -> tuple[Family, Guardian]:
    """A guardian with its family; 404 unless both belong together and to the user's centre."""
    family = family_detail(user=user, pk=family_pk)
    return family, get_object_or_404(Guardian.objects.filter(family=family), pk=pk)


def dashboard_figures(*, user: User) -> dict[str, Any] | None:
    """The start page's Seiteneinstieg tile: children waiting, by status.

    Roles without case access (statistics) see protected counts, also on the start page:
    a count below three is "< 3", and no hidden count follows from the total.
    """
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_statistics"):
        return None
    counts = dict(
        Child.objects.for_user(user)
        .filter(status__in=Status.values)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    waiting_rows = [(str(Status(s).label), counts.get(s, 0)) for s in WAITING_STATUSES]
    closed_rows = [
        (str(Status(s).label), counts.get(s, 0)) for s in Status.values if s not in WAITING_STATUSES
    ]
    exact = user.has_perm("seiteneinstieg.view_exact_figures")
    by_status, waiting = protect_row(waiting_rows, exact=exact)
    closed, _ = protect_row(closed_rows, exact=exact)
    return {"waiting": waiting, "by_status": by_status + closed}


def documents_for_user(*, user: User) -> QuerySet[Document]:
    """Documents of the user's centre, only for roles that may open them."""
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_documents", None):
        return Document.objects.none()
    return Document.objects.filter(family__centre_id=user.centre_id).select_related(
        "family", "child", "uploaded_by"
    )


def document_detail(*, user: User, pk: int) -> Document:
    return get_object_or_404(documents_for_user(user=user), pk=pk)


def age(birth_date: dt.date, today: dt.date | None = None) -> tuple[int, int]:
    """Age in full years and months (a child born 31.01. is a month older on 28.02.)."""
    today = today or timezone.localdate()
    months = (today.year - birth_date.year) * 12 + today.month - birth_date.month
    if today.day < birth_date.day:
        # the month is full on the last day of a shorter month, too
        next_day = today + dt.timedelta(days=1)
        if next_day.month == today.month:
            months -= 1
    return divmod(max(months, 0), 12)

"""Cases (children and families) as the user may see them."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from teilhabe.centres.models import User
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


def dashboard_figures(*, user: User) -> dict[str, Any]:
    """Counts for the start page: how many children wait in each status."""
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_statistics"):
        return {}
    counts = Child.objects.filter(centre_id=user.centre_id).aggregate(
        waiting=Count("id", filter=Q(status__in=WAITING_STATUSES)),
        **{status: Count("id", filter=Q(status=status)) for status in Status.values},
    )
    return {
        "waiting": counts.pop("waiting"),
        "by_status": [(Status(s).label, counts[s]) for s in Status.values],
    }


def documents_for_user(*, user: User) -> QuerySet[Document]:
    """Documents of the user's centre, only for roles that may open them."""
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_documents", None):
        return Document.objects.none()
    return Document.objects.filter(family__centre_id=user.centre_id).select_related(
        "family", "child", "uploaded_by"
    )


def document_detail(*, user: User, pk: int) -> Document:
    return get_object_or_404(documents_for_user(user=user), pk=pk)

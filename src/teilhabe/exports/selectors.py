"""Reading jobs: a user sees only the jobs they started, in their own centre (else 404)."""

from __future__ import annotations

import uuid

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from teilhabe.centres.models import User
from teilhabe.exports import registry
from teilhabe.exports.models import Job


def _kinds_allowed(user: User) -> list[str]:
    """Kinds whose permission the user holds now: a job whose right was lost since it was
    started (a changed role) shows nothing any more, its file included."""
    return [
        kind
        for kind in registry.registered_kinds()
        if user.has_perm(registry.get_kind(kind).permission)
    ]


def jobs_of(*, user: User) -> QuerySet[Job]:
    """The user's own jobs: theirs, and of their centre (or statewide ones they started),
    of kinds the user may still start."""
    if not user.is_authenticated or not user.has_perm("exports.view_jobs"):
        return Job.objects.none()
    return Job.objects.filter(
        Q(centre_id=user.centre_id) | Q(centre__isnull=True),
        owner_id=user.pk,
        kind__in=_kinds_allowed(user),
    )


def job_for(*, user: User, pk: uuid.UUID) -> Job:
    """One of the user's jobs, or 404 (another user's or centre's job does not exist here)."""
    return get_object_or_404(jobs_of(user=user), pk=pk)


def kind_label(job: Job) -> str:
    """The registered label, or the raw kind for a kind no longer registered."""
    try:
        return str(registry.get_kind(job.kind).label)
    except registry.UnknownJobKind:
        return job.kind

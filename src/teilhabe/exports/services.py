"""Starting a job and handing out its file: the two writes a user causes (both audited)."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.exports import registry
from teilhabe.exports.dispatch import dispatch
from teilhabe.exports.models import Job, JobStatus


@transaction.atomic
def start_job(*, actor: User, kind: str, params: dict[str, Any]) -> Job:
    """Queue a job of a registered kind for ``actor``; it runs after the transaction commits.

    Raises ``registry.UnknownJobKind`` for a kind nobody registered, ``PermissionDenied``
    without the kind's permission, ``ValidationError`` for parameters that are not JSON.
    """
    job = queue_job(actor=actor, kind=kind, params=params)
    record(
        actor=actor,
        centre=actor.centre,
        action="exports.job.started",
        target=job,
        summary=_("Auftrag gestartet: %(label)s") % {"label": registry.get_kind(kind).label},
        data={"kind": kind, "params": params},
    )
    return job


def queue_job(*, actor: User, kind: str, params: dict[str, Any]) -> Job:
    """The job row and its dispatch after commit, without an audit entry: for services that
    start a job as one part of their own (audited) action, e.g. an engine run."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("queue_job() belongs inside the calling service's transaction")
    job_kind = registry.get_kind(kind)
    if actor.centre_id is None or not actor.has_perm(job_kind.permission):
        raise PermissionDenied
    try:
        json.dumps(params)
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("Die Angaben für den Auftrag sind ungültig.")) from exc
    job = Job(
        centre=None if job_kind.statewide else actor.centre,
        owner=actor,
        kind=kind,
        params=params,
        status=JobStatus.QUEUED,
        message=_("Wartet auf Bearbeitung …"),
    )
    job.full_clean()
    job.save()
    transaction.on_commit(partial(dispatch, job.pk))
    return job


@transaction.atomic
def record_job_download(*, actor: User, job: Job) -> None:
    """A result file leaves the system's access control: one audit entry per download.

    The caller found ``job`` through ``selectors.job_for`` (owner and centre checked); this
    checks again so that no other path can hand out a file unaudited.
    """
    if job.owner_id != actor.pk or job.centre_id not in (None, actor.centre_id):
        raise PermissionDenied
    if not job.has_file:
        raise ValidationError(_("Dieser Auftrag hat keine Datei zum Herunterladen."))
    record(
        actor=actor,
        centre=actor.centre,
        action="exports.job.downloaded",
        target=job,
        summary=_("Ergebnis heruntergeladen: %(name)s") % {"name": job.result_filename},
        data={"kind": job.kind, "filename": job.result_filename},
    )

"""Engine runs: started by a person, computed as a background job, reviewed, released.

A run is a stored object with its input, the engine's answer, the cost, the proven lower
bound and the gap. Its proposals are drafts — invisible to the schools, children still
READY — until the Schulamt releases the run; then every school is told by e-mail.

The solver never runs inside a transaction: ``compute_run`` builds the problem and solves
it first, then writes the drafts with the same checks as an uploaded answer against
locked rows (``placements.create_drafts``), so a child or seat that changed meanwhile
fails the run cleanly and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.exports.services import queue_job
from teilhabe.notify.selectors import topic_of
from teilhabe.notify.services import queue_mail
from teilhabe.placement import InstanceError, explain_all, parse_instance, solve
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child
from teilhabe.seiteneinstieg.services.cases import apply_status
from teilhabe.zuweisung.exports import build_instance, student_id
from teilhabe.zuweisung.models import (
    ACTIVE_PLACEMENT_STATUSES,
    Placement,
    PlacementRun,
    PlacementStatus,
    RunKind,
    RunStatus,
)
from teilhabe.zuweisung.services.placements import create_drafts, replace_open_drafts

Progress = Callable[[int, str], None]
ENGINE_JOB = "zuweisung.engine_run"
BATCH_TIME_LIMIT = 20.0
START_AFTER_DAYS = 7  # the proposed first school day: a Monday at least a week ahead


def _require(actor: User, perm: str, obj: object | None = None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied


@transaction.atomic
def start_run(*, actor: User, child: Child | None = None) -> PlacementRun:
    """Start a batch run (all READY children) or a run for one child (between batches)."""
    if child is None:
        _require(actor, "zuweisung.run_engine")
        centre = actor.centre
        if PlacementRun.objects.filter(
            centre=centre, kind=RunKind.BATCH, status=RunStatus.RUNNING
        ).exists():
            raise ValidationError(_("Eine Berechnung läuft bereits. Bitte warten Sie ihr Ende ab."))
        if (
            not actor.has_perm("zuweisung.review_runs")
            and PlacementRun.objects.filter(
                centre=centre, kind=RunKind.BATCH, status=RunStatus.DRAFT
            ).exists()
        ):
            # a new run replaces the open draft: only those who review drafts may do that
            raise ValidationError(
                _(
                    "Ein Entwurf wartet auf die Prüfung durch das Schulamt; eine neue "
                    "Berechnung würde ihn ersetzen."
                )
            )
    else:
        child = Child.objects.select_for_update().get(pk=child.pk)
        _require(actor, "zuweisung.request_single", child)
        centre = actor.centre
        if child.status != Status.READY:
            raise ValidationError(
                _("Nur Kinder mit Status „Bereit zur Zuweisung“ können einen Platz erhalten.")
            )
        if Placement.objects.filter(child=child, status__in=ACTIVE_PLACEMENT_STATUSES).exists():
            raise ValidationError(_("Für dieses Kind gibt es bereits einen Platzvorschlag."))
    run = PlacementRun(
        centre=centre,
        kind=RunKind.SINGLE if child else RunKind.BATCH,
        child=child,
        started_by=actor,
    )
    run.full_clean()
    run.save()
    run.job = queue_job(actor=actor, kind=ENGINE_JOB, params={"run": run.pk})
    run.save(update_fields=["job"])
    record(
        actor=actor,
        centre=centre,
        action="zuweisung.run.started",
        target=run,
        summary=(
            _("Platzsuche für %(child)s gestartet") % {"child": child}
            if child
            else _("Zuweisung für alle wartenden Kinder gestartet")
        ),
    )
    return run


def _fail(run_id: int, message: str) -> PlacementRun:
    with transaction.atomic():
        run = PlacementRun.objects.select_for_update().get(pk=run_id)
        if run.status == RunStatus.RUNNING:
            run.status = RunStatus.FAILED
            run.message = message[:500]
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "message", "finished_at"])
    return run


def compute_run(*, run_id: int, progress: Progress | None = None) -> PlacementRun:
    """The job body: build the problem, solve, explain, write the drafts."""
    report = progress or (lambda percent, message: None)
    run = PlacementRun.objects.select_related("centre").get(pk=run_id)
    if run.status != RunStatus.RUNNING:
        return run
    centre = run.centre
    report(5, _("Wartende Kinder und freie Plätze werden zusammengestellt"))
    # what the Schulamt decided in an open draft (locked or changed by hand) stays
    kept = Placement.objects.filter(
        Q(locked=True) | Q(overridden=True),
        centre=centre,
        run__status=RunStatus.DRAFT,
        status=PlacementStatus.DRAFT,
    )
    locked = Counter(kept.filter(run__kind=RunKind.BATCH).values_list("offer_id", flat=True))
    locked_children = set(kept.values_list("child_id", flat=True))
    only = [run.child_id] if run.kind == RunKind.SINGLE else None
    doc = build_instance(
        centre=centre,
        held=locked if run.kind == RunKind.BATCH else None,
        skip_children=locked_children,
        only_children=only,
    )
    offers = sum(len(s["offers"]) for s in doc["schools"])
    if not doc["students"]:
        return _fail(
            run_id, _("Es warten keine Kinder mit Empfehlung auf einen Schulplatz; nichts zu tun.")
        )
    if not offers:
        return _fail(run_id, _("Es gibt keine aktiven Angebote mit freien Plätzen."))
    report(15, _("Die beste Verteilung wird berechnet"))
    try:
        instance = parse_instance(doc)
        if run.kind == RunKind.SINGLE:
            # Between batch runs: the online mode prices seats by the demand still to come
            # (the other children waiting now stand in for it).
            others = build_instance(centre=centre, skip_children=[run.child_id])
            history = parse_instance({**others, "schools": doc["schools"]}).students
            answer = solve(instance, online=True, history=history)
        else:
            answer = solve(instance, solver="optimal", time_limit=BATCH_TIME_LIMIT)
        report(75, _("Begründungen werden erstellt"))
        explanations = explain_all(instance, answer)
    except InstanceError as exc:
        return _fail(run_id, _("Die Platzierungsdaten sind unvollständig: %(e)s") % {"e": exc})
    stats = answer.get("stats", {})
    report(90, _("Vorschläge werden gespeichert"))
    try:
        with transaction.atomic():
            run = PlacementRun.objects.select_for_update().get(pk=run_id)
            if run.status != RunStatus.RUNNING:
                return run
            held: Counter[int] = Counter()
            replaced: list[int] = []
            if run.kind == RunKind.BATCH:
                replacing = replace_open_drafts(centre=centre, run=run)
                held, replaced = replacing.held, replacing.runs
            placements = create_drafts(
                actor=run.started_by, run=run, doc=answer, held=held, explanations=explanations
            )
            unplaced = {
                u["student"]: explanations.get(u["student"], {}) for u in answer.get("unplaced", [])
            }
            run.instance = doc
            run.answer = {**answer, "unplaced_explanations": unplaced}
            run.cost = float(answer.get("cost", 0.0))
            run.lower_bound = stats.get("lower_bound")
            run.gap = stats.get("gap")
            run.proven_optimal = bool(stats.get("proven_optimal"))
            run.seconds = float(stats.get("seconds", 0.0))
            run.status = RunStatus.DRAFT
            run.finished_at = timezone.now()
            run.message = _("%(n)s Vorschläge, %(u)s Kinder ohne Platz") % {
                "n": len(placements),
                "u": len(unplaced),
            }
            run.full_clean()
            run.save()
            record(
                actor=run.started_by,
                centre=centre,
                action="zuweisung.run.computed",
                target=run,
                summary=run.message,
                data={
                    "placed": len(placements),
                    "unplaced": len(unplaced),
                    "cost": run.cost,
                    "lower_bound": run.lower_bound,
                    "gap": run.gap,
                    "proven_optimal": run.proven_optimal,
                    "replaced_runs": replaced,
                },
            )
    except ValidationError as exc:
        return _fail(
            run_id,
            " ".join(
                [
                    _(
                        "Während der Berechnung haben sich Kinder oder Plätze geändert; "
                        "es wurde nichts übernommen. Bitte erneut berechnen."
                    ),
                    *exc.messages[:3],
                ]
            ),
        )
    report(100, _("Fertig"))
    return run


def proposed_start(today: dt.date | None = None) -> dt.date:
    """A Monday at least a week ahead: time for the school to plan and the family to come."""
    day = (today or timezone.localdate()) + dt.timedelta(days=START_AFTER_DAYS)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


@transaction.atomic
def release_run(*, actor: User, run: PlacementRun) -> PlacementRun:
    """The Schulamt releases a draft: proposals go to the schools, each told by e-mail."""
    run = PlacementRun.objects.select_for_update().get(pk=run.pk)
    _require(actor, "zuweisung.review_runs", run)
    if run.status != RunStatus.DRAFT:
        raise ValidationError(_("Nur ein Entwurf kann freigegeben werden."))
    now = timezone.now()
    start = proposed_start()
    drafts = list(
        Placement.objects.select_for_update()
        .filter(run=run, status=PlacementStatus.DRAFT)
        .select_related("offer__school")
        .order_by("pk")
    )
    children = {
        c.pk: c
        for c in Child.objects.select_for_update().filter(pk__in=[p.child_id for p in drafts])
    }
    by_school: dict[int, list[Placement]] = {}
    for placement in drafts:
        child = children[placement.child_id]
        if child.status != Status.READY:
            raise ValidationError(
                _("%(child)s wartet nicht mehr auf einen Platz; bitte neu berechnen.")
                % {"child": child}
            )
        placement.status = PlacementStatus.PROPOSED
        placement.released_at = now
        placement.start_date = start
        placement.full_clean()
        placement.save(update_fields=["status", "released_at", "start_date"])
        apply_status(child=child, to=Status.PROPOSED)
        by_school.setdefault(placement.offer.school_id, []).append(placement)
    for placements in by_school.values():
        school = placements[0].offer.school
        queue_mail(
            to=[school.email],
            centre=run.centre,
            reply_to=run.centre.email,
            subject=_("Neue Platzvorschläge für %(school)s") % {"school": school.name},
            body=_(
                "Guten Tag,\n\ndas Schulamt schlägt Ihrer Schule %(n)s neu zugewanderte Kinder "
                "vor. Bitte sagen Sie in Teilhabe zu (mit dem ersten Schultag) oder ab "
                "(mit Grund).\n\nVorgeschlagener erster Schultag: %(start)s\n\n%(centre)s"
            )
            % {"n": len(placements), "start": f"{start:%d.%m.%Y}", "centre": run.centre.name},
            topic=topic_of(school),
        )
    run.status = RunStatus.RELEASED
    run.released_by = actor
    run.released_at = now
    run.save(update_fields=["status", "released_by", "released_at"])
    record(
        actor=actor,
        centre=run.centre,
        action="zuweisung.run.released",
        target=run,
        summary=_("%(n)s Platzvorschläge an %(s)s Schulen freigegeben")
        % {"n": len(drafts), "s": len(by_school)},
        data={"placements": [p.pk for p in drafts], "schools": len(by_school)},
    )
    return run


@transaction.atomic
def discard_run(*, actor: User, run: PlacementRun) -> PlacementRun:
    run = PlacementRun.objects.select_for_update().get(pk=run.pk)
    _require(actor, "zuweisung.review_runs", run)
    if run.status not in (RunStatus.DRAFT, RunStatus.FAILED):
        raise ValidationError(_("Nur ein Entwurf kann verworfen werden."))
    Placement.objects.filter(run=run, status=PlacementStatus.DRAFT).update(
        status=PlacementStatus.DISCARDED
    )
    run.status = RunStatus.DISCARDED
    run.save(update_fields=["status"])
    record(actor=actor, centre=run.centre, action="zuweisung.run.discarded", target=run)
    return run


def engine_job(job: Any, progress: Progress) -> Any:
    """The job kind ``zuweisung.engine_run``: compute the run and open its review page."""
    from django.urls import reverse

    from teilhabe.exports.registry import JobResult

    run = compute_run(run_id=int(job.params["run"]), progress=progress)
    return JobResult(
        redirect_url=reverse("zuweisung:run_detail", kwargs={"pk": run.pk}),
        data={"run": run.pk, "status": run.status},
        message=run.message,
    )


def explanation_for(run: PlacementRun, child: Child) -> dict[str, Any]:
    """The engine's explanation of a child without a seat in this run."""
    return (run.answer or {}).get("unplaced_explanations", {}).get(student_id(child), {})

"""The Schulamt's review of a draft run: another offer, a lock, a school excluded."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.placement.geo import haversine_scalar
from teilhabe.schulen.models import Offer, School
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child
from teilhabe.zuweisung.models import (
    ACTIVE_PLACEMENT_STATUSES,
    Exclusion,
    Placement,
    PlacementRun,
    PlacementStatus,
    RunStatus,
)
from teilhabe.zuweisung.selectors.review import compatible_offers


def _draft_run(actor: User, run: PlacementRun) -> PlacementRun:
    run = PlacementRun.objects.select_for_update().get(pk=run.pk)
    if not actor.has_perm("zuweisung.review_runs", run):
        raise PermissionDenied
    if run.status != RunStatus.DRAFT:
        raise ValidationError(_("Der Lauf ist kein Entwurf mehr und kann nicht geändert werden."))
    return run


@transaction.atomic
def set_offer(*, actor: User, run: PlacementRun, child: Child, offer: Offer) -> Placement:
    """Put a child of the draft at another compatible offer (or give one without a seat
    a place by hand); the review page shows what the change costs in kilometres."""
    run = _draft_run(actor, run)
    child = Child.objects.select_for_update().get(pk=child.pk, centre=run.centre)
    if child.status != Status.READY:
        raise ValidationError(_("Das Kind wartet nicht mehr auf einen Platz."))
    options = {o.offer.pk: o for o in compatible_offers(run=run, child=child)}
    option = options.get(offer.pk)
    if option is None:
        raise ValidationError(
            {"offer": _("Dieses Angebot passt nicht zum Kind oder hat keinen freien Platz.")}
        )
    placement = (
        Placement.objects.select_for_update()
        .filter(child=child, status__in=ACTIVE_PLACEMENT_STATUSES)
        .first()
    )
    if placement is not None and (placement.run_id != run.pk or placement.status != "draft"):
        raise ValidationError(_("Für dieses Kind gibt es bereits einen Platzvorschlag."))
    previous = None
    if placement is None:
        placement = Placement(
            centre=run.centre,
            child=child,
            run=run,
            status=PlacementStatus.DRAFT,
            created_by=actor,
        )
    else:
        previous = {"offer": placement.offer_id, "distance_km": placement.distance_km}
    placement.offer = offer
    placement.distance_km = round(
        haversine_scalar(child.family.lat, child.family.lon, offer.school.lat, offer.school.lon),
        3,
    )
    placement.overridden = True
    placement.full_clean()
    placement.save()
    record(
        actor=actor,
        centre=run.centre,
        action="zuweisung.placement.overridden",
        target=run,
        summary=_("%(child)s: %(school)s statt Vorschlag der Berechnung")
        % {"child": child, "school": offer.school.name},
        data={
            "child": child.pk,
            "offer": offer.pk,
            "distance_km": placement.distance_km,
            "previous": previous,
        },
    )
    return placement


@transaction.atomic
def set_lock(*, actor: User, placement: Placement, locked: bool) -> Placement:
    """A locked draft proposal stays when the run is computed again."""
    # of=self: PostgreSQL refuses to lock the nullable side of the outer join to the run
    placement = (
        Placement.objects.select_for_update(of=("self",)).select_related("run").get(pk=placement.pk)
    )
    if placement.run is None or placement.status != PlacementStatus.DRAFT:
        raise ValidationError(_("Nur Vorschläge im Entwurf können festgehalten werden."))
    _draft_run(actor, placement.run)
    if placement.locked != locked:
        placement.locked = locked
        placement.save(update_fields=["locked"])
        record(
            actor=actor,
            centre=placement.centre,
            action="zuweisung.placement.locked" if locked else "zuweisung.placement.unlocked",
            target=placement.run,
            data={"placement": placement.pk, "child": placement.child_id},
        )
    return placement


@transaction.atomic
def exclude_school(
    *, actor: User, run: PlacementRun, child: Child, school: School, reason: str = ""
) -> Exclusion:
    """The Schulamt rules a school out for a child; the child's draft there is dropped and
    no later run proposes it again."""
    run = _draft_run(actor, run)
    child = Child.objects.select_for_update().get(pk=child.pk, centre=run.centre)
    exclusion, created = Exclusion.objects.get_or_create(
        centre=run.centre,
        child=child,
        school=school,
        defaults={"created_by": actor, "reason": reason.strip()[:200] or _("vom Schulamt")},
    )
    dropped = Placement.objects.filter(
        run=run, child=child, status=PlacementStatus.DRAFT, offer__school=school
    ).update(status=PlacementStatus.DISCARDED)
    if created or dropped:
        record(
            actor=actor,
            centre=run.centre,
            action="zuweisung.exclusion.added",
            target=child,
            summary=_("%(school)s für %(child)s ausgeschlossen")
            % {"school": school.name, "child": child},
            data={"school": school.schulnummer, "run": run.pk, "draft_dropped": bool(dropped)},
        )
    return exclusion

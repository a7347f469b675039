"""The school's answer to a proposal, and the first school day.

Accepting takes a seat: the offer's row is locked, the seats taken are counted and the
acceptance is refused with a clear message when none is left, so parallel acceptances
never overfill a class. Declining returns the child to the queue with that school
excluded; the school sees nothing of the child afterwards.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.schulen.models import Offer
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Child
from teilhabe.seiteneinstieg.services.cases import apply_status
from teilhabe.zuweisung.models import (
    TAKING_STATUSES,
    DeclineReason,
    Exclusion,
    Placement,
    PlacementStatus,
)

EARLIEST_PAST_DAYS = 14  # a school may confirm a start that lies up to two weeks back
LATEST_FUTURE_DAYS = 180


def _lock(actor: User, placement: Placement) -> Placement:
    placement = (
        Placement.objects.select_for_update()
        .select_related("offer__school", "child")
        .get(pk=placement.pk)
    )
    if placement.centre_id != actor.centre_id or not actor.has_perm(
        "zuweisung.decide_placement", placement.offer
    ):
        raise PermissionDenied
    return placement


def _check_day(day: dt.date, *, field: str) -> None:
    today = timezone.localdate()
    if day < today - dt.timedelta(days=EARLIEST_PAST_DAYS):
        raise ValidationError(
            {field: _("Der Tag liegt mehr als %(n)s Tage zurück.") % {"n": EARLIEST_PAST_DAYS}}
        )
    if day > today + dt.timedelta(days=LATEST_FUTURE_DAYS):
        raise ValidationError({field: _("Der Tag liegt mehr als ein halbes Jahr in der Zukunft.")})


@transaction.atomic
def accept_placement(*, actor: User, placement: Placement, start_date: dt.date) -> Placement:
    """The school takes the child from ``start_date``; a seat is taken now."""
    placement = _lock(actor, placement)
    if placement.status != PlacementStatus.PROPOSED:
        raise ValidationError(_("Über diesen Vorschlag ist schon entschieden."))
    _check_day(start_date, field="start_date")
    offer = Offer.objects.select_for_update().get(pk=placement.offer_id)
    taken = Placement.objects.filter(offer=offer, status__in=TAKING_STATUSES).count()
    if taken >= offer.seats_total:
        raise ValidationError(
            _(
                "In diesem Angebot ist kein Platz mehr frei (%(n)s von %(n)s vergeben). "
                "Melden Sie freie Plätze neu oder lehnen Sie den Vorschlag ab."
            )
            % {"n": offer.seats_total},
            code="full",
        )
    child = Child.objects.select_for_update().get(pk=placement.child_id)
    placement.status = PlacementStatus.ACCEPTED
    placement.start_date = start_date
    placement.decided_by = actor
    placement.decided_at = timezone.now()
    placement.full_clean()
    placement.save(update_fields=["status", "start_date", "decided_by", "decided_at"])
    apply_status(child=child, to=Status.ACCEPTED)
    from teilhabe.zuweisung.letters import queue_placement_letter

    letter = queue_placement_letter(placement=placement, child=child)
    record(
        actor=actor,
        centre=placement.centre,
        action="zuweisung.placement.accepted",
        target=child,
        summary=_("%(school)s nimmt %(child)s ab %(day)s auf")
        % {"school": offer.school.name, "child": child, "day": f"{start_date:%d.%m.%Y}"},
        data={
            "placement": placement.pk,
            "offer": offer.pk,
            "start_date": start_date.isoformat(),
            "letter_languages": letter.languages,
            "mailed_to_family": letter.mailed_to_family,
        },
    )
    return placement


@transaction.atomic
def decline_placement(
    *, actor: User, placement: Placement, reason: DeclineReason | str, note: str = ""
) -> Placement:
    """The school declines with a reason; the child waits again, that school excluded."""
    placement = _lock(actor, placement)
    if placement.status != PlacementStatus.PROPOSED:
        raise ValidationError(_("Über diesen Vorschlag ist schon entschieden."))
    if reason not in DeclineReason.values:
        raise ValidationError({"reason": _("Bitte einen Grund auswählen.")})
    note = note.strip()
    if reason == DeclineReason.OTHER and not note:
        raise ValidationError({"note": _("Bitte den Grund kurz erläutern.")})
    child = Child.objects.select_for_update().get(pk=placement.child_id)
    placement.status = PlacementStatus.DECLINED
    placement.decline_reason = reason
    placement.decline_note = note[:500]
    placement.decided_by = actor
    placement.decided_at = timezone.now()
    placement.full_clean()
    placement.save(
        update_fields=["status", "decline_reason", "decline_note", "decided_by", "decided_at"]
    )
    Exclusion.objects.get_or_create(
        centre=placement.centre,
        child=child,
        school=placement.offer.school,
        defaults={"created_by": actor, "reason": DeclineReason(reason).label},
    )
    apply_status(child=child, to=Status.READY)
    record(
        actor=actor,
        centre=placement.centre,
        action="zuweisung.placement.declined",
        target=child,
        summary=_("%(school)s lehnt ab: %(reason)s")
        % {"school": placement.offer.school.name, "reason": DeclineReason(reason).label},
        data={"placement": placement.pk, "reason": reason, "note": note[:500]},
    )
    return placement


@transaction.atomic
def confirm_first_day(*, actor: User, placement: Placement, attended_on: dt.date) -> Placement:
    """The child came to school: placed, and the waiting time ends on that day."""
    placement = _lock(actor, placement)
    if placement.status != PlacementStatus.ACCEPTED:
        raise ValidationError(_("Nur zugesagte Plätze können bestätigt werden."))
    _check_day(attended_on, field="attended_on")
    if attended_on > timezone.localdate():
        raise ValidationError(
            {"attended_on": _("Der erste Schultag kann nicht in der Zukunft liegen.")}
        )
    child = Child.objects.select_for_update().get(pk=placement.child_id)
    placement.status = PlacementStatus.ATTENDING
    placement.attending_since = attended_on
    placement.full_clean()
    placement.save(update_fields=["status", "attending_since"])
    apply_status(child=child, to=Status.PLACED)
    # the waiting time ends on the first school day, not when the school clicked
    first_day = timezone.make_aware(dt.datetime.combine(attended_on, dt.time(8, 0)))
    child.placed_at = max(first_day, child.registered_at)
    child.save(update_fields=["placed_at"])
    record(
        actor=actor,
        centre=placement.centre,
        action="zuweisung.placement.attending",
        target=child,
        summary=_("%(child)s besucht %(school)s seit %(day)s")
        % {"child": child, "school": placement.offer.school.name, "day": f"{attended_on:%d.%m.%Y}"},
        data={"placement": placement.pk, "attended_on": attended_on.isoformat()},
    )
    return placement

"""Seat offers and the schools' own reports of free seats.

Seats taken are counted from placements; a school reports how many seats are free today,
and the total becomes taken + free, so the figure the placement works on is the school's.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.schulen.choices import SchoolLevel
from teilhabe.schulen.models import KIND_LEVEL, LEVEL_GRADES, Offer, OfferKind, School
from teilhabe.schulen.selectors.schools import area_schools, seats_taken


def _require(actor: User, perm: str, obj: object | None = None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied


def _check_kind_level_grades(kind: str, level: str, grade_from: int, grade_to: int) -> str:
    """The level an offer kind implies, with grades inside that level's range."""
    fixed = KIND_LEVEL.get(kind)
    if fixed and level and level != fixed:
        raise ValidationError(
            {
                "level": _("„%(kind)s“ gibt es nur für %(level)s.")
                % {"kind": OfferKind(kind).label, "level": SchoolLevel(fixed).label}
            }
        )
    level = fixed or level
    if not level:
        raise ValidationError({"level": _("Bitte die Stufe angeben.")})
    low, high = LEVEL_GRADES[level]
    if not (low <= grade_from <= grade_to <= high):
        raise ValidationError(
            {
                "grade_to": _(
                    "Die Klassen müssen zwischen %(low)s und %(high)s liegen, "
                    "„ab“ nicht größer als „bis“."
                )
                % {"low": low, "high": high}
            }
        )
    return level


@transaction.atomic
def create_offer(
    *,
    actor: User,
    school: School,
    kind: str,
    grade_from: int,
    grade_to: int,
    seats_total: int,
    level: str = "",
) -> Offer:
    """A new group of seats; creating it counts as the school's first report."""
    _require(actor, "schulen.manage_offers", school)
    if not area_schools(centre=actor.centre).filter(pk=school.pk).exists():
        raise PermissionDenied  # views answer 404 before; this guards other callers
    level = _check_kind_level_grades(kind, level, grade_from, grade_to)
    offer = Offer(
        centre=actor.centre,
        school=school,
        kind=kind,
        level=level,
        grade_from=grade_from,
        grade_to=grade_to,
        seats_total=seats_total,
        last_reported_at=timezone.now(),
    )
    offer.full_clean()
    offer.save()
    record(
        actor=actor,
        centre=offer.centre,
        action="schulen.offer.created",
        target=offer,
        summary=_("Angebot angelegt: %(offer)s, %(n)s Plätze") % {"offer": offer, "n": seats_total},
        data={
            "kind": kind,
            "level": level,
            "grades": [grade_from, grade_to],
            "seats_total": seats_total,
            "school": school.schulnummer,
        },
    )
    return offer


@transaction.atomic
def update_offer(
    *,
    actor: User,
    offer: Offer,
    kind: str,
    grade_from: int,
    grade_to: int,
    seats_total: int,
    active: bool,
    level: str = "",
) -> Offer:
    """Change an offer; the total may not fall below the seats already taken."""
    offer = Offer.objects.select_for_update().select_related("school").get(pk=offer.pk)
    _require(actor, "schulen.manage_offers", offer)
    if offer.centre_id != actor.centre_id:
        raise PermissionDenied
    level = _check_kind_level_grades(kind, level, grade_from, grade_to)
    taken = seats_taken(offer=offer)
    if seats_total < taken:
        raise ValidationError(
            {
                "seats_total": _("Es sind bereits %(n)s Plätze belegt oder vorgeschlagen.")
                % {"n": taken}
            }
        )
    before = {
        "kind": offer.kind,
        "level": offer.level,
        "grades": [offer.grade_from, offer.grade_to],
        "seats_total": offer.seats_total,
        "active": offer.active,
    }
    offer.kind, offer.level = kind, level
    offer.grade_from, offer.grade_to = grade_from, grade_to
    offer.seats_total, offer.active = seats_total, active
    offer.last_reported_at = timezone.now()
    offer.full_clean()
    offer.save()
    after = {
        "kind": kind,
        "level": level,
        "grades": [grade_from, grade_to],
        "seats_total": seats_total,
        "active": active,
    }
    record(
        actor=actor,
        centre=offer.centre,
        action="schulen.offer.changed",
        target=offer,
        summary=_("Angebot geändert: %(offer)s, %(n)s Plätze insgesamt")
        % {"offer": offer, "n": seats_total},
        data={"before": before, "after": after},
    )
    return offer


@transaction.atomic
def report_free_seats(*, actor: User, school: School, free: dict[int, int]) -> list[Offer]:
    """The school's "free seats as of today": per offer, total = taken + free (one entry)."""
    _require(actor, "schulen.report_seats", school)
    offers = list(
        Offer.objects.select_for_update()
        .filter(pk__in=list(free), school=school, centre_id=actor.centre_id)
        .order_by("pk")
    )
    if len(offers) != len(free):
        raise ValidationError(_("Unbekanntes Angebot in der Meldung."))
    now = timezone.now()
    lines = []
    for offer in offers:
        count = free[offer.pk]
        if count < 0:
            raise ValidationError(_("Freie Plätze können nicht negativ sein."))
        taken = seats_taken(offer=offer)
        previous = offer.seats_total
        offer.seats_total = taken + count
        offer.last_reported_at = now
        offer.full_clean()
        offer.save(update_fields=["seats_total", "last_reported_at"])
        lines.append(
            {
                "offer": offer.pk,
                "label": f"{offer.get_kind_display()} {offer.grade_from}–{offer.grade_to}",
                "taken": taken,
                "free": count,
                "total_before": previous,
                "total": offer.seats_total,
            }
        )
    record(
        actor=actor,
        centre=actor.centre,
        action="schulen.seats.reported",
        target=school,
        summary=_("Freie Plätze gemeldet: %(list)s")
        % {"list": "; ".join(f"{line['label']}: {line['free']} frei" for line in lines)},
        data={"reported_at": now.isoformat(), "offers": lines},
    )
    return offers

"""Reading an answer in ``teilhabe-placement/1`` back as proposals.

All-or-nothing: unknown students or offers, a child given twice, or more children than
free seats stop the import with every problem listed, and nothing is written.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.placement import InstanceError, parse_instance, solve
from teilhabe.schulen.choices import SchoolLevel
from teilhabe.schulen.models import Offer
from teilhabe.schulen.seats import annotate_seats
from teilhabe.schulen.selectors.schools import area_schools
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Assessment, Child
from teilhabe.seiteneinstieg.services.cases import apply_status
from teilhabe.zuweisung.exports import FORMAT, build_instance, offer_id, student_id
from teilhabe.zuweisung.models import Placement, PlacementStatus


def _load(data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data)
    except UnicodeDecodeError:
        raise ValidationError(_("Die Datei ist nicht UTF-8-kodiert.")) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            _("Kein gültiges JSON (Zeile %(line)s, Spalte %(col)s).")
            % {"line": exc.lineno, "col": exc.colno}
        ) from None
    except (ValueError, RecursionError):
        # over-long integer literals (int max str digits) or absurd nesting
        raise ValidationError(
            _("Kein gültiges JSON (zu tief verschachtelt oder zu lange Zahl).")
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValidationError(_("Das ist keine Antwort im Format %(f)s.") % {"f": FORMAT})
    if not isinstance(doc.get("assignments"), list):
        raise ValidationError(_("Die Antwort enthält keine Liste „assignments“."))
    return doc


def _distance(value: object) -> float | None:
    """The sender's distance if it is a usable number of km (not NaN, ∞, < 0 or a bool)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        km = float(value)
    except OverflowError:
        return None
    return km if math.isfinite(km) and km >= 0 else None


@transaction.atomic
def import_proposals(*, actor: User, data: bytes) -> list[Placement]:
    """Create a proposal per assignment and move each child from READY to PROPOSED."""
    if not actor.has_perm("zuweisung.import_proposals"):
        raise PermissionDenied
    doc = _load(data)
    placements = _create_proposals(actor=actor, doc=doc)
    record(
        actor=actor,
        centre=actor.centre,
        action="zuweisung.proposals.imported",
        target=actor.centre,
        summary=_("%(n)s Platzvorschläge aus einer Zuweisung übernommen") % {"n": len(placements)},
        data={"placements": [p.pk for p in placements], "unplaced": len(doc.get("unplaced") or [])},
    )
    return placements


def _create_proposals(*, actor: User, doc: dict[str, Any]) -> list[Placement]:
    """Check every assignment against the locked READY children and free seats, then write.

    Shared by the upload and the in-app engine run, so an answer is judged by the same
    rules wherever it was computed. Writes no audit entry: each caller records its own
    action. Must run inside the caller's transaction (the row locks end with it).
    """
    centre = actor.centre
    # Lock the centre's offers first (seats are counted below with an aggregate, which
    # cannot itself be locked), so that two runs cannot both fill the last seat.
    list(Offer.objects.select_for_update().filter(centre=centre).values_list("pk", flat=True))
    children = {
        student_id(c): c
        for c in Child.objects.select_for_update().filter(centre=centre, status=Status.READY)
    }
    offers = {
        offer_id(o): o
        for o in annotate_seats(
            Offer.objects.filter(
                centre=centre, active=True, school__in=area_schools(centre=centre)
            ).select_related("school")
        )
    }
    grades: dict[int, int] = {}
    for child_pk, grade, level in (
        Assessment.objects.filter(child__in=children.values())
        .order_by("child_id", "-assessed_at", "-id")
        .values_list("child_id", "recommended_grade", "recommended_level")
    ):
        grades.setdefault(child_pk, 11 if level == SchoolLevel.VOCATIONAL else grade)
    errors: list[str] = []
    pairs: list[tuple[Child, Offer, Any]] = []
    seen: Counter[str] = Counter()
    for index, item in enumerate(doc["assignments"], start=1):
        if not isinstance(item, dict):
            errors.append(_("Zuweisung %(i)s: kein Objekt.") % {"i": index})
            continue
        sid, oid = str(item.get("student", "")), str(item.get("offer", ""))
        child, offer = children.get(sid), offers.get(oid)
        seen[sid] += 1
        if child is None:
            errors.append(
                _("Zuweisung %(i)s: unbekanntes oder nicht mehr wartendes Kind „%(s)s“.")
                % {"i": index, "s": sid}
            )
        if offer is None:
            errors.append(
                _("Zuweisung %(i)s: unbekanntes Angebot „%(o)s“.") % {"i": index, "o": oid}
            )
        if child is None or offer is None:
            continue
        if item.get("school") not in (None, offer.school.schulnummer):
            errors.append(
                _("Zuweisung %(i)s: Angebot „%(o)s“ gehört nicht zur Schule „%(s)s“.")
                % {"i": index, "o": oid, "s": item.get("school")}
            )
        level = child.recommended_level
        if level and level != offer.level:
            errors.append(
                _("Zuweisung %(i)s: %(s)s braucht %(l)s, das Angebot ist für %(ol)s.")
                % {
                    "i": index,
                    "s": sid,
                    "l": SchoolLevel(level).label,
                    "ol": SchoolLevel(offer.level).label,
                }
            )
        grade = grades.get(child.pk)
        if grade is not None and not offer.grade_from <= grade <= offer.grade_to:
            errors.append(
                _(
                    "Zuweisung %(i)s: %(s)s braucht Klasse %(g)s, das Angebot ist für "
                    "Klasse %(a)s–%(b)s."
                )
                % {"i": index, "s": sid, "g": grade, "a": offer.grade_from, "b": offer.grade_to}
            )
        pairs.append((child, offer, item.get("distance_km")))
    for sid, count in seen.items():
        if count > 1:
            errors.append(_("Kind „%(s)s“ ist mehrfach zugewiesen.") % {"s": sid})
    per_offer = Counter(offer_id(o) for _c, o, _d in pairs)
    for oid, count in sorted(per_offer.items()):
        free = offers[oid].seats_free
        if count > free:
            errors.append(
                _("Angebot „%(o)s“: %(n)s Kinder zugewiesen, aber nur %(f)s Plätze frei.")
                % {"o": oid, "n": count, "f": free}
            )
    if errors:
        raise ValidationError(errors)

    placements = []
    for child, offer, distance in pairs:
        placement = Placement(
            centre=centre,
            child=child,
            offer=offer,
            status=PlacementStatus.PROPOSED,
            distance_km=_distance(distance),
            created_by=actor,
        )
        placement.full_clean()
        placement.save()
        apply_status(child=child, to=Status.PROPOSED)
        placements.append(placement)
    return placements


@dataclass(frozen=True)
class EngineRun:
    """What one in-app engine run proposed, for the message and the audit entry."""

    placements: list[Placement] = field(repr=False)
    placed: int
    unplaced: int
    unplaced_no_seat_in_reach: int
    unplaced_capacity: int
    cost: float
    lower_bound: float | None
    gap: float | None
    proven_optimal: bool
    seconds: float

    def summary(self) -> dict[str, Any]:
        return {
            "placed": self.placed,
            "unplaced": self.unplaced,
            "unplaced_no_seat_in_reach": self.unplaced_no_seat_in_reach,
            "unplaced_capacity": self.unplaced_capacity,
            "cost": self.cost,
            "lower_bound": self.lower_bound,
            "gap": self.gap,
            "proven_optimal": self.proven_optimal,
            "seconds": self.seconds,
        }


def propose_with_engine(*, actor: User, time_limit: float = 20.0) -> EngineRun:
    """Export the centre's problem, solve it optimally and take the answer as proposals.

    The solver runs before the write transaction on purpose: a transaction held open for
    up to ``time_limit`` seconds would pin a connection (and on SQLite block every
    writer). The answer then goes through the same checks as an uploaded one against
    locked rows, so a child or seat that changed meanwhile makes the run fail cleanly
    and nothing is written. The proposals and the one audit entry
    ``schulen.proposals.computed`` commit together.
    """
    if not actor.has_perm("zuweisung.import_proposals"):
        raise PermissionDenied
    centre = actor.centre
    doc = build_instance(centre=centre)
    offers = sum(len(s["offers"]) for s in doc["schools"])
    if not doc["students"] and not offers:
        raise ValidationError(
            _("Es warten keine Kinder auf einen Schulplatz und es gibt keine freien Plätze.")
        )
    if not doc["students"]:
        raise ValidationError(
            _("Es warten keine Kinder mit Empfehlung auf einen Schulplatz; nichts zu berechnen.")
        )
    if not offers:
        raise ValidationError(
            _(
                "Es gibt keine aktiven Angebote mit freien Plätzen an Schulen mit Standort; "
                "nichts zu berechnen."
            )
        )
    try:
        answer = solve(parse_instance(doc), solver="optimal", time_limit=time_limit)
    except InstanceError as exc:
        raise ValidationError(
            _("Die Platzierungsdaten sind unvollständig: %(e)s") % {"e": exc}
        ) from None
    stats = answer.get("stats", {})
    gap = stats.get("gap")
    reasons = Counter(u.get("reason") for u in answer.get("unplaced", []))
    with transaction.atomic():
        try:
            placements = _create_proposals(actor=actor, doc=answer)
        except ValidationError as exc:
            raise ValidationError(
                [
                    _(
                        "Während der Berechnung haben sich Kinder oder Plätze geändert; "
                        "es wurde nichts übernommen. Bitte erneut berechnen."
                    ),
                    *exc.messages,
                ]
            ) from None
        run = EngineRun(
            placements=placements,
            placed=len(placements),
            unplaced=len(answer.get("unplaced", [])),
            unplaced_no_seat_in_reach=reasons.get("no_seat_in_reach", 0),
            unplaced_capacity=reasons.get("capacity", 0),
            cost=float(answer.get("cost", 0.0)),
            lower_bound=stats.get("lower_bound"),
            gap=gap,
            proven_optimal=bool(stats.get("proven_optimal")),
            seconds=float(stats.get("seconds", 0.0)),
        )
        record(
            actor=actor,
            centre=centre,
            action="zuweisung.proposals.computed",
            target=centre,
            summary=_("%(n)s Platzvorschläge berechnet, %(u)s Kinder ohne Platz")
            % {"n": run.placed, "u": run.unplaced},
            data={**run.summary(), "placements": [p.pk for p in placements]},
        )
    return run


@transaction.atomic
def decide_placement(*, actor: User, placement: Placement, accept: bool) -> Placement:
    """The school takes the child (PLACED) or declines (READY again; excluded next export)."""
    placement = (
        Placement.objects.select_for_update().select_related("offer__school").get(pk=placement.pk)
    )
    if placement.centre_id != actor.centre_id or not actor.has_perm(
        "zuweisung.decide_placement", placement.offer
    ):
        raise PermissionDenied
    if placement.status != PlacementStatus.PROPOSED:
        raise ValidationError(_("Über diesen Vorschlag ist schon entschieden."))
    child = Child.objects.select_for_update().get(pk=placement.child_id)
    placement.status = PlacementStatus.ACCEPTED if accept else PlacementStatus.DECLINED
    placement.full_clean()
    placement.save(update_fields=["status"])
    school = placement.offer.school
    previous = apply_status(child=child, to=Status.PLACED if accept else Status.READY)
    record(
        actor=actor,
        centre=placement.centre,
        action="zuweisung.placement.accepted" if accept else "zuweisung.placement.declined",
        target=child,
        summary=(_("%(child)s aufgenommen") if accept else _("Vorschlag für %(child)s abgelehnt"))
        % {"child": child},
        data={
            "placement": placement.pk,
            "child": child.pk,
            "school": school.schulnummer,
            "status": {"from": previous, "to": child.status},
        },
    )
    return placement

"""Reading an answer in ``teilhabe-placement/1`` back as draft proposals of a run.

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
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.schulen.choices import SchoolLevel
from teilhabe.schulen.models import Offer
from teilhabe.schulen.seats import annotate_seats
from teilhabe.schulen.selectors.schools import area_schools
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Assessment, Child
from teilhabe.zuweisung.exports import FORMAT, offer_id, student_id
from teilhabe.zuweisung.models import (
    ACTIVE_PLACEMENT_STATUSES,
    Exclusion,
    Placement,
    PlacementRun,
    PlacementStatus,
    RunKind,
    RunStatus,
)


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
def import_proposals(*, actor: User, data: bytes) -> PlacementRun:
    """An answer computed elsewhere becomes a draft run, reviewed and released like any."""
    if not actor.has_perm("zuweisung.import_proposals"):
        raise PermissionDenied
    doc = _load(data)
    run = PlacementRun(
        centre=actor.centre,
        kind=RunKind.BATCH,
        status=RunStatus.DRAFT,
        answer=_sanitised(doc),
        started_by=actor,
        finished_at=timezone.now(),
        message=_("Aus einer Datei übernommen"),
    )
    run.full_clean()
    run.save()
    replaced = replace_open_drafts(centre=actor.centre, run=run)
    placements = create_drafts(actor=actor, run=run, doc=doc, held=replaced.held)
    record(
        actor=actor,
        centre=actor.centre,
        action="zuweisung.proposals.imported",
        target=run,
        summary=_("%(n)s Platzvorschläge aus einer Datei als Entwurf übernommen")
        % {"n": len(placements)},
        data={"placements": len(placements), "unplaced": len(doc.get("unplaced") or [])},
    )
    return run


def _sanitised(doc: dict[str, Any]) -> dict[str, Any]:
    """What an uploaded answer said, as plain strings (never the sender's raw numbers)."""

    def items(key: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
        raw = doc.get(key)
        if not isinstance(raw, list):
            return []
        return [
            {f: str(item.get(f, ""))[:40] for f in fields} for item in raw if isinstance(item, dict)
        ]

    return {
        "source": "upload",
        "assignments": items("assignments", ("student", "offer")),
        "unplaced": items("unplaced", ("student", "reason")),
    }


@dataclass
class Replaced:
    """What replacing the open draft runs left: locked proposals carried over."""

    held: Counter[int] = field(default_factory=Counter)  # offer pk -> locked drafts
    children: set[int] = field(default_factory=set)  # children with a locked draft
    runs: list[int] = field(default_factory=list)  # the draft runs this one replaced


def replace_open_drafts(*, centre: Any, run: PlacementRun) -> Replaced:
    """Discard the centre's other draft batch runs; their locked proposals — and those the
    Schulamt changed by hand — move to ``run``.

    One draft at a time: a re-run keeps what the Schulamt decided and starts the rest anew.
    """
    result = Replaced()
    others = (
        PlacementRun.objects.select_for_update()
        .filter(centre=centre, kind=RunKind.BATCH, status=RunStatus.DRAFT)
        .exclude(pk=run.pk)
    )
    for other in others:
        drafts = Placement.objects.select_for_update().filter(
            run=other, status=PlacementStatus.DRAFT
        )
        for placement in drafts:
            if placement.locked or placement.overridden:
                placement.run = run
                placement.save(update_fields=["run"])
                result.held[placement.offer_id] += 1
                result.children.add(placement.child_id)
            else:
                placement.status = PlacementStatus.DISCARDED
                placement.save(update_fields=["status"])
        other.status = RunStatus.DISCARDED
        other.save(update_fields=["status"])
        result.runs.append(other.pk)
    return result


def create_drafts(
    *,
    actor: User,
    run: PlacementRun,
    doc: dict[str, Any],
    held: Counter[int] | None = None,
    explanations: dict[str, Any] | None = None,
) -> list[Placement]:
    """Check every assignment against the locked READY children and free seats, then write
    draft proposals of ``run`` (children stay READY until the run is released).

    Shared by the upload and the in-app engine run, so an answer is judged by the same
    rules wherever it was computed. Writes no audit entry: each caller records its own
    action. Must run inside the caller's transaction (the row locks end with it).
    """
    centre = run.centre
    held = held or Counter()
    # Lock the centre's offers first (seats are counted below with an aggregate, which
    # cannot itself be locked), so that two runs cannot both fill the last seat.
    list(Offer.objects.select_for_update().filter(centre=centre).values_list("pk", flat=True))
    busy = Placement.objects.filter(centre=centre, status__in=ACTIVE_PLACEMENT_STATUSES).values(
        "child_id"
    )
    children = {
        student_id(c): c
        for c in Child.objects.select_for_update()
        .filter(centre=centre, status=Status.READY)
        .exclude(pk__in=busy)
    }
    offers = {
        offer_id(o): o
        for o in annotate_seats(
            Offer.objects.filter(
                centre=centre, active=True, school__in=area_schools(centre=centre)
            ).select_related("school")
        )
    }
    excluded = set(
        Exclusion.objects.filter(child__in=children.values()).values_list("child_id", "school_id")
    )
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
        if (child.pk, offer.school_id) in excluded:
            errors.append(
                _("Zuweisung %(i)s: die Schule ist für %(s)s ausgeschlossen.")
                % {"i": index, "s": sid}
            )
        pairs.append((child, offer, item.get("distance_km")))
    for sid, count in seen.items():
        if count > 1:
            errors.append(_("Kind „%(s)s“ ist mehrfach zugewiesen.") % {"s": sid})
    per_offer = Counter(offer_id(o) for _c, o, _d in pairs)
    for oid, count in sorted(per_offer.items()):
        offer = offers[oid]
        free = offer.seats_free - offer.seats_reserved - held.get(offer.pk, 0)
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
            run=run,
            status=PlacementStatus.DRAFT,
            distance_km=_distance(distance),
            explanation=(explanations or {}).get(student_id(child), {}),
            created_by=actor,
        )
        placement.full_clean()
        placement.save()
        placements.append(placement)
    return placements

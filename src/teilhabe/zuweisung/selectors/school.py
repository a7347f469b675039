"""What a school sees of a proposed child — what it needs to plan a class, nothing more.

The list of fields is fixed here (``SchoolProposal``); the school's pages render only
this, and a test checks that nothing else (birth date, address, notes, special needs)
reaches them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from teilhabe.centres.models import User
from teilhabe.seiteneinstieg.choices import LANGUAGE_CHOICES, GermanLevel
from teilhabe.seiteneinstieg.models import Assessment
from teilhabe.zuweisung.models import Placement, PlacementStatus
from teilhabe.zuweisung.selectors.placements import placements_for_user

LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)

# The fields a school may see (the test of the school's pages uses this list).
SCHOOL_FIELDS = (
    "name",
    "age",
    "grade",
    "level",
    "languages",
    "german_level",
    "guardian_language",
    "interpreter_needed",
    "start_date",
)


@dataclass(frozen=True)
class SchoolProposal:
    pk: int
    status: str
    status_label: str
    school_id: int
    offer_label: str
    waiting_days: int  # since the proposal reached the school
    name: str
    age: int
    grade: int | None
    level: str
    languages: tuple[str, ...]
    german_level: str
    guardian_language: str
    interpreter_needed: bool
    start_date: dt.date | None


def _age(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def school_proposals(*, user: User, school_id: int | None = None) -> list[SchoolProposal]:
    """Proposals at the schools the user sees: waiting ones first, longest waiting first."""
    today = timezone.localdate()
    latest = Assessment.objects.order_by("-assessed_at", "-id")
    placements = (
        placements_for_user(user=user)
        .select_related("child", "child__family", "offer", "offer__school")
        .prefetch_related(
            "child__languages",
            "child__family__guardians",
            Prefetch("child__assessments", queryset=latest, to_attr="latest"),
        )
        .order_by("released_at", "pk")
    )
    if school_id is not None:
        placements = placements.filter(offer__school_id=school_id)
    result = []
    for p in placements:
        child = p.child
        assessment = child.latest[0] if child.latest else None
        guardian_langs = [g.language for g in child.family.guardians.all() if g.language]
        guardian_language = guardian_langs[0] if guardian_langs else ""
        languages = [child.first_language] + [cl.language for cl in child.languages.all()]
        german = assessment.german_level if assessment else ""
        released = timezone.localtime(p.released_at).date() if p.released_at else today
        result.append(
            SchoolProposal(
                pk=p.pk,
                status=p.status,
                status_label=str(PlacementStatus(p.status).label),
                school_id=p.offer.school_id,
                offer_label=f"{p.offer.get_kind_display()} {p.offer.grade_from}–{p.offer.grade_to}",
                waiting_days=(today - released).days,
                name=f"{child.first_name} {child.last_name}",
                age=_age(child.birth_date, today),
                grade=assessment.recommended_grade if assessment else None,
                level=str(p.offer.get_level_display()),
                languages=tuple(str(LANGUAGE_NAMES.get(c, c)) for c in dict.fromkeys(languages)),
                german_level=str(GermanLevel(german).label) if german else "",
                guardian_language=str(LANGUAGE_NAMES.get(guardian_language, guardian_language)),
                interpreter_needed=bool(guardian_language) and guardian_language != "de",
                start_date=p.start_date,
            )
        )
    order = {PlacementStatus.PROPOSED: 0, PlacementStatus.ACCEPTED: 1, PlacementStatus.ATTENDING: 2}
    return sorted(result, key=lambda r: (order.get(r.status, 3), -r.waiting_days))


def waiting_for_school(*, user: User) -> list[SchoolProposal]:
    return [p for p in school_proposals(user=user) if p.status == PlacementStatus.PROPOSED]


def proposal_for_decision(*, user: User, pk: int) -> Placement:
    """One proposal the user may decide on (404 otherwise)."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(placements_for_user(user=user).select_related("offer__school"), pk=pk)


def school_proposals_section(*, user: User, school: Any) -> dict[str, Any] | None:
    """The proposals block on a school's page (registered with ``schulen.seats``)."""
    return {
        "proposals": school_proposals(user=user, school_id=school.pk),
        "can_decide": user.has_perm("zuweisung.decide_placement", school),
    }

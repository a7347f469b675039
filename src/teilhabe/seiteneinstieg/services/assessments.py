"""The Einstufung after counselling, and releasing a child for school assignment."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import record
from teilhabe.centres.models import User
from teilhabe.seiteneinstieg.choices import SchoolForm, SchoolLevel, Status
from teilhabe.seiteneinstieg.models import Assessment, Child
from teilhabe.seiteneinstieg.services.cases import _transition, apply_status

# Grades each level covers (NRW): Primarstufe 1–4, Sekundarstufe I 5–10, Berufskolleg as 11.
GRADES: dict[str, range] = {
    SchoolLevel.PRIMARY: range(1, 5),
    SchoolLevel.SECONDARY: range(5, 11),
    SchoolLevel.VOCATIONAL: range(11, 12),
}
# School forms that offer seats of a level; a recommendation outside them cannot be placed.
FORMS: dict[str, frozenset[str]] = {
    SchoolLevel.PRIMARY: frozenset({SchoolForm.GRUNDSCHULE, SchoolForm.FOERDERSCHULE}),
    SchoolLevel.SECONDARY: frozenset(
        {
            SchoolForm.HAUPTSCHULE,
            SchoolForm.REALSCHULE,
            SchoolForm.SEKUNDARSCHULE,
            SchoolForm.GESAMTSCHULE,
            SchoolForm.GYMNASIUM,
            SchoolForm.FOERDERSCHULE,
        }
    ),
    SchoolLevel.VOCATIONAL: frozenset({SchoolForm.BERUFSKOLLEG}),
}
VOCATIONAL_MIN_AGE = 16
# A child can be assessed once counselled; later assessments correct the earlier one.
ASSESSABLE = frozenset({Status.COUNSELLED, Status.ASSESSED, Status.READY})


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years of life on ``day``."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def validate_recommendation(
    *,
    child: Child,
    level: str,
    grade: int,
    school_forms: list[str],
    assessed_on: dt.date,
) -> None:
    """Grade, age and school forms must fit the recommended level (German messages)."""
    errors: dict[str, list[str]] = {}
    if level not in GRADES:
        raise ValidationError({"recommended_level": _("Bitte eine Stufe wählen.")})
    grades = GRADES[level]
    if grade not in grades:
        errors.setdefault("recommended_grade", []).append(
            _("Klasse %(grade)d passt nicht zur Stufe „%(level)s“.")
            % {"grade": grade, "level": SchoolLevel(level).label}
        )
    if level == SchoolLevel.VOCATIONAL:
        age = age_on(child.birth_date, assessed_on)
        if age < VOCATIONAL_MIN_AGE:
            errors.setdefault("recommended_level", []).append(
                _(
                    "Das Berufskolleg ist erst ab 16 Jahren möglich; das Kind ist am Tag der "
                    "Einstufung %(age)d Jahre alt."
                )
                % {"age": age}
            )
    unknown = [f for f in school_forms if f not in SchoolForm.values]
    if unknown:
        errors.setdefault("recommended_school_forms", []).append(
            _("Unbekannte Schulform: %(forms)s.") % {"forms": ", ".join(unknown)}
        )
    unfit = [f for f in school_forms if f in SchoolForm.values and f not in FORMS[level]]
    if unfit:
        errors.setdefault("recommended_school_forms", []).append(
            _("%(forms)s bietet keine Plätze der Stufe „%(level)s“.")
            % {"forms": ", ".join(unfit), "level": SchoolLevel(level).label}
        )
    if len(set(school_forms)) != len(school_forms):
        errors.setdefault("recommended_school_forms", []).append(
            _("Jede Schulform nur einmal angeben.")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_assessment(
    *,
    actor: User,
    child: Child,
    german_level: str,
    maths_level: str,
    first_language_literacy: str,
    prior_school_type: str,
    recommended_level: str,
    recommended_grade: int,
    recommended_school_forms: list[str],
    notes: str = "",
) -> Assessment:
    """Record the Einstufung of a counselled child (COUNSELLED → ASSESSED).

    A re-assessment of an ASSESSED or READY child is allowed and keeps the status; the
    child's ``recommended_level`` always follows the latest assessment, because the waiting
    list and the placement read it from there.
    """
    child = Child.objects.select_for_update().get(pk=child.pk)
    if not actor.has_perm("seiteneinstieg.assess_child", child):
        raise PermissionDenied
    if child.status not in ASSESSABLE:
        raise ValidationError(
            _(
                "Eine Einstufung ist erst nach dem Beratungsgespräch möglich "
                "(aktueller Status: %(status)s)."
            )
            % {"status": Status(child.status).label}
        )
    now = timezone.now()
    validate_recommendation(
        child=child,
        level=recommended_level,
        grade=recommended_grade,
        school_forms=recommended_school_forms,
        assessed_on=timezone.localdate(now),
    )
    assessment = Assessment(
        child=child,
        german_level=german_level,
        maths_level=maths_level,
        first_language_literacy=first_language_literacy,
        prior_school_type=prior_school_type,
        recommended_level=recommended_level,
        recommended_grade=recommended_grade,
        recommended_school_forms=list(recommended_school_forms),
        notes=notes.strip(),
        assessed_by=actor,
        assessed_at=now,
    )
    assessment.full_clean()
    assessment.save()

    previous_status = child.status
    if child.status == Status.COUNSELLED:
        apply_status(child=child, to=Status.ASSESSED)
    child.recommended_level = recommended_level
    child.full_clean()
    child.save(update_fields=["recommended_level"])

    record(
        actor=actor,
        centre=child.centre,
        action="seiteneinstieg.assessment.recorded",
        target=child,
        summary=_("Einstufung: %(level)s, Klasse %(grade)d")
        % {"level": SchoolLevel(recommended_level).label, "grade": recommended_grade},
        data={
            "assessment": assessment.pk,
            "german_level": german_level,
            "recommended_level": recommended_level,
            "recommended_grade": recommended_grade,
            "recommended_school_forms": list(recommended_school_forms),
            "reassessment": previous_status != Status.COUNSELLED,
            "status": {"from": previous_status, "to": child.status},
        },
    )
    return assessment


@transaction.atomic
def mark_ready(*, actor: User, child: Child) -> Child:
    """„Bereit zur Zuweisung“: the assessed child may now be offered a school place.

    The status transition writes the audit entry of this action.
    """
    child = Child.objects.select_for_update().get(pk=child.pk)
    if not actor.has_perm("seiteneinstieg.change_case", child):
        raise PermissionDenied
    if child.status == Status.ASSESSED and not child.assessments.exists():
        raise ValidationError(_("Ohne Einstufung ist keine Zuweisung möglich."))
    return _transition(actor=actor, child=child, to=Status.READY, reason="ready")

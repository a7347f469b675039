"""The anonymous staff survey: waves, access codes, answers and sealing the stored data.

Anonymity is built into what is written (see docs/oeffnung.md, "Anonymity"):
- a code is stored only as a SHA-256 hash with a ``used`` flag, no timestamp;
- an answer has a random UUID key, no link to the code, no account, no IP, no time;
- using a code and storing the answer happen in one transaction (a code gives one answer,
  race-safe by a conditional UPDATE), and ``seal_answers`` later rewrites both tables so
  that neither the transaction ids (``xmin``) nor the physical order tell which code
  gave which answer, or when.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from teilhabe.audit.services import record
from teilhabe.centres.models import Centre, User
from teilhabe.oeffnung.choices import AgeBand, CareerGroup, YesNoUnknown
from teilhabe.oeffnung.models import AccessCode, Department, SurveyAnswer, SurveyWave

# 32 letters and digits without 0/O and 1/I: 16 characters = 80 bits, typed from paper.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16
MAX_CODES_PER_BATCH = 2_000  # one PDF page per code: larger departments print in batches
EARLIEST_YEAR = 1900


class CodeRefused(ValidationError):
    """The access code cannot open the questionnaire (unknown, used, or wave not open)."""


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


# --- waves and codes ----------------------------------------------------------------------


@transaction.atomic
def create_wave(
    *,
    actor: User,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    departments: Iterable[Department],
    reference_share: float | None = None,
    reference_label: str = "",
    ask_age_band: bool = True,
    ask_career_group: bool = True,
    ask_languages: bool = True,
    ask_department: bool = True,
) -> SurveyWave:
    if not actor.has_perm("oeffnung.manage_survey"):
        raise PermissionDenied
    departments = list(departments)
    errors: dict[str, list[str]] = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("Das Ende liegt vor dem Beginn.")]
    if not departments:
        errors["departments"] = [_("Bitte mindestens eine Dienststelle wählen.")]
    if any(d.centre_id != actor.centre_id for d in departments):
        raise PermissionDenied
    if errors:
        raise ValidationError(errors)
    wave = SurveyWave(
        centre=actor.centre,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        reference_share=reference_share,
        reference_label=reference_label,
        ask_age_band=ask_age_band,
        ask_career_group=ask_career_group,
        ask_languages=ask_languages,
        ask_department=ask_department,
    )
    wave.full_clean()
    wave.save()
    wave.departments.set(departments)
    record(
        actor=actor,
        centre=actor.centre,
        action="oeffnung.wave.created",
        target=wave,
        summary=_("Befragungswelle „%(title)s“ angelegt") % {"title": title},
        data={"departments": [d.pk for d in departments]},
    )
    return wave


@transaction.atomic
def issue_codes(*, actor: User, wave: SurveyWave, department: Department, count: int) -> list[str]:
    """New access codes for a department's letters; the plain codes exist only in the
    returned list (printed at once), the database keeps their hashes."""
    if not actor.has_perm("oeffnung.manage_survey", wave):
        raise PermissionDenied
    if not wave.departments.filter(pk=department.pk).exists():
        raise ValidationError({"department": [_("Die Dienststelle gehört nicht zu dieser Welle.")]})
    if not 1 <= count <= MAX_CODES_PER_BATCH:
        raise ValidationError(
            {"count": [_("Bitte 1 bis %(max)s Codes anfordern.") % {"max": MAX_CODES_PER_BATCH}]}
        )
    if wave.ends_on < timezone.localdate():
        raise ValidationError(
            _("Die Befragung ist beendet; es können keine Codes mehr erzeugt werden.")
        )
    codes = [new_code() for _ in range(count)]
    AccessCode.objects.bulk_create(
        [AccessCode(wave=wave, department=department, code_hash=hash_code(c)) for c in codes]
    )
    record(
        actor=actor,
        centre=wave.centre,
        action="oeffnung.codes.issued",
        target=wave,
        summary=_("%(count)s Zugangscodes für %(department)s erzeugt")
        % {"count": count, "department": department},
        data={"department": department.pk, "count": count},
    )
    return codes


# --- answering ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonAnswer:
    birth_country: str = ""
    german_at_birth: str = YesNoUnknown.UNKNOWN
    immigration_year: int | None = None


@dataclass(frozen=True)
class AnswerInput:
    """The respondent's raw answers, as the questionnaire collects them."""

    german_now: str
    person: PersonAnswer
    parent_1: PersonAnswer = PersonAnswer()
    parent_2: PersonAnswer = PersonAnswer()
    department_id: int | None = None
    age_band: str = ""
    career_group: str = ""
    languages: list[str] = field(default_factory=list)
    comment: str = ""


def open_wave_for_code(*, centre: Centre, code: str) -> tuple[SurveyWave, Department]:
    """The wave and department a code belongs to, if it may still answer (read only)."""
    found = (
        AccessCode.objects.for_centre(centre)
        .select_related("wave", "department")
        .filter(code_hash=hash_code(code))
        .first()
    )
    _check_code(found)
    return found.wave, found.department


def _check_code(found: AccessCode | None) -> None:
    if found is None:
        raise CodeRefused(
            _("Dieser Zugangscode ist uns nicht bekannt. Bitte prüfen Sie die Eingabe."),
            code="unknown",
        )
    if found.used:
        raise CodeRefused(
            _(
                "Mit diesem Zugangscode wurde bereits geantwortet. Jeder Code gilt nur für "
                "eine Antwort."
            ),
            code="used",
        )
    today = timezone.localdate()
    if not found.wave.starts_on <= today <= found.wave.ends_on:
        raise CodeRefused(
            _("Die Befragung ist nicht geöffnet (%(start)s bis %(end)s).")
            % {
                "start": f"{found.wave.starts_on:%d.%m.%Y}",
                "end": f"{found.wave.ends_on:%d.%m.%Y}",
            },
            code="closed",
        )


def _person_errors(prefix: str, person: PersonAnswer, errors: dict[str, list[str]]) -> None:
    this_year = timezone.localdate().year
    if person.birth_country and person.birth_country not in countries:
        errors[f"{prefix}birth_country"] = [_("Bitte ein Land aus der Liste wählen.")]
    if person.german_at_birth not in YesNoUnknown.values:
        errors[f"{prefix}german_at_birth"] = [_("Bitte eine Antwort wählen.")]
    year = person.immigration_year
    if year is not None:
        if not EARLIEST_YEAR <= year <= this_year:
            errors[f"{prefix}immigration_year"] = [
                _("Bitte ein Jahr zwischen %(first)s und %(last)s angeben.")
                % {"first": EARLIEST_YEAR, "last": this_year}
            ]
        elif person.birth_country == "DE":
            errors[f"{prefix}immigration_year"] = [
                _("Bei Geburt in Deutschland bitte kein Jahr der Einwanderung angeben.")
            ]


def submit_answer(*, centre: Centre, code: str, answers: AnswerInput) -> None:
    """Store one anonymous answer and mark its code used, both or neither.

    The code is marked by a conditional UPDATE (``used = false`` in the WHERE clause): of two
    simultaneous submissions with the same code only one changes a row, the other is
    refused. Nothing returned identifies the answer.
    """
    errors: dict[str, list[str]] = {}
    if answers.german_now not in YesNoUnknown.values:
        errors["german_now"] = [_("Bitte eine Antwort wählen.")]
    _person_errors("", answers.person, errors)
    _person_errors("parent_1_", answers.parent_1, errors)
    _person_errors("parent_2_", answers.parent_2, errors)
    if answers.age_band and answers.age_band not in AgeBand.values:
        errors["age_band"] = [_("Bitte eine Antwort wählen.")]
    if answers.career_group and answers.career_group not in CareerGroup.values:
        errors["career_group"] = [_("Bitte eine Antwort wählen.")]
    with transaction.atomic():
        found = (
            AccessCode.objects.for_centre(centre)
            .select_related("wave")
            .filter(code_hash=hash_code(code))
            .first()
        )
        _check_code(found)
        wave = found.wave
        if answers.department_id and not wave.departments.filter(pk=answers.department_id).exists():
            errors["department"] = [_("Bitte eine Dienststelle aus der Liste wählen.")]
        if errors:
            raise ValidationError(errors)
        marked = AccessCode.objects.filter(pk=found.pk, used=False).update(used=True)
        if marked != 1:  # another submission with this code won the race
            _check_code(AccessCode.objects.select_related("wave").get(pk=found.pk))
        answer = SurveyAnswer(
            wave=wave,
            department_id=answers.department_id if wave.ask_department else None,
            german_now=answers.german_now,
            birth_country=answers.person.birth_country,
            german_at_birth=answers.person.german_at_birth,
            immigration_year=answers.person.immigration_year,
            parent_1_birth_country=answers.parent_1.birth_country,
            parent_1_german_at_birth=answers.parent_1.german_at_birth,
            parent_1_immigration_year=answers.parent_1.immigration_year,
            parent_2_birth_country=answers.parent_2.birth_country,
            parent_2_german_at_birth=answers.parent_2.german_at_birth,
            parent_2_immigration_year=answers.parent_2.immigration_year,
            age_band=answers.age_band if wave.ask_age_band else "",
            career_group=answers.career_group if wave.ask_career_group else "",
            languages=sorted(set(answers.languages)) if wave.ask_languages else [],
            comment=answers.comment.strip(),
        )
        answer.full_clean()
        answer.save(force_insert=True)
        # The audit trail notes that the wave received an answer; it names neither the code
        # nor the answer (its time is the only time kept, and it points at nothing).
        record(
            actor=None,
            centre=wave.centre,
            action="oeffnung.answer.received",
            target=wave,
            summary=_("Anonyme Antwort eingegangen"),
        )


SEALED_TABLES = (AccessCode, SurveyAnswer)


def seal_answers(*, actor: User | None = None) -> None:
    """Rewrite the code and answer tables so that storage says nothing about who or when.

    1. Every row of both tables is rewritten in one transaction: afterwards all rows carry
       the same transaction id (``xmin``), so the code marked and the answer inserted in one
       submission can no longer be matched by it.
    2. ``CLUSTER`` rewrites each table in the order of its random UUID key: the physical
       order (``ctid``) no longer follows the order of submission, and the dead row
       versions of step 1 are gone.
    Run by ``teilhabe seal_survey`` (nightly and when a wave ends).

    SQLite (the development default) has neither: its tables keep rows in ``rowid`` order,
    so there the rows are written anew in the order of their random key.
    """
    if connection.vendor != "postgresql":
        with transaction.atomic():
            for model in SEALED_TABLES:
                rows = [model(**values) for values in model.objects.order_by("pk").values()]
                model.objects.all().delete()
                model.objects.bulk_create(rows)
            if actor is not None:
                record(
                    actor=actor,
                    centre=actor.centre,
                    action="oeffnung.wave.sealed",
                    target=actor.centre,
                    summary=_("Befragungsdaten neu geordnet"),
                )
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            for model in SEALED_TABLES:
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"UPDATE {table} SET id = id")
        if actor is not None:
            record(
                actor=actor,
                centre=actor.centre,
                action="oeffnung.wave.sealed",
                target=actor.centre,
                summary=_("Befragungsdaten neu geordnet"),
            )
    with connection.cursor() as cursor:
        # run deferred foreign-key checks now: CLUSTER refuses a table with pending ones
        # (only when a caller's transaction is still open around this function)
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for model in SEALED_TABLES:
            table = model._meta.db_table
            cursor.execute(
                f"CLUSTER {connection.ops.quote_name(table)} "
                f"USING {connection.ops.quote_name(table + '_pkey')}"
            )

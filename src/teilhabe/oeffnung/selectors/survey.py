"""Reading the staff survey: waves the user may see, and the protected results.

Published results never show a group of fewer than five answers (free text: ten): small
units are rolled up into their parent, and each definition's table (units × with / without /
not classifiable, with totals) goes through ``protect_table`` (primary and secondary
suppression, checked exactly), so that no hidden count follows from the shown ones.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from teilhabe.core.privacy import Figure, figure, protect_table
from teilhabe.oeffnung.choices import AgeBand, CareerGroup
from teilhabe.oeffnung.classification import (
    DEFINITION_LABELS,
    Answers,
    Definition,
    Person,
    classify,
)
from teilhabe.oeffnung.models import AccessCode, Department, SurveyAnswer, SurveyWave
from teilhabe.oeffnung.survey_texts import WORK_LANGUAGES

THRESHOLD = 5
FREE_TEXT_THRESHOLD = 10
Z95 = 1.959963984540054
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
KOELN_KEY = "05315"


def waves(*, user: Any) -> QuerySet[SurveyWave]:
    return SurveyWave.objects.for_user(user).annotate(
        issued=Count("codes", distinct=True),
        used=Count("codes", filter=Q(codes__used=True), distinct=True),
    )


def wave_for(*, user: Any, pk: int) -> SurveyWave:
    return get_object_or_404(SurveyWave.objects.for_user(user), pk=pk)


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a share (as fractions); (0, 1) without observations."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def _tri(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def answers_of(answer: SurveyAnswer) -> Answers:
    def person(prefix: str) -> Person:
        return Person(
            birth_country=getattr(answer, f"{prefix}birth_country") or None,
            german_at_birth=_tri(getattr(answer, f"{prefix}german_at_birth")),
            immigration_year=getattr(answer, f"{prefix}immigration_year"),
        )

    return Answers(
        person=person(""),
        parent_1=person("parent_1_"),
        parent_2=person("parent_2_"),
        german_now=_tri(answer.german_now),
    )


@dataclass
class Reference:
    share: float | None  # percent
    label: str


@cache
def _koeln_share() -> float:
    with open(DATA_DIR / "koeln_raum_bevoelkerung_2012_wide.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["raum_id"] == "000":
                return float(row["anteil_migrationshintergrund_pct"])
    raise LookupError("Stadt Köln row missing")


def reference(wave: SurveyWave) -> Reference:
    """The population share to compare with: the wave's own value, else Köln's statistics."""
    if wave.reference_share is not None:
        return Reference(float(wave.reference_share), wave.reference_label or _("Vorgabe"))
    if KOELN_KEY in (wave.centre.area_keys or []):
        return Reference(
            _koeln_share(),
            _(
                "Stadt Köln 2012, Einwohnerinnen und Einwohner mit Migrationshintergrund "
                "(Stadt Köln, offene Daten, CC BY)"
            ),
        )
    return Reference(None, _("kein Vergleichswert hinterlegt"))


# --- the protected table ------------------------------------------------------------------


@dataclass
class Unit:
    """A reporting unit: a department with the small units rolled up into it."""

    label: str
    department_ids: list[int | None]
    counts: dict[Definition, list[int]] = field(default_factory=dict)  # with, without, unknown


@dataclass
class Cell:
    count: int
    hidden: bool

    @property
    def shown(self) -> str:
        """ "." as in official statistics: kept secret (small, or would reveal a small one)."""
        return "." if self.hidden else str(self.count)


@dataclass
class ShareRow:
    label: str
    n: Cell
    with_: Cell
    without: Cell
    unknown: Cell
    share: float | None = None  # percent of the classifiable answers
    low: float | None = None
    high: float | None = None


@dataclass
class DefinitionTable:
    definition: Definition
    label: str
    rows: list[ShareRow]
    total: ShareRow
    comparison: str = ""
    chart: str = ""  # SVG, filled by survey_exports.add_charts


@dataclass
class ParticipationRow:
    department: str
    issued: int
    used: int

    @property
    def rate(self) -> float | None:
        return 100 * self.used / self.issued if self.issued else None


@dataclass
class Results:
    wave: SurveyWave
    answers: int
    participation: list[ParticipationRow]
    tables: list[DefinitionTable]
    reference: Reference
    comments: list[str]
    exact: bool
    breakdowns: list[DefinitionTable] = field(default_factory=list)
    languages: list[Figure] = field(default_factory=list)


def roll_up(
    wave: SurveyWave, per_department: Counter[int | None], threshold: int = THRESHOLD
) -> list[Unit]:
    """Units of at least ``threshold`` answers.

    Deepest first, a department with fewer answers joins its parent; a small top-level one
    joins the answers without department. That rest becomes "further units" when it is big
    enough, else it joins the smallest unit (whose label says so).
    """
    departments = {d.pk: d for d in wave.departments.all()}
    counts: dict[int | None, int] = {pk: per_department.get(pk, 0) for pk in departments}
    counts[None] = sum(c for pk, c in per_department.items() if pk not in departments)
    members: dict[int | None, list[int | None]] = {pk: [pk] for pk in counts}

    def depth(pk: int) -> int:
        d, n = departments[pk], 0
        while d.parent_id in departments:
            d, n = departments[d.parent_id], n + 1
        return n

    for pk in sorted(departments, key=depth, reverse=True):
        if counts[pk] >= threshold:
            continue
        parent = departments[pk].parent_id
        target = parent if parent in departments else None
        counts[target] += counts.pop(pk)
        members[target] += members.pop(pk)
    units = [
        Unit(label=str(departments[pk]), department_ids=members[pk])
        for pk in sorted((k for k in counts if k is not None), key=lambda k: str(departments[k]))
    ]
    size = {id(u): counts[u.department_ids[0]] for u in units}
    rest = counts[None]
    if rest >= threshold or (rest and not units):
        units.append(
            Unit(label=_("Weitere Dienststellen / ohne Angabe"), department_ids=members[None])
        )
    elif units:
        smallest = min(units, key=lambda u: size[id(u)])
        smallest.department_ids += members[None]
        if rest:
            smallest.label = _("%(label)s und weitere") % {"label": smallest.label}
    return units


def _row(label: str, counts: list[int], hidden: list[bool], n_hidden: bool) -> ShareRow:
    with_, without, unknown = counts
    row = ShareRow(
        label=label,
        n=Cell(sum(counts), n_hidden),
        with_=Cell(with_, hidden[0]),
        without=Cell(without, hidden[1]),
        unknown=Cell(unknown, hidden[2]),
    )
    if not (hidden[0] or hidden[1]) and with_ + without:
        low, high = wilson(with_, with_ + without)
        row.share, row.low, row.high = 100 * with_ / (with_ + without), 100 * low, 100 * high
    return row


def _protected_table(
    definition: Definition,
    label: str,
    row_labels: list[str],
    values: list[tuple[int | None, bool | None]],
    *,
    exact: bool,
    total: str | None = None,
) -> DefinitionTable:
    """Rows × (with, without, not classifiable) with totals, protected by ``protect_table``."""
    matrix = [[0, 0, 0] for _ in row_labels]
    for index, value in values:
        if index is not None:
            matrix[index][0 if value is True else 1 if value is False else 2] += 1
    # "not classifiable" says nothing about anyone's history: its small counts show
    protection = protect_table(
        matrix, exact=exact, threshold=THRESHOLD, sensitive_columns=(True, True, False)
    )
    rows = [
        _row(name, matrix[i], protection.cells[i], protection.row_totals[i])
        for i, name in enumerate(row_labels)
    ]
    totals = [sum(r[c] for r in matrix) for c in range(3)]
    total_row = _row(
        total or _("Alle Dienststellen"), totals, protection.column_totals, protection.grand_total
    )
    return DefinitionTable(definition, label, rows, total_row)


def compare(total: ShareRow, reference_share: float) -> str:
    """Say whether the staff share differs from the population's beyond chance (95 %)."""
    values = {
        "share": f"{total.share:.1f}".replace(".", ","),
        "ref": f"{reference_share:.1f}".replace(".", ","),
    }
    if total.high < reference_share:
        return (
            _(
                "Mit %(share)s %% liegt der Anteil unter den Beschäftigten deutlich unter dem der "
                "Bevölkerung (%(ref)s %%): der Vergleichswert liegt oberhalb des "
                "Konfidenzintervalls."
            )
            % values
        )
    if total.low > reference_share:
        return (
            _(
                "Mit %(share)s %% liegt der Anteil unter den Beschäftigten deutlich über dem der "
                "Bevölkerung (%(ref)s %%)."
            )
            % values
        )
    return (
        _(
            "Der Anteil unter den Beschäftigten (%(share)s %%) unterscheidet sich nicht deutlich "
            "von dem der Bevölkerung (%(ref)s %%): der Vergleichswert liegt im Konfidenzintervall."
        )
        % values
    )


def survey_results(*, user: Any, wave: SurveyWave, exact: bool = False) -> Results:
    """The wave's results as the user may see them (always protected unless ``exact``)."""
    answers = list(SurveyAnswer.objects.for_user(user).filter(wave=wave))
    per_department: Counter[int | None] = Counter(a.department_id for a in answers)
    units = roll_up(wave, per_department)
    unit_of = {pk: i for i, u in enumerate(units) for pk in u.department_ids}
    classified = [(unit_of.get(a.department_id), classify(answers_of(a))) for a in answers]
    tables = [
        _protected_table(
            definition,
            DEFINITION_LABELS[definition],
            [u.label for u in units],
            [(unit_index, result[definition]) for unit_index, result in classified],
            exact=exact,
        )
        for definition in Definition
    ]
    # the legal definition in NRW by age band and by career group (one answer each)
    breakdowns = []
    for attribute, choices, title in (
        ("age_band", AgeBand, _("nach Altersgruppe")),
        ("career_group", CareerGroup, _("nach Laufbahngruppe")),
    ):
        keys = [*choices.values, ""]
        labels = [str(label) for label in choices.labels] + [_("keine Angabe")]
        position = {key: i for i, key in enumerate(keys)}
        values = [
            (position.get(getattr(a, attribute), len(keys) - 1), result[Definition.NRW])
            for a, (_unit, result) in zip(answers, classified, strict=True)
        ]
        label = f"{DEFINITION_LABELS[Definition.NRW]} {title}"
        breakdowns.append(
            _protected_table(Definition.NRW, label, labels, values, exact=exact, total=_("Alle"))
        )
    language_counts = Counter(code for a in answers for code in a.languages)
    languages = [
        figure(WORK_LANGUAGES.get(code, (code, code))[0], count, exact=exact, threshold=THRESHOLD)
        for code, count in language_counts.items()
    ]
    languages.sort(key=lambda f: f.label)  # not by size: the order would rank hidden counts
    ref = reference(wave)
    mz = tables[-1]
    if ref.share is not None and mz.total.share is not None:
        mz.comparison = compare(mz.total, ref.share)

    issued = Counter()
    used = Counter()
    for department_id, is_used in (
        AccessCode.objects.for_user(user).filter(wave=wave).values_list("department_id", "used")
    ):
        issued[department_id] += 1
        used[department_id] += is_used
    names = {d.pk: str(d) for d in Department.objects.for_user(user).filter(pk__in=issued)}
    participation = [
        ParticipationRow(names[pk], issued[pk], used[pk])
        for pk in sorted(issued, key=lambda k: names[k])
    ]
    comments = [a.comment for a in answers if a.comment]
    if len(comments) < FREE_TEXT_THRESHOLD and not exact:
        comments = []
    return Results(
        wave=wave,
        answers=len(answers),
        participation=participation,
        tables=tables,
        breakdowns=breakdowns,
        languages=languages,
        reference=ref,
        comments=sorted(comments),
        exact=exact,
    )

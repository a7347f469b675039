"""Which definition of "migration history" a survey answer meets, derived from raw answers.

The survey asks for facts (country of birth, German citizenship at birth, year of
immigration, for the person and both parents) and never for a label, because the official
definitions differ and a report must be able to show all three from the same answers:

- ``NRW`` — Teilhabe- und Integrationsgesetz NRW § 4 (2022): a person is not German in the
  sense of Art. 116 (1) GG, or was born outside today's Germany and immigrated after
  31.12.1955, or has at least one parent who meets the second condition.
- ``EINWANDERUNGSGESCHICHTE`` — Destatis (2023): the person or both parents immigrated into
  today's Germany since 1950 (in 1950 or later).
- ``MIGRATIONSHINTERGRUND`` — Mikrozensus: the person or at least one parent was not German
  by birth.

Unknown answers: every rule is evaluated in three-valued (Kleene) logic. A condition that
depends on a missing answer is ``None``; "or" is True as soon as one part is True, False only
when all parts are False, otherwise None ("and" the other way round). So an unknown parent
does not matter when the person already qualifies, or (for NRW and Mikrozensus) when the
other parent does; otherwise the result is ``None`` and the person is counted as
"not classifiable" for that definition — neither in the numerator nor in the denominator of
its share (the report shows how many they were). Guessing "no" would bias shares downwards.

"Born abroad" means outside today's Germany (a birth in Silesia in 1940 is abroad), and
"immigrated" means born abroad and moved to Germany in the given year: a child of German
parents born abroad who moved here counts as immigrated (Destatis and NRW count the move,
Mikrozensus only citizenship) — see the table in tests/oeffnung/test_classification.py.

Pure Python, no Django: the same functions run in the tests, the results and the exports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

GERMANY = "DE"
NRW_CUTOFF_YEAR = 1956  # "nach dem 31.12.1955"
DESTATIS_CUTOFF_YEAR = 1950  # "seit 1950"

Tri = bool | None


class Definition(StrEnum):
    NRW = "nrw"
    EINWANDERUNGSGESCHICHTE = "einwanderungsgeschichte"
    MIGRATIONSHINTERGRUND = "migrationshintergrund"


DEFINITION_LABELS: dict[Definition, str] = {
    Definition.NRW: "Einwanderungsgeschichte nach § 4 TIntG NRW",
    Definition.EINWANDERUNGSGESCHICHTE: "Einwanderungsgeschichte (Destatis 2023)",
    Definition.MIGRATIONSHINTERGRUND: "Migrationshintergrund (Mikrozensus)",
}


@dataclass(frozen=True)
class Person:
    """Raw answers about one person (the respondent or a parent).

    ``birth_country``: ISO code, "DE" for today's Germany, None when not answered.
    ``german_at_birth``: German citizen by birth (also beside another citizenship); None unknown.
    ``immigration_year``: year of moving to Germany; None when not answered or not moved.
    """

    birth_country: str | None = None
    german_at_birth: bool | None = None
    immigration_year: int | None = None


@dataclass(frozen=True)
class Answers:
    """The raw answers one classification needs. ``german_now``: German in the sense of
    Art. 116 (1) GG today (citizens and Spätaussiedler); None when not answered."""

    person: Person
    parent_1: Person = Person()
    parent_2: Person = Person()
    german_now: bool | None = None


def tri_or(values: Iterable[Tri]) -> Tri:
    values = list(values)
    if any(v is True for v in values):
        return True
    if all(v is False for v in values):
        return False
    return None


def tri_and(values: Iterable[Tri]) -> Tri:
    values = list(values)
    if any(v is False for v in values):
        return False
    if all(v is True for v in values):
        return True
    return None


def tri_not(value: Tri) -> Tri:
    return None if value is None else not value


def born_abroad(person: Person) -> Tri:
    if not person.birth_country:
        return None
    return person.birth_country.upper() != GERMANY


def immigrated_since(person: Person, year: int) -> Tri:
    """Born abroad and moved to Germany in ``year`` or later.

    Born in Germany → False whatever the year field says. Born abroad without a year → None,
    unless the birth country is unknown too.
    """
    abroad = born_abroad(person)
    if abroad is False:
        return False
    if person.immigration_year is None:
        return None
    moved_late = person.immigration_year >= year
    return tri_and([abroad, moved_late])


def nrw(answers: Answers) -> Tri:
    """§ 4 TIntG NRW: not German (Art. 116 GG), or immigrated after 1955, or a parent did."""
    return tri_or(
        [
            tri_not(answers.german_now),
            immigrated_since(answers.person, NRW_CUTOFF_YEAR),
            tri_or(
                immigrated_since(p, NRW_CUTOFF_YEAR) for p in (answers.parent_1, answers.parent_2)
            ),
        ]
    )


def einwanderungsgeschichte(answers: Answers) -> Tri:
    """Destatis 2023: the person or both parents immigrated since 1950."""
    return tri_or(
        [
            immigrated_since(answers.person, DESTATIS_CUTOFF_YEAR),
            tri_and(
                immigrated_since(p, DESTATIS_CUTOFF_YEAR)
                for p in (answers.parent_1, answers.parent_2)
            ),
        ]
    )


def migrationshintergrund(answers: Answers) -> Tri:
    """Mikrozensus: the person or at least one parent not German by birth."""
    people = (answers.person, answers.parent_1, answers.parent_2)
    return tri_or(tri_not(p.german_at_birth) for p in people)


RULES = {
    Definition.NRW: nrw,
    Definition.EINWANDERUNGSGESCHICHTE: einwanderungsgeschichte,
    Definition.MIGRATIONSHINTERGRUND: migrationshintergrund,
}


def classify(answers: Answers) -> dict[Definition, Tri]:
    """Every definition for one answer: True, False or None (not classifiable)."""
    return {definition: rule(answers) for definition, rule in RULES.items()}

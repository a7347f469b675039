"""The three definitions of migration history, as a table: raw answers → NRW / Destatis /
Mikrozensus. ``None`` = not classifiable (see the module docstring: three-valued logic)."""

from __future__ import annotations

import pytest

from teilhabe.oeffnung.classification import (
    Answers,
    Definition,
    Person,
    classify,
    tri_and,
    tri_or,
)

DE_BORN = Person("DE", True, None)  # born in Germany, German by birth
T, F, U = True, False, None


def p(country: str | None, german: bool | None, year: int | None = None) -> Person:
    return Person(country, german, year)


# (case, answers, NRW, Destatis Einwanderungsgeschichte, Mikrozensus Migrationshintergrund)
ROWS = [
    ("no history at all", Answers(DE_BORN, DE_BORN, DE_BORN, german_now=T), F, F, F),
    (
        "foreigner born in Germany to parents born here (3rd generation)",
        Answers(p("DE", F), p("DE", F), p("DE", F), german_now=F),
        T,
        F,
        T,
    ),
    (
        "immigrated 1990 from Turkey, naturalised",
        Answers(p("TR", F, 1990), p("TR", F, 1995), p("TR", F, 1995), german_now=T),
        T,
        T,
        T,
    ),
    (
        "immigrated 1956: after 31.12.1955 → NRW yes",
        Answers(p("IT", F, 1956), p("IT", F, 1956), p("IT", F, 1956), german_now=T),
        T,
        T,
        T,
    ),
    (
        "immigrated 1955: NRW no (not after 31.12.1955), Destatis yes (since 1950)",
        Answers(p("IT", T, 1955), p("IT", T, 1955), p("IT", T, 1955), german_now=T),
        F,
        T,
        F,
    ),
    (
        "immigrated 1949: before both cut-offs",
        Answers(p("PL", T, 1949), DE_BORN, DE_BORN, german_now=T),
        F,
        F,
        F,
    ),
    (
        "born abroad to German parents, moved here 1990: the move counts, citizenship not",
        Answers(p("US", T, 1990), DE_BORN, DE_BORN, german_now=T),
        T,
        T,
        F,
    ),
    (
        "Spätaussiedler born in Kazakhstan, came 1992, German today",
        Answers(p("KZ", F, 1992), p("KZ", F, 1992), p("KZ", F, 1992), german_now=T),
        T,
        T,
        T,
    ),
    (
        "child of Spätaussiedler born in Köln, German by birth: both parents immigrated",
        Answers(DE_BORN, p("KZ", F, 1992), p("RU", F, 1993), german_now=T),
        T,
        T,
        T,
    ),
    (
        "one immigrated parent: NRW and Mikrozensus yes, Destatis needs both",
        Answers(DE_BORN, p("GR", F, 1970), DE_BORN, german_now=T),
        T,
        F,
        T,
    ),
    (
        "both parents immigrated (one German by birth): Destatis yes",
        Answers(DE_BORN, p("GR", F, 1970), p("FR", T, 1975), german_now=T),
        T,
        T,
        T,
    ),
    (
        "one parent unknown, the other immigrated: NRW/MZ yes, Destatis unknown",
        Answers(DE_BORN, p("SY", F, 2000), Person(), german_now=T),
        T,
        U,
        T,
    ),
    (
        "one parent unknown, the other born German here: only Destatis decidable (no)",
        Answers(DE_BORN, DE_BORN, Person(), german_now=T),
        U,
        F,
        U,
    ),
    (
        "person immigrated: parents do not matter, even unknown ones",
        Answers(p("UA", F, 2022), Person(), Person(), german_now=F),
        T,
        T,
        T,
    ),
    (
        "born abroad, year of immigration not given",
        Answers(p("PL", F, None), DE_BORN, DE_BORN, german_now=T),
        U,
        U,
        T,
    ),
    (
        "nothing answered about parents, person German born here: nothing decidable",
        Answers(DE_BORN, Person(), Person(), german_now=T),
        U,
        U,
        U,
    ),
    (
        "German status not answered but parents immigrated",
        Answers(p("DE", U), p("MA", F, 1980), p("MA", F, 1980), german_now=U),
        T,
        T,
        T,
    ),
    (
        "immigration year given although born in Germany: ignored (born here)",
        Answers(p("DE", T, 1999), DE_BORN, DE_BORN, german_now=T),
        F,
        F,
        F,
    ),
    (
        "country of birth unknown, immigrated 1970",
        Answers(p(None, F, 1970), DE_BORN, DE_BORN, german_now=T),
        U,
        U,
        T,
    ),
    (
        "country of birth unknown, year 1940 (before the cut-offs)",
        Answers(p(None, T, 1940), DE_BORN, DE_BORN, german_now=T),
        F,
        F,
        F,
    ),
    (
        "both parents immigrated 1950 exactly: Destatis yes, NRW no",
        Answers(DE_BORN, p("AT", T, 1950), p("AT", T, 1950), german_now=T),
        F,
        T,
        F,
    ),
    (
        "both parents immigrated 1960 but person German by birth, born here",
        Answers(DE_BORN, p("ES", F, 1960), p("ES", F, 1960), german_now=T),
        T,
        T,
        T,
    ),
    (
        "dual citizen by birth (German and other), born in Germany, one parent foreign-born",
        Answers(p("DE", T), p("TR", F, 1985), DE_BORN, german_now=T),
        T,
        F,
        T,
    ),
    (
        "lower-case country code",
        Answers(p("de", T), p("de", T), p("de", T), german_now=T),
        F,
        F,
        F,
    ),
]


@pytest.mark.parametrize(
    ("case", "answers", "nrw", "destatis", "mz"), ROWS, ids=[r[0] for r in ROWS]
)
def test_definitions(case, answers, nrw, destatis, mz):
    result = classify(answers)
    assert result[Definition.NRW] is nrw, case
    assert result[Definition.EINWANDERUNGSGESCHICHTE] is destatis, case
    assert result[Definition.MIGRATIONSHINTERGRUND] is mz, case


@pytest.mark.parametrize(
    ("values", "or_", "and_"),
    [
        ([T, U], T, U),
        ([F, U], U, F),
        ([F, F], F, F),
        ([T, T], T, T),
        ([U, U], U, U),
        ([], F, T),
    ],
)
def test_three_valued_logic(values, or_, and_):
    assert tri_or(values) is or_
    assert tri_and(values) is and_

"""Finding a case from the header's search box: by name in any spelling, case number, birth
date, guardian's name or phone.

The query is split into parts: dates (03.05.2015 or 2015-05-03), case numbers (F-2026-00012
or a part of it), a phone number, and name words. All parts must match. A name word matches
the child's or a guardian's name as a substring of the normalised name or by phonetic code
(seiteneinstieg/matching.py), using the keys the services store with every name. The same
SQL runs on SQLite and PostgreSQL (LIKE on the stored keys); on PostgreSQL GIN trigram
indexes answer the LIKE (migration 0002).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from teilhabe.centres.models import User
from teilhabe.seiteneinstieg import matching
from teilhabe.seiteneinstieg.models import Child, Family, Guardian

RESULT_LIMIT = 50
MIN_PHONE_DIGITS = 6

_GERMAN_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
_REFERENCE = re.compile(r"(?i)\b[a-z]{1,3}-\d[\d-]*")
_PHONE = re.compile(r"\+?\d[\d /().-]*\d")


@dataclass
class SearchTerms:
    """The parts of a search term, each a condition every result meets."""

    dates: list[dt.date] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    phone: str = ""
    phone_as_written: str = ""  # "2025-00013" may be the end of a case number, too
    names: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.dates or self.references or self.phone or self.names)


def _date(year: str, month: str, day: str, written: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError(
            _("Das Datum %(date)s gibt es nicht.") % {"date": written}, code="date"
        ) from None


def parse(text: str) -> SearchTerms:
    """Split a search term into its parts; an impossible date is a German error."""
    terms = SearchTerms()
    rest = text.strip()
    for match in _GERMAN_DATE.finditer(rest):
        terms.dates.append(_date(match[3], match[2], match[1], match[0]))
    rest = _GERMAN_DATE.sub(" ", rest)
    for match in _ISO_DATE.finditer(rest):
        terms.dates.append(_date(match[1], match[2], match[3], match[0]))
    rest = _ISO_DATE.sub(" ", rest)
    for match in _REFERENCE.finditer(rest):
        terms.references.append(match[0].upper())
    rest = _REFERENCE.sub(" ", rest)
    for match in _PHONE.finditer(rest):
        digits = matching.phone_digits(match[0])
        if len(digits) >= MIN_PHONE_DIGITS:
            terms.phone = digits
            terms.phone_as_written = match[0].strip()
        elif len(digits) >= 3:
            terms.references.append(digits)  # the number part of a case number
    rest = _PHONE.sub(" ", rest)
    terms.names = [(word, codes) for word, codes in matching.query_words(rest) if word]
    return terms


def _word_matches(word: str, codes: tuple[str, ...]) -> Q:
    """One name word: a substring of the normalised name, or one of its phonetic codes."""
    condition = Q(search_name__contains=word)
    if len(word) >= 2:
        for code in codes:
            condition |= Q(search_phonetic__contains=f" {code} ")
    return condition


def search_children(*, user: User, text: str) -> QuerySet[Child]:
    """Children of the user's centre matching ``text``, best matches first.

    Closed cases (placed, withdrawn, moved away) are included; the page marks them. Raises
    ValidationError for an impossible date. An empty term finds nothing.
    """
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_case"):
        return Child.objects.none()
    terms = parse(text)
    if terms.empty:
        return Child.objects.none()
    children = Child.objects.for_user(user)
    for day in terms.dates:
        children = children.filter(birth_date=day)
    for reference in terms.references:
        children = children.filter(
            family_id__in=Family.objects.filter(
                centre_id=user.centre_id, reference__icontains=reference
            )
            .values("pk")
            .order_by()
        )
    # the narrow sub-queries below start from the same dates (SQLite plans no further)
    scope = (
        Child.objects.filter(centre_id=user.centre_id, birth_date__in=terms.dates[:1])
        if terms.dates
        else Child.objects.filter(centre_id=user.centre_id)
    )
    if terms.phone:
        # a long number is a phone number, or the number part of a case number
        by_phone = (
            Guardian.objects.filter(
                family__centre_id=user.centre_id, phone_digits__contains=terms.phone
            )
            .values("family_id")
            .order_by()
        )
        by_number = (
            Family.objects.filter(
                Q(reference__contains=terms.phone) | Q(reference__contains=terms.phone_as_written),
                centre_id=user.centre_id,
            )
            .values("pk")
            .order_by()
        )
        children = children.filter(family_id__in=by_phone.union(by_number))
    rank: Q | None = None
    if terms.names:
        by_child = Q()
        by_guardian = Q()
        for word, codes in terms.names:
            by_child &= _word_matches(word, codes)
            by_guardian &= _word_matches(word, codes)
        # Two narrow queries joined by UNION rather than one OR across the guardian join:
        # each side can use its own (trigram) index, and PostgreSQL's plan stays cheap.
        named = scope.filter(by_child).order_by()
        with_guardian = scope.filter(
            family_id__in=Guardian.objects.filter(family__centre_id=user.centre_id)
            .filter(by_guardian)
            .values("family_id")
            .order_by()
        ).order_by()
        children = children.filter(pk__in=named.values("pk").union(with_guardian.values("pk")))
        rank = Q()
        for word, _codes in terms.names:
            rank &= Q(search_name__contains=word)
    order = ["last_name", "first_name", "pk"]
    if rank is not None:
        children = children.annotate(
            spelling=Case(When(rank, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        order.insert(0, "spelling")
    return children.select_related("family").order_by(*order)


@dataclass
class SearchResult:
    children: list[Child]
    more: bool  # more than RESULT_LIMIT matched: the page asks for a narrower term


def search(*, user: User, text: str, limit: int = RESULT_LIMIT) -> SearchResult:
    """One page of results with the guardians of each child's family."""
    rows = list(
        search_children(user=user, text=text).prefetch_related("family__guardians")[: limit + 1]
    )
    return SearchResult(children=rows[:limit], more=len(rows) > limit)

"""The waiting list: every child of the user's centre not yet placed, with how long it waited.

Days are counted in Python from the timestamps of the rows shown, so the database work is
one filtered, ordered query (plus a count for the pagination) however long the list is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe import geo
from teilhabe.centres.models import User
from teilhabe.geo import koeln
from teilhabe.seiteneinstieg.choices import (
    LANGUAGE_CHOICES,
    WAITING_STATUSES,
    SchoolLevel,
    Status,
)
from teilhabe.seiteneinstieg.models import Child, ChildLanguage

PAGE_SIZE = 50
OVERDUE_DAYS = 28  # a school-age child should have a place four weeks after registration
SCHOOL_AGE = (6, 18)  # inclusive, on the reference day
SMALL_GROUP = 3  # aggregates below this are shown as "< 3"

_STATUS_ORDER = Case(
    *(When(status=status, then=Value(i)) for i, status in enumerate(WAITING_STATUSES)),
    default=Value(len(WAITING_STATUSES)),
    output_field=IntegerField(),
)

# Whitelisted sort keys → ORDER BY. Every key ends in a unique column so pages are stable.
SORTS: dict[str, tuple[Any, ...]] = {
    "days": ("registered_at", "id"),
    "-days": ("-registered_at", "-id"),
    "name": ("last_name", "first_name", "id"),
    "-name": ("-last_name", "-first_name", "-id"),
    "birth_date": ("birth_date", "id"),
    "-birth_date": ("-birth_date", "-id"),
    "stadtteil": ("family__municipality_name", "family__stadtteil_name", "registered_at", "id"),
    "-stadtteil": ("-family__municipality_name", "-family__stadtteil_name", "registered_at", "id"),
    "status": ("status_order", "registered_at", "id"),
    "-status": ("-status_order", "registered_at", "id"),
}
DEFAULT_SORT = "days"  # longest wait first

# Only what the list, the exports and the flag need: keeps 50,000-row exports light.
_COLUMNS = (
    "id",
    "first_name",
    "last_name",
    "birth_date",
    "first_language",
    "status",
    "recommended_level",
    "registered_at",
    "counselled_at",
    "family__reference",
    "family__municipality_key",
    "family__municipality_name",
    "family__stadtteil_number",
    "family__stadtteil_name",
    "family__stadtbezirk_number",
    "family__stadtbezirk_name",
)


EXPORT_FIELDS = tuple(c for c in _COLUMNS if c != "id")


@dataclass(frozen=True)
class WaitingListFilters:
    level: str = ""
    town: str = ""  # municipality key
    stadtbezirk: str = ""
    stadtteil: str = ""
    language: str = ""
    status: str = ""
    sort: str = DEFAULT_SORT

    @property
    def active(self) -> bool:
        """Whether any filter narrows the list (sorting does not)."""
        return any(
            (self.level, self.town, self.stadtbezirk, self.stadtteil, self.language, self.status)
        )


@dataclass(frozen=True)
class WaitingEntry:
    """One row of the list as the page and the exports show it.

    ``child`` is a Child on the page, and a named row of ``EXPORT_FIELDS`` in the exports.
    """

    child: Any
    registered_on: dt.date  # local dates: what the days are counted from
    counselled_on: dt.date | None
    days_since_registration: int
    days_since_counselling: int | None
    age: int
    overdue: bool
    # Display names for the page, looked up once per row here instead of three
    # get_FOO_display() calls per row in the template (each builds a dict of all choices).
    language_label: str = ""
    status_label: str = ""
    level_label: str = ""
    age_text: str = ""  # "12 Jahre"
    registered_online_text: str = ""  # "online angemeldet · Ukrainisch" (self-registration)


def age_on(birth_date: dt.date, day: dt.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_school_age(birth_date: dt.date, day: dt.date) -> bool:
    return SCHOOL_AGE[0] <= age_on(birth_date, day) <= SCHOOL_AGE[1]


def area_for_user(*, user: User) -> geo.Area | None:
    """The area of the user's centre, for the list's place filters; None without a valid one."""
    if user.centre_id is None:
        return None
    try:
        return geo.area(user.centre.area_keys or [])
    except ValueError:
        return None


def _waiting_children(*, user: User) -> QuerySet[Child]:
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_waiting_list"):
        return Child.objects.none()
    return Child.objects.filter(centre_id=user.centre_id, status__in=WAITING_STATUSES)


def waiting_list(*, user: User, filters: WaitingListFilters | None = None) -> QuerySet[Child]:
    """The user's centre's waiting children, filtered and in the requested (whitelisted) order."""
    filters = filters or WaitingListFilters()
    children = _waiting_children(user=user)
    if filters.level:
        children = children.filter(recommended_level=filters.level)
    if filters.town:
        children = children.filter(family__municipality_key=filters.town)
    if filters.stadtbezirk:
        children = children.filter(family__stadtbezirk_number=filters.stadtbezirk)
    if filters.stadtteil:
        children = children.filter(family__stadtteil_number=filters.stadtteil)
    if filters.status:
        children = children.filter(status=filters.status)
    if filters.language:
        # EXISTS rather than a join: a child must appear once, whatever it speaks.
        speaks = ChildLanguage.objects.filter(child=OuterRef("pk"), language=filters.language)
        children = children.filter(Q(first_language=filters.language) | Exists(speaks))
    order = SORTS.get(filters.sort, SORTS[DEFAULT_SORT])
    if any("status_order" in str(key) for key in order):
        children = children.annotate(status_order=_STATUS_ORDER)
    return (
        children.select_related("family")
        .only(*_COLUMNS, "family__registered_language")
        .order_by(*order)
    )


def waiting_list_page(
    *, user: User, filters: WaitingListFilters | None = None, number: Any = 1
) -> tuple[Page, list[Child]]:
    """One page of the list: first the ids of the page, then those children with their family.

    Two steps because SQLite otherwise joins and sorts every waiting child before the LIMIT
    (250 ms at 50,000 cases); ordering the ids alone uses the (centre, status, registered_at)
    index. Three queries (count, ids, rows) whatever the list's length.
    """
    children = waiting_list(user=user, filters=filters)
    page = Paginator(children.values_list("id", flat=True), PAGE_SIZE).get_page(number)
    ids = list(page.object_list)
    by_id = (
        Child.objects.select_related("family")
        .only(*_COLUMNS, "family__registered_language")
        .in_bulk(ids)
    )
    return page, [by_id[pk] for pk in ids]


def export_rows(children: QuerySet[Child]) -> Iterator[Any]:
    """The whole list as light named rows: no model instances for 50,000 children."""
    return children.values_list(*EXPORT_FIELDS, named=True).iterator(chunk_size=2000)


_LANGUAGE_LABELS = dict(LANGUAGE_CHOICES)
_STATUS_LABELS = dict(Status.choices)
_LEVEL_LABELS = dict(SchoolLevel.choices)


def _online_text(code: str) -> str:
    if not code:
        return ""
    return _("online angemeldet · %(lang)s") % {"lang": str(_LANGUAGE_LABELS.get(code, code))}


def entries(
    children: Iterable[Any], *, today: dt.date | None = None, labels: bool = False
) -> Iterator[WaitingEntry]:
    """Rows with the waiting times counted up to ``today`` (local date; default: today).

    ``labels``: also the display names of language, status and level (for the page; the
    exports resolve them once per file themselves).
    """
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()  # once, not per row: exports walk 50,000 rows
    for child in children:
        registered = child.registered_at.astimezone(tz).date()
        counselled = child.counselled_at.astimezone(tz).date() if child.counselled_at else None
        days = (today - registered).days
        age = age_on(child.birth_date, today)
        yield WaitingEntry(
            child=child,
            registered_on=registered,
            counselled_on=counselled,
            days_since_registration=days,
            days_since_counselling=(today - counselled).days if counselled else None,
            age=age,
            overdue=days > OVERDUE_DAYS and SCHOOL_AGE[0] <= age <= SCHOOL_AGE[1],
            **(
                {
                    "language_label": str(
                        _LANGUAGE_LABELS.get(child.first_language, child.first_language)
                    ),
                    "status_label": str(_STATUS_LABELS.get(child.status, child.status)),
                    "level_label": str(_LEVEL_LABELS.get(child.recommended_level, "")),
                    "age_text": ngettext("%(age)s Jahr", "%(age)s Jahre", age) % {"age": age},
                    "registered_online_text": _online_text(child.family.registered_language),
                }
                if labels
                else {}
            ),
        )


# --- statistics ------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A count with small-group protection: counts below three are shown as "< 3"."""

    label: str
    count: int

    @property
    def shown(self) -> str:
        return "< 3" if self.count < SMALL_GROUP else str(self.count)


def _percentile(values: list[int], q: float) -> float | None:
    """Percentile by linear interpolation (as numpy's default); None for no values."""
    if not values:
        return None
    if len(values) == 1:
        return float(values[0])
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _latest_birth_date(today: dt.date, years: int) -> dt.date:
    """The latest birth date of someone at least ``years`` old on ``today`` (as ``age_on``)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February: in a common year the birthday counts from 1 March
        return dt.date(today.year - years, 2, 28)


def overdue_filter(today: dt.date) -> Q:
    """The flag of entries() as a filter: more than OVERDUE_DAYS local days since
    registration and of school age (6 to 18 inclusive) on ``today``, for counting in SQL."""
    tz = timezone.get_current_timezone()
    cutoff = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=OVERDUE_DAYS), dt.time.min), tz
    )
    return Q(
        registered_at__lt=cutoff,
        birth_date__lte=_latest_birth_date(today, SCHOOL_AGE[0]),
        birth_date__gt=_latest_birth_date(today, SCHOOL_AGE[1] + 1),
    )


def _days_at(waiting: QuerySet[Child], total: int, q: float, today: dt.date) -> float:
    """The ``q`` percentile of days waited, read in the database: the two neighbouring rows
    in (registered_at) order from the waiting-list index instead of every child in Python.

    Days waited fall as registered_at rises, so ascending days are descending timestamps.
    """
    position = (total - 1) * q
    low = int(position)
    stamps = list(
        waiting.order_by("-registered_at", "-id").values_list("registered_at", flat=True)[
            low : low + 2
        ]
    )
    days = [(today - timezone.localtime(stamp).date()).days for stamp in stamps]
    high = days[1] if len(days) > 1 else days[0]
    return days[0] + (high - days[0]) * (position - low)


def waiting_statistics(*, user: User, today: dt.date | None = None) -> dict[str, Any]:
    """Aggregates of the waiting list, without names: counts, median and p90 days waited.

    Everything is counted in the database (one grouped query, two index reads for the
    percentiles), so the page does not read 40,000 children into Python at a large centre.
    Median and p90 are withheld when fewer than three children wait, as they would describe
    individuals.
    """
    if user.centre_id is None or not user.has_perm("seiteneinstieg.view_statistics"):
        return {}
    today = today or timezone.localdate()
    waiting = Child.objects.filter(centre_id=user.centre_id, status__in=WAITING_STATUSES)
    overdue_q = overdue_filter(today)
    groups = (
        waiting.values_list(
            "status", "recommended_level", "family__stadtbezirk_number", "family__municipality_key"
        )
        .annotate(n=Count("id"), late=Count("id", filter=overdue_q))
        .order_by()
    )
    by_status: dict[str, int] = {}
    by_level: dict[str, int] = {}
    by_bezirk: dict[str, int] = {}
    by_town: dict[str, int] = {}
    total = overdue = 0
    for status, level, bezirk, town, n, late in groups:
        for counter, key in ((by_status, status), (by_level, level), (by_bezirk, bezirk)):
            counter[key] = counter.get(key, 0) + n
        by_town[town] = by_town.get(town, 0) + n
        total += n
        overdue += late
    area = area_for_user(user=user)
    towns = area.municipalities() if area is not None else []
    with_polygons = area is None or any(geo.has_polygons(key) for key, _name in towns)

    enough = total >= SMALL_GROUP
    levels = [(value, str(label)) for value, label in SchoolLevel.choices] + [
        ("", _("Noch nicht eingestuft"))
    ]
    return {
        "total": Figure("total", total),
        "overdue": Figure("overdue", overdue),
        "median_days": _days_at(waiting, total, 0.5, today) if enough else None,
        "p90_days": _days_at(waiting, total, 0.9, today) if enough else None,
        "by_status": [Figure(str(Status(s).label), by_status.get(s, 0)) for s in WAITING_STATUSES],
        "by_level": [Figure(label, by_level.get(value, 0)) for value, label in levels],
        # Stadtbezirke where the area has district polygons (Köln), towns where it has several.
        "by_bezirk": [
            Figure(f"{number} {name}", by_bezirk.get(number, 0))
            for number, name in koeln.all_stadtbezirke()
        ]
        if with_polygons
        else [],
        "by_town": [Figure(name, by_town.get(key, 0)) for key, name in towns]
        if len(towns) > 1
        else [],
    }

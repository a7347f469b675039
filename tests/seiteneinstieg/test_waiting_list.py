"""The waiting list: who is on it, how long they waited, filters, sorting, query count."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.forms.waiting_list import WaitingListFilterForm
from teilhabe.seiteneinstieg.selectors.waiting_list import (
    PAGE_SIZE,
    WaitingListFilters,
    entries,
    waiting_list,
)
from tests.factories import ChildFactory, ChildLanguageFactory, FamilyFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
TODAY = dt.date(2026, 11, 25)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def days_ago(n: int, hour: int = 10) -> dt.datetime:
    return at(TODAY - dt.timedelta(days=n), hour)


def born(age: int, *, days_after_birthday: int = 30) -> dt.date:
    return TODAY.replace(year=TODAY.year - age) - dt.timedelta(days=days_after_birthday)


def names(user, **filters) -> list[str]:
    return [c.first_name for c in waiting_list(user=user, filters=WaitingListFilters(**filters))]


def test_days_since_registration_and_counselling(staff):
    child = ChildFactory(
        family__centre=staff.centre,
        registered_at=days_ago(40, hour=23),  # late evening counts for that local day
        counselled_at=days_ago(12, hour=0),
        status=Status.COUNSELLED,
    )
    [entry] = list(entries(waiting_list(user=staff.counsellor), today=TODAY))
    assert entry.child == child
    assert entry.days_since_registration == 40
    assert entry.days_since_counselling == 12


def test_days_since_counselling_is_none_before_counselling(staff):
    ChildFactory(family__centre=staff.centre, registered_at=days_ago(3))
    [entry] = list(entries(waiting_list(user=staff.counsellor), today=TODAY))
    assert entry.days_since_counselling is None


@pytest.mark.parametrize(
    ("age", "waited", "overdue"),
    [
        (10, 29, True),
        (10, 28, False),  # exactly four weeks is not yet "more than"
        (6, 60, True),
        (18, 60, True),
        (19, 60, False),  # beyond school age: no flag however long
        (5, 60, False),
    ],
)
def test_overdue_flag_for_school_age_children_after_four_weeks(staff, age, waited, overdue):
    ChildFactory(
        family__centre=staff.centre,
        birth_date=born(age),
        arrived_in_germany_on=born(age),
        registered_at=days_ago(waited),
    )
    [entry] = list(entries(waiting_list(user=staff.counsellor), today=TODAY))
    assert entry.age == age
    assert entry.overdue is overdue


def test_only_waiting_children_of_own_centre(staff, other_staff):
    for status in Status.values:
        ChildFactory(family__centre=staff.centre, first_name=status, status=status)
    ChildFactory(family__centre=other_staff.centre, first_name="fremd")
    shown = set(names(staff.counsellor))
    assert shown == {
        "registered",
        "invited",
        "counselled",
        "assessed",
        "ready",
        "proposed",
        "accepted",  # a school said yes, but the child is not in class yet: it still waits
    }


def test_roles_without_the_list_get_nothing(staff):
    ChildFactory(family__centre=staff.centre)
    assert names(staff.schulamt) != []
    assert names(staff.school_staff) == []
    assert names(staff.statistics) == []


def test_filter_by_level(staff):
    ChildFactory(family__centre=staff.centre, first_name="prim", recommended_level="primary")
    ChildFactory(family__centre=staff.centre, first_name="sek", recommended_level="secondary")
    ChildFactory(family__centre=staff.centre, first_name="offen", recommended_level="")
    assert names(staff.counsellor, level="secondary") == ["sek"]


def test_filter_by_stadtbezirk_and_stadtteil(staff):
    nippes = FamilyFactory(
        centre=staff.centre,
        stadtteil_number="501",
        stadtteil_name="Nippes",
        stadtbezirk_number="5",
        stadtbezirk_name="Nippes",
    )
    niehl = FamilyFactory(
        centre=staff.centre,
        stadtteil_number="504",
        stadtteil_name="Niehl",
        stadtbezirk_number="5",
        stadtbezirk_name="Nippes",
    )
    ChildFactory(family=nippes, first_name="a")
    ChildFactory(family=niehl, first_name="b")
    ChildFactory(family__centre=staff.centre, first_name="innenstadt")  # Bezirk 1
    assert sorted(names(staff.counsellor, stadtbezirk="5")) == ["a", "b"]
    assert names(staff.counsellor, stadtteil="504") == ["b"]
    assert names(staff.counsellor, stadtbezirk="1") == ["innenstadt"]


def test_filter_by_first_or_further_language_lists_each_child_once(staff):
    ChildFactory(family__centre=staff.centre, first_name="erst", first_language="ar")
    both = ChildFactory(family__centre=staff.centre, first_name="beide", first_language="ar")
    ChildLanguageFactory(child=both, language="ku")
    ChildLanguageFactory(child=both, language="en")
    further = ChildFactory(family__centre=staff.centre, first_name="weitere", first_language="ku")
    ChildLanguageFactory(child=further, language="ar")
    ChildFactory(family__centre=staff.centre, first_name="nein", first_language="uk")
    assert sorted(names(staff.counsellor, language="ar")) == ["beide", "erst", "weitere"]
    assert sorted(names(staff.counsellor, language="ku")) == ["beide", "weitere"]


def test_filter_by_status(staff):
    ChildFactory(family__centre=staff.centre, first_name="r", status=Status.REGISTERED)
    ChildFactory(family__centre=staff.centre, first_name="i", status=Status.INVITED)
    assert names(staff.counsellor, status=Status.INVITED) == ["i"]


@pytest.fixture
def three(staff):
    """Three children that sort differently by every key."""
    a = FamilyFactory(centre=staff.centre, stadtteil_name="Zollstock")
    b = FamilyFactory(centre=staff.centre, stadtteil_name="Bayenthal")
    c = FamilyFactory(centre=staff.centre, stadtteil_name="Kalk")
    ChildFactory(
        family=a,
        first_name="Anna",
        last_name="Weber",
        birth_date=dt.date(2012, 1, 1),
        registered_at=days_ago(10),
        status=Status.READY,
    )
    ChildFactory(
        family=b,
        first_name="Bilal",
        last_name="Amiri",
        birth_date=dt.date(2016, 1, 1),
        registered_at=days_ago(50),
        status=Status.INVITED,
    )
    ChildFactory(
        family=c,
        first_name="Cem",
        last_name="Kaya",
        birth_date=dt.date(2010, 1, 1),
        registered_at=days_ago(30),
        status=Status.REGISTERED,
    )


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("days", ["Bilal", "Cem", "Anna"]),
        ("-days", ["Anna", "Cem", "Bilal"]),
        ("name", ["Bilal", "Cem", "Anna"]),
        ("-name", ["Anna", "Cem", "Bilal"]),
        ("birth_date", ["Cem", "Anna", "Bilal"]),
        ("-birth_date", ["Bilal", "Anna", "Cem"]),
        ("stadtteil", ["Bilal", "Cem", "Anna"]),
        ("-stadtteil", ["Anna", "Cem", "Bilal"]),
        ("status", ["Cem", "Bilal", "Anna"]),
        ("-status", ["Anna", "Bilal", "Cem"]),
    ],
)
def test_sorting(staff, three, sort, expected):
    assert names(staff.counsellor, sort=sort) == expected


def test_unknown_sort_key_is_rejected_by_the_form():
    form = WaitingListFilterForm({"sort": "registered_at); DROP TABLE x;--"})
    assert not form.is_valid()
    assert "sort" in form.errors
    assert form.filters() == WaitingListFilters()


def test_page_shows_rows_flag_and_pagination(staff, login):
    for i in range(PAGE_SIZE + 3):
        ChildFactory(family__centre=staff.centre, registered_at=days_ago(60 - i % 50))
    client = login(staff.counsellor)
    response = client.get(reverse("seiteneinstieg:waiting_list"))
    assert response.status_code == 200
    assert len(response.context["rows"]) == PAGE_SIZE
    assert "über 4 Wochen" in response.content.decode()
    second = client.get(reverse("seiteneinstieg:waiting_list"), {"seite": 2})
    assert len(second.context["rows"]) == 3


def test_page_applies_filters_from_the_query_string(staff, login):
    ChildFactory(family__centre=staff.centre, first_name="Lina", status=Status.INVITED)
    ChildFactory(family__centre=staff.centre, first_name="Omar", status=Status.REGISTERED)
    response = login(staff.counsellor).get(
        reverse("seiteneinstieg:waiting_list"), {"status": "invited"}
    )
    assert [r.child.first_name for r in response.context["rows"]] == ["Lina"]


def test_invalid_filter_shows_an_error(staff, login):
    response = login(staff.counsellor).get(
        reverse("seiteneinstieg:waiting_list"), {"status": "placed"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["status"]


def _fill(centre, n: int) -> None:
    for i in range(n):
        child = ChildFactory(
            family__centre=centre,
            registered_at=days_ago(i % 90),
            counselled_at=days_ago(0) if i % 3 == 0 else None,
            recommended_level="secondary" if i % 2 else "",
        )
        if i % 4 == 0:
            ChildLanguageFactory(child=child, language="ru")


def _queries(client, url: str, params: dict[str, str], capture_on_commit) -> int:
    """Queries of the page, or of starting and running an export job (tests run it at once)."""
    with CaptureQueriesContext(connection) as ctx:
        if "export" in url:
            with capture_on_commit(execute=True):
                response = client.post(url, params)
            assert response.status_code == 302
        else:
            response = client.get(url, params)
            assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("seiteneinstieg:waiting_list"),
        reverse("seiteneinstieg:waiting_list_export", kwargs={"fmt": "xlsx"}),
        reverse("seiteneinstieg:waiting_list_export", kwargs={"fmt": "csv"}),
    ],
)
@pytest.mark.parametrize("params", [{}, {"language": "ru", "sort": "status"}])
def test_query_count_does_not_grow_with_the_list(
    staff, login, url, params, django_capture_on_commit_callbacks
):
    client = login(staff.counsellor)
    _fill(staff.centre, 5)
    small = _queries(client, url, params, django_capture_on_commit_callbacks)
    _fill(staff.centre, 55)
    large = _queries(client, url, params, django_capture_on_commit_callbacks)
    assert small == large
    # the page: 8. An export job: session, user, start (full_clean checks each constraint),
    # audit, claim, count, rows, progress, export audit, finish, savepoints: about 33.
    assert large <= (8 if "export" not in url else 36)


def test_invalid_filter_is_said_on_the_page_and_offers_no_export(staff, login):
    response = login(staff.centre_admin).get(
        reverse("seiteneinstieg:waiting_list"), {"status": "placed"}
    )
    html = response.content.decode()
    assert "Der Filter ist ungültig" in html
    assert "waiting_list_export" not in html and "/export" not in html.split("<table")[0]


def test_export_with_an_invalid_filter_is_refused_and_starts_no_job(staff, login):
    from teilhabe.exports.models import Job

    ChildFactory(family__centre=staff.centre, status=Status.REGISTERED)
    for fmt in ("csv", "xlsx"):
        response = login(staff.centre_admin).post(
            reverse("seiteneinstieg:waiting_list_export", kwargs={"fmt": fmt}),
            {"status": "placed", "language": "ru"},
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "Der Filter ist ungültig" in html
        assert response.context["form"].errors["status"]
    assert not Job.objects.exists()


def test_rows_built_in_python_escape_every_value(staff, login):
    """The rows are assembled without the template engine: markup in data stays text."""
    family = FamilyFactory(
        centre=staff.centre, stadtteil_name='<img src=x onerror="alert(1)">', reference="A&B-1"
    )
    ChildFactory(
        centre=staff.centre, family=family, last_name="<script>alert(1)</script>", first_name='"x'
    )
    page = login(staff.counsellor).get(reverse("seiteneinstieg:waiting_list")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;, &quot;x" in page
    assert '<img src=x onerror="alert(1)">' not in page
    assert "A&amp;B-1" in page

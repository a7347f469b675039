"""The statistics page: aggregates only, small groups shown as "< 3"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.selectors.waiting_list import Figure, waiting_statistics
from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db


def ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


@pytest.mark.parametrize(("count", "shown"), [(0, "< 3"), (1, "< 3"), (2, "< 3"), (3, "3")])
def test_small_counts_are_hidden(count, shown):
    assert Figure("x", count).shown == shown


def test_figures_count_waiting_children_by_status_bezirk_and_level(staff, other_staff):
    nippes = FamilyFactory(centre=staff.centre, stadtbezirk_number="5", stadtbezirk_name="Nippes")
    for days in (10, 20, 30, 40, 100):
        ChildFactory(family=nippes, registered_at=ago(days), recommended_level="secondary")
    ChildFactory(family__centre=staff.centre, status=Status.INVITED, registered_at=ago(1))
    ChildFactory(family__centre=staff.centre, status=Status.PLACED, registered_at=ago(300))
    ChildFactory(family__centre=other_staff.centre, registered_at=ago(300))

    figures = waiting_statistics(user=staff.statistics)
    assert figures["total"].count == 6
    status = {f.label: f.count for f in figures["by_status"]}
    assert status["Registriert"] == 5
    assert status["Eingeladen"] == 1
    bezirk = {f.label: f.count for f in figures["by_bezirk"]}
    assert bezirk["5 Nippes"] == 5
    assert bezirk["1 Innenstadt"] == 1
    level = {f.label: f.count for f in figures["by_level"]}
    assert level["Sekundarstufe I (Klasse 5–10)"] == 5
    assert level["Noch nicht eingestuft"] == 1
    assert figures["median_days"] == 25  # 1, 10, 20, 30, 40, 100
    assert figures["p90_days"] == 70  # linear interpolation between 40 and 100
    assert figures["overdue"].count == 3  # 30, 40, 100 days; all school age


def test_no_median_for_fewer_than_three_children(staff):
    ChildFactory(family__centre=staff.centre, registered_at=ago(40))
    ChildFactory(family__centre=staff.centre, registered_at=ago(50))
    figures = waiting_statistics(user=staff.counsellor)
    assert figures["median_days"] is None
    assert figures["p90_days"] is None


def test_page_shows_small_groups_as_less_than_three_and_no_names(staff, login):
    inner = FamilyFactory(centre=staff.centre)  # Bezirk 1
    for i in range(4):
        ChildFactory(family=inner, first_name=f"Geheim{i}", registered_at=ago(40))
    ChildFactory(
        family=FamilyFactory(centre=staff.centre, stadtbezirk_number="8", stadtbezirk_name="Kalk"),
        first_name="Einzeln",
        status=Status.READY,
    )
    response = login(staff.statistics).get(reverse("seiteneinstieg:statistics"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geheim" not in html and "Einzeln" not in html
    assert '<th scope="row">1 Innenstadt</th><td class="num">4</td>' in html
    assert '<th scope="row">8 Kalk</th><td class="num">&lt; 3</td>' in html
    assert '<th scope="row">Bereit zur Zuweisung</th><td class="num">&lt; 3</td>' in html
    assert 'data-figure="total">5<' in html
    assert 'data-figure="overdue">4<' in html

"""The school's answer: accept with a first school day (a seat taken), decline with a
reason (back in the queue, that school excluded, the school sees nothing more), the first
day attended (placed, the waiting ends on that day); the family's letter."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from teilhabe.notify.models import OutboxMail
from teilhabe.schulen.seats import annotate_seats
from teilhabe.seiteneinstieg.models import Child
from teilhabe.zuweisung.models import Exclusion, Placement
from teilhabe.zuweisung.selectors.school import school_proposals
from teilhabe.zuweisung.services import decisions, runs

pytestmark = pytest.mark.django_db


@pytest.fixture
def released(staff, area):
    run = runs.compute_run(run_id=runs.start_run(actor=staff.schulamt).pk)
    runs.release_run(actor=staff.schulamt, run=run)
    # the school account works for the far school: the siblings were proposed there
    return Placement.objects.filter(run=run, offer=area["far"]).order_by("pk")


def seats(offer):
    return annotate_seats(type(offer).objects.filter(pk=offer.pk)).get()


def test_accept_takes_a_seat_and_sends_the_letter(staff, area, released):
    placement = released[0]
    assert seats(area["far"]).seats_taken == 0
    start = timezone.localdate() + dt.timedelta(days=7)
    decisions.accept_placement(actor=staff.school_staff, placement=placement, start_date=start)
    placement.refresh_from_db()
    assert placement.status == "accepted" and placement.start_date == start
    assert seats(area["far"]).seats_taken == 1
    assert Child.objects.get(pk=placement.child_id).status == "accepted"
    letters = OutboxMail.objects.filter(subject__contains="Schulplatz").exclude(to=[])
    family = letters.get(to=["familie@example.org"])
    assert family.attachments[0]["content_type"] == "application/pdf"
    assert "Gesamtschule Nord" in family.body  # German and Arabic text both name the school
    assert OutboxMail.objects.filter(subject__startswith="Aufnahme bestätigt").exists()


def test_accepting_a_full_offer_is_refused_clearly(staff, area, released):
    start = timezone.localdate() + dt.timedelta(days=7)
    offer = area["far"]
    offer.seats_total = 1
    offer.save()
    decisions.accept_placement(actor=staff.school_staff, placement=released[0], start_date=start)
    with pytest.raises(ValidationError, match="kein Platz mehr frei"):
        decisions.accept_placement(
            actor=staff.school_staff, placement=released[1], start_date=start
        )
    assert Placement.objects.get(pk=released[1].pk).status == "proposed"


@pytest.mark.parametrize(("days", "message"), [(-30, "zurück"), (400, "halbes Jahr")])
def test_implausible_start_dates_are_refused(staff, released, days, message):
    with pytest.raises(ValidationError, match=message):
        decisions.accept_placement(
            actor=staff.school_staff,
            placement=released[0],
            start_date=timezone.localdate() + dt.timedelta(days=days),
        )


def test_decline_returns_the_child_excludes_the_school_and_hides_the_child(staff, area, released):
    placement = released[0]
    with pytest.raises(ValidationError, match="erläutern"):
        decisions.decline_placement(
            actor=staff.school_staff, placement=placement, reason="other", note=" "
        )
    decisions.decline_placement(
        actor=staff.school_staff, placement=placement, reason="no_seat", note="Klasse voll"
    )
    child = Child.objects.get(pk=placement.child_id)
    assert child.status == "ready"
    assert Exclusion.objects.filter(child=child, school=area["far"].school).exists()
    names = [p.name for p in school_proposals(user=staff.school_staff)]
    assert f"{child.first_name} {child.last_name}" not in names
    # and the next run leaves that school out for this child
    run = runs.compute_run(run_id=runs.start_run(actor=staff.schulamt).pk)
    student = next(s for s in run.instance["students"] if s["id"] == f"S-{child.pk}")
    assert area["far"].school.schulnummer in student["excluded_schools"]


def test_first_day_places_the_child_and_ends_the_wait_that_day(staff, released):
    placement = released[0]
    Child.objects.filter(pk=placement.child_id).update(
        registered_at=timezone.now() - dt.timedelta(days=30)
    )
    start = timezone.localdate() - dt.timedelta(days=2)
    decisions.accept_placement(actor=staff.school_staff, placement=placement, start_date=start)
    with pytest.raises(ValidationError, match="Zukunft"):
        decisions.confirm_first_day(
            actor=staff.school_staff,
            placement=placement,
            attended_on=timezone.localdate() + dt.timedelta(days=1),
        )
    decisions.confirm_first_day(actor=staff.school_staff, placement=placement, attended_on=start)
    child = Child.objects.get(pk=placement.child_id)
    assert child.status == "placed"
    assert timezone.localtime(child.placed_at).date() == start


def test_another_school_may_not_decide(staff, area, released):
    from tests.factories import link_school

    near_placement = Placement.objects.get(offer=area["near"], status="proposed")
    with pytest.raises(PermissionDenied):
        decisions.accept_placement(
            actor=staff.school_staff,
            placement=near_placement,
            start_date=timezone.localdate(),
        )
    link_school(staff.school_staff, area["near"].school)
    decisions.decline_placement(
        actor=staff.school_staff, placement=near_placement, reason="distance"
    )


def test_kurmanji_family_gets_german_only_and_the_page_warns(staff, area, released, login):
    placement = released[0]
    child = Child.objects.get(pk=placement.child_id)
    child.family.guardians.update(language="ku")
    child.first_language = "ku"
    child.save(update_fields=["first_language"])
    from teilhabe.zuweisung.letters import letter_languages, missing_translations

    assert letter_languages(child) == ["de"] and missing_translations(child) == ["ku"]
    page = login(staff.counsellor).get(f"/seiteneinstieg/kinder/{child.pk}/")
    assert "nicht übersetzt" in page.text

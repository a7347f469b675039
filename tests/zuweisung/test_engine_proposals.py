"""The Schulamt runs the placement engine from the app: export, solve, propose in one step."""

from __future__ import annotations

from collections import Counter

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.models import Child
from teilhabe.zuweisung.models import Placement
from teilhabe.zuweisung.services import placements as placement_services
from teilhabe.zuweisung.services.placements import EngineRun, propose_with_engine
from teilhabe.zuweisung.views.transfer import _run_message
from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    FamilyFactory,
    OfferFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db

HOME = (50.9413, 6.9391)  # FamilyFactory's address
KM_LAT = 1 / 111.2  # one km northwards in degrees


def ready_child(staff, family=None, **family_kwargs):
    child = ChildFactory(
        family=family or FamilyFactory(centre=staff.centre, **family_kwargs),
        status="ready",
        recommended_level="secondary",
    )
    AssessmentFactory(
        child=child,
        recommended_level="secondary",
        recommended_grade=7,
        assessed_by=staff.counsellor,
        recommended_school_forms=["Gesamtschule"],
    )
    return child


def offer_at(staff, km_north: float, seats: int):
    school = SchoolFactory(lat=HOME[0] + km_north * KM_LAT, lon=HOME[1])
    return OfferFactory(centre=staff.centre, school=school, seats_total=seats)


@pytest.fixture
def area(staff, other_staff):
    """One seat at the door, two seats 3 km away; siblings, a single child, one far away."""
    near = offer_at(staff, 0, seats=1)
    far = offer_at(staff, 3, seats=2)
    siblings = FamilyFactory(centre=staff.centre)
    a, b = ready_child(staff, family=siblings), ready_child(staff, family=siblings)
    single = ready_child(staff, lat=HOME[0] + 3 * KM_LAT)  # lives next to the far school
    remote = ready_child(staff, lat=HOME[0] + 60 * KM_LAT)  # 60 km: nothing in reach
    ready_child(other_staff)  # another centre's child is never touched
    return {"near": near, "far": far, "siblings": (a, b), "single": single, "remote": remote}


def test_run_proposes_seats_and_records_one_entry(staff, area):
    run = propose_with_engine(actor=staff.schulamt, time_limit=5)

    a, b = area["siblings"]
    by_child = {p.child_id: p for p in Placement.objects.filter(centre=staff.centre)}
    assert set(by_child) == {a.pk, b.pk, area["single"].pk}
    assert {p.pk for p in run.placements} == {p.pk for p in by_child.values()}
    # splitting them (one at the door, the single child next door) would save 6 km,
    # but keeping siblings together is worth more than that
    assert by_child[a.pk].offer == by_child[b.pk].offer == area["far"]
    assert by_child[area["single"].pk].offer == area["near"]
    assert by_child[a.pk].distance_km == pytest.approx(3, abs=0.05)
    load = Counter(p.offer for p in by_child.values())
    assert all(count <= offer.seats_total for offer, count in load.items())
    statuses = dict(Child.objects.filter(family__centre=staff.centre).values_list("pk", "status"))
    assert statuses == {a.pk: "proposed", b.pk: "proposed", area["single"].pk: "proposed"} | {
        area["remote"].pk: "ready"
    }
    assert (run.placed, run.unplaced, run.unplaced_no_seat_in_reach, run.unplaced_capacity) == (
        3,
        1,
        1,
        0,
    )
    assert run.lower_bound is not None and run.lower_bound <= run.cost

    entries = AuditEntry.objects.filter(
        centre=staff.centre, action__startswith="zuweisung.proposals"
    )
    assert [e.action for e in entries] == ["zuweisung.proposals.computed"]
    entry = entries.get()
    assert entry.actor == staff.schulamt
    assert entry.data["placed"] == 3 and entry.data["unplaced_no_seat_in_reach"] == 1
    assert sorted(entry.data["placements"]) == sorted(p.pk for p in run.placements)


def test_proposed_seats_are_taken_for_the_next_run(staff, area):
    propose_with_engine(actor=staff.schulamt, time_limit=5)
    with pytest.raises(ValidationError, match="keine aktiven Angebote mit freien Plätzen"):
        propose_with_engine(actor=staff.schulamt, time_limit=5)
    extra = offer_at(staff, 60, seats=1)  # a seat near the remote child
    run = propose_with_engine(actor=staff.schulamt, time_limit=5)
    assert run.placed == 1 and run.placements[0].child == area["remote"]
    assert run.placements[0].offer == extra
    assert Placement.objects.filter(centre=staff.centre).count() == 4


@pytest.mark.parametrize(
    ("children", "seats", "message"),
    [
        (0, 2, "Es warten keine Kinder"),
        (1, 0, "keine aktiven Angebote mit freien Plätzen"),
        (0, 0, "keine freien Plätze"),
    ],
)
def test_nothing_to_place_is_a_german_error_and_writes_nothing(staff, children, seats, message):
    for _ in range(children):
        ready_child(staff)
    if seats:
        offer_at(staff, 1, seats=seats)
    ChildFactory(family=FamilyFactory(centre=staff.centre), status="assessed")  # not ready
    with pytest.raises(ValidationError) as exc:
        propose_with_engine(actor=staff.schulamt, time_limit=5)
    assert message in " ".join(exc.value.messages)
    assert not Placement.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="zuweisung.proposals").exists()


def test_a_change_during_the_run_stops_it_cleanly(staff, area, monkeypatch):
    """The solver works on a snapshot; the write re-checks it against locked rows."""
    real_solve = placement_services.solve

    def solve_while_a_counsellor_acts(*args, **kwargs):
        answer = real_solve(*args, **kwargs)
        Child.objects.filter(pk=area["single"].pk).update(status="assessed")
        return answer

    monkeypatch.setattr(placement_services, "solve", solve_while_a_counsellor_acts)
    with pytest.raises(ValidationError) as exc:
        propose_with_engine(actor=staff.schulamt, time_limit=5)
    assert "geändert" in exc.value.messages[0]
    assert f"S-{area['single'].pk}" in " ".join(exc.value.messages)
    assert not Placement.objects.exists()
    assert Child.objects.filter(pk=area["siblings"][0].pk, status="ready").exists()
    assert not AuditEntry.objects.filter(action__startswith="zuweisung.proposals").exists()


@pytest.mark.parametrize("role", ["counsellor", "school_staff", "statistics"])
def test_other_roles_may_not_run_the_engine(staff, area, role):
    with pytest.raises(PermissionDenied):
        propose_with_engine(actor=staff.by_role(role))
    assert not Placement.objects.exists()


def test_centre_admin_may_run_it_too(staff, area):
    assert propose_with_engine(actor=staff.centre_admin, time_limit=5).placed == 3


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_view_runs_the_engine_and_says_what_happened(staff, login):
    offer_at(staff, 0, seats=1)
    ready_child(staff)
    ready_child(staff)
    ready_child(staff, lat=HOME[0] + 60 * KM_LAT)
    client = login(staff.schulamt)
    response = client.post(reverse("zuweisung:proposals_compute"))
    assert response.status_code == 302
    assert response["Location"] == reverse("zuweisung:proposals_import")
    (message,) = _messages(response)
    assert message.startswith(
        "1 Platzvorschlag berechnet; 1 Kind ohne Platz in Reichweite; "
        "1 Kind wartet auf einen freien Platz (nachweislich optimal, "
    )
    assert Placement.objects.filter(centre=staff.centre).count() == 1
    page = client.get(reverse("zuweisung:proposals_import"))
    assert "Zuweisung berechnen" in page.content.decode()


def test_view_shows_the_german_error(staff, login):
    client = login(staff.schulamt)
    response = client.post(reverse("zuweisung:proposals_compute"))
    assert response.status_code == 302
    (message,) = _messages(response)
    assert message.startswith("Es warten keine Kinder")
    assert not Placement.objects.exists()


def test_view_refuses_get(staff, login):
    assert login(staff.schulamt).get(reverse("zuweisung:proposals_compute")).status_code == 405


def test_message_says_how_far_from_optimal_after_the_time_limit():
    run = EngineRun(
        placements=[],
        placed=12,
        unplaced=3,
        unplaced_no_seat_in_reach=3,
        unplaced_capacity=0,
        cost=3012.0,
        lower_bound=3000.0,
        gap=0.004,
        proven_optimal=False,
        seconds=20.03,
    )
    assert _run_message(run) == (
        "12 Platzvorschläge berechnet; 3 Kinder ohne Platz in Reichweite "
        "(höchstens 0,4 % vom Optimum entfernt, 20,0 s)."
    )

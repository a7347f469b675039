"""The placement problem in ``teilhabe-placement/1``, and an answer read back as proposals."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from teilhabe.placement.model import LEVEL_GRADES, parse_instance
from teilhabe.seiteneinstieg.models import Child
from teilhabe.zuweisung.exports import build_instance
from teilhabe.zuweisung.models import Placement
from teilhabe.zuweisung.services.placements import import_proposals
from teilhabe.zuweisung.services.runs import release_run
from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    FamilyFactory,
    OfferFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db


def ready_child(staff, family=None, level="secondary", grade=7, **kwargs):
    child = ChildFactory(
        family=family or FamilyFactory(centre=staff.centre),
        status="ready",
        recommended_level=level,
        **kwargs,
    )
    AssessmentFactory(
        child=child,
        recommended_level=level,
        recommended_grade=grade,
        assessed_by=staff.counsellor,
        recommended_school_forms=["Gesamtschule"],
    )
    return child


@pytest.fixture
def problem(staff, other_staff):
    school = SchoolFactory(schulnummer="100036", name="Gesamtschule Helios")
    offer = OfferFactory(centre=staff.centre, school=school, seats_total=6)
    OfferFactory(centre=staff.centre, school=school, seats_total=0)  # full: not exported
    OfferFactory(centre=staff.centre, school=SchoolFactory(lat=None, lon=None))  # no location
    OfferFactory(centre=other_staff.centre, school=school)  # another centre's offer
    siblings = FamilyFactory(centre=staff.centre, reference="F-TEST-SIB")
    a = ready_child(staff, family=siblings)
    b = ready_child(staff, family=siblings)
    c = ready_child(staff, level="primary", grade=3)
    ChildFactory(family=FamilyFactory(centre=staff.centre), status="assessed")  # not ready
    ready_child(other_staff)
    return {"offer": offer, "children": [a, b, c]}


def validate_by_hand(doc):
    """The format's rules, checked independently of the engine's parser."""
    ids = [s["id"] for s in doc["schools"]] + [o["id"] for s in doc["schools"] for o in s["offers"]]
    assert len(ids) == len(set(ids))
    student_ids = [p["id"] for p in doc["students"]]
    assert len(student_ids) == len(set(student_ids))
    for school in doc["schools"]:
        assert school["lat"] is not None and school["lon"] is not None
        for offer in school["offers"]:
            low, high = LEVEL_GRADES[offer["level"]]
            assert low <= offer["grades"][0] <= offer["grades"][1] <= high
            assert offer["seats"] >= 0
    for student in doc["students"]:
        assert student["lat"] is not None and student["lon"] is not None
        assert 1 <= student["grade"] <= 11


def test_export_contains_ready_children_and_offers_with_free_seats(staff, problem):
    doc = build_instance(centre=staff.centre, reference_date=dt.date(2026, 11, 25))
    instance = parse_instance(doc)  # the engine's own validator
    validate_by_hand(doc)
    assert [s.id for s in instance.schools] == ["100036"]
    offer = problem["offer"]
    assert doc["schools"][0]["offers"] == [
        {"id": f"100036-{offer.pk}", "level": "secondary", "grades": [5, 10], "seats": 6}
    ]
    students = {p["id"]: p for p in doc["students"]}
    a, b, c = problem["children"]
    assert set(students) == {f"S-{a.pk}", f"S-{b.pk}", f"S-{c.pk}"}
    assert students[f"S-{a.pk}"]["sibling_group"] == "F-TEST-SIB"
    assert students[f"S-{c.pk}"]["sibling_group"] is None
    assert students[f"S-{c.pk}"]["grade"] == 3 and students[f"S-{c.pk}"]["level"] == "primary"
    assert students[f"S-{a.pk}"]["school_forms"] == ["Gesamtschule"]
    assert students[f"S-{a.pk}"]["registered_on"] == timezone.localdate().isoformat()


def test_seats_already_proposed_are_not_exported_again(staff, problem):
    offer = problem["offer"]
    a = problem["children"][0]
    answer = {
        "format": "teilhabe-placement/1",
        "assignments": [{"student": f"S-{a.pk}", "offer": f"100036-{offer.pk}"}],
    }
    run = import_proposals(actor=staff.schulamt, data=json.dumps(answer).encode())
    # a draft reserves nothing yet: a new run replaces it
    assert build_instance(centre=staff.centre)["schools"][0]["offers"][0]["seats"] == 6
    release_run(actor=staff.schulamt, run=run)
    doc = build_instance(centre=staff.centre)
    assert doc["schools"][0]["offers"][0]["seats"] == 5
    assert f"S-{a.pk}" not in {p["id"] for p in doc["students"]}


def test_command_and_download_write_the_same_document(staff, problem, tmp_path, login):
    out = tmp_path / "problem.json"
    call_command("export_placement", "--centre", str(staff.centre.pk), "-o", str(out))
    from_file = json.loads(out.read_text(encoding="utf-8"))
    response = login(staff.schulamt).get(reverse("zuweisung:placement_export"))
    assert response["Content-Disposition"].startswith("attachment;")
    assert json.loads(response.content)["students"] == from_file["students"]
    parse_instance(from_file)


def test_answer_round_trips_as_proposals(staff, problem):
    offer = problem["offer"]
    a, b, _c = problem["children"]
    answer = {
        "format": "teilhabe-placement/1",
        "assignments": [
            {
                "student": f"S-{a.pk}",
                "school": "100036",
                "offer": f"100036-{offer.pk}",
                "distance_km": 1.9,
            },
            {
                "student": f"S-{b.pk}",
                "school": "100036",
                "offer": f"100036-{offer.pk}",
                "distance_km": 1.9,
            },
        ],
        "unplaced": [{"student": f"S-{_c.pk}", "reason": "no_seat_in_reach"}],
        "cost": 1.0,
    }
    run = import_proposals(actor=staff.schulamt, data=json.dumps(answer).encode())
    assert run.status == "draft" and run.placements.count() == 2
    # a draft: the children still wait, the school sees nothing yet
    assert set(Child.objects.filter(pk__in=[a.pk, b.pk]).values_list("status", flat=True)) == {
        "ready"
    }
    release_run(actor=staff.schulamt, run=run)
    assert set(Child.objects.filter(pk__in=[a.pk, b.pk]).values_list("status", flat=True)) == {
        "proposed"
    }
    assert Placement.objects.get(child=a).distance_km == 1.9


@pytest.mark.parametrize(
    ("assignments", "message"),
    [
        (lambda a, o: [{"student": "S-999999", "offer": o}], "unbekanntes oder nicht mehr"),
        (lambda a, o: [{"student": a[0], "offer": "100036-999999"}], "unbekanntes Angebot"),
        (lambda a, o: [{"student": s, "offer": o} for s in a], "nur 1 Plätze frei"),
        (lambda a, o: [{"student": a[0], "offer": o}] * 2, "mehrfach"),
        (lambda a, o: [{"student": a[2], "offer": o}], "braucht Primarstufe"),
    ],
    ids=["unknown-student", "unknown-offer", "over-capacity", "twice", "wrong-level"],
)
def test_invalid_answer_writes_nothing(staff, problem, assignments, message):
    offer = problem["offer"]
    offer.seats_total = 1
    offer.save()
    students = [f"S-{c.pk}" for c in problem["children"]]
    answer = {
        "format": "teilhabe-placement/1",
        "assignments": assignments(students, f"100036-{offer.pk}"),
    }
    with pytest.raises(ValidationError) as exc:
        import_proposals(actor=staff.schulamt, data=json.dumps(answer).encode())
    assert any(message in m for m in exc.value.messages), exc.value.messages
    assert not Placement.objects.exists()
    assert not Child.objects.filter(status="proposed").exists()


def test_answer_outside_the_offers_grades_writes_nothing(staff, problem):
    offer = problem["offer"]
    offer.grade_from, offer.grade_to = 8, 10
    offer.save()
    child = problem["children"][0]  # recommended grade 7
    answer = {
        "format": "teilhabe-placement/1",
        "assignments": [{"student": f"S-{child.pk}", "offer": f"100036-{offer.pk}"}],
    }
    with pytest.raises(ValidationError) as exc:
        import_proposals(actor=staff.schulamt, data=json.dumps(answer).encode())
    assert any("braucht Klasse 7" in m and "8–10" in m for m in exc.value.messages)
    assert not Placement.objects.exists()


def test_not_json_or_wrong_format_is_a_clear_error(staff, login):
    with pytest.raises(ValidationError, match="Zeile 1"):
        import_proposals(actor=staff.schulamt, data=b"{nope")
    with pytest.raises(ValidationError, match="teilhabe-placement/1"):
        import_proposals(actor=staff.schulamt, data=b'{"format": "x"}')


def test_declined_school_is_excluded_for_that_child(staff, problem):
    from teilhabe.zuweisung.services.decisions import decline_placement

    offer = problem["offer"]
    a = problem["children"][0]
    answer = {
        "format": "teilhabe-placement/1",
        "assignments": [{"student": f"S-{a.pk}", "offer": f"100036-{offer.pk}"}],
    }
    run = import_proposals(actor=staff.schulamt, data=json.dumps(answer).encode())
    release_run(actor=staff.schulamt, run=run)
    placement = run.placements.get()
    decline_placement(actor=staff.schulamt, placement=placement, reason="no_seat")
    doc = build_instance(centre=staff.centre)
    parse_instance(doc)
    student = next(p for p in doc["students"] if p["id"] == f"S-{a.pk}")
    assert student["excluded_schools"] == ["100036"]


@pytest.mark.parametrize("distance", ["1" + "0" * 400, "NaN", "-Infinity", "-3", "true"])
def test_unusable_distance_is_left_empty(staff, problem, distance):
    """The distance is the sender's claim: a number that no float column holds stays empty."""
    offer = problem["offer"]
    a = problem["children"][0]
    item = {"student": f"S-{a.pk}", "offer": f"100036-{offer.pk}", "distance_km": "DIST"}
    answer = {"format": "teilhabe-placement/1", "assignments": [item]}
    data = json.dumps(answer).replace('"DIST"', distance)
    run = import_proposals(actor=staff.schulamt, data=data.encode())
    assert run.placements.get().distance_km is None


@pytest.mark.parametrize(
    "data",
    [b"[" * 100_000, b'{"format": ' + b"1" * 5000 + b"}", b"\xff\xfe{}"],
    ids=["deeply-nested", "over-long-number", "not-utf8"],
)
def test_hostile_json_is_a_clear_error(staff, data):
    with pytest.raises(ValidationError) as exc:
        import_proposals(actor=staff.schulamt, data=data)
    assert exc.value.messages[0].startswith(("Kein gültiges JSON", "Die Datei ist nicht"))

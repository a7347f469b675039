"""The Einstufung: status moves, plausibility of the recommendation, the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from teilhabe.audit.models import AuditEntry
from teilhabe.seiteneinstieg.choices import Status
from teilhabe.seiteneinstieg.models import Assessment
from teilhabe.seiteneinstieg.services import assessments as services
from teilhabe.seiteneinstieg.services.errors import TransitionError
from tests.factories import AssessmentFactory, ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db

SECONDARY = {
    "german_level": "A1",
    "maths_level": "age_appropriate",
    "first_language_literacy": "age_appropriate",
    "prior_school_type": "lower_secondary",
    "recommended_level": "secondary",
    "recommended_grade": 7,
    "recommended_school_forms": ["Gesamtschule", "Realschule"],
}


def _child(staff, status: Status = Status.COUNSELLED, **kwargs):
    return ChildFactory(family=FamilyFactory(centre=staff.centre), status=status, **kwargs)


def _years_ago(years: int, days: int = 0) -> dt.date:
    today = timezone.localdate()
    if (today.month, today.day) == (2, 29):
        today -= dt.timedelta(days=1)  # no 29 February in most years
    return today.replace(year=today.year - years) + dt.timedelta(days=days)


def _record(staff, child, **overrides):
    return services.record_assessment(
        actor=staff.counsellor, child=child, **{**SECONDARY, **overrides}
    )


def test_assessment_moves_counselled_child_to_assessed(staff):
    child = _child(staff)
    assessment = _record(staff, child, notes="  Liest kyrillisch flüssig. ")
    child.refresh_from_db()
    assert child.status == Status.ASSESSED and child.assessed_at is not None
    assert child.recommended_level == "secondary"
    assert assessment.assessed_by == staff.counsellor
    assert assessment.notes == "Liest kyrillisch flüssig."
    entry = AuditEntry.objects.get(action="seiteneinstieg.assessment.recorded")
    assert entry.data["assessment"] == assessment.pk and entry.data["reassessment"] is False
    # one service call, one entry: the status change is part of it
    assert entry.data["status"] == {"from": "counselled", "to": "assessed"}
    assert AuditEntry.objects.count() == 1


def test_reassessment_keeps_ready_and_updates_the_level(staff):
    child = _child(staff, Status.READY, birth_date=_years_ago(17))
    _record(
        staff,
        child,
        recommended_level="vocational",
        recommended_grade=11,
        recommended_school_forms=["Berufskolleg"],
    )
    child.refresh_from_db()
    assert child.status == Status.READY
    assert child.recommended_level == "vocational"
    assert AuditEntry.objects.get(action="seiteneinstieg.assessment.recorded").data["reassessment"]


@pytest.mark.parametrize("status", [Status.REGISTERED, Status.INVITED, Status.PLACED])
def test_assessment_needs_counselling_first(staff, status):
    child = _child(staff, status)
    with pytest.raises(ValidationError, match="erst nach dem Beratungsgespräch"):
        _record(staff, child)
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    ("level", "grade", "ok"),
    [
        ("primary", 1, True),
        ("primary", 4, True),
        ("primary", 5, False),
        ("secondary", 4, False),
        ("secondary", 5, True),
        ("secondary", 10, True),
        ("secondary", 11, False),
        ("vocational", 10, False),
        ("vocational", 11, True),
    ],
)
def test_grade_must_fit_the_level(staff, level, grade, ok):
    child = _child(staff, birth_date=_years_ago(17))
    forms = {"primary": ["Grundschule"], "secondary": ["Hauptschule"]}.get(level, ["Berufskolleg"])
    kwargs = {
        "recommended_level": level,
        "recommended_grade": grade,
        "recommended_school_forms": forms,
    }
    if ok:
        _record(staff, child, **kwargs)
    else:
        with pytest.raises(ValidationError) as excinfo:
            _record(staff, child, **kwargs)
        assert "recommended_grade" in excinfo.value.message_dict
        assert "passt nicht zur Stufe" in excinfo.value.message_dict["recommended_grade"][0]


def test_vocational_only_from_16_on_the_day_of_assessment(staff):
    vocational = {
        "recommended_level": "vocational",
        "recommended_grade": 11,
        "recommended_school_forms": ["Berufskolleg"],
    }
    sixteen_tomorrow = _child(staff, birth_date=_years_ago(16, days=1))
    with pytest.raises(ValidationError) as excinfo:
        _record(staff, sixteen_tomorrow, **vocational)
    assert excinfo.value.message_dict["recommended_level"] == [
        "Das Berufskolleg ist erst ab 16 Jahren möglich; das Kind ist am Tag der Einstufung "
        "15 Jahre alt."
    ]
    sixteen_today = _child(staff, birth_date=_years_ago(16))
    _record(staff, sixteen_today, **vocational)


def test_school_forms_must_exist_and_fit_the_level(staff):
    child = _child(staff)
    with pytest.raises(ValidationError) as excinfo:
        _record(staff, child, recommended_school_forms=["Grundschule", "Waldorfschule"])
    messages = excinfo.value.message_dict["recommended_school_forms"]
    assert "Unbekannte Schulform: Waldorfschule." in messages
    assert "Grundschule bietet keine Plätze der Stufe „Sekundarstufe I (Klasse 5–10)“." in messages


def test_only_casework_of_the_same_centre_assesses(staff, other_staff):
    child = _child(staff)
    with pytest.raises(PermissionDenied):
        services.record_assessment(actor=staff.schulamt, child=child, **SECONDARY)
    with pytest.raises(PermissionDenied):
        services.record_assessment(actor=other_staff.counsellor, child=child, **SECONDARY)


def test_mark_ready(staff):
    child = _child(staff, Status.ASSESSED)
    AssessmentFactory(child=child, assessed_by=staff.counsellor)
    services.mark_ready(actor=staff.counsellor, child=child)
    child.refresh_from_db()
    assert child.status == Status.READY and child.ready_at is not None
    assert AuditEntry.objects.filter(action="seiteneinstieg.child.ready").count() == 1

    counselled = _child(staff)
    with pytest.raises(TransitionError):
        services.mark_ready(actor=staff.counsellor, child=counselled)
    without = _child(staff, Status.ASSESSED)
    with pytest.raises(ValidationError, match="Ohne Einstufung"):
        services.mark_ready(actor=staff.counsellor, child=without)
    with pytest.raises(PermissionDenied):
        services.mark_ready(actor=staff.schulamt, child=without)


# --- pages -------------------------------------------------------------------------------


def _post_data(**overrides):
    data = {**SECONDARY, **overrides}
    return {k: v for k, v in data.items()}


def test_assessment_page_records_and_returns_to_the_case(staff, login):
    child = _child(staff)
    client = login(staff.counsellor)
    url = reverse("seiteneinstieg:assessment_create", args=[child.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _post_data())
    assert response.status_code == 302
    assert response.url == reverse("seiteneinstieg:child_detail", args=[child.pk])
    assessment = Assessment.objects.get(child=child)
    assert assessment.recommended_school_forms == ["Gesamtschule", "Realschule"]
    page = client.get(response.url).content.decode()
    assert "Sekundarstufe I (Klasse 5–10), Klasse 7" in page
    assert reverse("seiteneinstieg:child_ready", args=[child.pk]) in page  # the button
    # a re-assessment starts from the latest values
    form = client.get(url).context["form"]
    assert form.initial["recommended_grade"] == 7


def test_assessment_page_shows_german_errors(staff, login):
    child = _child(staff)
    response = login(staff.counsellor).post(
        reverse("seiteneinstieg:assessment_create", args=[child.pk]),
        _post_data(
            recommended_level="primary",
            recommended_grade=7,
            recommended_school_forms=["Grundschule"],
        ),
    )
    assert response.status_code == 400
    assert "Klasse 7 passt nicht zur Stufe „Primarstufe (Klasse 1–4)“." in (
        response.content.decode()
    )
    assert not Assessment.objects.exists()


def test_ready_button(staff, login):
    child = _child(staff, Status.ASSESSED)
    AssessmentFactory(child=child, assessed_by=staff.counsellor)
    client = login(staff.counsellor)
    response = client.post(reverse("seiteneinstieg:child_ready", args=[child.pk]), follow=True)
    assert "ist bereit zur Zuweisung" in response.content.decode()
    child.refresh_from_db()
    assert child.status == Status.READY
    response = client.post(reverse("seiteneinstieg:child_ready", args=[child.pk]), follow=True)
    assert "ist nicht möglich" in response.content.decode()

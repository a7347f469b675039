"""The scheduled jobs of the work area, run as commands."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from teilhabe.notify.models import OutboxMail
from teilhabe.oeffnung.models import AllowedMailDomain, Registration, SurveyAnswer
from teilhabe.oeffnung.services import survey as survey_services
from teilhabe.oeffnung.services import training as training_services
from tests.factories import (
    CourseFactory,
    DepartmentFactory,
    MeasureFactory,
    SessionFactory,
    WaveFactory,
    link_department,
)

pytestmark = pytest.mark.django_db


def run(name: str) -> str:
    out = io.StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


def test_seal_survey_keeps_every_answer(staff):
    department = DepartmentFactory(centre=staff.centre)
    wave = WaveFactory(centre=staff.centre, departments=[department])
    code = survey_services.issue_codes(
        actor=staff.centre_admin, wave=wave, department=department, count=1
    )[0]
    survey_services.submit_answer(
        centre=staff.centre,
        code=code,
        answers=survey_services.AnswerInput(
            german_now="yes", person=survey_services.PersonAnswer("DE", "yes")
        ),
    )
    assert "neu geordnet" in run("seal_survey")
    assert SurveyAnswer.objects.count() == 1


def test_remind_stale_measures_command(staff):
    department = DepartmentFactory(centre=staff.centre)
    link_department(staff.department_contact, department)
    MeasureFactory(department=department, updated_on=timezone.localdate() - dt.timedelta(days=400))
    assert run("remind_stale_measures").startswith("1 ")
    assert run("remind_stale_measures").startswith("0 ")
    assert OutboxMail.objects.filter(subject__startswith="Bitte aktualisieren").count() == 1


def test_training_jobs_lapse_offers_and_remind(staff):
    AllowedMailDomain.objects.create(centre=staff.centre, domain="stadt-koeln.de")
    course = CourseFactory(centre=staff.centre, capacity=1)
    SessionFactory(course=course, starts_at=timezone.now() + dt.timedelta(hours=20))
    people = []
    for name in ("a", "b", "c"):
        r = training_services.register(
            centre=staff.centre,
            course=course,
            first_name=name,
            last_name="X",
            email=f"{name}@stadt-koeln.de",
        )
        people.append(training_services.confirm(token=r.token))
    training_services.cancel(token=people[0].token)
    Registration.objects.filter(pk=people[1].pk).update(
        offer_expires_at=timezone.now() - dt.timedelta(minutes=5)
    )
    assert "1 Angebot(e) verfallen" in run("training_jobs")
    assert Registration.objects.get(pk=people[2].pk).status == "offered"
    assert "0 Angebot(e) verfallen" in run("training_jobs")

"""The demo loader fills every part of the work area through the services."""

from __future__ import annotations

import pytest

from teilhabe.oeffnung import demo
from teilhabe.oeffnung.models import AccessCode, Department, Measure, SurveyAnswer
from teilhabe.oeffnung.selectors.survey import survey_results, waves

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_gives_protected_results(staff):
    assert demo.load(staff.centre, answers=120)
    assert not demo.load(staff.centre)  # idempotent
    assert Department.objects.for_centre(staff.centre).count() == 15
    assert Measure.objects.for_centre(staff.centre).count() >= 20
    assert SurveyAnswer.objects.count() == 120
    assert AccessCode.objects.filter(used=True).count() == 120
    wave = waves(user=staff.centre_admin).get()
    results = survey_results(user=staff.centre_admin, wave=wave)
    for table in results.tables:
        for row in [*table.rows, table.total]:
            for cell in (row.with_, row.without):
                assert cell.hidden or cell.count >= 5


def test_demo_courses_have_a_waiting_list(staff):
    from teilhabe.oeffnung.models import Course, Registration

    demo.load(staff.centre, answers=20)
    assert Course.objects.for_centre(staff.centre).count() == 2
    assert Registration.objects.filter(status="waiting").count() == 2

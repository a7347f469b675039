"""Training data three years after the course's last session; department contacts one year
after the account was deactivated (time travel through apply_retention)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from teilhabe.audit.retention import apply_retention
from teilhabe.centres.models import User
from teilhabe.centres.roles import Role
from teilhabe.core.registry import years
from teilhabe.oeffnung.models import (
    Attendance,
    Course,
    CourseSession,
    DepartmentMembership,
    Registration,
)
from tests.factories import (
    CourseFactory,
    DepartmentFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
    link_department,
)

pytestmark = pytest.mark.django_db

T0 = timezone.now()
DAY = dt.timedelta(days=1)


@pytest.fixture
def training(staff):
    done = CourseFactory(centre=staff.centre)
    first = SessionFactory(course=done, starts_at=T0 - dt.timedelta(days=40))
    last = SessionFactory(course=done, starts_at=T0 - dt.timedelta(days=10))
    registration = RegistrationFactory(course=done, registered_at=T0 - dt.timedelta(days=60))
    for session in (first, last):
        Attendance.objects.create(registration=registration, session=session, present=True)
    coming = CourseFactory(centre=staff.centre)
    SessionFactory(course=coming, starts_at=T0 + dt.timedelta(days=30))
    waiting = RegistrationFactory(course=coming, registered_at=T0 - dt.timedelta(days=60))
    unscheduled = CourseFactory(centre=staff.centre)
    early = RegistrationFactory(course=unscheduled, registered_at=T0)
    return {
        "done": done,
        "registration": registration,
        "waiting": waiting,
        "early": early,
        "last_end": last.ends_at,
    }


def test_kept_until_three_years_after_the_last_session(training):
    apply_retention(now=training["last_end"] + years(3) - DAY)
    assert Registration.objects.filter(pk=training["registration"].pk).exists()
    assert CourseSession.objects.filter(course=training["done"]).count() == 2
    assert Attendance.objects.filter(registration=training["registration"]).count() == 2


def test_then_registrations_attendance_and_sessions_go_but_the_course_stays(training):
    results = {r.model: r for r in apply_retention(now=training["last_end"] + years(3) + DAY)}
    assert not Registration.objects.filter(pk=training["registration"].pk).exists()
    assert not CourseSession.objects.filter(course=training["done"]).exists()
    assert not Attendance.objects.exists()
    assert Course.objects.filter(pk=training["done"].pk).exists()
    assert results["oeffnung.attendance"].rows == 2
    assert results["oeffnung.coursesession"].rows == 2
    # a course still to come keeps its waiting list
    assert Registration.objects.filter(pk=training["waiting"].pk).exists()


def test_a_course_without_dates_counts_from_the_registration(training):
    apply_retention(now=T0 + years(3) - DAY)
    assert Registration.objects.filter(pk=training["early"].pk).exists()
    apply_retention(now=T0 + years(3) + DAY)
    assert not Registration.objects.filter(pk=training["early"].pk).exists()
    assert Registration.objects.filter(pk=training["waiting"].pk).exists()


def test_department_contact_goes_a_year_after_deactivation(staff):
    department = DepartmentFactory(centre=staff.centre)
    left = UserFactory(centre=staff.centre, role=Role.DEPARTMENT_CONTACT, is_active=False)
    stays = UserFactory(centre=staff.centre, role=Role.DEPARTMENT_CONTACT)
    for user in (left, stays):
        link_department(user, department)
        User.objects.filter(pk=user.pk).update(last_login=T0)
    apply_retention(now=T0 + years(1) - DAY)
    assert DepartmentMembership.objects.filter(user=left).exists()
    apply_retention(now=T0 + years(1) + DAY)
    assert not DepartmentMembership.objects.filter(user=left).exists()
    assert DepartmentMembership.objects.filter(user=stays).exists()
    assert User.objects.filter(pk=left.pk).exists()  # the account has its own rule

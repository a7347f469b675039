"""Rows of intercultural training and department contacts whose retention period is over.

Training: three years after the course's last session (the share of staff trained in the
last three years is reported; ``selectors`` count from attendance). A course without any
session counts from the registration. Department contacts: one year after the account was
deactivated (removing the assignment deletes the row at once).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Q, QuerySet

from teilhabe.centres.retention import deactivated_before
from teilhabe.core.registry import years
from teilhabe.oeffnung.models import (
    Attendance,
    Course,
    CourseSession,
    DepartmentMembership,
    Registration,
)

TRAINING_PERIOD = years(3)
MEMBERSHIP_PERIOD = years(1)


def due_department_memberships(now: dt.datetime) -> QuerySet[DepartmentMembership]:
    return DepartmentMembership._base_manager.filter(
        user__in=deactivated_before(now - MEMBERSHIP_PERIOD)
    )


def _finished_courses(now: dt.datetime) -> QuerySet[Course]:
    """Courses whose last session ended more than three years before ``now``."""
    return (
        Course._base_manager.annotate(last_end=Max("sessions__ends_at"))
        .filter(last_end__lt=now - TRAINING_PERIOD)
        .values("pk")
    )


def _courses_without_sessions() -> QuerySet[Course]:
    return Course._base_manager.filter(sessions__isnull=True).values("pk")


def due_registrations(now: dt.datetime) -> QuerySet[Registration]:
    return Registration._base_manager.filter(
        Q(course__in=_finished_courses(now))
        | Q(course__in=_courses_without_sessions(), registered_at__lt=now - TRAINING_PERIOD)
    )


def due_attendances(now: dt.datetime) -> QuerySet[Attendance]:
    return Attendance._base_manager.filter(session__course__in=_finished_courses(now))


def due_sessions(now: dt.datetime) -> QuerySet[CourseSession]:
    return CourseSession._base_manager.filter(course__in=_finished_courses(now))

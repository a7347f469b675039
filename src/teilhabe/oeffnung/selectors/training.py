"""Reading the training: courses with seats, the public catalogue, trained staff shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teilhabe.centres.models import Centre
from teilhabe.core.privacy import protect_row
from teilhabe.oeffnung.models import Course, CourseSession, Department, Registration
from teilhabe.oeffnung.services.training import SEAT_HOLDING, attendance_met

THRESHOLD = 5


def _annotated(qs: QuerySet[Course]) -> QuerySet[Course]:
    return qs.annotate(
        taken=Count("registrations", filter=Q(registrations__status__in=SEAT_HOLDING)),
        waiting=Count("registrations", filter=Q(registrations__status="waiting")),
        first_start=Min("sessions__starts_at"),
    )


def courses(*, user: Any) -> QuerySet[Course]:
    return _annotated(Course.objects.for_user(user)).order_by("first_start", "title")


def course_for(*, user: Any, pk: int) -> Course:
    return get_object_or_404(Course.objects.for_user(user), pk=pk)


def session_for(*, user: Any, pk: int) -> CourseSession:
    return get_object_or_404(CourseSession.objects.for_user(user).select_related("course"), pk=pk)


def registration_for(*, user: Any, pk: int) -> Registration:
    return get_object_or_404(
        Registration.objects.for_user(user).select_related("course", "department"), pk=pk
    )


def catalogue(*, centre: Centre) -> QuerySet[Course]:
    """Courses of the centre whose first session is still ahead (public page)."""
    return (
        _annotated(Course.objects.for_centre(centre))
        .filter(first_start__gt=timezone.now())
        .order_by("first_start")
    )


def public_course(*, centre: Centre, pk: int) -> Course:
    return get_object_or_404(Course.objects.for_centre(centre), pk=pk)


@dataclass
class TrainedRow:
    department: str
    staff: int | None
    trained: str  # protected count as shown
    share: float | None


def trained_shares(*, user: Any, today: dt.date | None = None) -> tuple[list[TrainedRow], str]:
    """Per department: people who earned a certificate in the last three years.

    Counts go through ``protect_row`` (threshold 5, secondary suppression with the total);
    a share is shown only next to a shown count and a known staff number.
    """
    today = today or timezone.localdate()
    since = timezone.make_aware(dt.datetime(today.year - 3, today.month, min(today.day, 28)))
    trained: dict[int | None, set[str]] = {}
    registrations = (
        Registration.objects.for_user(user)
        .filter(status=Registration.Status.CONFIRMED, course__sessions__ends_at__gte=since)
        .select_related("course")
        .distinct()
    )
    for registration in registrations:
        if attendance_met(registration):
            trained.setdefault(registration.department_id, set()).add(registration.email)
    departments = list(Department.objects.for_user(user).filter(level__in=["amt", "abteilung"]))
    items = [(str(d), len(trained.get(d.pk, set()))) for d in departments]
    items.append(("ohne Angabe", len(trained.get(None, set()))))
    figures, total = protect_row(items, exact=False, threshold=THRESHOLD)
    rows = []
    for department, figure in zip([*departments, None], figures, strict=True):
        staff = department.staff_count if department else None
        share = 100 * figure.count / staff if staff and not figure.hidden else None
        rows.append(TrainedRow(figure.label, staff, "." if figure.hidden else figure.shown, share))
    return rows, "." if total.hidden else total.shown

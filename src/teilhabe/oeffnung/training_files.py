"""Training files: the sign-in sheet of a session and the certificate of attendance (PDF)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from teilhabe.oeffnung.models import CourseSession, Registration


def _pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango at import time

    return HTML(string=html).write_pdf()


def signin_sheet_pdf(session: CourseSession, participants: list[Registration]) -> bytes:
    return _pdf(
        render_to_string(
            "oeffnung/signin_sheet.html",
            {"session": session, "course": session.course, "participants": participants},
        )
    )


def certificate_pdf(registration: Registration) -> bytes:
    course = registration.course
    return _pdf(
        render_to_string(
            "oeffnung/certificate.html",
            {
                "registration": registration,
                "course": course,
                "sessions": list(course.sessions.all()),
                "today": timezone.localdate(),
            },
        )
    )

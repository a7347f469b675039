"""Intercultural training: staff pages (courses, sessions, attendance, files, figures)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.oeffnung import training_files
from teilhabe.oeffnung.forms import CourseForm, DomainsForm, SessionForm
from teilhabe.oeffnung.models import AllowedMailDomain, Attendance, Registration
from teilhabe.oeffnung.selectors import training as selectors
from teilhabe.oeffnung.services import training as services


@staff_view("oeffnung.manage_training")
@require_http_methods(["GET", "POST"])
def course_list(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.create_course(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return redirect("oeffnung:course_detail", pk=course.pk)
    domains = AllowedMailDomain.objects.for_user(request.user).values_list("domain", flat=True)
    return render(
        request,
        "oeffnung/course_list.html",
        {
            "courses": selectors.courses(user=request.user),
            "form": form,
            "domains_form": DomainsForm(initial={"domains": "\n".join(domains)}),
        },
    )


@staff_view("oeffnung.manage_training")
@require_POST
def training_domains(request: HttpRequest) -> HttpResponse:
    form = DomainsForm(request.POST)
    if form.is_valid():
        try:
            services.set_allowed_domains(
                actor=request.user, domains=form.cleaned_data["domains"].split()
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("E-Mail-Domains gespeichert."))
    return redirect("oeffnung:course_list")


@staff_view("oeffnung.manage_training")
@require_GET
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_for(user=request.user, pk=pk)
    registrations = list(course.registrations.select_related("department"))
    return render(
        request,
        "oeffnung/course_detail.html",
        {
            "course": course,
            "sessions": list(course.sessions.all()),
            "registrations": registrations,
            "confirmed": [r for r in registrations if r.status == Registration.Status.CONFIRMED],
            "certified": {r.pk for r in registrations if services.attendance_met(r)},
            "session_form": SessionForm(),
        },
    )


@staff_view("oeffnung.manage_training")
@require_POST
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_for(user=request.user, pk=pk)
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            services.add_session(actor=request.user, course=course, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Termin angelegt."))
    else:
        for name, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{form.fields[name].label}: {error}")
    return redirect("oeffnung:course_detail", pk=course.pk)


@staff_view("oeffnung.manage_training")
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for(user=request.user, pk=pk)
    participants = list(
        session.course.registrations.filter(status=Registration.Status.CONFIRMED).order_by(
            "last_name", "first_name"
        )
    )
    if request.method == "POST":
        present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
        services.record_attendance(actor=request.user, session=session, present_ids=present)
        messages.success(request, _("Anwesenheit gespeichert."))
        return redirect("oeffnung:course_detail", pk=session.course_id)
    ticked = set(
        Attendance.objects.filter(session=session, present=True).values_list(
            "registration_id", flat=True
        )
    )
    return render(
        request,
        "oeffnung/attendance.html",
        {"session": session, "participants": participants, "ticked": ticked},
    )


@staff_view("oeffnung.manage_training")
@require_GET
def signin_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_for(user=request.user, pk=pk)
    participants = list(
        session.course.registrations.filter(status=Registration.Status.CONFIRMED).order_by(
            "last_name", "first_name"
        )
    )
    response = HttpResponse(
        training_files.signin_sheet_pdf(session, participants), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="unterschriften-{session.pk}.pdf"'
    return response


@staff_view("oeffnung.manage_training")
@require_GET
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    registration = selectors.registration_for(user=request.user, pk=pk)
    try:
        services.issue_certificate(actor=request.user, registration=registration)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("oeffnung:course_detail", pk=registration.course_id)
    response = HttpResponse(
        training_files.certificate_pdf(registration), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="bescheinigung-{registration.pk}.pdf"'
    return response


@staff_view("oeffnung.manage_training")
@require_GET
def course_ical(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_for(user=request.user, pk=pk)
    response = HttpResponse(services.course_ical(course), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="fortbildung-{course.pk}.ics"'
    return response


@staff_view("oeffnung.view_training_figures")
@require_GET
def training_figures(request: HttpRequest) -> HttpResponse:
    rows, total = selectors.trained_shares(user=request.user)
    return render(
        request, "oeffnung/training_figures.html", {"rows": rows, "total": total, "threshold": 5}
    )

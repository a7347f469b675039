"""Staff pages of engagement (German): organisations, volunteers, needs and matching."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.engagement import forms as f
from teilhabe.engagement.choices import AssignmentStatus, VolunteerStatus
from teilhabe.engagement.selectors import organisation_for, organisations_for_user
from teilhabe.engagement.selectors import volunteers as vs
from teilhabe.engagement.services import needs as need_services
from teilhabe.engagement.services import organisations as org_services
from teilhabe.engagement.services import volunteers as vol_services


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# --- organisations ------------------------------------------------------------------------


@staff_view("engagement.view_organisations")
@require_http_methods(["GET", "POST"])
def organisation_list(request: HttpRequest) -> HttpResponse:
    can_manage = request.user.has_perm("engagement.manage")
    form = f.StaffOrganisationForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                organisation = org_services.create_organisation(
                    actor=request.user,
                    values=form.values(),
                    is_public=form.cleaned_data["is_public"],
                )
            except ValidationError as exc:
                show_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    gettext("„%(name)s“ eingetragen; der Link ist unterwegs.")
                    % {"name": organisation.name},
                )
                return redirect("engagement:organisation_list")
    return render(
        request,
        "engagement/organisation_list.html",
        {"organisations": organisations_for_user(request.user), "form": form},
    )


@staff_view("engagement.manage")
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(user=request.user, pk=pk)
    initial = {**f.OrganisationForm.initial_for(organisation), "is_public": organisation.is_public}
    form = f.StaffOrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            org_services.update_organisation(
                actor=request.user,
                organisation=organisation,
                values=form.values(),
                is_public=form.cleaned_data["is_public"],
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, gettext("Gespeichert."))
            return redirect("engagement:organisation_list")
    return render(
        request,
        "engagement/organisation_edit.html",
        {"organisation": organisation, "form": form},
    )


@staff_view("engagement.manage")
@require_POST
def organisation_send_link(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_for(user=request.user, pk=pk)
    org_services.send_organisation_link(
        actor=request.user, organisation=organisation, renew=bool(request.POST.get("renew"))
    )
    messages.success(request, gettext("Der Link ist unterwegs."))
    return redirect("engagement:organisation_edit", pk=organisation.pk)


# --- volunteers ---------------------------------------------------------------------------


@staff_view("engagement.manage")
@require_GET
def volunteer_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engagement/volunteer_list.html",
        {"volunteers": vs.volunteers_for_user(request.user), "Status": VolunteerStatus},
    )


@staff_view("engagement.manage")
@require_GET
def volunteer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = vs.volunteer_for(user=request.user, pk=pk)
    return render(
        request,
        "engagement/volunteer_detail.html",
        {
            "volunteer": volunteer,
            "assignments": vs.my_assignments(volunteer),
            "hours": vs.hours_summary(volunteer),
            "certificate_form": f.CertificateForm(
                initial={"seen_on": volunteer.certificate_seen_on}
            ),
            "certificate_until": need_services.matching.certificate_valid_until(
                volunteer.certificate_seen_on
            ),
        },
    )


@staff_view("engagement.manage")
@require_POST
def volunteer_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = vs.volunteer_for(user=request.user, pk=pk)
    try:
        vol_services.confirm_volunteer(actor=request.user, volunteer=volunteer)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, gettext("Bestätigt; der Anmeldelink ist unterwegs."))
    return redirect("engagement:volunteer_detail", pk=volunteer.pk)


@staff_view("engagement.manage")
@require_POST
def volunteer_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = vs.volunteer_for(user=request.user, pk=pk)
    form = f.CertificateForm(request.POST)
    if form.is_valid():
        try:
            vol_services.record_certificate(
                actor=request.user, volunteer=volunteer, seen_on=form.cleaned_data["seen_on"]
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, gettext("Datum gespeichert."))
    else:
        messages.error(request, gettext("Bitte ein gültiges Datum angeben."))
    return redirect("engagement:volunteer_detail", pk=volunteer.pk)


# --- needs --------------------------------------------------------------------------------


@staff_view("engagement.manage")
@require_http_methods(["GET", "POST"])
def need_list(request: HttpRequest) -> HttpResponse:
    form = f.NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            need = need_services.create_need(actor=request.user, values=form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, gettext("Bedarf angelegt."))
            return redirect("engagement:need_detail", pk=need.pk)
    today = timezone.localdate()
    return render(
        request,
        "engagement/need_list.html",
        {
            "needs": vs.needs_for_user(request.user),
            "form": form,
            "week_form": f.WeekForm(initial={"week": today - dt.timedelta(days=today.weekday())}),
        },
    )


@staff_view("engagement.manage")
@require_GET
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = vs.need_for(user=request.user, pk=pk)
    return render(
        request,
        "engagement/need_detail.html",
        {
            "need": need,
            "assignments": need.assignments.select_related("volunteer"),
            "candidates": vs.candidates(need)[:20],
            "Status": AssignmentStatus,
        },
    )


@staff_view("engagement.manage")
@require_POST
def need_request(request: HttpRequest, pk: int) -> HttpResponse:
    need = vs.need_for(user=request.user, pk=pk)
    volunteer = None
    raw = request.POST.get("volunteer", "")
    if raw:
        if not raw.isdigit() or len(raw) > 12:
            messages.error(request, gettext("Bitte eine Person aus der Liste wählen."))
            return redirect("engagement:need_detail", pk=need.pk)
        volunteer = vs.volunteer_for(user=request.user, pk=int(raw))
    try:
        assignment = need_services.request_volunteer(
            actor=request.user, need=need, volunteer=volunteer
        )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request, gettext("%(name)s ist angefragt.") % {"name": assignment.volunteer}
        )
    return redirect("engagement:need_detail", pk=need.pk)


@staff_view("engagement.manage")
@require_POST
def need_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    need = vs.need_for(user=request.user, pk=pk)
    need_services.cancel_need(actor=request.user, need=need)
    messages.success(request, gettext("Bedarf abgesagt."))
    return redirect("engagement:need_list")


@staff_view("engagement.manage")
@require_POST
def assignment_no_show(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = vs.assignment_for(user=request.user, pk=pk)
    try:
        need_services.record_no_show(actor=request.user, assignment=assignment)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, gettext("Als „nicht erschienen“ vermerkt."))
    return redirect("engagement:need_detail", pk=assignment.need_id)


@staff_view("engagement.manage")
@require_POST
def week_match(request: HttpRequest) -> HttpResponse:
    form = f.WeekForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Bitte eine Woche angeben."))
        return redirect("engagement:need_list")
    week = form.cleaned_data["week"]
    week -= dt.timedelta(days=week.weekday())
    try:
        result = need_services.match_week(actor=request.user, week_start=week)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request,
            gettext(
                "%(met)s Bedarfe angefragt (einfache Zuordnung der Reihe nach: %(greedy)s), "
                "%(seconds).1f s."
            )
            % {"met": result.needs_met, "greedy": result.greedy_met, "seconds": result.seconds},
        )
    return redirect("engagement:need_list")

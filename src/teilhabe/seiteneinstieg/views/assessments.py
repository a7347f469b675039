"""Pages for the Einstufung and for releasing a child for school assignment."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.seiteneinstieg.forms.assessments import AssessmentForm
from teilhabe.seiteneinstieg.selectors import cases as case_selectors
from teilhabe.seiteneinstieg.services import assessments as services


@staff_view("seiteneinstieg.assess_child")
@require_http_methods(["GET", "POST"])
def assessment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Record an Einstufung; the form starts from the latest one when re-assessing."""
    child = case_selectors.child_detail(user=request.user, pk=pk)
    latest = child.assessments.all().first()
    initial = {}
    if latest is not None:
        initial = {
            name: getattr(latest, name) for name in AssessmentForm.base_fields if name != "notes"
        }
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_assessment(actor=request.user, child=child, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Einstufung gespeichert."))
            return redirect("seiteneinstieg:child_detail", pk=child.pk)
    return render(
        request,
        "seiteneinstieg/assessment_form.html",
        {"child": child, "form": form, "latest": latest},
        status=400 if form.errors else 200,
    )


@staff_view("seiteneinstieg.change_case")
@require_POST
def child_ready(request: HttpRequest, pk: int) -> HttpResponse:
    """„Bereit zur Zuweisung“ button on the case page."""
    child = case_selectors.child_detail(user=request.user, pk=pk)
    try:
        services.mark_ready(actor=request.user, child=child)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(request, _("%(name)s ist bereit zur Zuweisung.") % {"name": child})
    return redirect("seiteneinstieg:child_detail", pk=child.pk)

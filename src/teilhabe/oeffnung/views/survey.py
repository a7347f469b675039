"""Staff pages of the staff survey: waves, code letters, protected results and exports."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.oeffnung import survey_exports
from teilhabe.oeffnung.forms import CodesForm, WaveForm
from teilhabe.oeffnung.selectors import survey as selectors
from teilhabe.oeffnung.services import survey as services
from teilhabe.oeffnung.services.exports import record_results_export


@staff_view("oeffnung.view_survey_results")
@require_GET
def wave_list(request: HttpRequest) -> HttpResponse:
    return render(request, "oeffnung/wave_list.html", {"waves": selectors.waves(user=request.user)})


@staff_view("oeffnung.manage_survey")
@require_http_methods(["GET", "POST"])
def wave_create(request: HttpRequest) -> HttpResponse:
    form = WaveForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            wave = services.create_wave(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return redirect("oeffnung:wave_detail", pk=wave.pk)
    return render(request, "oeffnung/wave_form.html", {"form": form})


@staff_view("oeffnung.view_survey_results")
@require_GET
def wave_detail(request: HttpRequest, pk: int) -> HttpResponse:
    wave = selectors.wave_for(user=request.user, pk=pk)
    results = survey_exports.add_charts(selectors.survey_results(user=request.user, wave=wave))
    return render(
        request,
        "oeffnung/wave_detail.html",
        {
            "wave": wave,
            "results": results,
            "public_url": request.build_absolute_uri(
                reverse("befragung:start", kwargs={"centre": wave.centre.slug})
            ),
            "codes_form": CodesForm(wave=wave),
        },
    )


@staff_view("oeffnung.manage_survey")
@require_http_methods(["GET", "POST"])
def wave_codes(request: HttpRequest, pk: int) -> HttpResponse:
    """Code letters as PDF: the plain codes are printed now and never stored."""
    wave = selectors.wave_for(user=request.user, pk=pk)
    form = CodesForm(request.POST or None, wave=wave)
    if request.method == "POST" and form.is_valid():
        department = form.cleaned_data["department"]
        try:
            codes = services.issue_codes(
                actor=request.user,
                wave=wave,
                department=department,
                count=form.cleaned_data["count"],
            )
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            url = request.build_absolute_uri(
                reverse("befragung:start", kwargs={"centre": wave.centre.slug})
            )
            pdf = survey_exports.code_letters_pdf(
                wave=wave, department=department, codes=codes, url=url
            )
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = (
                f'attachment; filename="zugangscodes-{wave.pk}-{department.pk}.pdf"'
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "oeffnung/wave_codes.html", {"wave": wave, "form": form})


@staff_view("oeffnung.view_survey_results")
@require_GET
def wave_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("xlsx", "pdf"):
        raise Http404
    wave = selectors.wave_for(user=request.user, pk=pk)
    results = selectors.survey_results(user=request.user, wave=wave)
    record_results_export(actor=request.user, wave=wave, fmt=fmt)
    if fmt == "xlsx":
        content, content_type = survey_exports.results_xlsx(results), survey_exports.XLSX_TYPE
    else:
        content, content_type = survey_exports.results_pdf(results), "application/pdf"
    response = HttpResponse(content, content_type=content_type)
    name = f"befragung-{wave.pk}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

"""The measures programme: list, detail, edit, import, and the council report."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teilhabe.core.decorators import staff_view
from teilhabe.core.forms import show_service_errors
from teilhabe.oeffnung import council_report
from teilhabe.oeffnung.forms import (
    ChaptersForm,
    ImportForm,
    IndicatorForm,
    IndicatorValueForm,
    MeasureFilterForm,
    MeasureForm,
    ReportForm,
)
from teilhabe.oeffnung.models import CouncilReport
from teilhabe.oeffnung.rules import department_id_of
from teilhabe.oeffnung.selectors import measures as selectors
from teilhabe.oeffnung.services import measure_import, reports
from teilhabe.oeffnung.services import measures as services

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_view("oeffnung.view_measures")
@require_GET
def measure_list(request: HttpRequest) -> HttpResponse:
    form = MeasureFilterForm(request.GET or None, user=request.user)
    nodes = selectors.programme(user=request.user, **form.filters())
    return render(
        request,
        "oeffnung/measure_list.html",
        {
            "form": form,
            "nodes": nodes,
            "own_department": department_id_of(request.user),
            "total_progress": council_report.progress_total(nodes),
        },
    )


@staff_view("oeffnung.view_measures")
@require_GET
def measure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    node = selectors.node_for(user=request.user, pk=pk)
    measure = node.measure
    return render(
        request,
        "oeffnung/measure_detail.html",
        {
            "node": node,
            "measure": measure,
            "can_change": request.user.has_perm("oeffnung.change_measure", measure),
            "indicators": measure.indicators.prefetch_related("values"),
            "value_form": IndicatorValueForm(),
            "indicator_form": IndicatorForm(auto_id="new-indicator-%s"),
        },
    )


@staff_view("oeffnung.change_measure")
@require_POST
def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.measure_for(user=request.user, pk=pk)
    if not request.user.has_perm("oeffnung.change_measure", measure):
        raise PermissionDenied
    form = IndicatorForm(request.POST)
    if form.is_valid():
        try:
            services.add_indicator(actor=request.user, measure=measure, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Kennzahl angelegt."))
    else:
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{form.fields[field].label}: {error}")
    return redirect("oeffnung:measure_detail", pk=measure.pk)


@staff_view("oeffnung.change_measure")
@require_http_methods(["GET", "POST"])
def measure_create(request: HttpRequest) -> HttpResponse:
    own = department_id_of(request.user)
    form = MeasureForm(
        request.POST or None,
        user=request.user,
        initial={
            "department": own,
            "progress": 0,
            "planned_cost": 0,
            "spent_cost": 0,
            "weight": 1,
            "funding_source": "budget",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            measure = services.create_measure(actor=request.user, data=form.measure_input())
        except ValidationError as exc:
            show_service_errors(form, exc)
        except PermissionDenied:
            form.add_error("department", _("Für diese Dienststelle dürfen Sie nichts anlegen."))
        else:
            return redirect("oeffnung:measure_detail", pk=measure.pk)
    return render(request, "oeffnung/measure_form.html", {"form": form, "measure": None})


@staff_view("oeffnung.change_measure")
@require_http_methods(["GET", "POST"])
def measure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.measure_for(user=request.user, pk=pk)
    if not request.user.has_perm("oeffnung.change_measure", measure):
        raise PermissionDenied
    initial = {
        name: getattr(measure, name) for name in MeasureForm.base_fields if name != "partners"
    }
    initial["partners"] = list(measure.partners.all())
    form = MeasureForm(request.POST or None, user=request.user, measure=measure, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_measure(actor=request.user, measure=measure, data=form.measure_input())
        except ValidationError as exc:
            show_service_errors(form, exc)
        except PermissionDenied:
            form.add_error("department", _("Für diese Dienststelle dürfen Sie nichts ändern."))
        else:
            messages.success(request, _("Maßnahme gespeichert."))
            return redirect("oeffnung:measure_detail", pk=measure.pk)
    return render(request, "oeffnung/measure_form.html", {"form": form, "measure": measure})


@staff_view("oeffnung.change_measure")
@require_POST
def indicator_value(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator_for(user=request.user, pk=pk)
    if not request.user.has_perm("oeffnung.change_measure", indicator.measure):
        raise PermissionDenied
    form = IndicatorValueForm(request.POST)
    if form.is_valid():
        try:
            services.record_indicator_value(
                actor=request.user, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Istwert gespeichert."))
    else:
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{form.fields[field].label}: {error}")
    return redirect("oeffnung:measure_detail", pk=indicator.measure_id)


@staff_view("oeffnung.import_measures")
@require_http_methods(["GET", "POST"])
def measure_import_view(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = measure_import.import_measures(
                actor=request.user, content=upload.read(), filename=upload.name
            )
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(request, _("%(n)s Maßnahmen importiert.") % {"n": result.created})
            return redirect("oeffnung:measure_list")
    return render(
        request,
        "oeffnung/measure_import.html",
        {"form": form, "problems": problems, "columns": list(measure_import.COLUMNS)},
    )


# --- council report -----------------------------------------------------------------------


@staff_view("oeffnung.manage_council_report")
@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = reports.create_report(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            return redirect("oeffnung:report_edit", pk=report.pk)
    return render(
        request,
        "oeffnung/report_list.html",
        {"reports": selectors.reports(user=request.user), "form": form},
    )


@staff_view("oeffnung.manage_council_report")
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for(user=request.user, pk=pk)
    final = report.status == CouncilReport.Status.FINAL
    form = ChaptersForm(
        None if final else (request.POST or None),
        chapters=council_report.chapter_titles(),
        initial=report.chapter_texts,
    )
    if request.method == "POST" and not final and form.is_valid():
        try:
            reports.update_chapters(actor=request.user, report=report, texts=form.cleaned_data)
        except ValidationError as exc:
            show_service_errors(form, exc)
        else:
            messages.success(request, _("Texte gespeichert."))
            return redirect("oeffnung:report_edit", pk=report.pk)
    snapshot = report.snapshot if final else council_report.build_snapshot(report)
    return render(
        request,
        "oeffnung/report_edit.html",
        {
            "report": report,
            "form": form,
            "final": final,
            "s": snapshot,
            "status_chart": council_report.status_chart(snapshot),
            "cost_chart": council_report.cost_chart(snapshot),
        },
    )


@staff_view("oeffnung.manage_council_report")
@require_POST
def report_finalise(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for(user=request.user, pk=pk)
    try:
        reports.finalise_report(actor=request.user, report=report)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Der Bericht ist abgeschlossen und unveränderlich gespeichert.")
        )
    return redirect("oeffnung:report_edit", pk=report.pk)


@staff_view("oeffnung.manage_council_report")
@require_GET
def report_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A final report's stored file; a draft's rendered from the live programme."""
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    report = selectors.report_for(user=request.user, pk=pk)
    if report.status == CouncilReport.Status.FINAL:
        content = bytes(report.final_pdf if fmt == "pdf" else report.final_xlsx)
    else:
        snapshot = council_report.build_snapshot(report)
        content = (
            council_report.render_pdf(snapshot, final=False)
            if fmt == "pdf"
            else council_report.render_xlsx(snapshot)
        )
    response = HttpResponse(content, content_type="application/pdf" if fmt == "pdf" else XLSX_TYPE)
    disposition = "inline" if fmt == "pdf" else "attachment"
    response["Content-Disposition"] = (
        f'{disposition}; filename="fortschrittsbericht-{report.year}.{fmt}"'
    )
    return response

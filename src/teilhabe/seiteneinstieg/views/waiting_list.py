"""The waiting list, its export, and the statistics page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from teilhabe.core.decorators import staff_view
from teilhabe.seiteneinstieg import exports
from teilhabe.seiteneinstieg.forms.waiting_list import (
    PLACE_LABELS,
    WaitingListFilterForm,
    place_kind,
)
from teilhabe.seiteneinstieg.selectors import waiting_list as selectors
from teilhabe.seiteneinstieg.services.exports import record_waiting_list_export

EXPORT_FORMATS = {"xlsx", "csv"}


def _filter_form(request: HttpRequest) -> WaitingListFilterForm:
    # Only the form's own fields: the page number and the like stay out of validation.
    data = {k: v for k, v in request.GET.items() if k in WaitingListFilterForm.base_fields}
    return WaitingListFilterForm(data, area=selectors.area_for_user(user=request.user))


@staff_view("seiteneinstieg.view_waiting_list")
@require_GET
def waiting_list(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    filters = form.filters()
    kind = place_kind(selectors.area_for_user(user=request.user))
    page, children = selectors.waiting_list_page(
        user=request.user, filters=filters, number=request.GET.get("seite")
    )
    today = timezone.localdate()
    query = request.GET.copy()
    query.pop("seite", None)
    sort_query = request.GET.copy()
    for key in ("seite", "sort"):
        sort_query.pop(key, None)
    return render(
        request,
        "seiteneinstieg/waiting_list.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "rows": list(selectors.entries(children, today=today)),
            "today": today,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "overdue_days": selectors.OVERDUE_DAYS,
            "show_town": kind != "district",  # one town (Köln): the Stadtteil says enough
            "place_heading": PLACE_LABELS[kind][0],
        },
    )


@staff_view("seiteneinstieg.export_waiting_list")
@require_GET
def waiting_list_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The whole filtered list (not one page) as xlsx or csv."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    filters = _filter_form(request).filters()
    children = selectors.waiting_list(user=request.user, filters=filters)
    record_waiting_list_export(actor=request.user, fmt=fmt, filters=filters)
    today = timezone.localdate()
    if fmt == "xlsx":
        content, content_type = exports.waiting_list_xlsx(children, today=today), exports.XLSX_TYPE
    else:
        content, content_type = exports.waiting_list_csv(children, today=today), exports.CSV_TYPE
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="warteliste-{today:%Y-%m-%d}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_view("seiteneinstieg.view_statistics")
@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    figures = selectors.waiting_statistics(user=request.user)
    return render(
        request,
        "seiteneinstieg/statistics.html",
        {"figures": figures, "overdue_days": selectors.OVERDUE_DAYS},
    )

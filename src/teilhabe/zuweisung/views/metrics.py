"""From registration to classroom: how long it takes, as charts and tables, and as xlsx."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from teilhabe.core.decorators import staff_view
from teilhabe.documents.responses import file_response
from teilhabe.exports.writers import XLSX_TYPE, xlsx_bytes
from teilhabe.zuweisung.selectors.metrics import (
    bar_chart,
    metrics_rows_for_export,
    placement_metrics,
)


@staff_view("zuweisung.view_metrics")
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    data = placement_metrics(user=request.user)
    if data is None:
        raise Http404
    return render(
        request,
        "zuweisung/metrics.html",
        {
            "m": data,
            "chart_month": bar_chart(data["by_month"]),
            "chart_level": bar_chart(data["by_level"]),
        },
    )


@staff_view("zuweisung.view_metrics")
@require_GET
def metrics_export(request: HttpRequest) -> HttpResponse:
    data = placement_metrics(user=request.user)
    if data is None:
        raise Http404
    content = xlsx_bytes(
        title=_("Zuweisung"),
        header=[_("Gruppe"), _("Wert"), _("Kinder"), _("Median (Tage)"), _("90. Perzentil (Tage)")],
        rows=metrics_rows_for_export(data),
    )
    name = f"zuweisung-kennzahlen-{timezone.localdate():%Y-%m-%d}.xlsx"
    return file_response(content, name, XLSX_TYPE)

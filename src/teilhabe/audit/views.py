from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from teilhabe.audit.forms import AuditFilterForm
from teilhabe.audit.models import AuditEntry
from teilhabe.audit.processing import as_markdown, processing_record
from teilhabe.audit.selectors import audit_entries_for_centre, describe_entries
from teilhabe.core.decorators import staff_view


@staff_view("centres.view_audit")
def audit_list(request: HttpRequest) -> HttpResponse:
    """The centre's Protokoll, filterable; a bad filter is shown as an error, never ignored."""
    params = request.GET.copy()
    params.pop("seite", None)
    form = AuditFilterForm(params, user=request.user)
    if form.is_valid():
        entries = audit_entries_for_centre(user=request.user, filters=form.filters())
    else:
        entries = AuditEntry.objects.none()
    page = Paginator(entries, 50).get_page(request.GET.get("seite"))
    page.object_list = describe_entries(page.object_list)
    return render(
        request,
        "audit/list.html",
        {
            "page": page,
            "form": form,
            "query": params.urlencode(),
            "can_view_processing_record": request.user.has_perm(
                "audit.view_processing_record", None
            ),
        },
        status=200 if form.is_valid() else 400,
    )


@staff_view("audit.view_processing_record")
def processing_record_page(request: HttpRequest) -> HttpResponse:
    """The record of processing activities (Art. 30 DSGVO) of the user's centre."""
    record = processing_record(centre=request.user.centre)
    return render(request, "audit/processing_record.html", {"record": record})


@staff_view("audit.view_processing_record")
def processing_record_download(request: HttpRequest) -> HttpResponse:
    """The same record as a Markdown file, for the data protection officer's files."""
    record = processing_record(centre=request.user.centre)
    response = HttpResponse(as_markdown(record), content_type="text/markdown; charset=utf-8")
    stamp = f"{timezone.localdate():%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="verarbeitungsverzeichnis-{stamp}.md"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from teilhabe.audit.forms import AuditFilterForm
from teilhabe.audit.models import AuditEntry
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
        {"page": page, "form": form, "query": params.urlencode()},
        status=200 if form.is_valid() else 400,
    )
